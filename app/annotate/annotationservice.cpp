#include "annotate/annotationservice.h"

#include "annotate/annotationcommands.h"
#include "annotate/annotationstore.h"
#include "annotate/incidentfields.h"
#include "export/exportfields.h"
#include "store/store.h"

#include <QHash>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <memory>

namespace makran {

namespace {

enum TagMode { SetTags, AddTags, RemoveTags };

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

QString incidentLabel(qint64 id)
{
    return QStringLiteral("incident %1").arg(id);
}

// The model's evidence fields; corrections to a place's parts rest on the place's evidence, and so on.
QString evidenceFieldFor(const QString& field)
{
    static const QHash<QString, QString> mapped = {
        {QStringLiteral("date"), QStringLiteral("date")},
        {QStringLiteral("date_end"), QStringLiteral("date")},
        {QStringLiteral("date_precision"), QStringLiteral("date")},
        {QStringLiteral("event_type"), QStringLiteral("event_type")},
        {QStringLiteral("sub_event_type"), QStringLiteral("event_type")},
        {QStringLiteral("place"), QStringLiteral("place")},
        {QStringLiteral("admin1"), QStringLiteral("place")},
        {QStringLiteral("country"), QStringLiteral("place")},
        {QStringLiteral("lat"), QStringLiteral("place")},
        {QStringLiteral("lon"), QStringLiteral("place")},
        {QStringLiteral("geo_precision"), QStringLiteral("place")},
        {QStringLiteral("actors"), QStringLiteral("actor")},
        {QStringLiteral("actor"), QStringLiteral("actor")},
        {QStringLiteral("fatalities"), QStringLiteral("fatalities")},
        {QStringLiteral("fatalities_high"), QStringLiteral("fatalities")},
        {QStringLiteral("injured"), QStringLiteral("injured")},
        {QStringLiteral("summary"), QStringLiteral("summary")},
        {QStringLiteral("quote"), QStringLiteral("quote")},
    };
    return mapped.value(field.trimmed().toLower());
}

qint64 codePointLength(const QString& text)
{
    qint64 length = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()))
            ++length;
    }
    return length;
}

QString currentValue(const AnnotatedIncident& item, const QString& field)
{
    return field == u"status" ? item.status : IncidentFields::valueOf(item.incident, field);
}

QString originalValue(const AnnotatedIncident& item, const QString& field)
{
    return field == u"status" ? IncidentFields::defaultStatus() : IncidentFields::valueOf(item.extracted, field);
}

} // namespace

AnnotationService::AnnotationService(AnnotationStore& annotations, QUndoStack* stack)
    : m_annotations(annotations), m_stack(stack), m_author(defaultAuthor())
{
}

QString AnnotationService::defaultAuthor()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    return name.isEmpty() ? QStringLiteral("unknown") : name;
}

std::optional<AnnotatedIncident> AnnotationService::incident(qint64 incidentId, QString* error) const
{
    if (!m_annotations.isReady()) {
        fail(error, m_annotations.error());
        return std::nullopt;
    }
    // Read with the incidents it is merged or linked with, not among all of them: this runs on every
    // selection change and edit in the window.
    for (AnnotatedIncident& item : loadAnnotatedIncidents(m_annotations, QList<qint64>{incidentId})) {
        if (item.incident.id == incidentId)
            return std::move(item);
    }
    fail(error, QStringLiteral("no incident with id %1").arg(incidentId));
    return std::nullopt;
}

QList<HistoryEntry> AnnotationService::history(qint64 incidentId, QString* error) const
{
    const auto key = keyOf(incidentId, error);
    return key ? AnnotationHistory::of(m_annotations, *key) : QList<HistoryEntry>();
}

std::optional<QString> AnnotationService::keyOf(qint64 incidentId, QString* error) const
{
    if (!m_annotations.isReady()) {
        fail(error, m_annotations.error());
        return std::nullopt;
    }
    auto key = m_annotations.keyOf(incidentId);
    if (!key)
        fail(error, QStringLiteral("no incident with id %1").arg(incidentId));
    return key;
}

