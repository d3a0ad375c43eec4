#pragma once

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace makran {

struct ExportRequest;

// ACLED's CSV layout: its columns in its order, its code lists, one row per incident per day (fatalities
// of a multi-day incident spread over its days, its rows numbered PAK12-1, PAK12-2, ...). Incidents that
// cannot be an ACLED row (no date, only a year, no coordinates) are left out and named in *warnings.
bool writeAcledCsv(const ExportRequest& request, QIODevice& out, QString* error, QStringList* warnings);

} // namespace makran
