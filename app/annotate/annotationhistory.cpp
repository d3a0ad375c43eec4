#include "annotate/annotationhistory.h"

#include "annotate/annotatedincident.h"
#include "annotate/annotationstore.h"
#include "annotate/incidentfields.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace makran {

namespace {

QString when(const QDateTime& at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC");
}

QString tagList(const std::optional<QString>& json)
{
    QStringList tags;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.value_or(QString()).toUtf8()).array())
        tags << value.toString();
    return tags.isEmpty() ? QStringLiteral("(none)") : tags.join(QStringLiteral(", "));
}

} // namespace

QString HistoryEntry::describe() const
{
    QString text = QStringLiteral("%1 %2: %3").arg(when(at), author.isEmpty() ? QStringLiteral("(unknown)") : author,
                                                   action);
    if (!field.isEmpty())
        text += u' ' + field;
    if (!oldValue.isNull())
        text += QStringLiteral(": %1 -> %2").arg(oldValue, newValue);
    else if (!newValue.isEmpty())
        text += QStringLiteral(": ") + newValue;
    if (undone)
        text += QStringLiteral(" [undone by %1 %2]").arg(undoneBy, when(undoneAt));
    return text;
}

QList<HistoryEntry> AnnotationHistory::of(const AnnotationStore& annotations, const QString& incidentKey)
{
    QHash<QString, qint64> idByKey;
    const QHash<qint64, QString> keys = annotations.keysById();
    for (auto it = keys.begin(); it != keys.end(); ++it)
        idByKey.insert(it.value(), it.key());
    QHash<QString, qint64> reportByHash;
    const QHash<qint64, QString> hashes = annotations.reportHashesById();
    for (auto it = hashes.begin(); it != hashes.end(); ++it)
        reportByHash.insert(it.value(), it.key());
    const auto incidentName = [&](const QString& key) {
        const qint64 id = idByKey.value(key);
        return id ? QStringLiteral("incident %1").arg(id) : QStringLiteral("incident %1 (no longer stored)").arg(key);
    };
    const auto reportName = [&](const QString& hash) {
        const qint64 id = reportByHash.value(hash);
        return id ? QStringLiteral("report %1").arg(id) : QStringLiteral("report %1 (no longer stored)").arg(hash.left(16));
    };

    QList<HistoryEntry> entries;
    for (const AnnotationRecord& record : annotations.records(incidentKey, true)) {
        HistoryEntry entry;
        entry.at = record.at;
        entry.author = record.author;
        entry.undone = record.undone;
        entry.undoneBy = record.undoneBy;
        entry.undoneAt = record.undoneAt;
        const bool mine = record.incidentKey == incidentKey;
        switch (record.kind) {
        case AnnotationKind::FieldEdit:
            entry.action = QStringLiteral("set");
            entry.field = record.field;
            entry.oldValue = record.previous ? IncidentFields::display(record.field, *record.previous)
                                             : QStringLiteral("(not recorded)");
            entry.newValue = record.value ? IncidentFields::display(record.field, *record.value)
                                          : QStringLiteral("(the extracted value)");
            break;
        case AnnotationKind::Note:
            entry.action = QStringLiteral("note");
            entry.newValue = record.value.value_or(QString());
            break;
        case AnnotationKind::Tags:
            entry.action = QStringLiteral("tags");
            entry.oldValue = tagList(record.previous);
            entry.newValue = tagList(record.value);
            break;
        case AnnotationKind::Link:
            entry.action = record.active ? QStringLiteral("link") : QStringLiteral("unlink");
            entry.field = IncidentLink{record.field, mine, {}, 0, {}, {}}.label();
            entry.newValue = incidentName(mine ? record.otherKey : record.incidentKey);
            break;
        case AnnotationKind::Merge:
            entry.action = record.active ? QStringLiteral("merge") : QStringLiteral("split");
            if (mine)
                entry.newValue = record.active ? QStringLiteral("%1 merged into this one").arg(incidentName(record.otherKey))
                                               : QStringLiteral("%1 split off").arg(incidentName(record.otherKey));
            else
                entry.newValue = record.active ? QStringLiteral("merged into %1").arg(incidentName(record.incidentKey))
                                               : QStringLiteral("split off from %1").arg(incidentName(record.incidentKey));
            if (!record.detail.isEmpty())
                entry.newValue += QStringLiteral(" (%1)").arg(record.detail);
            break;
        case AnnotationKind::DetachedSource:
            entry.action = QStringLiteral("separate");
            entry.newValue = reportName(record.reportHash);
            break;
        case AnnotationKind::Quote:
            entry.action = QStringLiteral("quote");
            entry.newValue = QStringLiteral("\u201c%1\u201d (%2, %3)")
                                 .arg(record.value.value_or(QString()),
                                      record.detail.isEmpty() ? QStringLiteral("unnamed speaker") : record.detail,
                                      reportName(record.reportHash));
            break;
        case AnnotationKind::Evidence:
            entry.action = QStringLiteral("evidence");
            entry.field = record.field;
            entry.newValue = QStringLiteral("characters %1-%2 of %3").arg(record.start).arg(record.end).arg(reportName(record.reportHash));
            break;
        }
        entries.append(entry);
    }
    return entries;
}

} // namespace makran
