#include "export/briefingbuilder.h"
#include "export/briefingexport.h"
#include "export/briefingfigures.h"
#include "export/briefingfonts.h"
#include "export/exporter.h"
#include "export/exportstyle.h"

namespace makran {

namespace {

QString esc(const QString& text)
{
    return markArabicScript(text.toHtmlEscaped());
}

QString citations(const QList<int>& sources)
{
    if (sources.isEmpty())
        return QString();
    QStringList numbers;
    for (int number : sources)
        numbers << QString::number(number);
    return QStringLiteral(" <sup>[%1]</sup>").arg(numbers.join(QStringLiteral(", ")));
}

QString swatch(const QString& eventType)
{
    return QStringLiteral("<span style=\"background-color:%1\">&nbsp;&nbsp;&nbsp;</span>&nbsp;")
        .arg(eventTypeColor(eventType).name());
}

} // namespace

QString briefingTitleHtml(const Briefing& briefing)
{
    QString html =
        QStringLiteral("<h1>%1</h1>\n<table class=\"meta\" cellpadding=\"3\">\n").arg(esc(briefing.title));
    auto row = [&html](const QString& label, const QString& value) {
        html += QStringLiteral("<tr><th align=\"left\">%1</th><td>%2</td></tr>\n").arg(label, esc(value));
    };
    row(QStringLiteral("Author"), briefing.author);
    row(QStringLiteral("Generated"), briefing.generated);
    row(QStringLiteral("Period"), briefing.period);
    row(QStringLiteral("Incidents"), QString::number(briefing.incidentCount));
    row(QStringLiteral("Filter"), briefing.filter);
    html += QStringLiteral("</table>\n");
    for (const QString& notice : briefing.notices)
        html += QStringLiteral("<p class=\"notice\"><i>%1</i></p>\n").arg(esc(notice));
    return html;
}

QString briefingTableHtml(const QList<BriefingRow>& rows)
{
    QString html = QStringLiteral(
        "<table class=\"incidents\" border=\"0.5\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">\n"
        "<thead><tr><th>#</th><th>Date</th><th>Place</th><th>Event</th><th>Actors</th><th>Killed, "
        "injured</th>"
        "<th>Status</th></tr></thead>\n<tbody>\n");
    for (const BriefingRow& row : rows) {
        html += QStringLiteral("<tr><td><a href=\"#incident-%1\">%1</a></td><td>%2</td><td>%3</td><td>%4</td>"
                               "<td>%5</td><td>%6</td><td>%7</td></tr>\n")
                    .arg(row.id)
                    .arg(esc(row.date), esc(row.place), esc(row.event), esc(row.actors), esc(row.casualties),
                         esc(row.status));
    }
    html += QStringLiteral("</tbody></table>\n");
    return html;
}

QString briefingIncidentHtml(const BriefingIncident& incident)
{
    QString html = QStringLiteral("<h3><a name=\"incident-%1\"></a>%2%3</h3>\n")
                       .arg(incident.id)
                       .arg(swatch(incident.eventType), esc(incident.heading));
    for (const BriefingStatement& fact : incident.facts) {
        html += QStringLiteral("<p class=\"fact\" dir=\"ltr\"><b>%1:</b> %2%3</p>\n")
                    .arg(esc(fact.label), esc(fact.text), citations(fact.sources));
    }
    if (!incident.quotes.isEmpty()) {
        html += QStringLiteral("<p><b>Quotes</b></p>\n");
        for (const BriefingQuote& quote : incident.quotes) {
            html += QStringLiteral("<blockquote dir=\"ltr\">&lrm;“%1” — <i>%2</i>%3%4</blockquote>\n")
                        .arg(esc(quote.text), esc(quote.speaker),
                             quote.qualifier.isEmpty() ? QString()
                                                       : QStringLiteral(" (%1)").arg(esc(quote.qualifier)),
                             citations(quote.sources));
        }
    }
    if (!incident.status.isEmpty() || !incident.notes.isEmpty() || !incident.tags.isEmpty()) {
        html += QStringLiteral("<p class=\"analyst\"><b>Analyst status:</b> %1")
                    .arg(esc(incident.status.isEmpty() ? QStringLiteral("unreviewed") : incident.status));
        if (!incident.tags.isEmpty())
            html += QStringLiteral("; <b>tags:</b> %1").arg(esc(incident.tags.join(QStringLiteral(", "))));
        html += QStringLiteral("</p>\n");
        if (!incident.notes.isEmpty()) {
            html += QStringLiteral("<ul class=\"notes\">\n");
            for (const QString& note : incident.notes)
                html += QStringLiteral("<li>Analyst note: %1</li>\n").arg(esc(note));
            html += QStringLiteral("</ul>\n");
        }
    }
    if (!incident.sources.isEmpty()) {
        html += QStringLiteral("<p><b>Sources</b></p>\n<ol class=\"sources\">\n");
        for (const QString& source : incident.sources)
            html += QStringLiteral("<li dir=\"ltr\">%1</li>\n").arg(esc(source));
        html += QStringLiteral("</ol>\n");
    }
    return html;
}

bool writeHtmlBriefing(const ExportRequest& request, QIODevice& out, QString* error,
                       QStringList* /*warnings*/)
{
    const Briefing briefing = BriefingBuilder(request).build();
    QString html =
        QStringLiteral(
            "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta "
            "charset=\"utf-8\">\n<title>%1</title>\n<style>\n"
            "body{font-family:\"Noto Sans\",\"DejaVu Sans\",Arial,\"Noto Naskh Arabic\",\"Noto Nastaliq "
            "Urdu\","
            "Tahoma,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}\n"
            "table.incidents{border-collapse:collapse;width:100%;font-size:90%}\n"
            "table.incidents th,table.incidents td{border:1px solid #bbb;padding:3px "
            "5px;vertical-align:top}\n"
            "table.meta th{padding-right:1em}\n"
            "blockquote{margin:.4em 0 .4em 1.5em;padding-left:.8em;border-left:3px solid #ccc}\n"
            "h3{margin-top:2em;border-bottom:1px solid #ddd}\n"
            "p.fact{margin:.2em 0}\n.notice{color:#8a4b00}\nol.sources{font-size:90%}\n"
            "img{max-width:100%;height:auto;border:1px solid #ddd}\n"
            "@media print{h3{page-break-after:avoid}section.incident{page-break-inside:avoid}}\n"
            "</style>\n</head>\n<body>\n<header>\n")
            .arg(briefing.title.toHtmlEscaped());
    html += briefingTitleHtml(briefing);
    html +=
        QStringLiteral("</header>\n<section>\n<h2>Map</h2>\n<img alt=\"Map of the incidents\" src=\"%1\">\n"
                       "</section>\n<section>\n<h2>Timeline</h2>\n<img alt=\"Timeline of the incidents\" "
                       "src=\"%2\">\n</section>\n")
            .arg(imageDataUri(renderBriefingMap(request.incidents, QSize(800, 560))),
                 imageDataUri(renderBriefingTimeline(request.incidents, QSize(800, 220))));
    html += QStringLiteral("<section>\n<h2>Incidents</h2>\n");
    html +=
        briefing.rows.isEmpty() ? QStringLiteral("<p>No incidents.</p>\n") : briefingTableHtml(briefing.rows);
    html += QStringLiteral("</section>\n");
    if (!briefing.incidents.isEmpty()) {
        html += QStringLiteral("<section>\n<h2>Incident details</h2>\n");
        for (const BriefingIncident& incident : briefing.incidents) {
            html += QStringLiteral("<section class=\"incident\">\n");
            html += briefingIncidentHtml(incident);
            html += QStringLiteral("</section>\n");
        }
        html += QStringLiteral("</section>\n");
    }
    html += QStringLiteral("</body>\n</html>\n");
    const QByteArray bytes = html.toUtf8();
    if (out.write(bytes) != bytes.size()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

} // namespace makran
