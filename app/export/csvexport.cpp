#include "export/csvexport.h"

#include "export/csvwriter.h"
#include "export/exporter.h"
#include "export/exportfields.h"
#include "export/reportcache.h"

namespace makran {

namespace {

QString number(const std::optional<int>& value)
{
    return value ? QString::number(*value) : QString();
}

QString actorsWithRole(const Incident& incident, std::optional<ActorRole> role)
{
    QStringList names;
    for (const ActorRef& actor : incident.actors) {
        if (!role)
            names << describeActor(actor);
        else if (actor.role == *role)
            names << actor.name;
    }
    return names.join(QStringLiteral("; "));
}

} // namespace

QStringList csvExportColumns()
{
    return {QStringLiteral("id"),
            QStringLiteral("date"),
            QStringLiteral("date_end"),
            QStringLiteral("date_precision"),
            QStringLiteral("event_type"),
            QStringLiteral("sub_event_type"),
            QStringLiteral("place"),
            QStringLiteral("admin1"),
            QStringLiteral("country"),
            QStringLiteral("latitude"),
            QStringLiteral("longitude"),
            QStringLiteral("geo_precision"),
            QStringLiteral("out_of_region"),
            QStringLiteral("actors"),
            QStringLiteral("perpetrators"),
            QStringLiteral("targets"),
            QStringLiteral("fatalities"),
            QStringLiteral("fatalities_high"),
            QStringLiteral("injured"),
            QStringLiteral("summary"),
            QStringLiteral("quotes"),
            QStringLiteral("confidence"),
            QStringLiteral("report_id"),
            QStringLiteral("report_source"),
            QStringLiteral("report_title"),
            QStringLiteral("report_published"),
            QStringLiteral("report_url"),
            QStringLiteral("source_report_ids"),
            QStringLiteral("status"),
            QStringLiteral("notes"),
            QStringLiteral("tags")};
}

bool writeCsv(const ExportRequest& request, QIODevice& out, QString* error)
{
    ReportCache reports(request.reportLookup);
    CsvWriter csv(out);
    csv.writeRow(csvExportColumns());
    for (const Incident& incident : request.incidents) {
        const Place& place = incident.place;
        QStringList quotes;
        for (const Quote& quote : incident.quotes) {
            quotes << QStringLiteral("%1: “%2”")
                          .arg(quote.speaker.isEmpty() ? QStringLiteral("unnamed speaker") : quote.speaker,
                               quote.text);
        }
        QStringList sources;
        for (qint64 id : incident.sourceReportIds)
            sources << QString::number(id);
        const Report* report = reports.find(incident.reportId);
        csv.writeRow(
            {QString::number(incident.id),
             isoDate(incident.date),
             isoDate(incident.dateEnd),
             incident.datePrecision == DatePrecision::Unknown ? QString() : toString(incident.datePrecision),
             incident.eventType,
             incident.subEventType,
             place.name,
             place.admin1,
             place.country,
             place.lat ? formatCoordinate(*place.lat) : QString(),
             place.lon ? formatCoordinate(*place.lon) : QString(),
             place.geoPrecision > 0 ? QString::number(place.geoPrecision) : QString(),
             place.outOfRegion ? QStringLiteral("1") : QStringLiteral("0"),
             actorsWithRole(incident, std::nullopt),
             actorsWithRole(incident, ActorRole::Perpetrator),
             actorsWithRole(incident, ActorRole::Target),
             number(incident.fatalities),
             number(incident.fatalitiesHigh),
             number(incident.injured),
             incident.summary,
             quotes.join(QStringLiteral(" | ")),
             QString::number(incident.confidence, 'g', 3),
             incident.reportId ? QString::number(incident.reportId) : QString(),
             report ? report->source : QString(),
             report ? report->title : QString(),
             report ? isoDate(report->published) : QString(),
             report ? report->url : QString(),
             sources.join(QStringLiteral("; ")),
             request.statusById.value(incident.id),
             request.notesById.value(incident.id).join(QStringLiteral(" | ")),
             request.tagsById.value(incident.id).join(QStringLiteral("; "))});
    }
    if (csv.hasError()) {
        if (error)
            *error = csv.errorString();
        return false;
    }
    return true;
}

} // namespace makran
