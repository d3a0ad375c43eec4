// How incidents are cut out of longer reports: round-up items that open with "Place, Weekday D Month.",
// detail sentences without place or date that belong to the event just told, weapons named in a battle,
// and publication lines of periodicals. Every report here is invented.
#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;
using makran::test::onlyIncident;

TEST_CASE("Round-ups: each item is dated by its header", "[extract][roundup]")
{
    const QString text = QStringLiteral(
        "Western Balochistan monthly security digest\n"
        "Issue of 3 March 2025\n\n"
        "Kharan, Monday 10 February. Gunmen shot dead a vaccinator on the outskirts of the town.\n\n"
        "Nushki, Thursday 20 February. A bomb planted on a motorcycle exploded near a Levies post, wounding two men.\n");
    const ExtractionResult result = extractText(text);
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 2);
    const Incident& first = result.incidents[0].place.name == u"Kharan" ? result.incidents[0] : result.incidents[1];
    const Incident& second = &first == &result.incidents[0] ? result.incidents[1] : result.incidents[0];
    CHECK(first.date == QDate(2025, 2, 10));
    CHECK(first.datePrecision == DatePrecision::Day);
    CHECK(second.place.name.startsWith(QStringLiteral("Nushki")));
    CHECK(second.date == QDate(2025, 2, 20));
    CHECK(result.report.published == QDate(2025, 3, 3)); // "Issue of" dates the digest
}

TEST_CASE("Detail sentences without place or date join the event told before them", "[extract][roundup]")
{
    const QString text = QStringLiteral(
        "Militants attacked a Frontier Corps camp in Turbat on Monday night, officials said.\n\n"
        "During the exchange of fire that followed, three soldiers were martyred.\n\n"
        "Four attackers were also killed in the fighting.");
    const ExtractionResult result = extractText(text, QDate(2024, 5, 8));
    INFO(describe(result));
    const Incident incident = onlyIncident(result);
    CHECK(incident.place.name == QStringLiteral("Turbat"));
    CHECK(incident.date == QDate(2024, 5, 6));
}

TEST_CASE("Grenades used in a battle do not make it a grenade attack", "[extract][roundup]")
{
    const QString battle = QStringLiteral(
        "Militants armed with rifles and grenades stormed a police station in Zhob on Tuesday, and a gunfight with "
        "the police lasted four hours.");
    const Incident fight = onlyIncident(extractText(battle, QDate(2025, 1, 15)));
    CHECK(fight.eventType == QStringLiteral("Battles"));
    CHECK(fight.subEventType == QStringLiteral("Armed clash"));

    const QString thrown = QStringLiteral("An unknown man threw a hand grenade at a shop in Khuzdar on Tuesday.");
    const Incident grenade = onlyIncident(extractText(thrown, QDate(2025, 1, 15)));
    CHECK(grenade.subEventType == QStringLiteral("Grenade"));
}

TEST_CASE("An incident whose sentences name no place is placed near the dateline city and flagged", "[extract][roundup]")
{
    const QString text = QStringLiteral(
        "TURBAT, March 4 (Makran Wire) - Gunmen on a motorcycle shot dead a shopkeeper on Monday evening, "
        "police said.\n\n"
        "Traders closed the bazaar on Tuesday in protest.");
    const ExtractionResult result = extractText(text, QDate(2025, 3, 4));
    INFO(describe(result));
    REQUIRE_FALSE(result.incidents.isEmpty());
    const Incident& killing = result.incidents.first();
    CHECK(killing.place.name == QStringLiteral("Turbat"));
    CHECK(killing.place.geoPrecision == 2);
    CHECK(killing.lowConfidenceFields().contains(QStringLiteral("place")));

    // A bureau outside the region says where the story was filed, not where it happened.
    const ExtractionResult filed = extractText(
        QStringLiteral("ISLAMABAD, March 4 (Makran Wire) - Gunmen shot dead a shopkeeper on Monday evening, police said."),
        QDate(2025, 3, 4));
    for (const Incident& incident : filed.incidents)
        CHECK(incident.place.name != QStringLiteral("Islamabad"));
}

TEST_CASE("Weapons carried or recovered are no event of their own", "[extract][roundup]")
{
    const QString text = QStringLiteral(
        "Gunmen armed with rifles and hand grenades attacked a police post in Sarbaz on Friday night, and a gunfight "
        "followed. \"We recovered a grenade and two rifles from the scene,\" a police officer said.");
    const ExtractionResult result = extractText(text, QDate(2025, 7, 20));
    INFO(describe(result));
    const Incident incident = onlyIncident(result);
    CHECK(incident.eventType == QStringLiteral("Battles"));

    const Incident suicide = onlyIncident(extractText(
        QStringLiteral("A suicide car bomb struck a convoy near Quetta airport on Sunday, killing two people."),
        QDate(2025, 7, 20)));
    CHECK(suicide.subEventType == QStringLiteral("Suicide bomb"));
}

