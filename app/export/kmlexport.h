#pragma once

#include <QIODevice>
#include <QString>

namespace makran {

struct ExportRequest;

// KML 2.2 for Google Earth and GIS tools: a style per event type, one Placemark per incident with a
// TimeStamp for a known day and a TimeSpan for a week, month or several days, and the incident's fields
// and quotes (with their sources) in the description. Incidents without coordinates are kept as
// Placemarks without geometry, so they still show in the list.
bool writeKml(const ExportRequest& request, QIODevice& out, QString* error);

} // namespace makran
