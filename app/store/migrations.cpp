#include "store/migrations.h"

#include "store/sqlite.h"

#include <array>

namespace makran {

namespace {

// Version 1: reports, incidents, actors, places, quotes, evidence, full-text and spatial indexes.
constexpr const char* kSchemaV1 = R"SQL(
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT, source TEXT, url TEXT, published TEXT, path TEXT,
    text TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE TABLE places (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL, admin1 TEXT, country TEXT,
    lat REAL, lon REAL, geo_precision INTEGER,
    UNIQUE (name, admin1, country, geo_precision, lat, lon)
);
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    date TEXT, date_end TEXT, date_precision TEXT,
    event_type TEXT, sub_event_type TEXT,
    place_id INTEGER REFERENCES places(id),
    out_of_region INTEGER NOT NULL DEFAULT 0,
    fatalities INTEGER, fatalities_high INTEGER, injured INTEGER,
    summary TEXT, confidence REAL
);
CREATE INDEX incidents_report ON incidents(report_id);
CREATE INDEX incidents_date ON incidents(date);
CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE, kind TEXT, country TEXT
);
CREATE TABLE incident_actors (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    role TEXT NOT NULL,
    PRIMARY KEY (incident_id, actor_id, role)
);
CREATE TABLE incident_sources (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    PRIMARY KEY (incident_id, report_id)
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    speaker TEXT, text TEXT NOT NULL,
    start INTEGER, end INTEGER, speaker_start INTEGER, speaker_end INTEGER,
    partial INTEGER NOT NULL DEFAULT 0, indirect INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX quotes_report ON quotes(report_id);
CREATE TABLE incident_quotes (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    PRIMARY KEY (incident_id, quote_id)
);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    field TEXT NOT NULL, start INTEGER, end INTEGER, reasoning TEXT
);
CREATE INDEX evidence_incident ON evidence(incident_id);
CREATE VIRTUAL TABLE report_fts USING fts5(title, text, content='reports', content_rowid='id');
CREATE VIRTUAL TABLE quote_fts USING fts5(speaker, text, content='quotes', content_rowid='id');
CREATE VIRTUAL TABLE incident_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
)SQL";

// Version 2: analysts' edits live beside the extraction, keyed by a stable incident key so they
// survive re-import; the undo history is the edit log itself.
constexpr const char* kSchemaV2 = R"SQL(
ALTER TABLE incidents ADD COLUMN incident_key TEXT;
CREATE INDEX incidents_key ON incidents(incident_key);
CREATE TABLE incident_edits (
    id INTEGER PRIMARY KEY,
    incident_key TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT,
    author TEXT, edited_at TEXT NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_edits_key ON incident_edits(incident_key);
)SQL";

// Version 3: a confidence per field (on its evidence) and competing claims with their claimants.
constexpr const char* kSchemaV3 = R"SQL(
ALTER TABLE evidence ADD COLUMN confidence REAL NOT NULL DEFAULT 1.0;
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    field TEXT NOT NULL, value TEXT, low INTEGER, high INTEGER, claimant TEXT,
    start INTEGER, end INTEGER,
    report_id INTEGER REFERENCES reports(id) ON DELETE CASCADE
);
CREATE INDEX claims_incident ON claims(incident_id);
)SQL";

constexpr std::array kMigrations = {kSchemaV1, kSchemaV2, kSchemaV3};

} // namespace

int latestSchemaVersion()
{
    return int(kMigrations.size());
}

bool migrate(SqliteDatabase& db, int* fromVersion, QString* error)
{
    auto versionQuery = db.prepare("PRAGMA user_version");
    if (!versionQuery.step()) {
        if (error)
            *error = QStringLiteral("cannot read the schema version: %1").arg(db.lastError());
        return false;
    }
    const int current = int(versionQuery.int64(0));
    if (fromVersion)
        *fromVersion = current;
    if (current > latestSchemaVersion()) {
        if (error)
            *error = QStringLiteral("the database has schema version %1, newer than this program's %2")
                         .arg(current)
                         .arg(latestSchemaVersion());
        return false;
    }
    for (int version = current + 1; version <= latestSchemaVersion(); ++version) {
        SqliteTransaction transaction(db);
        QString message;
        if (!transaction.isActive() || !db.exec(kMigrations[size_t(version - 1)], &message)) {
            if (error)
                *error = QStringLiteral("migration to schema version %1 failed: %2").arg(version).arg(message);
            return false;
        }
        const QByteArray pragma = "PRAGMA user_version = " + QByteArray::number(version);
        if (!db.exec(pragma.constData(), &message) || !transaction.commit(&message)) {
            if (error)
                *error = QStringLiteral("migration to schema version %1 failed: %2").arg(version).arg(message);
            return false;
        }
    }
    return true;
}

} // namespace makran
