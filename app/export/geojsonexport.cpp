#include "export/geojsonexport.h"

#include "export/exporter.h"
#include "export/jsonexport.h"
#include "export/reportcache.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace makran {

bool writeGeoJson(const ExportRequest& request, QIODevice& out, QString* error)
{
    ReportCache reports(request.reportLookup);
    QJsonArray features;
    for (const Incident& incident : request.incidents) {
        QJsonObject properties = incidentToJson(incident);
        const Report* report = reports.find(incident.reportId);
        properties.insert(QStringLiteral("report"),
                          report ? QJsonValue(reportToJson(*report)) : QJsonValue(QJsonValue::Null));
        const QString status = request.statusById.value(incident.id);
        properties.insert(QStringLiteral("status"), status.isEmpty() ? QJsonValue(QJsonValue::Null) : status);
        properties.insert(QStringLiteral("notes"),
                          QJsonArray::fromStringList(request.notesById.value(incident.id)));
        properties.insert(QStringLiteral("tags"),
                          QJsonArray::fromStringList(request.tagsById.value(incident.id)));

        QJsonValue geometry(QJsonValue::Null);
        if (incident.place.hasCoordinates()) {
            // RFC 7946 §3.1.1: longitude first.
            geometry = QJsonObject{
                {QStringLiteral("type"), QStringLiteral("Point")},
                {QStringLiteral("coordinates"), QJsonArray{*incident.place.lon, *incident.place.lat}}};
        }
        features.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                                    {QStringLiteral("id"), incident.id},
                                    {QStringLiteral("geometry"), geometry},
                                    {QStringLiteral("properties"), properties}});
    }
    const QJsonObject collection{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                 {QStringLiteral("features"), features}};
    const QByteArray bytes = QJsonDocument(collection).toJson(QJsonDocument::Compact);
    if (out.write(bytes) != bytes.size() || !out.putChar('\n')) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

} // namespace makran
