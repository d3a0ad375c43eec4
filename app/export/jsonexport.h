#pragma once

#include "model/incident.h"

#include <QIODevice>
#include <QJsonObject>

namespace makran {

struct ExportRequest;

// The JSON shape shared by `makran-cli extract` and the json export. Unknown values are null, dates
// ISO 8601, country ISO 3166-1 alpha-2. The "report" member is added by the caller, which has the report.
QJsonObject incidentToJson(const Incident& incident);
QJsonObject quoteToJson(const Quote& quote);
QJsonObject reportToJson(const Report& report); // {"title","published","source"} (+ "id", "url")

// {"incidents":[...]} with each incident's report and the analysts' status, notes and tags.
bool writeJson(const ExportRequest& request, QIODevice& out, QString* error);

} // namespace makran
