// Competing claims: when the sides give different figures, the incident keeps each with who gives it,
// and its own figure is the one officials or the reporter give, not an armed group's boast. Invented reports.
#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;
using makran::test::onlyIncident;

namespace {

const Claim* claimBy(const Incident& incident, const QString& claimant)
{
    for (const Claim& claim : incident.claims) {
        if (claim.claimant == claimant)
            return &claim;
    }
    return nullptr;
}

} // namespace

TEST_CASE("Claims: the military's toll and the group's boast are both kept", "[extract][claims]")
{
    const QString text = QStringLiteral(
        "Three soldiers were killed when militants attacked a Frontier Corps post in Panjgur on Sunday night, the "
        "military said, while the Balochistan Liberation Front claimed to have killed 20 soldiers.");
    const ExtractionResult result = extractText(text, QDate(2025, 4, 15));
    INFO(describe(result));
    const Incident incident = onlyIncident(result);
    CHECK(incident.fatalities == 3);
    REQUIRE(incident.claims.size() == 2);
    const Claim* military = claimBy(incident, QStringLiteral("Pakistan Army"));
    const Claim* group = claimBy(incident, QStringLiteral("Balochistan Liberation Front"));
    REQUIRE(military);
    REQUIRE(group);
    CHECK(military->low == 3);
    CHECK(group->high == 20);
    CHECK(group->field == QStringLiteral("fatalities"));
    // The claim's span is the figure in the text.
    CHECK(text.mid(group->start, group->end - group->start).contains(QStringLiteral("20")));
}

TEST_CASE("Claims: one figure is no claim and the lead's toll beats a later detail", "[extract][claims]")
{
    const QString text = QStringLiteral(
        "A bomb hidden in a cart exploded in a busy market in Khuzdar on Monday, killing seven people.\n\n"
        "Two of the dead were children, police said.");
    const Incident incident = onlyIncident(extractText(text, QDate(2025, 6, 3)));
    CHECK(incident.fatalities == 7);

    const Incident single = onlyIncident(
        extractText(QStringLiteral("Gunmen shot dead two Levies men in Washuk on Friday."), QDate(2025, 6, 3)));
    CHECK(single.fatalities == 2);
    CHECK(single.claims.isEmpty());
}

TEST_CASE("Claims: a violent event with no deaths reported counts zero and says it is unsure", "[extract][claims]")
{
    const Incident incident = onlyIncident(extractText(
        QStringLiteral("Militants attacked a Levies check post near Hoshab on Tuesday night."), QDate(2025, 6, 3)));
    CHECK(incident.fatalities == 0);
    CHECK(incident.fieldConfidence(u"fatalities") < kLowConfidence);
    CHECK(incident.lowConfidenceFields().contains(QStringLiteral("fatalities")));
}

TEST_CASE("Casualty groups joined by 'and' add up and parts of a toll do not", "[extract][claims]")
{
    const Incident joined = onlyIncident(extractText(
        QStringLiteral("Three FC soldiers and two passers-by were martyred when a suicide bomber struck a convoy in "
                       "Noshki on Sunday."),
        QDate(2025, 3, 17)));
    CHECK(joined.fatalities == 5);
    const Incident active = onlyIncident(extractText(
        QStringLiteral("A bomb exploded at a bus stand in Kharan on Sunday, killing three soldiers and two civilians."),
        QDate(2025, 3, 17)));
    CHECK(active.fatalities == 5);
    const Incident part = onlyIncident(extractText(
        QStringLiteral("A bomb exploded at a bus stand in Kharan on Sunday, killing nine people, including two children."),
        QDate(2025, 3, 17)));
    CHECK(part.fatalities == 9);
    const Incident vague = onlyIncident(extractText(
        QStringLiteral("Two Levies men were killed in a clash with militants near Washuk on Sunday. Several of the "
                       "attackers were also killed."),
        QDate(2025, 3, 17)));
    CHECK(vague.fatalities == 2);
}

TEST_CASE("A revised toll in a clause of its own updates the event", "[extract][claims]")
{
    const Incident incident = onlyIncident(extractText(
        QStringLiteral("Twin bombings struck a memorial ceremony in Kerman on Wednesday. State media first reported "
                       "that 103 people had been killed, but on Thursday the health ministry revised the toll to 95."),
        QDate(2024, 1, 4)));
    CHECK(incident.fatalities == 95);
}
