// ACLED event types from the words of a short report, each sentence written for the test. The expected
// codes follow the ACLED codebook: an IED is "Remote explosive/landmine/IED", tear gas on protesters is a
// "Protest with intervention", recalling an ambassador a strategic development.
#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;

namespace {

struct Case {
    const char16_t* text;
    const char* eventType;
    const char* subEventType;
};

} // namespace

TEST_CASE("Event types: each trigger gives its ACLED type and sub-type", "[extract][event]")
{
    const Case cases[] = {
        {u"An IED exploded near a police van in Mastung on Monday.", "Explosions/Remote violence",
         "Remote explosive/landmine/IED"},
        {u"A roadside bomb hit a Levies vehicle in Kalat on Monday.", "Explosions/Remote violence",
         "Remote explosive/landmine/IED"},
        {u"A drone strike hit a compound near Panjgur on Monday.", "Explosions/Remote violence", "Air/drone strike"},
        {u"Traders staged a sit-in outside the Gwadar port on Monday.", "Protests", "Peaceful protest"},
        {u"Police fired tear gas on protesters in Turbat on Monday.", "Protests", "Protest with intervention"},
        {u"Unknown men abducted a schoolteacher in Kharan on Monday.", "Violence against civilians",
         "Abduction/forced disappearance"},
        {u"Police arrested six men in Quetta on Monday.", "Strategic developments", "Arrests"},
        {u"Pakistan recalled its ambassador from Tehran on Monday.", "Strategic developments", "Other"},
        {u"A suicide bomber blew himself up at a checkpoint in Zahedan on Monday.", "Explosions/Remote violence",
         "Suicide bomb"},
        {u"Militants hurled a grenade at a shop in Khuzdar on Monday.", "Explosions/Remote violence", "Grenade"},
    };
    for (const Case& c : cases) {
        const QString text = QString::fromUtf16(c.text);
        INFO(text.toStdString());
        const ExtractionResult result = extractText(text, QDate(2024, 1, 18));
        INFO(describe(result));
        REQUIRE(result.incidents.size() == 1);
        const Incident& incident = result.incidents.first();
        CHECK(incident.eventType == QString::fromLatin1(c.eventType));
        CHECK(incident.subEventType == QString::fromLatin1(c.subEventType));
        CHECK(incident.date == QDate(2024, 1, 15));
    }
}

TEST_CASE("Event types: an attack on soldiers is a battle, gunmen shooting civilians violence against civilians",
          "[extract][event]")
{
    const ExtractionResult onForces = extractText(
        QStringLiteral("Militants attacked a Frontier Corps camp in Turbat on Monday, killing two soldiers."),
        QDate(2024, 1, 18));
    INFO(describe(onForces));
    REQUIRE(onForces.incidents.size() == 1);
    CHECK(onForces.incidents.first().eventType == QStringLiteral("Battles"));
    CHECK(onForces.incidents.first().subEventType == QStringLiteral("Armed clash"));

    const ExtractionResult onCivilians = extractText(
        QStringLiteral("Gunmen shot dead four labourers at a construction site in Kech on Monday."),
        QDate(2024, 1, 18));
    INFO(describe(onCivilians));
    REQUIRE(onCivilians.incidents.size() == 1);
    CHECK(onCivilians.incidents.first().eventType == QStringLiteral("Violence against civilians"));
    CHECK(onCivilians.incidents.first().subEventType == QStringLiteral("Attack"));
}

TEST_CASE("Event types: a threat is not an event", "[extract][event]")
{
    const ExtractionResult result = extractText(
        QStringLiteral("The group threatened to attack government offices in Gwadar."), QDate(2024, 1, 18));
    INFO(describe(result));
    CHECK(result.incidents.isEmpty());
}
