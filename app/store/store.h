#pragma once

#include "model/incident.h"
#include "store/sqlite.h"

#include <QSet>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace makran {

// The one SQLite file holding reports, extracted incidents and analysts' work.
class Store {
public:
    enum class ImportStatus { Imported, AlreadyPresent, Failed };
    struct ImportResult {
        ImportStatus status = ImportStatus::Failed;
        qint64 reportId = 0;
        int incidents = 0;
        QString error;
    };

    static std::unique_ptr<Store> open(const QString& path, QString* error);
    static QString defaultPath(); // in the user's data directory

    QString path() const { return m_path; }
    int schemaVersion() const;

    // Work that belongs to the report's transaction (its automatic merges), run once the report is
    // written and before it commits; returning false rolls the report back with the error given.
    using BeforeCommit = std::function<bool(qint64 reportId, QString* error)>;

    // One transaction per report: all of it is stored (with whatever beforeCommit wrote), or nothing. A
    // report whose text is already stored (same content hash) is left untouched.
    ImportResult importReport(const ExtractionResult& extraction, const BeforeCommit& beforeCommit = {});

    std::vector<Incident> loadIncidents() const;
    // Only the incidents with these ids (those that exist), in id order, as loadIncidents() gives them.
    std::vector<Incident> incidents(const QList<qint64>& ids) const;
    std::optional<Incident> incident(qint64 id) const;
    std::optional<Report> report(qint64 id) const;
    std::vector<Report> reports(bool withText = false) const;
    // These reports (those that exist) without their text, in id order: what names and cites them.
    std::vector<Report> reportHeaders(const QList<qint64>& ids) const;
    std::optional<qint64> reportIdByHash(const QString& contentHash) const;
    qint64 reportCount() const;
    qint64 incidentCount() const;

    // Incidents whose report text or quotes match every word of a free-text query (prefix match).
    QSet<qint64> incidentsMatchingText(const QString& query, QString* error = nullptr) const;
    // Reports whose title or text match every word of the query (prefix match).
    QSet<qint64> reportsMatchingText(const QString& query, QString* error = nullptr) const;
    QList<qint64> incidentsInBox(double minLat, double minLon, double maxLat, double maxLon) const;

    SqliteDatabase& database() { return m_db; }

private:
    Store() = default;
    // The one row mapping of incidents: every incident when ids is null, else only those.
    std::vector<Incident> loadIncidentsWhere(const QList<qint64>* ids) const;
    qint64 placeId(const Place& place, QString* error);
    qint64 actorId(const ActorRef& actor, QString* error);
    bool insertIncident(const Incident& incident, qint64 reportId, int ordinal, const QString& reportHash,
                        const QList<qint64>& quoteIds, const QList<Quote>& reportQuotes, QString* error);

    SqliteDatabase m_db;
    QString m_path;
};

// Turns free text typed by a user into a safe FTS5 query: every word quoted, prefix-matched, ANDed.
QString toFtsQuery(const QString& userText);

} // namespace makran