bool AnnotationService::run(AnnotationCommand* command, QString* error)
{
    if (!m_stack) {
        const std::unique_ptr<AnnotationCommand> owned(command);
        owned->redo();
        return owned->succeeded() || fail(error, QStringLiteral("cannot record the change: %1").arg(owned->error()));
    }
    // The stack owns the command from here and deletes it when its redo failed, so the outcome is read
    // from the store, where a failing command leaves its message.
    m_annotations.clearLastError();
    m_stack->push(command);
    const QString message = m_annotations.lastError();
    return message.isEmpty() || fail(error, QStringLiteral("cannot record the change: %1").arg(message));
}

bool AnnotationService::setField(qint64 incidentId, const QString& field, const QString& value, QString* error)
{
    return setFields(incidentId, {{field, value}}, error);
}

bool AnnotationService::setStatus(qint64 incidentId, const QString& status, QString* error)
{
    return setFields(incidentId, {{QStringLiteral("status"), status}}, error);
}

bool AnnotationService::setPlace(qint64 incidentId, const Place& place, QString* error)
{
    if (place.lat && (!std::isfinite(*place.lat) || std::abs(*place.lat) > 90))
        return fail(error, QStringLiteral("place: latitude %1 is not between -90 and 90").arg(*place.lat));
    if (place.lon && (!std::isfinite(*place.lon) || std::abs(*place.lon) > 180))
        return fail(error, QStringLiteral("place: longitude %1 is not between -180 and 180").arg(*place.lon));
    if (place.lat.has_value() != place.lon.has_value())
        return fail(error, QStringLiteral("place: a position needs both latitude and longitude"));
    if (place.geoPrecision < 0 || place.geoPrecision > 3)
        return fail(error, QStringLiteral("place: geo_precision %1 is not 0 to 3").arg(place.geoPrecision));
    m_changes.clear();
    const auto current = incident(incidentId, error);
    if (!current)
        return false;
    // Through the same checks and history as a typed place, in its stored form.
    return commitFields(incidentId, *current, {{QStringLiteral("place"), IncidentFields::placeToStored(place)}}, error);
}

bool AnnotationService::revertField(qint64 incidentId, const QString& field, QString* error)
{
    m_changes.clear();
    if (!IncidentFields::isKnown(field))
        return fail(error, IncidentFields::unknownFieldMessage(field));
    const auto current = incident(incidentId, error);
    if (!current)
        return false;
    const FieldOverride* existing = current->overrideOf(field);
    if (!existing) {
        m_changes << QStringLiteral("%1: %2 (unchanged, already the extracted value)")
                         .arg(field, IncidentFields::display(field, currentValue(*current, field)));
        return true;
    }
    const QString previous = currentValue(*current, field);
    m_changes << QStringLiteral("%1: %2 -> %3 (the extracted value)")
                     .arg(field, IncidentFields::display(field, previous),
                          IncidentFields::display(field, originalValue(*current, field)));
    return run(new SetFieldCommand(m_annotations, m_author,
                                   QStringLiteral("Restore extracted %1 of %2").arg(field, incidentLabel(incidentId)),
                                   current->key, {FieldChange{field, std::nullopt, previous}}),
               error);
}

bool AnnotationService::setFields(qint64 incidentId, const QList<std::pair<QString, QString>>& values, QString* error)
{
    m_changes.clear();
    const auto current = incident(incidentId, error);
    if (!current)
        return false;

    // Parse everything first; a later value for the same field replaces an earlier one.
    QList<std::pair<QString, QString>> parsed;
    for (const auto& [field, input] : values) {
        if (!IncidentFields::isKnown(field))
            return fail(error, IncidentFields::unknownFieldMessage(field));
        QString stored;
        if (!IncidentFields::parse(field, input, &stored, error))
            return false;
        const auto same = std::find_if(parsed.begin(), parsed.end(), [&](const auto& p) { return p.first == field; });
        if (same != parsed.end())
            same->second = stored;
        else
            parsed.append({field, stored});
    }
    return commitFields(incidentId, *current, parsed, error);
}