TEST_CASE("The month of March is no protest march", "[extract][roundup]")
{
    const ExtractionResult result = extractText(
        QStringLiteral("Gunmen attacked a Levies post in Washuk on 2 March 2025, killing two Levies personnel."));
    INFO(describe(result));
    const Incident incident = onlyIncident(result);
    CHECK(incident.eventType != QStringLiteral("Protests"));
    const Incident march = onlyIncident(extractText(
        QStringLiteral("Hundreds of women joined a march through Turbat on Sunday, chanting slogans."),
        QDate(2025, 3, 4)));
    CHECK(march.eventType == QStringLiteral("Protests"));
}

TEST_CASE("A remark no sentence places joins the placed incident instead of standing alone", "[extract][roundup]")
{
    const QString text = QStringLiteral(
        "Police fired tear gas at protesters outside the press club in Quetta on Saturday, witnesses said.\n\n"
        "The protest began on Friday afternoon against the disappearance of a student.");
    const ExtractionResult result = extractText(text, QDate(2025, 3, 23));
    INFO(describe(result));
    for (const Incident& incident : result.incidents)
        CHECK_FALSE(incident.place.name.isEmpty());
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().place.name == QStringLiteral("Quetta"));

    // Alone, an unplaced incident is still reported: nothing else could hold it.
    const ExtractionResult alone = extractText(
        QStringLiteral("Gunmen shot dead two labourers on Friday, police said."), QDate(2025, 3, 23));
    CHECK(alone.incidents.size() == 1);
}

TEST_CASE("Sabotage and bodies found are incidents too", "[extract][roundup]")
{
    const Incident pipeline = onlyIncident(extractText(
        QStringLiteral("Unknown men blew up a gas pipeline near Sui on Tuesday night, cutting supply for hours."),
        QDate(2025, 5, 8)));
    CHECK(pipeline.subEventType == QStringLiteral("Remote explosive/landmine/IED"));
    const Incident body = onlyIncident(extractText(
        QStringLiteral("Levies recovered the bullet-riddled body of a young man near Kharan on Wednesday."),
        QDate(2025, 5, 8)));
    CHECK(body.eventType == QStringLiteral("Violence against civilians"));
}

TEST_CASE("Rallies in two towns are two events", "[extract][roundup]")
{
    const ExtractionResult result = extractText(
        QStringLiteral("Supporters of the movement staged rallies in Pasni and Jiwani on Monday against the arrests."),
        QDate(2025, 5, 8));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 2);
    QStringList places{result.incidents[0].place.name, result.incidents[1].place.name};
    places.sort();
    CHECK(places == QStringList{QStringLiteral("Jiwani"), QStringLiteral("Pasni")});
    CHECK(result.incidents[0].date == result.incidents[1].date);
}

TEST_CASE("The day officials spoke is not the day of the attack", "[extract][roundup]")
{
    const QString text = QStringLiteral(
        "Security forces repulsed an attack on a government complex in Gwadar, killing four assailants, the military "
        "said Thursday.\n\n"
        "The attackers stormed the complex on Wednesday afternoon, officials said.");
    const ExtractionResult result = extractText(text, QDate(2025, 3, 21)); // a Friday
    INFO(describe(result));
    const Incident incident = onlyIncident(result);
    CHECK(incident.date == QDate(2025, 3, 19));
}

TEST_CASE("A dateline in May does not make the lead hypothetical", "[extract][roundup]")
{
    const QString text = QStringLiteral(
        "Grenade attack on police van in Quetta\n\n"
        "QUETTA, May 21 (Makran Wire) - A constable was killed on Saturday when attackers hurled a hand grenade at a "
        "police van in Quetta, police said.");
    const ExtractionResult result = extractText(text, QDate(2022, 5, 21));
    INFO(describe(result));
    const Incident incident = onlyIncident(result);
    CHECK(incident.date == QDate(2022, 5, 21));
    // A real "may" still marks a threat, not an event.
    CHECK(extractText(QStringLiteral("Officials said militants may attack polling stations in Quetta on Sunday."),
                      QDate(2022, 5, 21)).incidents.isEmpty());
}

TEST_CASE("A background sentence that dates and places its own attack still tells it", "[extract][roundup]")
{
    const ExtractionResult result = extractText(QStringLiteral(
        "Gunmen killed two policemen in Khash on Saturday, officials said.\n\n"
        "The group has carried out a series of attacks in recent years. In April, its fighters attacked police "
        "headquarters in the town of Rask, killing four officers."),
        QDate(2024, 10, 27));
    INFO(describe(result));
    const bool rask = std::any_of(result.incidents.begin(), result.incidents.end(),
                                  [](const Incident& i) { return i.place.name == u"Rask" && i.date.month() == 4; });
    CHECK(rask);
}
