#pragma once

#include "model/incident.h"
#include "state/incidentfilter.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace makran {

enum class ExportFormat { Json, GeoJson, Kml, Csv, AcledCsv, Html, Markdown, Pdf };

// Names as typed on the command line and shown in the GUI ("json", "geojson", "kml", "csv", "acled-csv",
// "html", "md", "pdf"); parsing is case-insensitive and also accepts "markdown".
std::optional<ExportFormat> exportFormatFromString(QStringView name);
QString toString(ExportFormat format);
QStringList exportFormatNames();
QString exportFormatSuffix(ExportFormat format); // file suffix without the dot: "geojson", "md", ...
// The briefings (html, md, pdf) draw the map and timeline and lay out text, which needs a QGuiApplication
// (QT_QPA_PLATFORM=offscreen where there is no display); the data formats run under QCoreApplication.
bool exportFormatNeedsGui(ExportFormat format);

// Everything an export needs; the caller (GUI or CLI) has already applied the filter or selection.
struct ExportRequest {
    QList<Incident> incidents;
    // Reports for citations and the JSON "report" object; may be empty (then sources show only ids).
    std::function<std::optional<Report>(qint64)> reportLookup;
    IncidentFilter filter; // described on the briefing's title page
    QString scope;         // overrides the filter description, e.g. "12 incidents selected on the map"
    QString title;
    QString author;
    QDateTime generatedAt; // now when invalid; fixed by tests so output is reproducible

    // Analysts' annotations by incident id: status is unreviewed/confirmed/disputed/rejected.
    QHash<qint64, QString> statusById;
    QHash<qint64, QStringList> notesById;
    QHash<qint64, QStringList> tagsById;
};

// Writes the incidents to outputPath atomically: on any failure the previous file (if any) is left as it
// was and *error says why. Warnings name incidents a format could not represent (ACLED rows need a date
// and coordinates) so the caller can tell the user what was left out.
bool exportIncidents(ExportFormat format, const ExportRequest& request, const QString& outputPath,
                     QString* error, QStringList* warnings = nullptr);

} // namespace makran
