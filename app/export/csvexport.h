#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace makran {

struct ExportRequest;

// Makran's own flat CSV: one row per incident with every field (actors, quotes and notes joined into one
// cell each), for spreadsheets. See acledcsvexport.h for ACLED's layout.
QStringList csvExportColumns();
bool writeCsv(const ExportRequest& request, QIODevice& out, QString* error);

} // namespace makran
