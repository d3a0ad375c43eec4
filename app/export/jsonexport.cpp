#include "export/jsonexport.h"

#include "export/exporter.h"
#include "export/exportfields.h"
#include "export/reportcache.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace makran {

namespace {

QJsonValue stringOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue dateOrNull(const QDate& date)
{
    return date.isValid() ? QJsonValue(isoDate(date)) : QJsonValue(QJsonValue::Null);
}

template <typename T> QJsonValue optionalOrNull(const std::optional<T>& value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue offsetOrNull(qint64 offset)
{
    return offset >= 0 ? QJsonValue(offset) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject quoteToJson(const Quote& quote)
{
    return QJsonObject{
        {QStringLiteral("speaker"), stringOrNull(quote.speaker)},
        {QStringLiteral("text"), quote.text},
        {QStringLiteral("start"), offsetOrNull(quote.start)},
        {QStringLiteral("end"), offsetOrNull(quote.end)},
        {QStringLiteral("partial"), quote.partial},
        {QStringLiteral("indirect"), quote.indirect},
    };
}

QJsonObject reportToJson(const Report& report)
{
    return QJsonObject{
        {QStringLiteral("id"), report.id},
        {QStringLiteral("title"), stringOrNull(report.title)},
        {QStringLiteral("published"), dateOrNull(report.published)},
        {QStringLiteral("source"), stringOrNull(report.source)},
        {QStringLiteral("url"), stringOrNull(report.url)},
    };
}

QJsonObject incidentToJson(const Incident& incident)
{
    QJsonArray actors;
    for (const ActorRef& actor : incident.actors) {
        actors.append(QJsonObject{{QStringLiteral("name"), actor.name},
                                  {QStringLiteral("role"), toString(actor.role)},
                                  {QStringLiteral("kind"), stringOrNull(actor.kind)},
                                  {QStringLiteral("country"), stringOrNull(actor.country)}});
    }
    QJsonArray quotes;
    for (const Quote& quote : incident.quotes)
        quotes.append(quoteToJson(quote));
    QJsonArray evidence;
    for (const Evidence& item : incident.evidence) {
        evidence.append(QJsonObject{{QStringLiteral("field"), item.field},
                                    {QStringLiteral("start"), offsetOrNull(item.start)},
                                    {QStringLiteral("end"), offsetOrNull(item.end)},
                                    {QStringLiteral("reasoning"), stringOrNull(item.reasoning)},
                                    {QStringLiteral("confidence"), item.confidence}});
    }
    QJsonArray claims;
    for (const Claim& claim : incident.claims) {
        claims.append(QJsonObject{{QStringLiteral("field"), claim.field},
                                  {QStringLiteral("value"), stringOrNull(claim.value)},
                                  {QStringLiteral("low"), optionalOrNull(claim.low)},
                                  {QStringLiteral("high"), optionalOrNull(claim.high)},
                                  {QStringLiteral("claimant"), stringOrNull(claim.claimant)},
                                  {QStringLiteral("report_id"), claim.reportId},
                                  {QStringLiteral("start"), offsetOrNull(claim.start)},
                                  {QStringLiteral("end"), offsetOrNull(claim.end)}});
    }
    QJsonArray sources;
    for (qint64 id : incident.sourceReportIds)
        sources.append(id);
    const Place& place = incident.place;
    return QJsonObject{
        {QStringLiteral("id"), incident.id},
        {QStringLiteral("date"), dateOrNull(incident.date)},
        {QStringLiteral("date_end"), dateOrNull(incident.dateEnd)},
        {QStringLiteral("date_precision"), incident.datePrecision == DatePrecision::Unknown
                                               ? QJsonValue(QJsonValue::Null)
                                               : QJsonValue(toString(incident.datePrecision))},
        {QStringLiteral("event_type"), stringOrNull(incident.eventType)},
        {QStringLiteral("sub_event_type"), stringOrNull(incident.subEventType)},
        {QStringLiteral("place"), stringOrNull(place.name)},
        {QStringLiteral("admin1"), stringOrNull(place.admin1)},
        {QStringLiteral("country"), stringOrNull(place.country)},
        {QStringLiteral("lat"), optionalOrNull(place.lat)},
        {QStringLiteral("lon"), optionalOrNull(place.lon)},
        {QStringLiteral("geo_precision"),
         place.geoPrecision > 0 ? QJsonValue(place.geoPrecision) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("out_of_region"), place.outOfRegion},
        {QStringLiteral("actors"), actors},
        {QStringLiteral("fatalities"), optionalOrNull(incident.fatalities)},
        {QStringLiteral("fatalities_high"), optionalOrNull(incident.fatalitiesHigh)},
        {QStringLiteral("injured"), optionalOrNull(incident.injured)},
        {QStringLiteral("summary"), stringOrNull(incident.summary)},
        {QStringLiteral("quotes"), quotes},
        {QStringLiteral("evidence"), evidence},
        {QStringLiteral("confidence"), incident.confidence},
        {QStringLiteral("claims"), claims},
        {QStringLiteral("low_confidence_fields"), QJsonArray::fromStringList(incident.lowConfidenceFields())},
        {QStringLiteral("source_report_ids"), sources},
    };
}

bool writeJson(const ExportRequest& request, QIODevice& out, QString* error)
{
    ReportCache reports(request.reportLookup);
    QJsonArray incidents;
    for (const Incident& incident : request.incidents) {
        QJsonObject object = incidentToJson(incident);
        const Report* report = reports.find(incident.reportId);
        object.insert(QStringLiteral("report"),
                      report ? QJsonValue(reportToJson(*report)) : QJsonValue(QJsonValue::Null));
        object.insert(QStringLiteral("status"), stringOrNull(request.statusById.value(incident.id)));
        object.insert(QStringLiteral("notes"),
                      QJsonArray::fromStringList(request.notesById.value(incident.id)));
        object.insert(QStringLiteral("tags"),
                      QJsonArray::fromStringList(request.tagsById.value(incident.id)));
        incidents.append(object);
    }
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("incidents"), incidents}}).toJson();
    if (out.write(bytes) != bytes.size()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

} // namespace makran
