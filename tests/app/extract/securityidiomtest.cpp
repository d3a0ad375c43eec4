// Tolls as security-force press releases and local papers word them: idioms for killing, a head count
// far from its verb, one named victim, the killed used as an adjective, a soldier's home district, and
// arrests made in a deadly operation. Every sentence written for the test.
#include "extract/casualtyfinder.h"
#include "extract/textutil.h"

#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;

namespace {

std::vector<CasualtyMention> killedIn(const QString& text)
{
    std::vector<CasualtyMention> killed;
    for (const CasualtyMention& m : findCasualties(text, tokenize(text))) {
        if (m.kind == CasualtyMention::Kind::Killed)
            killed.push_back(m);
    }
    return killed;
}

} // namespace

TEST_CASE("Idioms: terrorists sent to hell or neutralised were killed", "[extract][casualty]")
{
    for (const QString& text : {QStringLiteral("After a heavy exchange of fire, four khawarij were sent to hell by own troops."),
                               QStringLiteral("Five terrorists were neutralised in the operation near Awaran.")}) {
        INFO(text.toStdString());
        const auto killed = killedIn(text);
        REQUIRE(killed.size() == 1);
        CHECK(killed.front().low >= 4);
        CHECK(killed.front().perpetrators);
    }
}

TEST_CASE("Idioms: a count of soldiers reaches across their names to embraced shahadat", "[extract][casualty]")
{
    const QString text = QStringLiteral(
        "During the firefight three valiant sons of the soil, Lance Naik Gul Zaman, aged 29, resident of District Swat, "
        "Sepoy Asad Baloch, aged 23, resident of District Kech, and Sepoy Nadir Ali, aged 21, having fought bravely, "
        "embraced shahadat.");
    const auto killed = killedIn(text);
    REQUIRE(killed.size() == 1);
    CHECK(killed.front().low == 3);
    CHECK_FALSE(killed.front().perpetrators);
}

TEST_CASE("Idioms: one named person who was shot dead is one death", "[extract][casualty]")
{
    const auto killed = killedIn(QStringLiteral(
        "Abdul Ghafoor, who kept a tea stall near the bus stand, was shot dead by two men on a motorcycle."));
    REQUIRE(killed.size() == 1);
    CHECK(killed.front().low == 1);
    CHECK(killedIn(QStringLiteral("Nobody was killed when the shell landed in an empty field.")).empty());
    const auto withDriver = killedIn(QStringLiteral("The tribal elder was shot dead along with his driver near Sui."));
    REQUIRE(withDriver.size() == 1);
    CHECK(withDriver.front().low == 2);
    CHECK(killedIn(QStringLiteral("The attack was claimed by a little-known group.")).empty());
}

TEST_CASE("Idioms: the killed terrorists and a far article are no head count", "[extract][casualty]")
{
    CHECK(killedIn(QStringLiteral("Rifles and a hand-made explosive device were recovered from the killed terrorists.")).empty());
}

TEST_CASE("Idioms: a soldier's home district is not where the fighting was", "[extract][place]")
{
    const auto result = extractText(QStringLiteral(
        "QUETTA, 12 March 2025: Security forces raided a militant hideout in Kohlu on 11 March 2025 and killed two "
        "terrorists. During the exchange of fire Sepoy Rahim Dad, resident of District Lakki Marwat, embraced shahadat."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    const Incident& incident = result.incidents.first();
    CHECK(incident.place.name == QStringLiteral("Kohlu"));
    CHECK(incident.fatalities == 3);
}

TEST_CASE("Idioms: arrests in an operation that killed militants make it a clash", "[extract][event]")
{
    const auto result = extractText(QStringLiteral(
        "On 4 May 2025 security forces conducted an operation in Turbat against a hideout of terrorists who had been "
        "involved in the kidnapping of labourers. Two terrorists were killed, while one was apprehended."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().eventType == QStringLiteral("Battles"));
    CHECK(result.incidents.first().fatalities == 2);
}

TEST_CASE("Idioms: a detention with the whereabouts kept secret is a forced disappearance", "[extract][event]")
{
    const auto result = extractText(QStringLiteral(
        "Security forces detained a student activist at his home in Iranshahr on 12 May 2025. His family said his "
        "whereabouts remain unknown."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().subEventType == QStringLiteral("Abduction/forced disappearance"));
}

TEST_CASE("Idioms: fuel carriers shot by border guards are civilians attacked", "[extract][event]")
{
    const auto result = extractText(QStringLiteral(
        "Border guards opened fire on fuel carriers near Saravan on 8 June 2024, killing two of them."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().eventType == QStringLiteral("Violence against civilians"));
}

TEST_CASE("Idioms: protesters who dispersed peacefully were not broken up", "[extract][event]")
{
    const auto peaceful = extractText(QStringLiteral(
        "Coal miners staged a sit-in outside the deputy commissioner's office in Harnai on 22 August 2023. The "
        "protesters dispersed peacefully in the evening after talks."));
    INFO(describe(peaceful));
    REQUIRE(peaceful.incidents.size() == 1);
    CHECK(peaceful.incidents.first().subEventType == QStringLiteral("Peaceful protest"));
    const auto broken = extractText(QStringLiteral(
        "Coal miners staged a sit-in outside the deputy commissioner's office in Harnai on 22 August 2023. Police "
        "dispersed the protesters in the evening."));
    INFO(describe(broken));
    REQUIRE(broken.incidents.size() == 1);
    CHECK(broken.incidents.first().subEventType == QStringLiteral("Protest with intervention"));
}

TEST_CASE("Idioms: relatives who block a road with the bodies protest but gunmen blocking it do not", "[extract][event]")
{
    const auto protest = extractText(QStringLiteral(
        "On 1 December 2021 relatives placed the bodies of the three children on the Barkhan road and blocked it for "
        "several hours, demanding that the government clear the area of explosives."));
    INFO(describe(protest));
    REQUIRE(protest.incidents.size() == 1);
    CHECK(protest.incidents.first().eventType == QStringLiteral("Protests"));
    const auto attack = extractText(QStringLiteral(
        "On 26 August 2024 gunmen blocked the highway near Musakhel, checked identity cards and shot dead 23 passengers."));
    INFO(describe(attack));
    REQUIRE(attack.incidents.size() == 1);
    CHECK(attack.incidents.first().eventType != QStringLiteral("Protests"));
}

TEST_CASE("Idioms: a protest broken up without deaths reported has zero fatalities, flagged", "[extract][casualty]")
{
    const auto result = extractText(QStringLiteral(
        "Police fired tear gas at protesters outside the press club in Turbat on 9 February 2026."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    const Incident& incident = result.incidents.first();
    CHECK(incident.subEventType == QStringLiteral("Protest with intervention"));
    CHECK(incident.fatalities == 0);
    CHECK(incident.lowConfidenceFields().contains(QStringLiteral("fatalities")));
}
