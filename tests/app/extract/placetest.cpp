// Places: spelling variants and transliterations resolve to the gazetteer's name, a province-only mention
// is coded at province precision, "near X" at precision 2, places outside the two provinces are flagged.
// Reference coordinates are the towns' real positions (to 0.25 degrees), not the program's output.
#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

#include <cmath>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;
using makran::test::onlyIncident;

namespace {

const QDate kPublished(2024, 1, 18);

Incident incidentFor(const QString& sentence)
{
    return onlyIncident(extractText(sentence, kPublished));
}

void checkNear(const Place& place, double lat, double lon)
{
    REQUIRE(place.hasCoordinates());
    CHECK(std::abs(*place.lat - lat) < 0.25);
    CHECK(std::abs(*place.lon - lon) < 0.25);
}

} // namespace

TEST_CASE("Places: a town by its usual name is coded at town precision", "[extract][place]")
{
    const Incident incident = incidentFor(QStringLiteral("Gunmen attacked a bank in Turbat on Monday."));
    CHECK(incident.place.name == QStringLiteral("Turbat"));
    CHECK(incident.place.admin1 == QStringLiteral("Balochistan"));
    CHECK(incident.place.country == QStringLiteral("PK"));
    CHECK(incident.place.geoPrecision == 1);
    CHECK_FALSE(incident.place.outOfRegion);
    checkNear(incident.place, 26.00, 63.05);
}

TEST_CASE("Places: spelling variants and transliterations", "[extract][place]")
{
    SECTION("Panjgoor is Panjgur")
    {
        const Incident incident = incidentFor(QStringLiteral("Gunmen attacked a bank in Panjgoor on Monday."));
        CHECK(incident.place.name == QStringLiteral("Panjgur"));
        CHECK(incident.place.admin1 == QStringLiteral("Balochistan"));
        CHECK(incident.place.country == QStringLiteral("PK"));
        CHECK(incident.place.geoPrecision == 1);
        checkNear(incident.place, 26.97, 64.09);
    }
    SECTION("Sarawan is Saravan, in Iran")
    {
        const Incident incident = incidentFor(QStringLiteral("Gunmen attacked a bank in Sarawan on Monday."));
        CHECK(incident.place.name == QStringLiteral("Saravan"));
        CHECK(incident.place.admin1 == QStringLiteral("Sistan and Baluchestan"));
        CHECK(incident.place.country == QStringLiteral("IR"));
        checkNear(incident.place, 27.37, 62.33);
    }
    SECTION("Koh-i-Sabz is Koh-e-Sabz in Balochistan")
    {
        const Incident incident = incidentFor(QStringLiteral("Gunmen attacked a Levies post in Koh-i-Sabz on Monday."));
        CHECK(incident.place.name == QStringLiteral("Koh-e-Sabz"));
        CHECK(incident.place.admin1 == QStringLiteral("Balochistan"));
        CHECK(incident.place.country == QStringLiteral("PK"));
    }
    SECTION("Siestan-o-Baluchistan is the province Sistan and Baluchestan")
    {
        const Incident incident =
            incidentFor(QStringLiteral("Gunmen attacked a police patrol in Siestan-o-Baluchistan on Monday."));
        CHECK(incident.place.name == QStringLiteral("Sistan and Baluchestan"));
        CHECK(incident.place.admin1 == QStringLiteral("Sistan and Baluchestan"));
        CHECK(incident.place.country == QStringLiteral("IR"));
        CHECK(incident.place.geoPrecision == 3);
    }
    SECTION("Baluchistan is Balochistan")
    {
        const Incident incident = incidentFor(QStringLiteral("Gunmen attacked a police patrol in Baluchistan on Monday."));
        CHECK(incident.place.name == QStringLiteral("Balochistan"));
        CHECK(incident.place.admin1 == QStringLiteral("Balochistan"));
        CHECK(incident.place.country == QStringLiteral("PK"));
        CHECK(incident.place.geoPrecision == 3);
    }
}

TEST_CASE("Places: a province-only mention is coded at province precision with the province's name", "[extract][place]")
{
    const Incident incident =
        incidentFor(QStringLiteral("Militants ambushed a convoy in Balochistan province on Monday, killing two soldiers."));
    CHECK(incident.place.name == QStringLiteral("Balochistan"));
    CHECK(incident.place.admin1 == QStringLiteral("Balochistan"));
    CHECK(incident.place.country == QStringLiteral("PK"));
    CHECK(incident.place.geoPrecision == 3);
    CHECK_FALSE(incident.place.outOfRegion);
}

TEST_CASE("Places: the town wins over the province when both are named", "[extract][place]")
{
    const Incident incident = incidentFor(
        QStringLiteral("Militants ambushed a convoy in Kharan district of Balochistan on Monday, killing two soldiers."));
    CHECK(incident.place.name.startsWith(QStringLiteral("Kharan")));
    CHECK(incident.place.admin1 == QStringLiteral("Balochistan"));
    CHECK(incident.place.geoPrecision <= 2);
}

TEST_CASE("Places: \"near Turbat\" is coded at precision 2", "[extract][place]")
{
    const Incident incident =
        incidentFor(QStringLiteral("A roadside bomb exploded near Turbat on Monday, wounding three soldiers."));
    CHECK(incident.place.name == QStringLiteral("Turbat"));
    CHECK(incident.place.geoPrecision == 2);
    checkNear(incident.place, 26.00, 63.05);

    const Incident outskirts =
        incidentFor(QStringLiteral("A roadside bomb exploded on the outskirts of Turbat on Monday, wounding three soldiers."));
    CHECK(outskirts.place.name == QStringLiteral("Turbat"));
    CHECK(outskirts.place.geoPrecision == 2);
}

TEST_CASE("Places: places outside Balochistan and Sistan-Baluchestan are flagged out of region", "[extract][place]")
{
    SECTION("Iraq")
    {
        const Incident incident = incidentFor(QStringLiteral("A car bomb exploded in Iraq on Monday, killing six people."));
        CHECK(incident.place.country == QStringLiteral("IQ"));
        CHECK(incident.place.outOfRegion);
    }
    SECTION("Karachi, in Sindh")
    {
        const Incident incident =
            incidentFor(QStringLiteral("A car bomb exploded in Karachi on Monday, killing six people."));
        CHECK(incident.place.name == QStringLiteral("Karachi"));
        CHECK(incident.place.country == QStringLiteral("PK"));
        CHECK(incident.place.admin1 != QStringLiteral("Balochistan"));
        CHECK(incident.place.outOfRegion);
    }
    SECTION("Zahedan is in the region")
    {
        const Incident incident =
            incidentFor(QStringLiteral("A car bomb exploded in Zahedan on Monday, killing six people."));
        CHECK(incident.place.name == QStringLiteral("Zahedan"));
        CHECK_FALSE(incident.place.outOfRegion);
        checkNear(incident.place, 29.50, 60.86);
    }
}

TEST_CASE("Places: the place evidence points at the words as written", "[extract][place]")
{
    const QString text = QStringLiteral("Gunmen attacked a bank in Panjgoor on Monday.");
    const Incident incident = incidentFor(text);
    bool found = false;
    for (const Evidence& e : incident.evidence) {
        if (e.field != u"place")
            continue;
        found = true;
        CHECK(text.mid(e.start, e.end - e.start) == QStringLiteral("Panjgoor")); // ASCII: code points = UTF-16
    }
    CHECK(found);
}