bool AnnotationService::commitFields(qint64 incidentId, const AnnotatedIncident& currentItem,
                                     QList<std::pair<QString, QString>> parsed, QString* error)
{
    const AnnotatedIncident* current = &currentItem;
    const auto has = [&](QStringView field) {
        return std::any_of(parsed.begin(), parsed.end(), [&](const auto& p) { return p.first == field; });
    };

    Incident candidate = current->incident;
    QString status = current->status;
    for (const auto& [field, stored] : parsed)
        IncidentFields::apply(candidate, status, field, stored);
    // A day-precision incident spans one day: moving its date moves its end.
    if (has(u"date") && !has(u"date_end") &&
        (candidate.datePrecision == DatePrecision::Day || candidate.datePrecision == DatePrecision::Unknown) &&
        candidate.dateEnd != candidate.date) {
        parsed.append({QStringLiteral("date_end"), candidate.date.toString(Qt::ISODate)});
        candidate.dateEnd = candidate.date;
    }
    if (candidate.date.isValid() && candidate.dateEnd.isValid() && candidate.dateEnd < candidate.date) {
        const QString date = candidate.date.toString(Qt::ISODate);
        const QString end = candidate.dateEnd.toString(Qt::ISODate);
        return fail(error, has(u"date_end")
                               ? QStringLiteral("date_end: %1 is before date %2").arg(end, date)
                               : QStringLiteral("date: %1 is after date_end %2 (set date_end too)").arg(date, end));
    }
    if (candidate.fatalities && candidate.fatalitiesHigh && *candidate.fatalitiesHigh < *candidate.fatalities)
        return fail(error, QStringLiteral("fatalities_high: %1 is below fatalities %2")
                               .arg(*candidate.fatalitiesHigh)
                               .arg(*candidate.fatalities));
    if ((has(u"event_type") || has(u"sub_event_type")) && !candidate.eventType.isEmpty() &&
        !candidate.subEventType.isEmpty() &&
        IncidentFields::eventTypeOfSubEvent(candidate.subEventType) != candidate.eventType)
        return fail(error, QStringLiteral("sub_event_type: '%1' is a sub-event type of %2, not of %3 (set event_type "
                                          "and sub_event_type together)")
                               .arg(candidate.subEventType, IncidentFields::eventTypeOfSubEvent(candidate.subEventType),
                                    candidate.eventType));

    QList<FieldChange> changes;
    for (const auto& [field, stored] : parsed) {
        const QString previous = currentValue(*current, field);
        const FieldOverride* existing = current->overrideOf(field);
        // Asking for the value the incident already shows (extracted or the analyst's) changes nothing, so
        // nothing is recorded: no "2 -> 2" in the history, no empty undo step.
        if (stored == previous || (existing && existing->analystValue == stored)) {
            m_changes << QStringLiteral("%1: %2 (unchanged)").arg(field, IncidentFields::display(field, stored));
            continue;
        }
        m_changes << QStringLiteral("%1: %2 -> %3")
                         .arg(field, IncidentFields::display(field, previous), IncidentFields::display(field, stored));
        changes.append(FieldChange{field, stored, previous});
    }
    if (changes.isEmpty())
        return true;
    QStringList names;
    for (const FieldChange& change : changes)
        names << change.field;
    const QString text = QStringLiteral("Set %1 of %2").arg(names.join(QStringLiteral(", ")), incidentLabel(incidentId));
    if (changes.size() == 1 && changes.first().field == u"status")
        return run(new SetStatusCommand(m_annotations, m_author, text, current->key, *changes.first().value,
                                        changes.first().previous),
                   error);
    return run(new SetFieldCommand(m_annotations, m_author, text, current->key, changes), error);
}

bool AnnotationService::addNote(qint64 incidentId, const QString& text, QString* error)
{
    m_changes.clear();
    const auto key = keyOf(incidentId, error);
    if (!key)
        return false;
    if (text.trimmed().isEmpty())
        return fail(error, QStringLiteral("note: the text is empty"));
    m_changes << QStringLiteral("note added: %1").arg(text.trimmed());
    return run(new AddNoteCommand(m_annotations, m_author, QStringLiteral("Add note to %1").arg(incidentLabel(incidentId)),
                                  *key, text.trimmed()),
               error);
}

bool AnnotationService::setTags(qint64 incidentId, const QStringList& tags, QString* error)
{
    return changeTags(incidentId, tags, SetTags, error);
}

bool AnnotationService::addTags(qint64 incidentId, const QStringList& tags, QString* error)
{
    return changeTags(incidentId, tags, AddTags, error);
}

bool AnnotationService::removeTags(qint64 incidentId, const QStringList& tags, QString* error)
{
    return changeTags(incidentId, tags, RemoveTags, error);
}

