// The day of an event against the day it was told, and "a day after" counted from the event a report
// leads with. Every sentence written for the test.
#include "extract/datefinder.h"

#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;

TEST_CASE("Event day: the event's weekday beats the weekday of the telling in one clause", "[extract][date]")
{
    const auto result = extractText(QStringLiteral(
        "Gunmen stopped a van near Kharan late Tuesday and shot dead four labourers, officials said Wednesday."),
        QDate(2024, 5, 15)); // a Wednesday
    INFO(describe(result));
    REQUIRE_FALSE(result.incidents.isEmpty());
    CHECK(result.incidents.first().date == QDate(2024, 5, 14));
}

TEST_CASE("Event day: an event that came a day after another puts that one a day earlier", "[extract][date]")
{
    const auto result = extractText(QStringLiteral(
        "Militants attacked a Levies post in Surab on Sunday, killing two guards. The attack came a day after a "
        "roadside bomb struck a police van in Khuzdar, wounding three constables."),
        QDate(2024, 9, 10));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 2);
    QDate khuzdar;
    for (const Incident& incident : result.incidents) {
        if (incident.place.name == QStringLiteral("Khuzdar"))
            khuzdar = incident.date;
    }
    CHECK(khuzdar == QDate(2024, 9, 7));
}

TEST_CASE("Event day: on the 7th is the latest 7th on or before publication", "[extract][date]")
{
    const auto result = extractText(QStringLiteral(
        "On the 7th, armed men abducted a schoolteacher from his home in Buleda and took him away in a pickup."),
        QDate(2025, 3, 2));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().date == QDate(2025, 2, 7));
    CHECK(result.incidents.first().datePrecision == DatePrecision::Day);
}

TEST_CASE("Event day: the 12th day of a sit-in is no date", "[extract][date]")
{
    const auto dates = findDates(QStringLiteral("Families marched on the 12th day of their sit-in camp."));
    CHECK(dates.empty());
}

TEST_CASE("Event day: a weekday with its date in brackets gives a yearless dateline its year", "[extract][date]")
{
    const auto result = extractText(QStringLiteral(
        "ZAHEDAN, June 5 (SNA) \u2013 Two guards were martyred when gunmen fired on their patrol near Rask on "
        "Tuesday evening (June 4), the deputy governor said."));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().date == QDate(2024, 6, 4)); // the latest past June 4 that was a Tuesday
}

TEST_CASE("Event day: a look back takes the year it names and counts days later from the event before", "[extract][date]")
{
    const auto result = extractText(QStringLiteral(
        "The quarrel turned into open conflict in January 2024. On 16 January, Iran fired missiles at what it "
        "called militant hideouts near Panjgur, killing two children.\n\n"
        "Two days later, Pakistan carried out its own strikes with drones on villages near Saravan."),
        QDate(2025, 4, 19));
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 2);
    CHECK(result.incidents.at(0).date == QDate(2024, 1, 16));
    CHECK(result.incidents.at(1).date == QDate(2024, 1, 18));
}

TEST_CASE("Event day: a lead without a day takes it from the detail sentence after it", "[extract][date]")
{
    const auto result = extractText(QStringLiteral(
        "The Revolutionary Guards say their forces killed four members of a terrorist team near Mirjaveh.\n\n"
        "The Quds Base said in a statement on Saturday that the men were intercepted in the border heights on "
        "Friday evening."),
        QDate(2025, 7, 19)); // a Saturday
    INFO(describe(result));
    REQUIRE(result.incidents.size() == 1);
    CHECK(result.incidents.first().date == QDate(2025, 7, 18));
}
