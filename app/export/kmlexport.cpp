#include "export/kmlexport.h"

#include "export/exporter.h"
#include "export/exportfields.h"
#include "export/exportstyle.h"
#include "export/reportcache.h"

#include <QSet>
#include <QXmlStreamWriter>

namespace makran {

namespace {

// KML colours are aabbggrr.
QString kmlColor(const QColor& color)
{
    return QStringLiteral("ff%1%2%3")
        .arg(color.blue(), 2, 16, QLatin1Char('0'))
        .arg(color.green(), 2, 16, QLatin1Char('0'))
        .arg(color.red(), 2, 16, QLatin1Char('0'));
}

QString html(const QString& text)
{
    return text.toHtmlEscaped();
}

QString descriptionHtml(const Incident& incident, const ExportRequest& request, ReportCache& reports)
{
    const Report* report = reports.find(incident.reportId);
    const QString source = describeReport(report, incident.reportId);
    QString out;
    auto row = [&out](const QString& label, const QString& value) {
        out += QStringLiteral("<b>%1:</b> %2<br/>").arg(label, value);
    };
    row(QStringLiteral("Date"), html(describeDate(incident)) + QStringLiteral(" (") +
                                    describeDatePrecision(incident.datePrecision) + u')');
    row(QStringLiteral("Place"), html(describePlace(incident.place)) + QStringLiteral(" (") +
                                     describeGeoPrecision(incident.place.geoPrecision) + u')');
    row(QStringLiteral("Event"),
        html(incident.eventType +
             (incident.subEventType.isEmpty() ? QString() : QStringLiteral(" — ") + incident.subEventType)));
    QStringList actors;
    for (const ActorRef& actor : incident.actors)
        actors << html(describeActor(actor));
    if (!actors.isEmpty())
        row(QStringLiteral("Actors"), actors.join(QStringLiteral("; ")));
    row(QStringLiteral("Casualties"), html(describeFatalities(incident)));
    if (!incident.summary.isEmpty())
        out += QStringLiteral("<p>%1</p>").arg(html(incident.summary));
    for (const Quote& quote : incident.quotes) {
        out += QStringLiteral("<blockquote>“%1”<br/>— %2, %3</blockquote>")
                   .arg(html(quote.text),
                        html(quote.speaker.isEmpty() ? QStringLiteral("unnamed speaker") : quote.speaker),
                        html(source));
    }
    const QString status = request.statusById.value(incident.id);
    if (!status.isEmpty())
        row(QStringLiteral("Analyst status"), html(status));
    for (const QString& note : request.notesById.value(incident.id))
        row(QStringLiteral("Analyst note"), html(note));
    const QStringList tags = request.tagsById.value(incident.id);
    if (!tags.isEmpty())
        row(QStringLiteral("Tags"), html(tags.join(QStringLiteral(", "))));
    row(QStringLiteral("Source"), html(source));
    return out;
}

void writeData(QXmlStreamWriter& xml, const QString& name, const QString& value)
{
    if (value.isEmpty())
        return;
    xml.writeStartElement(QStringLiteral("Data"));
    xml.writeAttribute(QStringLiteral("name"), name);
    xml.writeTextElement(QStringLiteral("value"), xmlSafe(value));
    xml.writeEndElement();
}

void writeTime(QXmlStreamWriter& xml, const Incident& incident)
{
    if (!incident.date.isValid())
        return;
    const QDate end = incident.dateEnd.isValid() ? incident.dateEnd : incident.date;
    const bool exactDay =
        incident.datePrecision == DatePrecision::Day || incident.datePrecision == DatePrecision::Unknown;
    if (exactDay && end == incident.date) {
        xml.writeStartElement(QStringLiteral("TimeStamp"));
        xml.writeTextElement(QStringLiteral("when"), isoDate(incident.date));
        xml.writeEndElement();
        return;
    }
    // A week, month or multi-day span: both ends are inclusive days.
    xml.writeStartElement(QStringLiteral("TimeSpan"));
    xml.writeTextElement(QStringLiteral("begin"), isoDate(incident.date));
    xml.writeTextElement(QStringLiteral("end"), isoDate(end));
    xml.writeEndElement();
}

} // namespace

bool writeKml(const ExportRequest& request, QIODevice& out, QString* error)
{
    ReportCache reports(request.reportLookup);
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(QStringLiteral("http://www.opengis.net/kml/2.2"));
    xml.writeStartElement(QStringLiteral("kml"));
    xml.writeStartElement(QStringLiteral("Document"));
    xml.writeTextElement(
        QStringLiteral("name"),
        xmlSafe(request.title.isEmpty() ? QStringLiteral("Makran incidents") : request.title));
    xml.writeTextElement(QStringLiteral("description"),
                         xmlSafe(request.scope.isEmpty() ? describeFilter(request.filter) : request.scope));

    QStringList types = acledEventTypes();
    for (const Incident& incident : request.incidents) {
        if (!types.contains(incident.eventType))
            types << incident.eventType; // also an empty type, styled "unknown"
    }
    QSet<QString> written;
    for (const QString& type : types) {
        const QString id = eventTypeStyleId(type);
        if (written.contains(id))
            continue;
        written.insert(id);
        xml.writeStartElement(QStringLiteral("Style"));
        xml.writeAttribute(QStringLiteral("id"), id);
        xml.writeStartElement(QStringLiteral("IconStyle"));
        xml.writeTextElement(QStringLiteral("color"), kmlColor(eventTypeColor(type)));
        xml.writeStartElement(QStringLiteral("Icon"));
        xml.writeTextElement(
            QStringLiteral("href"),
            QStringLiteral("http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"));
        xml.writeEndElement(); // Icon
        xml.writeEndElement(); // IconStyle
        xml.writeEndElement(); // Style
    }

    for (const Incident& incident : request.incidents) {
        xml.writeStartElement(QStringLiteral("Placemark"));
        xml.writeAttribute(QStringLiteral("id"), QStringLiteral("incident-%1").arg(incident.id));
        const QString name = QStringLiteral("%1 — %2").arg(
            incident.eventType.isEmpty() ? QStringLiteral("Incident") : incident.eventType,
            describePlace(incident.place));
        xml.writeTextElement(QStringLiteral("name"), xmlSafe(name));
        xml.writeTextElement(QStringLiteral("description"),
                             xmlSafe(descriptionHtml(incident, request, reports)));
        writeTime(xml, incident);
        xml.writeTextElement(QStringLiteral("styleUrl"), u'#' + eventTypeStyleId(incident.eventType));

        xml.writeStartElement(QStringLiteral("ExtendedData"));
        writeData(xml, QStringLiteral("id"), QString::number(incident.id));
        writeData(xml, QStringLiteral("date_precision"), toString(incident.datePrecision));
        writeData(xml, QStringLiteral("event_type"), incident.eventType);
        writeData(xml, QStringLiteral("sub_event_type"), incident.subEventType);
        writeData(xml, QStringLiteral("admin1"), incident.place.admin1);
        writeData(xml, QStringLiteral("country"), incident.place.country);
        writeData(xml, QStringLiteral("geo_precision"),
                  incident.place.geoPrecision > 0 ? QString::number(incident.place.geoPrecision) : QString());
        writeData(xml, QStringLiteral("fatalities"),
                  incident.fatalities ? QString::number(*incident.fatalities) : QString());
        writeData(xml, QStringLiteral("status"), request.statusById.value(incident.id));
        xml.writeEndElement(); // ExtendedData

        if (incident.place.hasCoordinates()) {
            xml.writeStartElement(QStringLiteral("Point"));
            xml.writeTextElement(QStringLiteral("coordinates"),
                                 QStringLiteral("%1,%2").arg(formatCoordinate(*incident.place.lon),
                                                             formatCoordinate(*incident.place.lat)));
            xml.writeEndElement();
        }
        xml.writeEndElement(); // Placemark
    }
    xml.writeEndElement(); // Document
    xml.writeEndElement(); // kml
    xml.writeEndDocument();
    if (xml.hasError()) {
        if (error)
            *error = out.errorString().isEmpty() ? QStringLiteral("cannot write the KML") : out.errorString();
        return false;
    }
    return true;
}

} // namespace makran