bool AnnotationService::changeTags(qint64 incidentId, const QStringList& tags, int mode, QString* error)
{
    m_changes.clear();
    const auto current = incident(incidentId, error);
    if (!current)
        return false;
    QStringList cleaned;
    for (const QString& tag : tags) {
        const QString simple = tag.simplified();
        if (simple.isEmpty())
            return fail(error, QStringLiteral("tag: a tag cannot be empty"));
        // Exports join tags with "; " (and CSV readers split on commas), so these would not come back intact.
        if (simple.contains(u';') || simple.contains(u','))
            return fail(error, QStringLiteral("tag: '%1' may not contain ';' or ','").arg(simple));
        cleaned << simple;
    }
    const auto contains = [](const QStringList& list, const QString& tag) {
        return list.contains(tag, Qt::CaseInsensitive);
    };
    QStringList next = mode == SetTags ? QStringList() : current->tags;
    for (const QString& tag : cleaned) {
        if (mode == RemoveTags)
            next.removeIf([&](const QString& t) { return t.compare(tag, Qt::CaseInsensitive) == 0; });
        else if (!contains(next, tag))
            next << tag;
    }
    const auto shown = [](const QStringList& list) {
        return list.isEmpty() ? QStringLiteral("(none)") : list.join(QStringLiteral(", "));
    };
    if (next == current->tags) {
        m_changes << QStringLiteral("tags: %1 (unchanged)").arg(shown(next));
        return true;
    }
    m_changes << QStringLiteral("tags: %1 -> %2").arg(shown(current->tags), shown(next));
    return run(new SetTagsCommand(m_annotations, m_author, QStringLiteral("Set tags of %1").arg(incidentLabel(incidentId)),
                                  current->key, next, current->tags),
               error);
}

QString AnnotationService::directParent(const QString& key) const
{
    QString parent;
    for (const AnnotationRecord& record : m_annotations.records(key)) {
        if (record.kind != AnnotationKind::Merge || record.otherKey != key)
            continue;
        if (record.active)
            parent = record.incidentKey;
        else if (parent == record.incidentKey)
            parent.clear();
    }
    return parent;
}

bool AnnotationService::merge(qint64 keptId, qint64 mergedId, QString* error)
{
    m_changes.clear();
    const auto kept = incident(keptId, error);
    if (!kept)
        return false;
    const auto merged = incident(mergedId, error);
    if (!merged)
        return false;
    if (keptId == mergedId)
        return fail(error, QStringLiteral("merge: an incident cannot be merged into itself (%1)").arg(incidentLabel(keptId)));
    if (merged->mergedIntoId)
        return fail(error, QStringLiteral("merge: %1 is already merged into %2")
                               .arg(incidentLabel(mergedId), incidentLabel(merged->mergedIntoId)));
    if (kept->mergedIntoId)
        return fail(error, QStringLiteral("merge: %1 is merged into %2; merge into that one instead")
                               .arg(incidentLabel(keptId), incidentLabel(kept->mergedIntoId)));
    m_changes << QStringLiteral("merged %1 into %2").arg(incidentLabel(mergedId), incidentLabel(keptId));
    return run(new MergeIncidentsCommand(m_annotations, m_author,
                                         QStringLiteral("Merge %1 into %2").arg(incidentLabel(mergedId), incidentLabel(keptId)),
                                         kept->key, merged->key),
               error);
}

bool AnnotationService::unmerge(qint64 keptId, qint64 mergedId, QString* error)
{
    m_changes.clear();
    const auto keptKey = keyOf(keptId, error);
    if (!keptKey)
        return false;
    const auto mergedKey = keyOf(mergedId, error);
    if (!mergedKey)
        return false;
    if (directParent(*mergedKey) != *keptKey)
        return fail(error, QStringLiteral("split: %1 is not merged into %2").arg(incidentLabel(mergedId), incidentLabel(keptId)));
    m_changes << QStringLiteral("split %1 off %2").arg(incidentLabel(mergedId), incidentLabel(keptId));
    return run(SplitIncidentCommand::unmerge(m_annotations, m_author,
                                             QStringLiteral("Split %1 off %2").arg(incidentLabel(mergedId), incidentLabel(keptId)),
                                             *keptKey, *mergedKey),
               error);
}

