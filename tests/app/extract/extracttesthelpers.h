#pragma once

// Helpers shared by the extraction rule tests: run the whole engine on a few sentences written for the
// test, and find the incident or quote a check is about.
#include "extract/extractor.h"

#include <QStringList>

#include <catch2/catch.hpp>

namespace makran::test {

inline const Extractor& sharedExtractor()
{
    static const Extractor extractor;
    return extractor;
}

inline ExtractionResult extractText(const QString& text, const QDate& published = QDate())
{
    Report report;
    report.text = text;
    report.published = published;
    return sharedExtractor().extract(report);
}

// A readable dump of what was extracted, for failure messages.
inline std::string describe(const ExtractionResult& result)
{
    QStringList lines;
    for (const Incident& incident : result.incidents) {
        QStringList actors;
        for (const ActorRef& actor : incident.actors)
            actors << actor.name + u'/' + toString(actor.role);
        lines << QStringLiteral("incident %1..%2 (%3) %4 / %5 at %6 [%7, %8, p%9%10] actors {%11} killed %12 injured %13")
                     .arg(incident.date.toString(Qt::ISODate), incident.dateEnd.toString(Qt::ISODate),
                          toString(incident.datePrecision), incident.eventType, incident.subEventType,
                          incident.place.name, incident.place.admin1, incident.place.country)
                     .arg(incident.place.geoPrecision)
                     .arg(incident.place.outOfRegion ? QStringLiteral(" out of region") : QString())
                     .arg(actors.join(QStringLiteral(", ")),
                          incident.fatalities ? QString::number(*incident.fatalities) : QStringLiteral("-"),
                          incident.injured ? QString::number(*incident.injured) : QStringLiteral("-"));
    }
    for (const Quote& quote : result.quotes)
        lines << QStringLiteral("quote [%1]%2%3: %4")
                     .arg(quote.speaker, quote.indirect ? QStringLiteral(" indirect") : QString(),
                          quote.partial ? QStringLiteral(" partial") : QString(), quote.text);
    for (const QString& warning : result.warnings)
        lines << QStringLiteral("warning: ") + warning;
    return lines.join(u'\n').toStdString();
}

// The single incident a one-event text must produce.
inline Incident onlyIncident(const ExtractionResult& result)
{
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    return result.incidents.first();
}

inline bool hasActor(const Incident& incident, const QString& name, ActorRole role)
{
    for (const ActorRef& actor : incident.actors) {
        if (actor.name == name && actor.role == role)
            return true;
    }
    return false;
}

// The quote whose words contain `words`, or nullptr.
inline const Quote* quoteContaining(const QList<Quote>& quotes, const QString& words)
{
    for (const Quote& quote : quotes) {
        if (quote.text.contains(words))
            return &quote;
    }
    return nullptr;
}

} // namespace makran::test
