#include "annotate/annotationstore.h"

#include "annotate/annotationschema.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace makran {

namespace {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

QString timestamp(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QString& text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs).toUTC();
}

void bindOptional(SqliteStatement& statement, int index, const std::optional<QString>& value)
{
    if (value)
        statement.bind(index, value->isNull() ? QStringLiteral("") : *value); // "" is a value, NULL is not
    else
        statement.bindNull(index);
}

// Where each kind is stored, and which of append()'s numbered parameters fill which of its columns.
struct KindTable {
    const char* name;
    const char* columns;
    const char* parameters;
};

KindTable tableOf(AnnotationKind kind)
{
    switch (kind) {
    case AnnotationKind::FieldEdit:
        return {"incident_edits", "incident_key, field, value, author, edited_at", "?1, ?2, ?3, ?6, ?7"};
    case AnnotationKind::Note:
        return {"annotation_notes", "incident_key, text, author, edited_at", "?1, ?3, ?6, ?7"};
    case AnnotationKind::Tags:
        return {"annotation_tags", "incident_key, tags, previous, author, edited_at", "?1, ?3, ?4, ?6, ?7"};
    case AnnotationKind::Link:
        return {"annotation_links", "incident_key, other_key, kind, linked, author, edited_at",
                "?1, ?5, ?2, ?8, ?6, ?7"};
    case AnnotationKind::Merge:
        return {"annotation_merges", "incident_key, merged_key, merged, author, edited_at", "?1, ?5, ?8, ?6, ?7"};
    case AnnotationKind::DetachedSource:
        return {"annotation_detached_sources", "incident_key, report_hash, author, edited_at", "?1, ?9, ?6, ?7"};
    case AnnotationKind::Quote:
        return {"annotation_quotes", "incident_key, report_hash, speaker, text, start, end, author, edited_at",
                "?1, ?9, ?10, ?3, ?11, ?12, ?6, ?7"};
    case AnnotationKind::Evidence:
        return {"annotation_evidence", "incident_key, report_hash, field, start, end, reasoning, author, edited_at",
                "?1, ?9, ?2, ?11, ?12, ?10, ?6, ?7"};
    }
    return {"", "", ""};
}

QByteArray insertSqlOf(AnnotationKind kind)
{
    const KindTable table = tableOf(kind);
    return QByteArray("INSERT INTO ") + table.name + '(' + table.columns + ") VALUES (" + table.parameters + ')';
}

// Every table read into one column layout (see AnnotationRecord), the kind as a number.
constexpr const char* kAllRecords = R"SQL(
SELECT * FROM (
  SELECT 0 AS kind, e.id, e.incident_key, NULL AS other_key, e.field, e.value, d.previous, NULL AS detail,
         NULL AS report_hash, -1 AS start, -1 AS end, 1 AS active, e.author, e.edited_at, e.superseded,
         d.undone_by, d.undone_at
    FROM incident_edits e LEFT JOIN annotation_edit_details d ON d.edit_id = e.id
  UNION ALL
  SELECT 1, id, incident_key, NULL, NULL, text, NULL, NULL, NULL, -1, -1, 1, author, edited_at, superseded,
         undone_by, undone_at FROM annotation_notes
  UNION ALL
  SELECT 2, id, incident_key, NULL, NULL, tags, previous, NULL, NULL, -1, -1, 1, author, edited_at, superseded,
         undone_by, undone_at FROM annotation_tags
  UNION ALL
  SELECT 3, id, incident_key, other_key, kind, NULL, NULL, NULL, NULL, -1, -1, linked, author, edited_at,
         superseded, undone_by, undone_at FROM annotation_links
  UNION ALL
  SELECT 4, id, incident_key, merged_key, NULL, NULL, NULL,
         (SELECT reason FROM annotation_merge_reasons r WHERE r.merge_id = annotation_merges.id), NULL, -1, -1,
         merged, author, edited_at, superseded, undone_by, undone_at FROM annotation_merges
  UNION ALL
  SELECT 5, id, incident_key, NULL, NULL, NULL, NULL, NULL, report_hash, -1, -1, 1, author, edited_at,
         superseded, undone_by, undone_at FROM annotation_detached_sources
  UNION ALL
  SELECT 6, id, incident_key, NULL, NULL, text, NULL, speaker, report_hash, start, end, 1, author, edited_at,
         superseded, undone_by, undone_at FROM annotation_quotes
  UNION ALL
  SELECT 7, id, incident_key, NULL, field, NULL, NULL, reasoning, report_hash, start, end, 1, author, edited_at,
         superseded, undone_by, undone_at FROM annotation_evidence
)
WHERE (?1 IS NULL OR incident_key = ?1 OR other_key = ?1) AND (?2 OR superseded = 0)
ORDER BY edited_at, kind, id
)SQL";

} // namespace