bool AnnotationService::separateReport(qint64 incidentId, qint64 reportId, QString* error)
{
    m_changes.clear();
    const auto current = incident(incidentId, error);
    if (!current)
        return false;
    if (reportId == current->incident.reportId)
        return fail(error, QStringLiteral("split: report %1 is the own report of %2 and cannot be separated from it")
                               .arg(reportId)
                               .arg(incidentLabel(incidentId)));
    if (!current->incident.sourceReportIds.contains(reportId))
        return fail(error, QStringLiteral("split: report %1 is not a source of %2").arg(reportId).arg(incidentLabel(incidentId)));
    // A report that came with a merged incident leaves with that incident.
    for (const AnnotatedIncident& item : loadAnnotatedIncidents(m_annotations, QList<qint64>{incidentId})) {
        if (item.mergedIntoId == incidentId && item.incident.reportId == reportId) {
            const QString parent = directParent(item.key);
            const auto keys = m_annotations.keysById();
            const qint64 parentId = keys.key(parent);
            return unmerge(parentId ? parentId : incidentId, item.incident.id, error);
        }
    }
    const auto hash = m_annotations.reportHash(reportId);
    if (!hash)
        return fail(error, QStringLiteral("no report with id %1").arg(reportId));
    m_changes << QStringLiteral("separated report %1 from %2").arg(reportId).arg(incidentLabel(incidentId));
    return run(SplitIncidentCommand::separateReport(
                   m_annotations, m_author,
                   QStringLiteral("Separate report %1 from %2").arg(reportId).arg(incidentLabel(incidentId)), current->key,
                   *hash),
               error);
}

bool AnnotationService::isLinked(const QString& from, const QString& to, const QString& kind) const
{
    bool linked = false;
    for (const AnnotationRecord& record : m_annotations.records(from)) {
        if (record.kind == AnnotationKind::Link && record.incidentKey == from && record.otherKey == to &&
            record.field == kind)
            linked = record.active;
    }
    return linked;
}

bool AnnotationService::findLink(const QString& key, const QString& otherKey, const QString& kind) const
{
    // "Same event as" reads both ways; the others have a direction.
    return isLinked(key, otherKey, kind) || (kind == u"same-event-as" && isLinked(otherKey, key, kind));
}

std::optional<AnnotationService::LinkRequest> AnnotationService::linkRequest(const QString& verb, qint64 incidentId,
                                                                             qint64 otherId, const QString& kindText,
                                                                             QString* error) const
{
    const auto key = keyOf(incidentId, error);
    if (!key)
        return std::nullopt;
    const auto otherKey = keyOf(otherId, error);
    if (!otherKey)
        return std::nullopt;
    const QString kind = linkKindFromText(kindText);
    if (kind.isEmpty()) {
        fail(error, QStringLiteral("%1: '%2' is not one of %3").arg(verb, kindText, linkKinds().join(QStringLiteral(", "))));
        return std::nullopt;
    }
    return LinkRequest{*key, *otherKey, kind, IncidentLink{kind, true, {}, 0, {}, {}}.label()};
}

bool AnnotationService::link(qint64 incidentId, qint64 otherId, const QString& kindText, QString* error)
{
    m_changes.clear();
    const auto request = linkRequest(QStringLiteral("link"), incidentId, otherId, kindText, error);
    if (!request)
        return false;
    if (incidentId == otherId)
        return fail(error, QStringLiteral("link: an incident cannot be linked to itself (%1)").arg(incidentLabel(incidentId)));
    const QString& label = request->label;
    if (findLink(request->key, request->otherKey, request->kind)) {
        m_changes << QStringLiteral("%1 is %2 %3 (unchanged)").arg(incidentLabel(incidentId), label, incidentLabel(otherId));
        return true;
    }
    m_changes << QStringLiteral("linked: %1 is %2 %3").arg(incidentLabel(incidentId), label, incidentLabel(otherId));
    return run(new LinkIncidentsCommand(m_annotations, m_author,
                                        QStringLiteral("Link %1 to %2 (%3)").arg(incidentLabel(incidentId), incidentLabel(otherId), label),
                                        request->key, request->otherKey, request->kind),
               error);
}

