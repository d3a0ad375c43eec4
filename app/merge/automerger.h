#pragma once

#include "model/incident.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace makran {

class AnnotationStore;
class Store;

// One merge the matcher recorded: mergedId now shows inside keptId.
struct AutoMerge {
    qint64 keptId = 0;
    qint64 mergedId = 0;
    QString reason;
};

// Joins the incidents of a report just imported to the same events already reported by other reports.
// Each match is an ordinary merge in the annotation layer, authored by author() with EventMatcher's
// reason, so it shows in the incident's history, survives re-import and is split like an analyst's.
//
// A new incident joins the best match (highest score, then the earliest imported). It is left alone when
// it already has merge rows (an analyst or an earlier run decided about it), when a candidate shares a
// report with it, when any merge row, current or undone, ever joined it to a candidate (an analyst's
// split sticks), or when only the province ties it to several candidates.
//
// Loads every incident once, on the first report, and keeps the candidates indexed by day, so a big
// import costs one load. Not thread-safe: one per ImportJob, on its thread.
class AutoMerger {
  public:
    static QString author(); // "makran (automatic)"

    explicit AutoMerger(Store& store); // not owned; must outlive this object
    ~AutoMerger();
    AutoMerger(const AutoMerger&) = delete;
    AutoMerger& operator=(const AutoMerger&) = delete;

    // Makes sure the annotation tables exist. Call it before the report's transaction begins: creating
    // them takes a transaction of its own, which SQLite cannot start inside another.
    bool prepare(QString* error);

    // `incidents` are the report's extraction, in the order the store numbered them. Meant to run inside
    // the report's own transaction (Store::importReport's beforeCommit), so the report and its merges are
    // stored together or not at all. All merges of the report are written in one savepoint: on a database
    // error none is, and false says why.
    bool mergeReport(qint64 reportId, const QList<Incident>& incidents, QList<AutoMerge>* merges,
                     QString* error);

    // The transaction that held the last mergeReport() rolled back after all: the index holds incidents
    // and merges the store does not, so it is read again from the store for the next report.
    void forgetUncommitted() { m_loaded = false; }

  private:
    struct Member {
        QString key;
        Incident incident;
    };
    // An incident as listed, with the incidents merged into it.
    struct Cluster {
        qint64 rootId = 0;
        QString rootKey;
        std::vector<Member> members;
        QSet<qint64> reports;
    };
    struct Candidate {
        size_t cluster = 0;
        int score = 0;
        bool provinceOnly = false;
        int dateDistance = 0;
        QString reason;

        // Higher score, then a match on the place itself, then the closer date.
        bool betterThan(const Candidate& other) const;
    };

    bool load(qint64 skipReportId, QString* error);
    void addMember(size_t cluster, Member member);
    size_t addCluster(Member root);
    QList<Candidate> candidatesFor(const Member& member) const;
    static QString pairKey(const QString& a, const QString& b);

    Store& m_store;
    std::unique_ptr<AnnotationStore> m_annotations;
    bool m_loaded = false;
    std::vector<Cluster> m_clusters;
    QHash<qint64, QList<size_t>> m_byDay; // Julian day -> clusters with a member on that day
    QSet<QString> m_mergedPairs;          // pairKey() of every two incidents a merge row ever named
    QSet<QString> m_keysWithMerges;       // incidents named by any merge row
};

} // namespace makran
