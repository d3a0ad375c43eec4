#include "annotate/annotationcommands.h"

#include "annotate/annotationstore.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace makran {

namespace {

QString tagsJson(const QStringList& tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

} // namespace

AnnotationCommand::AnnotationCommand(AnnotationStore& store, const QString& author, const QString& text)
    : QUndoCommand(text), m_store(store), m_author(author)
{
}

void AnnotationCommand::redo()
{
    m_error.clear();
    const QDateTime at = m_store.now(); // one time for every row of the step
    QList<AnnotationRow> written;
    AnnotationStore::Savepoint savepoint(m_store);
    if (!savepoint.isActive())
        m_error = QStringLiteral("cannot start writing: %1").arg(m_store.store().database().lastError());
    for (AnnotationRecord record : records()) {
        if (!m_error.isEmpty())
            break;
        record.author = m_author;
        record.at = at;
        const qint64 id = m_store.append(record, &m_error);
        if (id)
            written.append(AnnotationRow{record.kind, id});
    }
    if (m_error.isEmpty())
        savepoint.release(&m_error);
    if (!m_error.isEmpty()) {
        m_store.setLastError(m_error);
        if (!m_everDone)
            setObsolete(true);
        return;
    }
    m_rows = written;
    m_everDone = true;
}

QStringList AnnotationCommand::incidentKeys() const
{
    QStringList keys;
    for (const AnnotationRecord& record : records()) {
        for (const QString& key : {record.incidentKey, record.otherKey}) {
            if (!key.isEmpty() && !keys.contains(key))
                keys << key;
        }
    }
    return keys;
}

void AnnotationCommand::undo()
{
    m_error.clear();
    AnnotationStore::Savepoint savepoint(m_store);
    for (const AnnotationRow& row : m_rows) {
        if (!m_store.supersede(row, m_author, &m_error))
            break;
    }
    if (m_error.isEmpty())
        savepoint.release(&m_error);
    if (!m_error.isEmpty())
        m_store.setLastError(m_error);
}

SetFieldCommand::SetFieldCommand(AnnotationStore& store, const QString& author, const QString& text,
                                 const QString& key, const QList<FieldChange>& changes)
    : AnnotationCommand(store, author, text), m_key(key), m_changes(changes)
{
}

QList<AnnotationRecord> SetFieldCommand::records() const
{
    QList<AnnotationRecord> result;
    for (const FieldChange& change : m_changes) {
        AnnotationRecord record;
        record.kind = AnnotationKind::FieldEdit;
        record.incidentKey = m_key;
        record.field = change.field;
        record.value = change.value;
        record.previous = change.previous;
        result.append(record);
    }
    return result;
}

SetStatusCommand::SetStatusCommand(AnnotationStore& store, const QString& author, const QString& text,
                                   const QString& key, const QString& status, const QString& previous)
    : SetFieldCommand(store, author, text, key, {FieldChange{QStringLiteral("status"), status, previous}})
{
}

AddNoteCommand::AddNoteCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& key,
                               const QString& note)
    : AnnotationCommand(store, author, text), m_key(key), m_note(note)
{
}

QList<AnnotationRecord> AddNoteCommand::records() const
{
    AnnotationRecord record;
    record.kind = AnnotationKind::Note;
    record.incidentKey = m_key;
    record.value = m_note;
    return {record};
}

SetTagsCommand::SetTagsCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& key,
                               const QStringList& tags, const QStringList& previous)
    : AnnotationCommand(store, author, text), m_key(key), m_tags(tags), m_previous(previous)
{
}

QList<AnnotationRecord> SetTagsCommand::records() const
{
    AnnotationRecord record;
    record.kind = AnnotationKind::Tags;
    record.incidentKey = m_key;
    record.value = tagsJson(m_tags);
    record.previous = tagsJson(m_previous);
    return {record};
}

MergeIncidentsCommand::MergeIncidentsCommand(AnnotationStore& store, const QString& author, const QString& text,
                                             const QString& keptKey, const QString& mergedKey)
    : AnnotationCommand(store, author, text), m_keptKey(keptKey), m_mergedKey(mergedKey)
{
}

QList<AnnotationRecord> MergeIncidentsCommand::records() const
{
    AnnotationRecord record;
    record.kind = AnnotationKind::Merge;
    record.incidentKey = m_keptKey;
    record.otherKey = m_mergedKey;
    record.active = true;
    return {record};
}

SplitIncidentCommand::SplitIncidentCommand(AnnotationStore& store, const QString& author, const QString& text,
                                           AnnotationRecord record)
    : AnnotationCommand(store, author, text), m_record(std::move(record))
{
}

SplitIncidentCommand* SplitIncidentCommand::unmerge(AnnotationStore& store, const QString& author,
                                                    const QString& text, const QString& keptKey,
                                                    const QString& mergedKey)
{
    AnnotationRecord record;
    record.kind = AnnotationKind::Merge;
    record.incidentKey = keptKey;
    record.otherKey = mergedKey;
    record.active = false;
    return new SplitIncidentCommand(store, author, text, record);
}

SplitIncidentCommand* SplitIncidentCommand::separateReport(AnnotationStore& store, const QString& author,
                                                           const QString& text, const QString& key,
                                                           const QString& reportHash)
{
    AnnotationRecord record;
    record.kind = AnnotationKind::DetachedSource;
    record.incidentKey = key;
    record.reportHash = reportHash;
    return new SplitIncidentCommand(store, author, text, record);
}

QList<AnnotationRecord> SplitIncidentCommand::records() const
{
    return {m_record};
}

LinkIncidentsCommand::LinkIncidentsCommand(AnnotationStore& store, const QString& author, const QString& text,
                                           const QString& key, const QString& otherKey, const QString& kind,
                                           bool linked)
    : AnnotationCommand(store, author, text)
{
    m_record.kind = AnnotationKind::Link;
    m_record.incidentKey = key;
    m_record.otherKey = otherKey;
    m_record.field = kind;
    m_record.active = linked;
}

QList<AnnotationRecord> LinkIncidentsCommand::records() const
{
    return {m_record};
}

AddQuoteCommand::AddQuoteCommand(AnnotationStore& store, const QString& author, const QString& text,
                                 const QString& key, const QString& reportHash, const Quote& quote)
    : AnnotationCommand(store, author, text)
{
    m_record.kind = AnnotationKind::Quote;
    m_record.incidentKey = key;
    m_record.reportHash = reportHash;
    m_record.value = quote.text;
    m_record.detail = quote.speaker;
    m_record.start = quote.start;
    m_record.end = quote.end;
}

QList<AnnotationRecord> AddQuoteCommand::records() const
{
    return {m_record};
}

MarkEvidenceCommand::MarkEvidenceCommand(AnnotationStore& store, const QString& author, const QString& text,
                                         const QString& key, const QString& reportHash, const Evidence& evidence)
    : AnnotationCommand(store, author, text)
{
    m_record.kind = AnnotationKind::Evidence;
    m_record.incidentKey = key;
    m_record.reportHash = reportHash;
    m_record.field = evidence.field;
    m_record.start = evidence.start;
    m_record.end = evidence.end;
    m_record.detail = evidence.reasoning;
}

QList<AnnotationRecord> MarkEvidenceCommand::records() const
{
    return {m_record};
}

} // namespace makran