bool AnnotationService::unlink(qint64 incidentId, qint64 otherId, const QString& kindText, QString* error)
{
    m_changes.clear();
    const auto request = linkRequest(QStringLiteral("unlink"), incidentId, otherId, kindText, error);
    if (!request)
        return false;
    const auto& [key, otherKey, kind, label] = *request;
    if (!findLink(key, otherKey, kind))
        return fail(error, QStringLiteral("unlink: %1 is not linked as %2 %3").arg(incidentLabel(incidentId), label, incidentLabel(otherId)));
    // Remove the direction that was recorded (a same-event link may have been made from the other side).
    const bool forward = isLinked(key, otherKey, kind);
    m_changes << QStringLiteral("unlinked: %1 is no longer %2 %3").arg(incidentLabel(incidentId), label, incidentLabel(otherId));
    return run(new LinkIncidentsCommand(m_annotations, m_author,
                                        QStringLiteral("Unlink %1 from %2 (%3)").arg(incidentLabel(incidentId), incidentLabel(otherId), label),
                                        forward ? key : otherKey, forward ? otherKey : key, kind, false),
               error);
}

bool AnnotationService::addQuote(qint64 incidentId, qint64 reportId, qint64 start, qint64 end, const QString& speaker,
                                 QString* error)
{
    m_changes.clear();
    const auto current = incident(incidentId, error);
    if (!current)
        return false;
    if (!current->incident.sourceReportIds.contains(reportId) && reportId != current->incident.reportId)
        return fail(error, QStringLiteral("quote: report %1 is not a source of %2").arg(reportId).arg(incidentLabel(incidentId)));
    const auto report = m_annotations.store().report(reportId);
    if (!report)
        return fail(error, QStringLiteral("no report with id %1").arg(reportId));
    const qint64 length = codePointLength(report->text);
    if (start < 0 || end <= start || end > length)
        return fail(error, QStringLiteral("quote: %1..%2 is not a span of report %3 (0..%4)").arg(start).arg(end).arg(reportId).arg(length));
    const QString words = codePointSlice(report->text, start, end).trimmed();
    if (words.isEmpty())
        return fail(error, QStringLiteral("quote: the selected text is empty"));
    Quote quote;
    quote.speaker = speaker.simplified();
    quote.text = words;
    quote.start = start;
    quote.end = end;
    m_changes << QStringLiteral("quote added: \u201c%1\u201d (%2)")
                     .arg(words, quote.speaker.isEmpty() ? QStringLiteral("unnamed speaker") : quote.speaker);
    return run(new AddQuoteCommand(m_annotations, m_author, QStringLiteral("Add quote to %1").arg(incidentLabel(incidentId)),
                                   current->key, report->contentHash, quote),
               error);
}

bool AnnotationService::markEvidence(qint64 incidentId, const QString& field, qint64 reportId, qint64 start, qint64 end,
                                     const QString& reasoning, QString* error)
{
    m_changes.clear();
    const auto current = incident(incidentId, error);
    if (!current)
        return false;
    const QString evidenceField = evidenceFieldFor(field);
    if (evidenceField.isEmpty())
    {
        QStringList accepted;
        for (const QString& name : IncidentFields::names()) {
            if (!evidenceFieldFor(name).isEmpty())
                accepted << name;
        }
        accepted << QStringLiteral("actor") << QStringLiteral("quote");
        return fail(error, QStringLiteral("evidence: unknown field '%1' (one of: %2)").arg(field, accepted.join(QStringLiteral(", "))));
    }
    if (reportId != current->incident.reportId)
        return fail(error, QStringLiteral("evidence: report %1 is not the own report of %2 (report %3); evidence points "
                                          "into the incident's own report")
                               .arg(reportId)
                               .arg(incidentLabel(incidentId))
                               .arg(current->incident.reportId));
    const auto report = m_annotations.store().report(reportId);
    if (!report)
        return fail(error, QStringLiteral("no report with id %1").arg(reportId));
    const qint64 length = codePointLength(report->text);
    if (start < 0 || end <= start || end > length)
        return fail(error, QStringLiteral("evidence: %1..%2 is not a span of report %3 (0..%4)").arg(start).arg(end).arg(reportId).arg(length));
    const QString why = reasoning.trimmed().isEmpty() ? QStringLiteral("marked by %1").arg(m_author) : reasoning.trimmed();
    m_changes << QStringLiteral("evidence for %1: \u201c%2\u201d").arg(evidenceField, codePointSlice(report->text, start, end));
    return run(new MarkEvidenceCommand(m_annotations, m_author,
                                       QStringLiteral("Mark evidence for %1 of %2").arg(evidenceField, incidentLabel(incidentId)),
                                       current->key, report->contentHash, Evidence{evidenceField, start, end, why}),
               error);
}

} // namespace makran
