#include "annotate/annotatedincident.h"

#include "annotate/annotationstore.h"
#include "annotate/incidentfields.h"
#include "store/store.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <map>
#include <tuple>

namespace makran {

namespace {

QStringList tagsFrom(const QString& json)
{
    QStringList tags;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.toUtf8()).array())
        tags << value.toString();
    return tags;
}

struct Pending {
    std::map<QString, const AnnotationRecord*> lastEdit; // live edit per field, by field name
    QList<const AnnotationRecord*> quotes;
    QList<const AnnotationRecord*> evidence;
    QSet<QString> detachedHashes;
};

// Follows "merged into" to the incident that shows this one; a cycle (which the service refuses to
// create, but a hand-edited database could hold) leaves the incident visible on its own.
QString rootOf(const QString& key, const QHash<QString, QString>& mergedInto)
{
    QString current = key;
    QSet<QString> seen{current};
    while (mergedInto.contains(current)) {
        current = mergedInto.value(current);
        if (seen.contains(current))
            return key;
        seen.insert(current);
    }
    return current;
}

void addQuote(Incident& incident, const Quote& quote)
{
    for (const Quote& existing : incident.quotes) {
        if (existing.text == quote.text && existing.speaker == quote.speaker)
            return;
    }
    incident.quotes.append(quote);
}

} // namespace

QString IncidentLink::label() const
{
    if (kind == u"retaliation-for")
        return outgoing ? QStringLiteral("retaliation for") : QStringLiteral("retaliated by");
    if (kind == u"follow-up-to")
        return outgoing ? QStringLiteral("follow-up to") : QStringLiteral("followed up by");
    if (kind == u"same-event-as")
        return QStringLiteral("same event as");
    return kind;
}

const FieldOverride* AnnotatedIncident::overrideOf(QStringView field) const
{
    for (const FieldOverride& item : overrides) {
        if (item.field == field)
            return &item;
    }
    return nullptr;
}

QString reportClaimant(const Report& report)
{
    // ReportReader names a report by its file until the extractor finds the outlet; a file name is no
    // claimant.
    const bool outletKnown = !report.source.isEmpty() && report.source != QFileInfo(report.path).fileName();
    if (outletKnown)
        return report.source;
    if (!report.title.isEmpty())
        return QStringLiteral("‘%1’").arg(report.title);
    return QStringLiteral("report #%1").arg(report.id);
}

QStringList linkKinds()
{
    return {QStringLiteral("retaliation-for"), QStringLiteral("same-event-as"), QStringLiteral("follow-up-to")};
}

QString linkKindFromText(QStringView text)
{
    QString kind = text.trimmed().toString().toLower();
    kind.replace(u' ', u'-').replace(u'_', u'-');
    return linkKinds().contains(kind) ? kind : QString();
}

