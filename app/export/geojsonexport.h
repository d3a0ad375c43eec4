#pragma once

#include <QIODevice>
#include <QString>

namespace makran {

struct ExportRequest;

// An RFC 7946 FeatureCollection: one Point feature per incident ([longitude, latitude], WGS 84), with
// every field, the report and the analysts' annotations as properties. Incidents without coordinates
// keep their place in the collection with a null geometry, as RFC 7946 §3.2 allows.
bool writeGeoJson(const ExportRequest& request, QIODevice& out, QString* error);

} // namespace makran
