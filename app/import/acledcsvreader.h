#pragma once

#include "model/incident.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace makran {

// True when the first line of a CSV file is an ACLED header (event_date, event_type, actor1, latitude,
// longitude among its columns), so `ingest` can tell ACLED data from a report saved as .csv.
bool looksLikeAcledCsv(const QByteArray& head);

// Reads ACLED-format CSV (ACLED's own exports and Makran's acled-csv export) as incidents. Parsing is
// RFC 4180 (quoted fields, doubled quotes, line breaks inside quotes) and header-driven, so columns may
// come in any order and unknown ones are ignored. Each event becomes one ExtractionResult with a synthetic
// report (title naming the event, source = the source column, text = the notes), so the store imports it
// like any report; the rows of one multi-day event written by Makran (ids PAK12-1, PAK12-2, ...) become
// one incident again. Rows that cannot be read are skipped with an error naming the file and line.
class AcledCsvReader {
  public:
    struct Result {
        QList<ExtractionResult> extractions;
        QStringList errors;   // "file.csv:12: event_date “18/01/24” is not a date (expected YYYY-MM-DD)"
        QStringList warnings; // readable but doubtful values
        int rows = 0;         // data rows seen
    };
    static Result read(const QString& path);
    static Result fromBytes(const QByteArray& bytes, const QString& path);
};

} // namespace makran