AnnotationStore::AnnotationStore(Store& store) : m_store(store)
{
    m_ready = AnnotationSchema::ensure(m_store.database(), &m_error);
    if (!m_ready)
        m_error = QStringLiteral("cannot create the annotation tables: %1").arg(m_error);
}

QDateTime AnnotationStore::now() const
{
    QDateTime at = (m_clock ? m_clock() : QDateTime::currentDateTimeUtc()).toUTC();
    // Strictly increasing within a session, so the history's order is the order things were done even
    // when two edits fall in the same millisecond.
    if (m_last.isValid() && at <= m_last)
        at = m_last.addMSecs(1);
    m_last = at;
    return at;
}

qint64 AnnotationStore::append(const AnnotationRecord& record, QString* error)
{
    const auto failed = [this, error](const QString& message) {
        m_lastError = message;
        fail(error, message);
        return qint64(0);
    };
    if (!m_ready)
        return failed(m_error);
    SqliteDatabase& db = m_store.database();
    SqliteStatement insert = db.prepare(insertSqlOf(record.kind).constData());
    if (!insert.isValid())
        return failed(insert.error());
    // One numbering for all tables; each statement uses the parameters it needs.
    insert.bind(1, record.incidentKey);
    insert.bind(2, record.field);
    bindOptional(insert, 3, record.value);
    bindOptional(insert, 4, record.previous);
    insert.bind(5, record.otherKey);
    insert.bind(6, record.author);
    insert.bind(7, timestamp(record.at.isValid() ? record.at : now()));
    insert.bind(8, qint64(record.active ? 1 : 0));
    insert.bind(9, record.reportHash);
    insert.bind(10, record.detail);
    insert.bind(11, record.start);
    insert.bind(12, record.end);
    if (!insert.execute())
        return failed(insert.error());
    const qint64 id = db.lastInsertId();
    if (record.kind == AnnotationKind::Merge && !record.detail.isEmpty()) {
        auto reason = db.prepare("INSERT INTO annotation_merge_reasons(merge_id, reason) VALUES (?, ?)");
        reason.bind(1, id);
        reason.bind(2, record.detail);
        if (!reason.execute())
            return failed(reason.error());
    }
    if (record.kind == AnnotationKind::FieldEdit) {
        auto details = db.prepare("INSERT INTO annotation_edit_details(edit_id, previous) VALUES (?, ?)");
        details.bind(1, id);
        bindOptional(details, 2, record.previous);
        if (!details.execute())
            return failed(details.error());
    }
    return id;
}

bool AnnotationStore::supersede(const AnnotationRow& row, const QString& author, QString* error)
{
    QString message;
    if (markSuperseded(row, author, &message))
        return true;
    m_lastError = message;
    return fail(error, message);
}

bool AnnotationStore::markSuperseded(const AnnotationRow& row, const QString& author, QString* error)
{
    if (!m_ready)
        return fail(error, m_error);
    SqliteDatabase& db = m_store.database();
    const QString at = timestamp(now());
    if (row.kind == AnnotationKind::FieldEdit) {
        auto mark = db.prepare("UPDATE incident_edits SET superseded = 1 WHERE id = ?");
        mark.bind(1, row.id);
        auto details = db.prepare("INSERT INTO annotation_edit_details(edit_id, undone_by, undone_at) VALUES (?, ?, ?) "
                                  "ON CONFLICT(edit_id) DO UPDATE SET undone_by = excluded.undone_by, "
                                  "undone_at = excluded.undone_at");
        details.bind(1, row.id);
        details.bind(2, author);
        details.bind(3, at);
        if (!mark.execute())
            return fail(error, mark.error());
        if (!details.execute())
            return fail(error, details.error());
        return true;
    }
    const QByteArray sql = QByteArray("UPDATE ") + tableOf(row.kind).name +
                           " SET superseded = 1, undone_by = ?, undone_at = ? WHERE id = ?";
    auto mark = db.prepare(sql.constData());
    mark.bind(1, author);
    mark.bind(2, at);
    mark.bind(3, row.id);
    return mark.execute() || fail(error, mark.error());
}

