#include "annotate/annotationschema.h"

#include "store/sqlite.h"

#include <QByteArray>

namespace makran {

namespace {

// A table of one kind of annotation: its own columns, between the incident it is about and the columns
// every such table shares; indexed by incident, and by `otherKey` too when it names a second incident.
struct AnnotationTable {
    const char* name;
    const char* columns;
    const char* otherKey = nullptr;
};

QByteArray createTable(const AnnotationTable& table)
{
    const QByteArray name(table.name);
    QByteArray sql = "CREATE TABLE IF NOT EXISTS " + name + " (\n"
                     "    id INTEGER PRIMARY KEY,\n"
                     "    incident_key TEXT NOT NULL,\n" +
                     table.columns +
                     "    author TEXT, edited_at TEXT NOT NULL,\n"
                     "    superseded INTEGER NOT NULL DEFAULT 0, undone_by TEXT, undone_at TEXT\n"
                     ");\n"
                     "CREATE INDEX IF NOT EXISTS " + name + "_key ON " + name + "(incident_key);\n";
    if (table.otherKey) {
        const QByteArray column(table.otherKey);
        sql += "CREATE INDEX IF NOT EXISTS " + name + "_" + column.left(column.indexOf('_')) + " ON " + name + "(" +
               column + ");\n";
    }
    return sql;
}

QByteArray schemaSql()
{
    // Every table carries author/edited_at (UTC, ISO 8601 with milliseconds) and the undo trail:
    // superseded = 1 once undone, undone_by/undone_at say by whom and when. incident_edits (v2) has no
    // room for the value it replaced or the undo trail, hence annotation_edit_details beside it.
    QByteArray sql = R"SQL(
CREATE TABLE IF NOT EXISTS annotation_edit_details (
    edit_id INTEGER PRIMARY KEY REFERENCES incident_edits(id),
    previous TEXT,
    undone_by TEXT, undone_at TEXT
);
)SQL";
    const AnnotationTable tables[] = {
        {"annotation_notes", "    text TEXT NOT NULL,\n"},
        {"annotation_tags", "    tags TEXT NOT NULL,\n    previous TEXT,\n"},
        {"annotation_links",
         "    other_key TEXT NOT NULL,\n"
         "    kind TEXT NOT NULL CHECK (kind IN ('retaliation-for', 'same-event-as', 'follow-up-to')),\n"
         "    linked INTEGER NOT NULL DEFAULT 1,\n",
         "other_key"},
        {"annotation_merges", "    merged_key TEXT NOT NULL,\n    merged INTEGER NOT NULL,\n", "merged_key"},
        {"annotation_detached_sources", "    report_hash TEXT NOT NULL,\n"},
        {"annotation_quotes",
         "    report_hash TEXT NOT NULL,\n    speaker TEXT, text TEXT NOT NULL,\n"
         "    start INTEGER NOT NULL, end INTEGER NOT NULL,\n"},
        {"annotation_evidence",
         "    report_hash TEXT NOT NULL,\n    field TEXT NOT NULL,\n"
         "    start INTEGER NOT NULL, end INTEGER NOT NULL,\n    reasoning TEXT,\n"},
    };
    for (const AnnotationTable& table : tables)
        sql += createTable(table);
    // Last: ensure() takes it as the sign that all the others exist.
    sql += R"SQL(CREATE TABLE IF NOT EXISTS annotation_merge_reasons (
    merge_id INTEGER PRIMARY KEY REFERENCES annotation_merges(id),
    reason TEXT NOT NULL
);
)SQL";
    return sql;
}

} // namespace

const char* AnnotationSchema::sql()
{
    static const QByteArray sql = schemaSql();
    return sql.constData();
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
