#pragma once

#include <QString>

namespace makran {

class SqliteDatabase;

// Schema versions are applied in order, each in its own transaction; PRAGMA user_version records
// the last one applied so an older database is upgraded in place when opened.
int latestSchemaVersion();
bool migrate(SqliteDatabase& db, int* fromVersion, QString* error);

} // namespace makran
