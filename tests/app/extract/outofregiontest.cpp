// Events outside Balochistan and Sistan-Baluchestan (issue 4): a strike in Iraq or an attack in Khyber
// Pakhtunkhwa mentioned in a report is kept as an incident placed where it happened and marked out of
// region; foreign town names that are also words or given names do not turn people into places.
#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;
using makran::test::onlyIncident;

namespace {

const QDate kPublished(2024, 1, 18);

const Incident* incidentAt(const ExtractionResult& result, const QString& place)
{
    for (const Incident& incident : result.incidents) {
        if (incident.place.name == place)
            return &incident;
    }
    return nullptr;
}

} // namespace

TEST_CASE("Out of region: a strike in Erbil is an incident in Iraq", "[extract][place][abroad]")
{
    const ExtractionResult result = extractText(
        QStringLiteral("Iran's Revolutionary Guards fired ballistic missiles at a building in Erbil on Monday night, "
                       "killing four civilians."),
        kPublished);
    const Incident incident = onlyIncident(result);
    INFO(describe(result));
    CHECK(incident.place.name == QStringLiteral("Erbil"));
    CHECK(incident.place.admin1 == QStringLiteral("Erbil"));
    CHECK(incident.place.country == QStringLiteral("IQ"));
    CHECK(incident.place.geoPrecision == 1);
    CHECK(incident.place.outOfRegion);
}

TEST_CASE("Out of region: a background event is kept beside the report's own", "[extract][place][abroad]")
{
    const ExtractionResult result = extractText(
        QStringLiteral("Gunmen killed two policemen in Turbat on Tuesday. In March, a suicide bomber rammed a "
                       "vehicle into a bus carrying Chinese engineers in Besham, killing five Chinese nationals."),
        kPublished);
    INFO(describe(result));
    const Incident* turbat = incidentAt(result, QStringLiteral("Turbat"));
    REQUIRE(turbat);
    CHECK_FALSE(turbat->place.outOfRegion);
    const Incident* besham = incidentAt(result, QStringLiteral("Besham"));
    REQUIRE(besham);
    CHECK(besham->place.admin1 == QStringLiteral("Khyber Pakhtunkhwa"));
    CHECK(besham->place.country == QStringLiteral("PK"));
    CHECK(besham->place.outOfRegion);
}

TEST_CASE("Out of region: a governorate named with its suffix is placed at province precision",
          "[extract][place][abroad]")
{
    const Incident incident = onlyIncident(extractText(
        QStringLiteral("Missiles struck gatherings of militants in Syria's Idlib province on Monday, killing six people."),
        kPublished));
    CHECK(incident.place.name == QStringLiteral("Idlib"));
    CHECK(incident.place.country == QStringLiteral("SY"));
    CHECK(incident.place.geoPrecision == 3);
    CHECK(incident.place.outOfRegion);
}

TEST_CASE("Out of region: Said as a person's name is not a place", "[extract][place][abroad]")
{
    SECTION("inside a sentence")
    {
        const Incident incident = onlyIncident(extractText(
            QStringLiteral("Gunmen shot dead Said Ahmed, a shopkeeper, in Turbat on Monday."), kPublished));
        CHECK(incident.place.name == QStringLiteral("Turbat"));
        CHECK_FALSE(incident.place.outOfRegion);
    }
    SECTION("first word of a sentence")
    {
        const Incident incident = onlyIncident(extractText(
            QStringLiteral("Said Baloch, a teacher, was shot dead by unidentified gunmen in Panjgur on Monday."),
            kPublished));
        CHECK(incident.place.name == QStringLiteral("Panjgur"));
        CHECK(incident.place.country == QStringLiteral("PK"));
    }
    SECTION("a word that is also a Turkish city")
    {
        const Incident incident = onlyIncident(extractText(
            QStringLiteral("Van driver shot dead by unidentified gunmen in Mastung on Monday."), kPublished));
        CHECK(incident.place.name == QStringLiteral("Mastung"));
        CHECK_FALSE(incident.place.outOfRegion);
    }
}

TEST_CASE("Out of region: a name shared with India resolves to Pakistan in a Pakistani report",
          "[extract][place][abroad]")
{
    const Incident incident = onlyIncident(extractText(
        QStringLiteral("A bomb exploded near a police station in Hyderabad in Pakistan's Sindh province on Monday, "
                       "injuring three people."),
        kPublished));
    CHECK(incident.place.name == QStringLiteral("Hyderabad"));
    CHECK(incident.place.country == QStringLiteral("PK"));
    CHECK(incident.place.admin1 == QStringLiteral("Sindh"));
    CHECK(incident.place.outOfRegion);
}
