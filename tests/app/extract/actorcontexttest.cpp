// Shared force names ("security forces") read by the country the report talks about, and words for the
// doers ("the attackers") that tell no event of their own. Every sentence written for the test.
#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;

namespace {

bool hasActor(const Incident& incident, const QString& name)
{
    return std::any_of(incident.actors.begin(), incident.actors.end(), [&](const ActorRef& a) { return a.name == name; });
}

} // namespace

TEST_CASE("Actor context: security forces in an Iranian town are Iran's", "[extract][actor]")
{
    const auto result = extractText(QStringLiteral(
        "Security forces clashed with armed smugglers near Saravan on 3 June 2024, killing two of them."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK_FALSE(hasActor(result.incidents.first(), QStringLiteral("Pakistan Army")));
    CHECK(result.incidents.first().place.country == QStringLiteral("IR"));
}

TEST_CASE("Actor context: security forces in a Balochistan town are Pakistan's", "[extract][actor]")
{
    const auto result = extractText(QStringLiteral(
        "Security forces clashed with militants near Panjgur on 3 June 2024, killing two of them."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(hasActor(result.incidents.first(), QStringLiteral("Pakistan Army")));
}

TEST_CASE("Actor context: a search for the attackers does not make a shooting a battle", "[extract][event]")
{
    const auto result = extractText(QStringLiteral(
        "Two men on a motorcycle shot dead a shopkeeper in Khash on 9 April 2024. The police said the security "
        "forces had launched a search for the attackers."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().eventType == QStringLiteral("Violence against civilians"));
    CHECK(result.incidents.first().fatalities == 1);
}

TEST_CASE("Actor context: the war in Gaza named as a backdrop is no place of the bombing", "[extract][place]")
{
    const auto result = extractText(QStringLiteral(
        "Two bombs exploded near a shrine in Zahedan on 3 January 2024, killing five people. The bombings came at "
        "a time of tension over the war in Gaza."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().place.name == QStringLiteral("Zahedan"));
}

TEST_CASE("Actor context: where passengers were going is not where the bomb went off", "[extract][place]")
{
    const auto result = extractText(QStringLiteral(
        "A suicide bomber blew himself up at the railway station in Quetta on 9 November 2024 as passengers waited "
        "to board the Jaffar Express to Peshawar, killing 26 people."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().place.name == QStringLiteral("Quetta"));
}

TEST_CASE("Actor context: the officials' city and the hospital's city are not where the attack was", "[extract][place]")
{
    const auto result = extractText(QStringLiteral(
        "QUETTA, Oct 12 (Wire) - Militants attacked a paramilitary post late on Wednesday, killing four soldiers, "
        "officials said. The assault targeted a checkpoint on the edge of Mashkel, a trading town in Washuk "
        "district. Two officials in Quetta described a gunfight that went on for hours. Three of the wounded were "
        "flown to the military hospital in Quetta."),
        QDate(2023, 10, 12));
    INFO(describe(result));
    REQUIRE_FALSE(result.incidents.isEmpty());
    CHECK(result.incidents.first().place.name == QStringLiteral("Mashkel"));
    CHECK(result.incidents.first().date == QDate(2023, 10, 11));
    for (const Incident& incident : result.incidents)
        CHECK(incident.place.name != QStringLiteral("Quetta"));
}
