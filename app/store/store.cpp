#include "store/store.h"

#include "store/migrations.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStandardPaths>

namespace makran {

namespace {

QString isoDate(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QDate dateFrom(const QString& text)
{
    return text.isEmpty() ? QDate() : QDate::fromString(text, Qt::ISODate);
}

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

enum class PlaceColumn { Name, Admin1, Country, Lat, Lon, GeoPrecision };

// Ids as a JSON array, bound to "IN (SELECT value FROM json_each(?))" so one statement takes any number.
QString idArray(const QList<qint64>& ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (qint64 id : ids)
        parts << QString::number(id);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

// The six columns that identify a place, bound in the order `columns` names them (the find and the
// insert list them differently).
void bindPlace(SqliteStatement& statement, const Place& place, std::initializer_list<PlaceColumn> columns)
{
    int index = 1;
    for (PlaceColumn column : columns) {
        switch (column) {
        case PlaceColumn::Name: statement.bind(index, place.name); break;
        case PlaceColumn::Admin1: statement.bind(index, place.admin1.isEmpty() ? QString() : place.admin1); break;
        case PlaceColumn::Country: statement.bind(index, place.country.isEmpty() ? QString() : place.country); break;
        case PlaceColumn::Lat: statement.bind(index, place.lat); break;
        case PlaceColumn::Lon: statement.bind(index, place.lon); break;
        case PlaceColumn::GeoPrecision: statement.bind(index, place.geoPrecision); break;
        }
        ++index;
    }
}

// Every report query selects the same columns, in reportFrom()'s order; the text only when wanted.
QByteArray reportQuery(bool withText, const char* rest)
{
    return QByteArray("SELECT id, title, source, url, published, ") + (withText ? "text" : "''") +
           ", content_hash, path FROM reports " + rest;
}

Report reportFrom(const SqliteStatement& query)
{
    return Report{query.int64(0), query.text(1), query.text(2), query.text(3), dateFrom(query.text(4)),
                  query.text(5),  query.text(6), query.text(7)};
}

} // namespace

QString toFtsQuery(const QString& userText)
{
    static const QRegularExpression words(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList terms;
    auto it = words.globalMatch(userText);
    while (it.hasNext())
        terms << QLatin1Char('"') + it.next().captured() + QStringLiteral("\"*");
    return terms.join(QLatin1Char(' '));
}

std::unique_ptr<Store> Store::open(const QString& path, QString* error)
{
    std::unique_ptr<Store> store(new Store);
    store->m_path = path;
    const QFileInfo info(path);
    if (!info.dir().exists() && !QDir().mkpath(info.absolutePath())) {
        fail(error, QStringLiteral("%1: cannot create the folder").arg(path));
        return nullptr;
    }
    QString message;
    if (!store->m_db.open(path, &message)) {
        fail(error, QStringLiteral("%1: %2").arg(path, message));
        return nullptr;
    }
    // WAL keeps readers unblocked during an import; NORMAL sync is safe with WAL.
    if (!store->m_db.exec("PRAGMA journal_mode=WAL", &message) ||
        !store->m_db.exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON", &message)) {
        fail(error, QStringLiteral("%1: not a usable database (%2)").arg(path, message));
        return nullptr;
    }
    if (!migrate(store->m_db, nullptr, &message)) {
        fail(error, QStringLiteral("%1: %2").arg(path, message));
        return nullptr;
    }
    return store;
}

QString Store::defaultPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/makran");
    return dir + QStringLiteral("/makran.sqlite");
}

int Store::schemaVersion() const
{
    auto query = m_db.prepare("PRAGMA user_version");
    return query.step() ? int(query.int64(0)) : 0;
}

std::optional<qint64> Store::reportIdByHash(const QString& contentHash) const
{
    auto query = m_db.prepare("SELECT id FROM reports WHERE content_hash = ?");
    query.bind(1, contentHash);
    if (query.step())
        return query.int64(0);
    return std::nullopt;
}

qint64 Store::placeId(const Place& place, QString* error)
{
    using enum PlaceColumn;
    // Coordinates are part of a place's identity: a corrected point is a different place row.
    auto find = m_db.prepare("SELECT id FROM places WHERE name = ? AND admin1 IS ? AND country IS ? "
                             "AND geo_precision IS ? AND lat IS ? AND lon IS ?");
    bindPlace(find, place, {Name, Admin1, Country, GeoPrecision, Lat, Lon});
    if (find.step())
        return find.int64(0);
    auto insert = m_db.prepare(
        "INSERT INTO places(name, admin1, country, lat, lon, geo_precision) VALUES (?, ?, ?, ?, ?, ?)");
    bindPlace(insert, place, {Name, Admin1, Country, Lat, Lon, GeoPrecision});
    if (!insert.execute()) {
        fail(error, insert.error());
        return 0;
    }
    return m_db.lastInsertId();
}

qint64 Store::actorId(const ActorRef& actor, QString* error)
{
    auto find = m_db.prepare("SELECT id FROM actors WHERE name = ?");
    find.bind(1, actor.name);
    if (find.step())
        return find.int64(0);
    auto insert = m_db.prepare("INSERT INTO actors(name, kind, country) VALUES (?, ?, ?)");
    if (!insert.executeWith(actor.name, actor.kind, actor.country)) {
        fail(error, insert.error());
        return 0;
    }
    return m_db.lastInsertId();
}

bool Store::insertIncident(const Incident& incident, qint64 reportId, int ordinal, const QString& reportHash,
                           const QList<qint64>& quoteIds, const QList<Quote>& reportQuotes, QString* error)
{
    qint64 place = 0;
    if (!incident.place.name.isEmpty() && !(place = placeId(incident.place, error)))
        return false;
    auto insert = m_db.prepare(
        "INSERT INTO incidents(report_id, ordinal, date, date_end, date_precision, event_type, "
        "sub_event_type, place_id, out_of_region, fatalities, fatalities_high, injured, summary, "
        "confidence, incident_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    // Stable across re-extraction of the same text, so analysts' edits find their incident again.
    const QString key = reportHash.left(16) + QLatin1Char(':') + QString::number(ordinal);
    if (!insert.executeWith(reportId, ordinal, isoDate(incident.date), isoDate(incident.dateEnd),
                            toString(incident.datePrecision), incident.eventType, incident.subEventType,
                            place ? std::optional<qint64>(place) : std::nullopt,
                            qint64(incident.place.outOfRegion ? 1 : 0), incident.fatalities,
                            incident.fatalitiesHigh, incident.injured, incident.summary, incident.confidence, key))
        return fail(error, insert.error());
    const qint64 incidentId = m_db.lastInsertId();

    auto source = m_db.prepare("INSERT OR IGNORE INTO incident_sources(incident_id, report_id) VALUES (?, ?)");
    if (!source.executeWith(incidentId, reportId))
        return fail(error, source.error());

    auto link = m_db.prepare("INSERT OR IGNORE INTO incident_actors(incident_id, actor_id, role) VALUES (?,?,?)");
    for (const ActorRef& actor : incident.actors) {
        const qint64 actor_id = actorId(actor, error);
        if (!actor_id)
            return false;
        if (!link.executeWith(incidentId, actor_id, toString(actor.role)))
            return fail(error, link.error());
    }

    auto quoteLink = m_db.prepare("INSERT OR IGNORE INTO incident_quotes(incident_id, quote_id) VALUES (?, ?)");
    for (const Quote& quote : incident.quotes) {
        const qsizetype index = reportQuotes.indexOf(quote);
        if (index < 0)
            continue; // quotes of an incident are always among the report's quotes
        if (!quoteLink.executeWith(incidentId, quoteIds[index]))
            return fail(error, quoteLink.error());
    }

    auto evidence = m_db.prepare("INSERT INTO evidence(incident_id, field, start, end, reasoning, confidence) "
                                 "VALUES (?, ?, ?, ?, ?, ?)");
    for (const Evidence& item : incident.evidence) {
        if (!evidence.executeWith(incidentId, item.field, item.start, item.end, item.reasoning, item.confidence))
            return fail(error, evidence.error());
    }

    auto claim = m_db.prepare("INSERT INTO claims(incident_id, field, value, low, high, claimant, start, end, "
                              "report_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Claim& item : incident.claims) {
        if (!claim.executeWith(incidentId, item.field, item.value, item.low, item.high, item.claimant, item.start,
                               item.end, item.reportId ? item.reportId : reportId))
            return fail(error, claim.error());
    }

    if (incident.place.hasCoordinates()) {
        auto spatial = m_db.prepare("INSERT INTO incident_rtree(id, min_lon, max_lon, min_lat, max_lat) "
                                    "VALUES (?, ?, ?, ?, ?)");
        const double lon = *incident.place.lon, lat = *incident.place.lat;
        if (!spatial.executeWith(incidentId, lon, lon, lat, lat))
            return fail(error, spatial.error());
    }
    return true;
}

Store::ImportResult Store::importReport(const ExtractionResult& extraction, const BeforeCommit& beforeCommit)
{
    ImportResult result;
    const Report& report = extraction.report;
    if (auto existing = reportIdByHash(report.contentHash)) {
        result.status = ImportStatus::AlreadyPresent;
        result.reportId = *existing;
        return result;
    }
    SqliteTransaction transaction(m_db);
    if (!transaction.isActive()) {
        result.error = QStringLiteral("cannot start a transaction: %1").arg(m_db.lastError());
        return result;
    }
    auto insert = m_db.prepare("INSERT INTO reports(content_hash, title, source, url, published, path, text, "
                               "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert.executeWith(report.contentHash, report.title, report.source, report.url, isoDate(report.published),
                            report.path, report.text, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))) {
        result.error = insert.error();
        return result;
    }
    const qint64 reportId = m_db.lastInsertId();
    auto fts = m_db.prepare("INSERT INTO report_fts(rowid, title, text) VALUES (?, ?, ?)");
    if (!fts.executeWith(reportId, report.title, report.text)) {
        result.error = fts.error();
        return result;
    }

    QList<qint64> quoteIds;
    auto quote = m_db.prepare("INSERT INTO quotes(report_id, speaker, text, start, end, speaker_start, "
                              "speaker_end, partial, indirect) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto quoteFts = m_db.prepare("INSERT INTO quote_fts(rowid, speaker, text) VALUES (?, ?, ?)");
    for (const Quote& q : extraction.quotes) {
        if (!quote.executeWith(reportId, q.speaker, q.text, q.start, q.end, q.speakerStart, q.speakerEnd,
                               qint64(q.partial), qint64(q.indirect))) {
            result.error = quote.error();
            return result;
        }
        quoteIds << m_db.lastInsertId();
        if (!quoteFts.executeWith(quoteIds.last(), q.speaker, q.text)) {
            result.error = quoteFts.error();
            return result;
        }
    }

    int ordinal = 0;
    for (const Incident& incident : extraction.incidents) {
        if (!insertIncident(incident, reportId, ordinal++, report.contentHash, quoteIds, extraction.quotes,
                            &result.error))
            return result;
    }
    if (beforeCommit && !beforeCommit(reportId, &result.error))
        return result; // the transaction rolls back
    if (!transaction.commit(&result.error))
        return result;
    result.status = ImportStatus::Imported;
    result.reportId = reportId;
    result.incidents = int(extraction.incidents.size());
    return result;
}

std::vector<Incident> Store::loadIncidents() const
{
    return loadIncidentsWhere(nullptr);
}

std::vector<Incident> Store::incidents(const QList<qint64>& ids) const
{
    return ids.isEmpty() ? std::vector<Incident>() : loadIncidentsWhere(&ids);
}

std::optional<Incident> Store::incident(qint64 id) const
{
    std::vector<Incident> found = incidents({id});
    if (found.empty())
        return std::nullopt;
    return std::move(found.front());
}

std::vector<Incident> Store::loadIncidentsWhere(const QList<qint64>* ids) const
{
    const SqliteDatabase& db = m_db;
    // With ids, every query is restricted to them (each table has an index on its incident column);
    // without, each reads its whole table once. Either way the rows map onto incidents the same way.
    const QString idJson = ids ? idArray(*ids) : QString();
    const auto prepare = [&](const char* sql, const char* column, const char* order) {
        QByteArray text(sql);
        if (ids)
            text += QByteArray(" WHERE ") + column + " IN (SELECT value FROM json_each(?1))";
        text += QByteArray(" ORDER BY ") + order;
        SqliteStatement statement = db.prepare(text.constData());
        if (ids)
            statement.bind(1, idJson);
        return statement;
    };

    std::vector<Incident> incidents;
    QHash<qint64, size_t> indexById;
    auto query = prepare(
        "SELECT i.id, i.report_id, i.date, i.date_end, i.date_precision, i.event_type, i.sub_event_type, "
        "p.name, p.admin1, p.country, p.lat, p.lon, p.geo_precision, i.out_of_region, i.fatalities, "
        "i.fatalities_high, i.injured, i.summary, i.confidence FROM incidents i "
        "LEFT JOIN places p ON p.id = i.place_id",
        "i.id", "i.id");
    while (query.step()) {
        Incident incident;
        incident.id = query.int64(0);
        incident.reportId = query.int64(1);
        incident.date = dateFrom(query.text(2));
        incident.dateEnd = dateFrom(query.text(3));
        incident.datePrecision = datePrecisionFromString(query.text(4));
        incident.eventType = query.text(5);
        incident.subEventType = query.text(6);
        incident.place.name = query.text(7);
        incident.place.admin1 = query.text(8);
        incident.place.country = query.text(9);
        incident.place.lat = query.optionalReal(10);
        incident.place.lon = query.optionalReal(11);
        incident.place.geoPrecision = query.optionalInt(12).value_or(0);
        incident.place.outOfRegion = query.int64(13) != 0;
        incident.fatalities = query.optionalInt(14);
        incident.fatalitiesHigh = query.optionalInt(15);
        incident.injured = query.optionalInt(16);
        incident.summary = query.text(17);
        incident.confidence = query.real(18);
        indexById.insert(incident.id, incidents.size());
        incidents.push_back(std::move(incident));
    }
    if (incidents.empty())
        return incidents;

    auto actors = prepare("SELECT ia.incident_id, a.name, ia.role, a.kind, a.country FROM incident_actors ia "
                          "JOIN actors a ON a.id = ia.actor_id",
                          "ia.incident_id", "ia.rowid");
    while (actors.step()) {
        auto it = indexById.constFind(actors.int64(0));
        if (it == indexById.constEnd())
            continue;
        incidents[*it].actors.append(
            ActorRef{actors.text(1), actorRoleFromString(actors.text(2)), actors.text(3), actors.text(4)});
    }
    auto sources = prepare("SELECT incident_id, report_id FROM incident_sources", "incident_id", "rowid");
    while (sources.step()) {
        auto it = indexById.constFind(sources.int64(0));
        if (it != indexById.constEnd())
            incidents[*it].sourceReportIds.append(sources.int64(1));
    }
    auto quotes = prepare("SELECT iq.incident_id, q.speaker, q.text, q.start, q.end, q.speaker_start, "
                          "q.speaker_end, q.partial, q.indirect FROM incident_quotes iq "
                          "JOIN quotes q ON q.id = iq.quote_id",
                          "iq.incident_id", "q.report_id, q.start");
    while (quotes.step()) {
        auto it = indexById.constFind(quotes.int64(0));
        if (it == indexById.constEnd())
            continue;
        incidents[*it].quotes.append(Quote{quotes.text(1), quotes.text(2), quotes.int64(3), quotes.int64(4),
                                           quotes.int64(5), quotes.int64(6), quotes.int64(7) != 0,
                                           quotes.int64(8) != 0});
    }
    auto evidence = prepare("SELECT incident_id, field, start, end, reasoning, confidence FROM evidence",
                            "incident_id", "id");
    while (evidence.step()) {
        auto it = indexById.constFind(evidence.int64(0));
        if (it == indexById.constEnd())
            continue;
        incidents[*it].evidence.append(Evidence{evidence.text(1), evidence.int64(2), evidence.int64(3),
                                                evidence.text(4), evidence.real(5)});
    }
    auto claims = prepare("SELECT incident_id, field, value, low, high, claimant, start, end, report_id FROM claims",
                          "incident_id", "id");
    while (claims.step()) {
        auto it = indexById.constFind(claims.int64(0));
        if (it == indexById.constEnd())
            continue;
        incidents[*it].claims.append(Claim{claims.text(1), claims.text(2), claims.optionalInt(3),
                                           claims.optionalInt(4), claims.text(5), claims.int64(6),
                                           claims.int64(7), claims.int64(8)});
    }
    return incidents;
}

std::optional<Report> Store::report(qint64 id) const
{
    auto query = m_db.prepare(reportQuery(true, "WHERE id = ?").constData());
    query.bind(1, id);
    if (!query.step())
        return std::nullopt;
    return reportFrom(query);
}

std::vector<Report> Store::reports(bool withText) const
{
    std::vector<Report> result;
    auto query = m_db.prepare(reportQuery(withText, "ORDER BY id").constData());
    while (query.step())
        result.push_back(reportFrom(query));
    return result;
}

std::vector<Report> Store::reportHeaders(const QList<qint64>& ids) const
{
    std::vector<Report> result;
    if (ids.isEmpty())
        return result;
    auto query =
        m_db.prepare(reportQuery(false, "WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id").constData());
    query.bind(1, idArray(ids));
    while (query.step())
        result.push_back(reportFrom(query));
    return result;
}

qint64 Store::reportCount() const
{
    auto query = m_db.prepare("SELECT count(*) FROM reports");
    return query.step() ? query.int64(0) : 0;
}

qint64 Store::incidentCount() const
{
    auto query = m_db.prepare("SELECT count(*) FROM incidents");
    return query.step() ? query.int64(0) : 0;
}

QSet<qint64> Store::incidentsMatchingText(const QString& query, QString* error) const
{
    QSet<qint64> ids;
    const QString fts = toFtsQuery(query);
    if (fts.isEmpty())
        return ids;
    const SqliteDatabase& db = m_db;
    auto reports = db.prepare("SELECT s.incident_id FROM report_fts f JOIN incident_sources s "
                              "ON s.report_id = f.rowid WHERE report_fts MATCH ?");
    reports.bind(1, fts);
    while (reports.step())
        ids.insert(reports.int64(0));
    auto quotes = db.prepare("SELECT iq.incident_id FROM quote_fts f JOIN incident_quotes iq "
                             "ON iq.quote_id = f.rowid WHERE quote_fts MATCH ?");
    quotes.bind(1, fts);
    while (quotes.step())
        ids.insert(quotes.int64(0));
    if (error && !reports.error().isEmpty())
        *error = reports.error();
    return ids;
}

QSet<qint64> Store::reportsMatchingText(const QString& query, QString* error) const
{
    QSet<qint64> ids;
    const QString fts = toFtsQuery(query);
    if (fts.isEmpty())
        return ids;
    auto reports = m_db.prepare("SELECT rowid FROM report_fts WHERE report_fts MATCH ?");
    reports.bind(1, fts);
    while (reports.step())
        ids.insert(reports.int64(0));
    if (error && !reports.error().isEmpty())
        *error = reports.error();
    return ids;
}

QList<qint64> Store::incidentsInBox(double minLat, double minLon, double maxLat, double maxLon) const
{
    QList<qint64> ids;
    auto query = m_db.prepare(
        "SELECT id FROM incident_rtree WHERE max_lon >= ? AND min_lon <= ? AND max_lat >= ? AND min_lat <= ?");
    query.bind(1, minLon);
    query.bind(2, maxLon);
    query.bind(3, minLat);
    query.bind(4, maxLat);
    while (query.step())
        ids << query.int64(0);
    return ids;
}

} // namespace makran
