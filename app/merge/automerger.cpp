#include "merge/automerger.h"

#include "annotate/annotatedincident.h"
#include "annotate/annotationstore.h"
#include "merge/eventmatcher.h"
#include "store/store.h"

#include <algorithm>

namespace makran {

namespace {

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

// Week and month ranges are indexed day by day; anything longer is too vague to match (see EventMatcher).
constexpr qint64 kMaxIndexedDays = 62;

QDate endOf(const Incident& incident)
{
    return incident.dateEnd.isValid() && incident.dateEnd >= incident.date ? incident.dateEnd : incident.date;
}

bool isIndexable(const Incident& incident)
{
    return incident.date.isValid() && incident.datePrecision != DatePrecision::Year &&
           incident.date.daysTo(endOf(incident)) <= kMaxIndexedDays;
}

} // namespace

bool AutoMerger::Candidate::betterThan(const Candidate& other) const
{
    if (score != other.score)
        return score > other.score;
    if (provinceOnly != other.provinceOnly)
        return !provinceOnly;
    return dateDistance < other.dateDistance;
}

QString AutoMerger::author()
{
    return QStringLiteral("makran (automatic)");
}

AutoMerger::AutoMerger(Store& store) : m_store(store) {}

AutoMerger::~AutoMerger() = default;

QString AutoMerger::pairKey(const QString& a, const QString& b)
{
    return a < b ? a + u'\n' + b : b + u'\n' + a;
}

bool AutoMerger::prepare(QString* error)
{
    if (!m_annotations || !m_annotations->isReady())
        m_annotations = std::make_unique<AnnotationStore>(m_store);
    return m_annotations->isReady() || fail(error, m_annotations->error());
}

bool AutoMerger::load(qint64 skipReportId, QString* error)
{
    if (!prepare(error))
        return false;
    m_clusters.clear();
    m_byDay.clear();
    m_mergedPairs.clear();
    m_keysWithMerges.clear();

    for (const AnnotationRecord& record : m_annotations->records({}, true)) {
        if (record.kind != AnnotationKind::Merge)
            continue;
        m_mergedPairs.insert(pairKey(record.incidentKey, record.otherKey));
        m_keysWithMerges.insert(record.incidentKey);
        m_keysWithMerges.insert(record.otherKey);
    }
    // As the analyst sees them (corrected places and dates count), merged ones under the incident showing
    // them.
    std::vector<AnnotatedIncident> all = loadAnnotatedIncidents(*m_annotations, true);
    QHash<qint64, size_t> clusterOfRoot;
    for (AnnotatedIncident& item : all) {
        if (item.mergedIntoId == 0 && item.incident.reportId != skipReportId)
            clusterOfRoot.insert(item.incident.id, addCluster(Member{item.key, std::move(item.incident)}));
    }
    for (AnnotatedIncident& item : all) {
        const auto cluster = clusterOfRoot.constFind(item.mergedIntoId);
        if (item.mergedIntoId != 0 && cluster != clusterOfRoot.constEnd())
            addMember(*cluster, Member{item.key, std::move(item.incident)});
    }
    m_loaded = true;
    return true;
}

size_t AutoMerger::addCluster(Member root)
{
    m_clusters.push_back(Cluster{root.incident.id, root.key, {}, {}});
    const size_t index = m_clusters.size() - 1;
    addMember(index, std::move(root));
    return index;
}

void AutoMerger::addMember(size_t index, Member member)
{
    Cluster& cluster = m_clusters[index];
    const Incident& incident = member.incident;
    cluster.reports.insert(incident.reportId);
    for (qint64 report : incident.sourceReportIds)
        cluster.reports.insert(report);
    if (isIndexable(incident)) {
        for (QDate day = incident.date; day <= endOf(incident); day = day.addDays(1)) {
            QList<size_t>& slot = m_byDay[day.toJulianDay()];
            if (!slot.contains(index))
                slot.append(index);
        }
    }
    cluster.members.push_back(std::move(member));
}

QList<AutoMerger::Candidate> AutoMerger::candidatesFor(const Member& member) const
{
    const Incident& incident = member.incident;
    QList<Candidate> found;
    if (!isIndexable(incident))
        return found;
    // A day's slack either side, as EventMatcher allows.
    QSet<size_t> seen;
    for (QDate day = incident.date.addDays(-1); day <= endOf(incident).addDays(1); day = day.addDays(1)) {
        for (size_t index : m_byDay.value(day.toJulianDay()))
            seen.insert(index);
    }
    for (size_t index : seen) {
        const Cluster& cluster = m_clusters[index];
        if (cluster.reports.contains(incident.reportId))
            continue;
        // Every member must be compatible, and none may ever have been merged with this incident and split.
        Candidate best{index, -1, false, 0, {}};
        bool refused = false;
        for (const Member& other : cluster.members) {
            if (m_mergedPairs.contains(pairKey(member.key, other.key))) {
                refused = true;
                break;
            }
            const MatchScore score = EventMatcher::score(other.incident, incident);
            if (score.refused) {
                refused = true;
                break;
            }
            const Candidate candidate{index, score.score, score.provinceOnly, score.dateDistance,
                                      score.reason};
            if (score.match && (best.score < 0 || candidate.betterThan(best)))
                best = candidate;
        }
        if (!refused && best.score >= 0)
            found.append(best);
    }
    // Best first; among equals the earliest imported keeps the event.
    std::sort(found.begin(), found.end(), [this](const Candidate& a, const Candidate& b) {
        if (a.betterThan(b) || b.betterThan(a))
            return a.betterThan(b);
        return m_clusters[a.cluster].rootId < m_clusters[b.cluster].rootId;
    });
    return found;
}

bool AutoMerger::mergeReport(qint64 reportId, const QList<Incident>& incidents, QList<AutoMerge>* merges,
                             QString* error)
{
    if (incidents.isEmpty())
        return true;
    if (!m_loaded && !load(reportId, error))
        return false;

    // The stored ids and keys, in the order the store numbered the extraction's incidents.
    auto query = m_store.database().prepare(
        "SELECT i.id, COALESCE(i.incident_key, substr(r.content_hash, 1, 16) || ':' || i.ordinal) "
        "FROM incidents i JOIN reports r ON r.id = i.report_id WHERE i.report_id = ? ORDER BY i.ordinal");
    query.bind(1, reportId);
    QList<Member> fresh;
    while (query.step() && fresh.size() < incidents.size()) {
        Member member{query.text(1), incidents.at(fresh.size())};
        member.incident.id = query.int64(0);
        member.incident.reportId = reportId;
        member.incident.sourceReportIds = {reportId};
        fresh.append(std::move(member));
    }
    if (fresh.size() != incidents.size())
        return fail(error, QStringLiteral("report %1 has %2 stored incident(s), not %3")
                               .arg(reportId)
                               .arg(fresh.size())
                               .arg(incidents.size()));

    // Candidates for all of the report first, then the strongest pairs first: a report's clear account
    // of an event claims it before a vague mention in the same report could (each event takes one
    // incident of a report).
    struct Pending {
        QList<Candidate> candidates;
        bool decided = false;
    };
    QList<Pending> pending;
    bool reloadAfter = false;
    for (const Member& member : fresh) {
        Pending item;
        // Re-imported with rows naming it: it is already merged, or was split by hand. The index does not
        // know its place among the others, so it is rebuilt from the store afterwards.
        if (m_keysWithMerges.contains(member.key)) {
            reloadAfter = true;
            item.decided = true;
        } else {
            item.candidates = candidatesFor(member);
            // "An attack in Balochistan" fits every attack in the province that day: no choice is safe.
            item.decided = item.candidates.size() > 1 && item.candidates.first().provinceOnly;
        }
        pending.append(item);
    }

    AnnotationStore::Savepoint savepoint(*m_annotations);
    if (!savepoint.isActive())
        return fail(error,
                    QStringLiteral("cannot start a savepoint: %1").arg(m_store.database().lastError()));
    QList<AutoMerge> done;
    QSet<size_t> taken;
    QList<std::pair<qsizetype, Candidate>> chosen;
    for (;;) {
        qsizetype bestIndex = -1;
        const Candidate* best = nullptr;
        for (qsizetype i = 0; i < pending.size(); ++i) {
            if (pending[i].decided)
                continue;
            for (const Candidate& candidate : pending[i].candidates) {
                if (taken.contains(candidate.cluster))
                    continue;
                if (!best || candidate.betterThan(*best)) {
                    best = &candidate;
                    bestIndex = i;
                }
                break; // candidates are sorted: the first free one is this incident's best
            }
        }
        if (!best)
            break;
        pending[bestIndex].decided = true;
        taken.insert(best->cluster);
        chosen.append({bestIndex, *best});
    }

    for (const auto& [index, candidate] : chosen) {
        Member& member = fresh[index];
        Cluster& cluster = m_clusters[candidate.cluster];
        AnnotationRecord record;
        record.kind = AnnotationKind::Merge;
        record.incidentKey = cluster.rootKey;
        record.otherKey = member.key;
        record.active = true;
        record.author = author();
        record.detail = candidate.reason;
        QString message;
        if (!m_annotations->append(record, &message)) {
            m_loaded = false; // the index now holds merges that are rolled back
            return fail(error, QStringLiteral("cannot record the merge of incident %1 into %2: %3")
                                   .arg(member.incident.id)
                                   .arg(cluster.rootId)
                                   .arg(message));
        }
        done.append(AutoMerge{cluster.rootId, member.incident.id, candidate.reason});
        for (const Member& other : cluster.members)
            m_mergedPairs.insert(pairKey(member.key, other.key));
        m_keysWithMerges.insert(member.key);
        m_keysWithMerges.insert(cluster.rootKey);
        addMember(candidate.cluster, std::move(member));
        member.key.clear(); // moved into the cluster
    }
    // The rest are events no other report told (yet): later reports may join them.
    for (Member& member : fresh) {
        if (!member.key.isEmpty() && !m_keysWithMerges.contains(member.key))
            addCluster(std::move(member));
    }
    QString message;
    if (!savepoint.release(&message)) {
        m_loaded = false;
        return fail(error, QStringLiteral("cannot record the merges: %1").arg(message));
    }
    if (reloadAfter)
        m_loaded = false;
    if (merges)
        *merges << done;
    return true;
}

} // namespace makran
