// Localities the gazetteer lacks are kept under their own name at the district named with them, as
// ACLED codes a place it cannot find (precision 2). Invented reports; the names are made up on purpose.
#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;
using makran::test::onlyIncident;

TEST_CASE("Unlisted places: 'the X area of Y' places the event at X near Y", "[extract][place]")
{
    const ExtractionResult result = extractText(
        QStringLiteral("Militants ambushed a Levies patrol in the Zardkan area of Kharan district on Sunday, killing two."),
        QDate(2025, 2, 4));
    INFO(describe(result));
    const Incident incident = onlyIncident(result);
    CHECK(incident.place.name == QStringLiteral("Zardkan"));
    CHECK(incident.place.admin1 == QStringLiteral("Balochistan"));
    CHECK(incident.place.geoPrecision == 2);
    REQUIRE(incident.place.hasCoordinates());
    CHECK(std::abs(*incident.place.lat - 28.58) < 0.6); // Kharan's neighbourhood
    CHECK(std::abs(*incident.place.lon - 65.42) < 0.6);
}

TEST_CASE("Unlisted places: generic areas and known towns are not invented", "[extract][place]")
{
    const Incident border = onlyIncident(extractText(
        QStringLiteral("Gunmen attacked a checkpoint in the Border area near Panjgur on Sunday."), QDate(2025, 2, 4)));
    CHECK(border.place.name == QStringLiteral("Panjgur"));

    const Incident town = onlyIncident(extractText(
        QStringLiteral("A bomb exploded in the Turbat area on Sunday, wounding three people."), QDate(2025, 2, 4)));
    CHECK(town.place.name == QStringLiteral("Turbat"));
}

TEST_CASE("Unlisted places: once introduced, later mentions are the same place", "[extract][place]")
{
    const QString text = QStringLiteral(
        "Gunmen attacked a Levies post in the Zardkan area of Kharan district on Sunday night, killing a sepoy.\n\n"
        "A strike was observed in Zardkan on Monday against the attack, traders said.");
    const ExtractionResult result = extractText(text, QDate(2025, 2, 4));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 2);
    for (const Incident& incident : result.incidents)
        CHECK(incident.place.name == QStringLiteral("Zardkan"));
}

TEST_CASE("Places: 'X, District Y' puts the event at X, the district word belongs to Y", "[extract][place]")
{
    const Incident incident = onlyIncident(extractText(
        QStringLiteral("Security forces raided a hideout in general area Mashkel, District Washuk, on Sunday, killing "
                       "two terrorists."),
        QDate(2025, 3, 13)));
    CHECK(incident.place.name == QStringLiteral("Mashkel"));
    CHECK(incident.place.geoPrecision == 1);
}

TEST_CASE("Unlisted places: 'the border village of X in Y county'", "[extract][place]")
{
    const Incident incident = onlyIncident(extractText(
        QStringLiteral("Border guards fired on a pickup near the border village of Zirdan in Saravan county on Monday, "
                       "killing two fuel carriers."),
        QDate(2025, 4, 9)));
    CHECK(incident.place.name == QStringLiteral("Zirdan"));
    CHECK(incident.place.country == QStringLiteral("IR"));
}