namespace {

// What the overlay needs of each report: its hash (annotations name reports by it) and its claimant name.
struct ReportFacts {
    QHash<qint64, QString> hashes;
    QHash<qint64, QString> claimants;
};

ReportFacts factsOf(const std::vector<Report>& reports)
{
    ReportFacts facts;
    for (const Report& report : reports) {
        facts.hashes.insert(report.id, report.contentHash);
        facts.claimants.insert(report.id, reportClaimant(report));
    }
    return facts;
}

// A toll as one report gives it, credited to that report, for two merged reports that disagree.
Claim tollClaim(const Incident& from, const ReportFacts& reports)
{
    const QString claimant = reports.claimants.value(from.reportId, QStringLiteral("report #%1").arg(from.reportId));
    return Claim{QStringLiteral("fatalities"), QStringLiteral("%1 killed").arg(*from.fatalities), from.fatalities,
                 from.fatalitiesHigh ? from.fatalitiesHigh : from.fatalities, claimant, -1, -1, from.reportId};
}

// applyAnnotations() with what it reads from the annotation store given: the live rows, and the keys of
// (at least) the incidents in `extracted` and the facts of their reports.
std::vector<AnnotatedIncident> overlay(const std::vector<AnnotationRecord>& records, const QHash<qint64, QString>& keys,
                                       const ReportFacts& reports, std::vector<Incident> extracted,
                                       bool includeMerged)
{
    const QHash<qint64, QString>& hashes = reports.hashes;
    QHash<QString, qint64> reportByHash;
    for (auto it = hashes.begin(); it != hashes.end(); ++it)
        reportByHash.insert(it.value(), it.key());

    std::vector<AnnotatedIncident> all;
    all.reserve(extracted.size());
    QHash<QString, size_t> indexByKey;
    for (Incident& incident : extracted) {
        AnnotatedIncident item;
        item.key = keys.value(incident.id);
        item.extracted = incident;
        item.incident = std::move(incident);
        item.status = IncidentFields::defaultStatus();
        indexByKey.insert(item.key, all.size());
        all.push_back(std::move(item));
    }

    // Live rows in the order they were written: a later row about the same thing wins.
    std::vector<Pending> pending(all.size());
    QHash<QString, QString> mergedInto;
    std::map<std::tuple<QString, QString, QString>, const AnnotationRecord*> links;
    for (const AnnotationRecord& record : records) {
        const auto found = indexByKey.constFind(record.incidentKey);
        if (found == indexByKey.constEnd())
            continue; // about an incident not (or no longer) in the store
        AnnotatedIncident& item = all[*found];
        Pending& todo = pending[*found];
        switch (record.kind) {
        case AnnotationKind::FieldEdit:
            if (record.value) {
                IncidentFields::apply(item.incident, item.status, record.field, *record.value);
                todo.lastEdit[record.field] = &record;
            } else if (record.field == u"place") {
                item.incident.place = item.extracted.place;
                todo.lastEdit.erase(record.field);
            } else {
                const QString original = record.field == u"status" ? IncidentFields::defaultStatus()
                                                                    : IncidentFields::valueOf(item.extracted, record.field);
                IncidentFields::apply(item.incident, item.status, record.field, original);
                todo.lastEdit.erase(record.field);
            }
            break;
        case AnnotationKind::Note:
            item.notes.append(AnnotationNote{record.id, record.value.value_or(QString()), record.author, record.at});
            break;
        case AnnotationKind::Tags:
            item.tags = tagsFrom(record.value.value_or(QString()));
            break;
        case AnnotationKind::Link: {
            const auto linkKey = std::make_tuple(record.incidentKey, record.otherKey, record.field);
            if (record.active)
                links[linkKey] = &record;
            else
                links.erase(linkKey);
            break;
        }
        case AnnotationKind::Merge:
            if (record.active)
                mergedInto.insert(record.otherKey, record.incidentKey);
            else if (mergedInto.value(record.otherKey) == record.incidentKey)
                mergedInto.remove(record.otherKey);
            break;
        case AnnotationKind::DetachedSource:
            todo.detachedHashes.insert(record.reportHash);
            break;
        case AnnotationKind::Quote:
            todo.quotes.append(&record);
            break;
        case AnnotationKind::Evidence:
            todo.evidence.append(&record);
            break;
        }
    }

    // Each incident on its own: overrides listed, added quotes and evidence attached.
    for (size_t i = 0; i < all.size(); ++i) {
        AnnotatedIncident& item = all[i];
        const Pending& todo = pending[i];
        for (const QString& field : IncidentFields::names()) {
            const auto edit = todo.lastEdit.find(field);
            if (edit == todo.lastEdit.end())
                continue;
            const QString extractedValue = field == u"status" ? IncidentFields::defaultStatus()
                                                               : IncidentFields::valueOf(item.extracted, field);
            item.overrides.append(FieldOverride{field, extractedValue, edit->second->value.value_or(QString()),
                                                edit->second->author, edit->second->at});
        }
        if (item.overrideOf(u"place") || item.overrideOf(u"admin1") || item.overrideOf(u"country"))
            item.incident.place.outOfRegion = item.incident.place.liesOutsideRegion(); // the extractor's rule
        // Offsets are into the incident's own report (the model's quotes and evidence carry no report), so
        // words taken from another of its sources keep their text but lose their position.
        const QString ownHash = hashes.value(item.incident.reportId);
        for (const AnnotationRecord* record : todo.quotes) {
            const bool own = record->reportHash == ownHash;
            addQuote(item.incident, Quote{record->detail, record->value.value_or(QString()), own ? record->start : -1,
                                          own ? record->end : -1, -1, -1, false, false});
        }
        QSet<QString> markedFields;
        for (const AnnotationRecord* record : todo.evidence) {
            // The analyst's passage replaces the extractor's for that field: it is what the value rests on now.
            if (!markedFields.contains(record->field)) {
                markedFields.insert(record->field);
                item.incident.evidence.removeIf([&](const Evidence& e) { return e.field == record->field; });
            }
            item.incident.evidence.append(Evidence{record->field, record->start, record->end, record->detail});
        }
    }

    // Merges: the kept incident lists the other's sources and quotes; the other one is hidden.
    std::vector<bool> hidden(all.size(), false);
    for (size_t i = 0; i < all.size(); ++i) {
        const QString root = rootOf(all[i].key, mergedInto);
        if (root == all[i].key || !indexByKey.contains(root))
            continue;
        hidden[i] = true;
        AnnotatedIncident& kept = all[indexByKey.value(root)];
        all[i].mergedIntoId = kept.incident.id;
        const Incident& absorbed = all[i].incident;
        kept.absorbedIds.append(absorbed.id);
        for (qint64 report : absorbed.sourceReportIds) {
            if (!kept.incident.sourceReportIds.contains(report))
                kept.incident.sourceReportIds.append(report);
        }
        for (Quote quote : absorbed.quotes) {
            if (absorbed.reportId != kept.incident.reportId)
                quote.start = quote.end = quote.speakerStart = quote.speakerEnd = -1;
            addQuote(kept.incident, quote);
        }
        // Each report's competing figures stay side by side (claims carry their own report); two reports
        // that give different tolls become two claims, so the merge overwrites neither.
        for (Claim claim : absorbed.claims) {
            if (!claim.reportId)
                claim.reportId = absorbed.reportId;
            if (!kept.incident.claims.contains(claim))
                kept.incident.claims.append(claim);
        }
        if (absorbed.fatalities && kept.incident.fatalities && *absorbed.fatalities != *kept.incident.fatalities) {
            for (const Claim& claim : {tollClaim(kept.incident, reports), tollClaim(absorbed, reports)}) {
                const bool known = std::any_of(kept.incident.claims.begin(), kept.incident.claims.end(), [&](const Claim& c) {
                    return c.field == claim.field && c.reportId == claim.reportId && c.high == claim.high;
                });
                if (!known)
                    kept.incident.claims.append(claim);
            }
        }
    }

    // Separated sources go last, so a report that arrived through a merge can be separated too.
    for (size_t i = 0; i < all.size(); ++i) {
        AnnotatedIncident& item = all[i];
        for (const QString& hash : pending[i].detachedHashes) {
            const qint64 report = reportByHash.value(hash);
            if (report && report != item.incident.reportId && item.incident.sourceReportIds.removeAll(report))
                item.detachedReportIds.append(report);
        }
    }

    for (const auto& [linkKey, record] : links) {
        const auto from = indexByKey.constFind(record->incidentKey);
        const auto to = indexByKey.constFind(record->otherKey);
        const auto idOf = [&](const QString& key) {
            const auto at = indexByKey.constFind(rootOf(key, mergedInto));
            return at == indexByKey.constEnd() ? qint64(0) : all[*at].incident.id;
        };
        if (from != indexByKey.constEnd())
            all[*from].links.append(
                IncidentLink{record->field, true, record->otherKey, idOf(record->otherKey), record->author, record->at});
        if (to != indexByKey.constEnd())
            all[*to].links.append(IncidentLink{record->field, false, record->incidentKey, idOf(record->incidentKey),
                                               record->author, record->at});
    }

    std::vector<AnnotatedIncident> visible;
    visible.reserve(all.size());
    for (size_t i = 0; i < all.size(); ++i) {
        if (!hidden[i] || includeMerged)
            visible.push_back(std::move(all[i]));
    }
    return visible;
}

} // namespace

