#include "annotate/annotationschema.h"

#include "store/sqlite.h"

namespace makran {

const char* AnnotationSchema::sql()
{
    // Every table carries author/edited_at (UTC, ISO 8601 with milliseconds) and the undo trail:
    // superseded = 1 once undone, undone_by/undone_at say by whom and when. incident_edits (v2) has no
    // room for the value it replaced or the undo trail, hence annotation_edit_details beside it.
    return R"SQL(
CREATE TABLE IF NOT EXISTS annotation_edit_details (
    edit_id INTEGER PRIMARY KEY REFERENCES incident_edits(id),
    previous TEXT,
    undone_by TEXT, undone_at TEXT
);
CREATE TABLE IF NOT EXISTS annotation_notes (
    id INTEGER PRIMARY KEY,
    incident_key TEXT NOT NULL,
    text TEXT NOT NULL,
    author TEXT, edited_at TEXT NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0, undone_by TEXT, undone_at TEXT
);
CREATE INDEX IF NOT EXISTS annotation_notes_key ON annotation_notes(incident_key);
CREATE TABLE IF NOT EXISTS annotation_tags (
    id INTEGER PRIMARY KEY,
    incident_key TEXT NOT NULL,
    tags TEXT NOT NULL,
    previous TEXT,
    author TEXT, edited_at TEXT NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0, undone_by TEXT, undone_at TEXT
);
CREATE INDEX IF NOT EXISTS annotation_tags_key ON annotation_tags(incident_key);
CREATE TABLE IF NOT EXISTS annotation_links (
    id INTEGER PRIMARY KEY,
    incident_key TEXT NOT NULL,
    other_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('retaliation-for', 'same-event-as', 'follow-up-to')),
    linked INTEGER NOT NULL DEFAULT 1,
    author TEXT, edited_at TEXT NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0, undone_by TEXT, undone_at TEXT
);
CREATE INDEX IF NOT EXISTS annotation_links_key ON annotation_links(incident_key);
CREATE INDEX IF NOT EXISTS annotation_links_other ON annotation_links(other_key);
CREATE TABLE IF NOT EXISTS annotation_merges (
    id INTEGER PRIMARY KEY,
    incident_key TEXT NOT NULL,
    merged_key TEXT NOT NULL,
    merged INTEGER NOT NULL,
    author TEXT, edited_at TEXT NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0, undone_by TEXT, undone_at TEXT
);
CREATE INDEX IF NOT EXISTS annotation_merges_key ON annotation_merges(incident_key);
CREATE INDEX IF NOT EXISTS annotation_merges_merged ON annotation_merges(merged_key);
CREATE TABLE IF NOT EXISTS annotation_detached_sources (
    id INTEGER PRIMARY KEY,
    incident_key TEXT NOT NULL,
    report_hash TEXT NOT NULL,
    author TEXT, edited_at TEXT NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0, undone_by TEXT, undone_at TEXT
);
CREATE INDEX IF NOT EXISTS annotation_detached_sources_key ON annotation_detached_sources(incident_key);
CREATE TABLE IF NOT EXISTS annotation_quotes (
    id INTEGER PRIMARY KEY,
    incident_key TEXT NOT NULL,
    report_hash TEXT NOT NULL,
    speaker TEXT, text TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    author TEXT, edited_at TEXT NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0, undone_by TEXT, undone_at TEXT
);
CREATE INDEX IF NOT EXISTS annotation_quotes_key ON annotation_quotes(incident_key);
CREATE TABLE IF NOT EXISTS annotation_evidence (
    id INTEGER PRIMARY KEY,
    incident_key TEXT NOT NULL,
    report_hash TEXT NOT NULL,
    field TEXT NOT NULL,
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    reasoning TEXT,
    author TEXT, edited_at TEXT NOT NULL,
    superseded INTEGER NOT NULL DEFAULT 0, undone_by TEXT, undone_at TEXT
);
CREATE INDEX IF NOT EXISTS annotation_evidence_key ON annotation_evidence(incident_key);
CREATE TABLE IF NOT EXISTS annotation_merge_reasons (
    merge_id INTEGER PRIMARY KEY REFERENCES annotation_merges(id),
    reason TEXT NOT NULL
);
)SQL";
}

bool AnnotationSchema::ensure(SqliteDatabase& db, QString* error)
{
    // Opening a database must not take the write lock when there is nothing to create (another
    // program may be importing); the last table created is the marker that all of them exist.
    // annotation_merge_reasons came later: a database without it gets it on its next opening.
    auto existing = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                               "name = 'annotation_merge_reasons'");
    if (existing.step() && existing.int64(0) == 1)
        return true;
    SqliteTransaction transaction(db);
    if (!transaction.isActive()) {
        if (error)
            *error = QStringLiteral("cannot start a transaction: %1").arg(db.lastError());
        return false;
    }
    return db.exec(sql(), error) && transaction.commit(error);
}

} // namespace makran