std::vector<AnnotationRecord> AnnotationStore::records(const QString& key, bool includeUndone) const
{
    std::vector<AnnotationRecord> result;
    if (!m_ready)
        return result;
    auto query = m_store.database().prepare(kAllRecords);
    if (key.isEmpty())
        query.bindNull(1);
    else
        query.bind(1, key);
    query.bind(2, qint64(includeUndone ? 1 : 0));
    while (query.step()) {
        AnnotationRecord record;
        record.kind = AnnotationKind(query.int64(0));
        record.id = query.int64(1);
        record.incidentKey = query.text(2);
        record.otherKey = query.text(3);
        record.field = query.text(4);
        if (!query.isNull(5))
            record.value = query.text(5);
        if (!query.isNull(6))
            record.previous = query.text(6);
        record.detail = query.text(7);
        record.reportHash = query.text(8);
        record.start = query.int64(9);
        record.end = query.int64(10);
        record.active = query.int64(11) != 0;
        record.author = query.text(12);
        record.at = timeFrom(query.text(13));
        record.undone = query.int64(14) != 0;
        record.undoneBy = query.text(15);
        record.undoneAt = timeFrom(query.text(16));
        result.push_back(std::move(record));
    }
    return result;
}

QHash<qint64, QString> AnnotationStore::keysById() const
{
    QHash<qint64, QString> keys;
    auto query = m_store.database().prepare(
        "SELECT i.id, COALESCE(i.incident_key, substr(r.content_hash, 1, 16) || ':' || i.ordinal) "
        "FROM incidents i JOIN reports r ON r.id = i.report_id");
    while (query.step())
        keys.insert(query.int64(0), query.text(1));
    return keys;
}

std::optional<QString> AnnotationStore::keyOf(qint64 incidentId) const
{
    // The same formula Store::insertIncident uses, for incidents stored before keys existed.
    auto query = m_store.database().prepare(
        "SELECT COALESCE(i.incident_key, substr(r.content_hash, 1, 16) || ':' || i.ordinal) "
        "FROM incidents i JOIN reports r ON r.id = i.report_id WHERE i.id = ?");
    query.bind(1, incidentId);
    if (query.step())
        return query.text(0);
    return std::nullopt;
}

QHash<QString, qint64> AnnotationStore::idsOfKeys(const QStringList& keys) const
{
    QHash<QString, qint64> ids;
    if (keys.isEmpty())
        return ids;
    auto query = m_store.database().prepare(
        "SELECT incident_key, id FROM incidents WHERE incident_key IN (SELECT value FROM json_each(?))");
    query.bind(1, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact)));
    while (query.step())
        ids.insert(query.text(0), query.int64(1));
    // Rows stored before keys existed: the key is computed as in keysById().
    auto legacy = m_store.database().prepare(
        "SELECT i.id FROM incidents i JOIN reports r ON r.id = i.report_id "
        "WHERE i.incident_key IS NULL AND i.ordinal = ? AND substr(r.content_hash, 1, 16) = ?");
    for (const QString& key : keys) {
        const qsizetype colon = key.lastIndexOf(u':');
        if (ids.contains(key) || colon < 0)
            continue;
        legacy.reset();
        legacy.bind(1, key.mid(colon + 1).toLongLong());
        legacy.bind(2, key.left(colon));
        if (legacy.step())
            ids.insert(key, legacy.int64(0));
    }
    return ids;
}

QHash<qint64, QString> AnnotationStore::reportHashesById() const
{
    QHash<qint64, QString> hashes;
    auto query = m_store.database().prepare("SELECT id, content_hash FROM reports");
    while (query.step())
        hashes.insert(query.int64(0), query.text(1));
    return hashes;
}

std::optional<QString> AnnotationStore::reportHash(qint64 reportId) const
{
    auto query = m_store.database().prepare("SELECT content_hash FROM reports WHERE id = ?");
    query.bind(1, reportId);
    if (query.step())
        return query.text(0);
    return std::nullopt;
}

AnnotationStore::Savepoint::Savepoint(AnnotationStore& store) : m_store(store)
{
    m_active = m_store.m_store.database().exec("SAVEPOINT annotation");
}

AnnotationStore::Savepoint::~Savepoint()
{
    if (m_active) {
        SqliteDatabase& db = m_store.m_store.database();
        db.exec("ROLLBACK TO annotation");
        db.exec("RELEASE annotation");
    }
}

bool AnnotationStore::Savepoint::release(QString* error)
{
    if (!m_active)
        return fail(error, QStringLiteral("no savepoint to release"));
    m_active = false;
    return m_store.m_store.database().exec("RELEASE annotation", error);
}

} // namespace makran
