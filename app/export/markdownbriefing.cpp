#include "export/briefingbuilder.h"
#include "export/briefingexport.h"
#include "export/briefingfigures.h"
#include "export/exporter.h"

namespace makran {

namespace {

// Backslash-escapes what Markdown would read as markup, and keeps a value on one line.
QString md(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\r') {
            out += u' ';
            continue;
        }
        if (QStringView(u"\\`*_[]<>|~").contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString citations(const QList<int>& sources)
{
    if (sources.isEmpty())
        return QString();
    QStringList numbers;
    for (int number : sources)
        numbers << QString::number(number);
    return QStringLiteral(" \\[%1\\]").arg(numbers.join(QStringLiteral(", ")));
}

} // namespace

bool writeMarkdownBriefing(const ExportRequest& request, QIODevice& out, QString* error,
                           QStringList* /*warnings*/)
{
    const Briefing briefing = BriefingBuilder(request).build();
    QString text = QStringLiteral("# %1\n\n").arg(md(briefing.title));
    text += QStringLiteral("- **Author:** %1\n- **Generated:** %2\n- **Period:** %3\n- **Incidents:** %4\n"
                           "- **Filter:** %5\n\n")
                .arg(md(briefing.author), md(briefing.generated), md(briefing.period))
                .arg(briefing.incidentCount)
                .arg(md(briefing.filter));
    for (const QString& notice : briefing.notices)
        text += QStringLiteral("> %1\n\n").arg(md(notice));

    text +=
        QStringLiteral(
            "## Map\n\n![Map of the incidents](%1)\n\n## Timeline\n\n![Timeline of the incidents](%2)\n\n")
            .arg(imageDataUri(renderBriefingMap(request.incidents, QSize(800, 560))),
                 imageDataUri(renderBriefingTimeline(request.incidents, QSize(800, 220))));

    text += QStringLiteral("## Incidents\n\n");
    if (briefing.rows.isEmpty()) {
        text += QStringLiteral("No incidents.\n\n");
    } else {
        text += QStringLiteral("| # | Date | Place | Event | Actors | Killed, injured | Status |\n"
                               "|---|---|---|---|---|---|---|\n");
        for (const BriefingRow& row : briefing.rows) {
            text += QStringLiteral("| [%1](#incident-%1) | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                        .arg(row.id)
                        .arg(md(row.date), md(row.place), md(row.event), md(row.actors), md(row.casualties),
                             md(row.status));
        }
        text += u'\n';
    }

    if (!briefing.incidents.isEmpty())
        text += QStringLiteral("## Incident details\n\n");
    for (const BriefingIncident& incident : briefing.incidents) {
        text += QStringLiteral("<a id=\"incident-%1\"></a>\n\n### %2\n\n")
                    .arg(incident.id)
                    .arg(md(incident.heading));
        for (const BriefingStatement& fact : incident.facts)
            text += QStringLiteral("- **%1:** %2%3\n")
                        .arg(md(fact.label), md(fact.text), citations(fact.sources));
        text += u'\n';
        if (!incident.quotes.isEmpty()) {
            text += QStringLiteral("**Quotes**\n\n");
            for (const BriefingQuote& quote : incident.quotes) {
                text += QStringLiteral("> \u200E“%1” — *%2*%3%4\n\n")
                            .arg(md(quote.text), md(quote.speaker),
                                 quote.qualifier.isEmpty() ? QString()
                                                           : QStringLiteral(" (%1)").arg(md(quote.qualifier)),
                                 citations(quote.sources));
            }
        }
        if (!incident.status.isEmpty() || !incident.notes.isEmpty() || !incident.tags.isEmpty()) {
            text += QStringLiteral("**Analyst status:** %1")
                        .arg(md(incident.status.isEmpty() ? QStringLiteral("unreviewed") : incident.status));
            if (!incident.tags.isEmpty())
                text += QStringLiteral("; **tags:** %1").arg(md(incident.tags.join(QStringLiteral(", "))));
            text += QStringLiteral("\n\n");
            for (const QString& note : incident.notes)
                text += QStringLiteral("- Analyst note: %1\n").arg(md(note));
            if (!incident.notes.isEmpty())
                text += u'\n';
        }
        if (!incident.sources.isEmpty()) {
            text += QStringLiteral("**Sources**\n\n");
            for (qsizetype i = 0; i < incident.sources.size(); ++i)
                text += QStringLiteral("%1. %2\n").arg(i + 1).arg(md(incident.sources.at(i)));
            text += u'\n';
        }
    }
    const QByteArray bytes = text.toUtf8();
    if (out.write(bytes) != bytes.size()) {
        if (error)
            *error = out.errorString();
        return false;
    }
    return true;
}

} // namespace makran
