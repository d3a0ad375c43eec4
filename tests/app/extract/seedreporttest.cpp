// The shared seed report (the January 2024 Iran-Pakistan strikes), read from ../shared/seeds at test
// time: what a user must see after importing it.
#include "testsupport.h"

#include "extract/extractor.h"
#include "import/reportreader.h"

#include <QDir>

#include <catch2/catch.hpp>

using namespace makran;

namespace {

const Incident* findIncident(const ExtractionResult& result, const QString& subEventPrefix, const QString& country,
                             const QDate& date)
{
    for (const Incident& incident : result.incidents) {
        if (incident.subEventType.startsWith(subEventPrefix) && incident.place.country == country && incident.date == date)
            return &incident;
    }
    return nullptr;
}

bool hasActor(const Incident& incident, const QString& name, ActorRole role)
{
    return std::any_of(incident.actors.begin(), incident.actors.end(),
                       [&](const ActorRef& a) { return a.name == name && a.role == role; });
}

} // namespace

TEST_CASE("The seed report yields the strikes, the recall and the Foreign Office's quotes", "[extract][seed]")
{
    const QString seeds = test::seedsDir();
    if (seeds.isEmpty()) {
        WARN("../shared/seeds is absent; the seed test is skipped");
        return;
    }
    const QStringList files = QDir(seeds).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    REQUIRE_FALSE(files.isEmpty());
    ReportReader::Result read = ReportReader::read(QDir(seeds).filePath(files.first()));
    REQUIRE(read.report);
    const ExtractionResult result = Extractor().extract(*read.report);

    SECTION("Iran's missile and drone strike of 2024-01-16 in Balochistan")
    {
        const Incident* strike = findIncident(result, QStringLiteral("Air/drone strike"), QStringLiteral("PK"), QDate(2024, 1, 16));
        REQUIRE(strike);
        CHECK(strike->eventType == QStringLiteral("Explosions/Remote violence"));
        CHECK(strike->place.admin1 == QStringLiteral("Balochistan"));
        CHECK(strike->datePrecision == DatePrecision::Day);
        CHECK(hasActor(*strike, QStringLiteral("Iran"), ActorRole::Perpetrator));
        CHECK(hasActor(*strike, QStringLiteral("Jaish al-Adl"), ActorRole::Target));
        // Only the province is named: it must not pretend to a town.
        CHECK(strike->place.geoPrecision == 3);
    }
    SECTION("Pakistan's strikes of 2024-01-18 in Sistan and Baluchestan")
    {
        const Incident* strike = findIncident(result, QStringLiteral("Air/drone strike"), QStringLiteral("IR"), QDate(2024, 1, 18));
        REQUIRE(strike);
        CHECK(strike->place.admin1 == QStringLiteral("Sistan and Baluchestan"));
        CHECK(hasActor(*strike, QStringLiteral("Pakistan"), ActorRole::Perpetrator));
        CHECK_FALSE(strike->place.outOfRegion);
    }
    SECTION("Pakistan recalls its ambassador on 2024-01-17")
    {
        const Incident* recall = findIncident(result, QStringLiteral("Other"), QStringLiteral("PK"), QDate(2024, 1, 17));
        REQUIRE(recall);
        CHECK(recall->eventType == QStringLiteral("Strategic developments"));
        CHECK(hasActor(*recall, QStringLiteral("Pakistan"), ActorRole::Perpetrator));
    }
    SECTION("The Revolutionary Guards' strikes in Iraq are kept but marked out of region")
    {
        const Incident* iraq = findIncident(result, QString(), QStringLiteral("IQ"), QDate(2024, 1, 15));
        REQUIRE(iraq);
        CHECK(iraq->place.outOfRegion);
    }
    SECTION("The Foreign Office's quotes are attributed to the Foreign Office")
    {
        int foreignOffice = 0;
        for (const Quote& quote : result.quotes) {
            if (quote.indirect)
                continue;
            // Every quote's offsets point at its words in the report text.
            CHECK(read.report->text.mid(quote.start, quote.end - quote.start).startsWith(quote.text.left(20)));
            if (quote.text.startsWith(QStringLiteral("This morning Pakistan undertook")) ||
                quote.text.startsWith(QStringLiteral("Over the last several years")) ||
                quote.text.startsWith(QStringLiteral("However, because of lack of action")) ||
                quote.text.startsWith(QStringLiteral("This action is a manifestation"))) {
                CHECK(quote.speaker == QStringLiteral("Foreign Office"));
                ++foreignOffice;
            }
        }
        CHECK(foreignOffice == 4);
    }
    SECTION("The year is inferred and says why")
    {
        CHECK_FALSE(result.report.published.isValid()); // the seed states no publication date
        const Incident* strike = findIncident(result, QStringLiteral("Air/drone strike"), QStringLiteral("PK"), QDate(2024, 1, 16));
        REQUIRE(strike);
        bool reasoned = false;
        for (const Evidence& e : strike->evidence)
            reasoned = reasoned || (e.field == QStringLiteral("date") && e.reasoning.contains(QStringLiteral("2024")));
        CHECK(reasoned);
    }
}