std::vector<AnnotatedIncident> applyAnnotations(const AnnotationStore& annotations, std::vector<Incident> extracted,
                                                bool includeMerged)
{
    return overlay(annotations.records(), annotations.keysById(), factsOf(annotations.store().reports()),
                   std::move(extracted), includeMerged);
}

std::vector<AnnotatedIncident> loadAnnotatedIncidents(const AnnotationStore& annotations, bool includeMerged)
{
    return applyAnnotations(annotations, annotations.store().loadIncidents(), includeMerged);
}

std::vector<AnnotatedIncident> loadAnnotatedIncidents(const AnnotationStore& annotations, const QList<qint64>& ids)
{
    if (ids.isEmpty())
        return {};
    const std::vector<AnnotationRecord> records = annotations.records();
    // Incidents joined by merges (either way, live or undone: a few too many do no harm) form one group;
    // each incident needs its whole group to come out as it would among all of them.
    QHash<QString, QStringList> merged;
    for (const AnnotationRecord& record : records) {
        if (record.kind == AnnotationKind::Merge) {
            merged[record.incidentKey] << record.otherKey;
            merged[record.otherKey] << record.incidentKey;
        }
    }
    QSet<QString> group;
    const auto addGroupOf = [&](const QString& key) {
        QStringList todo{key};
        while (!todo.isEmpty()) {
            const QString next = todo.takeLast();
            if (next.isEmpty() || group.contains(next))
                continue;
            group.insert(next);
            todo << merged.value(next);
        }
    };
    QHash<qint64, QString> keys;
    for (qint64 id : ids) {
        if (const auto key = annotations.keyOf(id)) {
            keys.insert(id, *key);
            addGroupOf(*key);
        }
    }
    // A link names the incident showing the other side, so that side's group is read too.
    const QSet<QString> own = group;
    for (const AnnotationRecord& record : records) {
        if (record.kind != AnnotationKind::Link)
            continue;
        if (own.contains(record.incidentKey))
            addGroupOf(record.otherKey);
        if (own.contains(record.otherKey))
            addGroupOf(record.incidentKey);
    }
    const QHash<QString, qint64> idsByKey = annotations.idsOfKeys(QStringList(group.begin(), group.end()));
    for (auto it = idsByKey.begin(); it != idsByKey.end(); ++it)
        keys.insert(it.value(), it.key());
    std::vector<Incident> extracted = annotations.store().incidents(keys.keys());

    QSet<qint64> reportIds;
    for (const Incident& incident : extracted) {
        reportIds.insert(incident.reportId);
        for (qint64 report : incident.sourceReportIds)
            reportIds.insert(report);
    }
    const QList<qint64> reportIdList(reportIds.begin(), reportIds.end());
    const ReportFacts reports = factsOf(annotations.store().reportHeaders(reportIdList));
    return overlay(records, keys, reports, std::move(extracted), true);
}

} // namespace makran
