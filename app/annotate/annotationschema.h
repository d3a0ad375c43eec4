#pragma once

#include <QString>

namespace makran {

class SqliteDatabase;

// The tables analysts' work lives in, beside the extraction (schema v2's incident_edits holds the field
// corrections). Everything is keyed by incidents.incident_key, never by row id: row ids change when a
// report is re-extracted, keys do not. Nothing is ever deleted: an undone row is marked superseded with
// who undid it and when, so an incident's history stays complete.
class AnnotationSchema {
public:
    // Idempotent SQL (CREATE ... IF NOT EXISTS only), so it can run on every open now and become the
    // schema v3 migration later without conflicting with databases that already have the tables.
    static const char* sql();
    // Runs sql() in one transaction.
    static bool ensure(SqliteDatabase& db, QString* error);
};

} // namespace makran
