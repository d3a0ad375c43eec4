// EventMatcher on hand-made incidents: one row per rule (date, place, event type, actors, vetoes).
#include "merge/eventmatcher.h"

#include <catch2/catch.hpp>

using namespace makran;

namespace {

// Positions from the built-in gazetteer (Panjgur, Turbat); "Chitkan" stands for a spot 3 km north.
constexpr double kPanjgurLat = 26.97186, kPanjgurLon = 64.09459;
constexpr double kTurbatLat = 26.00122, kTurbatLon = 63.04400;

Place town(const QString& name, double lat, double lon, const QString& admin1 = QStringLiteral("Balochistan"),
           const QString& country = QStringLiteral("PK"))
{
    Place place;
    place.name = name;
    place.admin1 = admin1;
    place.country = country;
    place.lat = lat;
    place.lon = lon;
    place.geoPrecision = 1;
    return place;
}

Place province(const QString& admin1, const QString& country)
{
    Place place;
    place.name = admin1;
    place.admin1 = admin1;
    place.country = country;
    place.geoPrecision = 3;
    return place;
}

Incident incident(qint64 reportId, const QDate& date, const Place& place,
                  const QString& eventType = QStringLiteral("Battles"),
                  const QString& subEventType = QStringLiteral("Armed clash"))
{
    Incident result;
    result.reportId = reportId;
    result.sourceReportIds = {reportId};
    result.date = date;
    result.dateEnd = date;
    result.datePrecision = DatePrecision::Day;
    result.eventType = eventType;
    result.subEventType = subEventType;
    result.place = place;
    return result;
}

ActorRef actor(const QString& name, ActorRole role = ActorRole::Mentioned,
               const QString& kind = QStringLiteral("militant"))
{
    return ActorRef{name, role, kind, {}};
}

const QDate kDay(2024, 1, 16);

} // namespace

TEST_CASE("EventMatcher: the rules one by one", "[merge][matcher]")
{
    const Place panjgur = town(QStringLiteral("Panjgur"), kPanjgurLat, kPanjgurLon);
    const Place chitkan = town(QStringLiteral("Chitkan"), kPanjgurLat + 0.027, kPanjgurLon);
    const Place nearby = town(QStringLiteral("Gramkan"), kPanjgurLat + 0.15, kPanjgurLon); // ~17 km
    const Place turbat = town(QStringLiteral("Turbat"), kTurbatLat, kTurbatLon);
    const Incident base = incident(1, kDay, panjgur);

    struct Row {
        const char* what;
        Incident other;
        bool match;
        bool refused;
        const char* reasonPart;
    };
    Incident weekRange = incident(2, QDate(2024, 1, 15), panjgur);
    weekRange.dateEnd = QDate(2024, 1, 21);
    weekRange.datePrecision = DatePrecision::Week;
    Incident lastMonth = incident(2, QDate(2023, 12, 1), panjgur);
    lastMonth.dateEnd = QDate(2023, 12, 31);
    lastMonth.datePrecision = DatePrecision::Month;
    Incident undated = incident(2, QDate(), panjgur);
    Incident outOfRegion =
        incident(2, kDay, town(QStringLiteral("Karachi"), 24.86, 67.01, QStringLiteral("Sindh")));
    outOfRegion.place.outOfRegion = true;
    Incident sameReport = incident(1, kDay, panjgur);
    Incident homonym = incident(2, kDay, town(QStringLiteral("Panjgur"), kPanjgurLat + 2.0, kPanjgurLon));
    Incident unnamedPlace = incident(2, kDay, Place{});

    const std::vector<Row> rows = {
        {"same day, same place, same sub-event", incident(2, kDay, panjgur), true, false,
         "same day 2024-01-16, same place Panjgur, same sub-event type Armed clash"},
        {"a day later, 3 km away", incident(2, kDay.addDays(1), chitkan), true, false,
         "Panjgur and Chitkan within 3 km"},
        {"a day earlier, same place", incident(2, kDay.addDays(-1), panjgur), true, false,
         "a day apart (2024-01-16, 2024-01-15)"},
        {"two days apart", incident(2, kDay.addDays(2), panjgur), false, true,
         "different days 2024-01-16 and 2024-01-18"},
        {"same report", sameReport, false, true, "same report"},
        {"different districts far apart", incident(2, kDay, turbat), false, true, "Panjgur and Turbat are"},
        {"different countries",
         incident(2, kDay, province(QStringLiteral("Sistan and Baluchestan"), QStringLiteral("IR"))), false,
         true, "different countries PK and IR"},
        {"out of region against in region", outOfRegion, false, true, "out of the region"},
        {"province only, same province",
         incident(2, kDay, province(QStringLiteral("Balochistan"), QStringLiteral("PK"))), true, false,
         "same province Balochistan"},
        {"a protest is not a clash",
         incident(2, kDay, panjgur, QStringLiteral("Protests"), QStringLiteral("Peaceful protest")), false,
         true, "different kinds of event: Battles and Protests"},
        {"a bombing may be the clash",
         incident(2, kDay, panjgur, QStringLiteral("Explosions/Remote violence"), QStringLiteral("Grenade")),
         true, false, "both political violence"},
        {"inside a week", weekRange, true, false, "2024-01-16 within 2024-01-15..2024-01-21"},
        {"last month", lastMonth, false, true, "do not overlap"},
        {"date unknown", undated, false, true, "date unknown"},
        {"two places of one name far apart", homonym, false, true, "two places named Panjgur"},
        {"place unknown", unnamedPlace, false, true, "place unknown"},
        // A day apart (2) + within 25 km (2) + same family (1) = 5: plausible, not enough on its own.
        {"weak on every count",
         incident(2, kDay.addDays(1), nearby, QStringLiteral("Violence against civilians"),
                  QStringLiteral("Attack")),
         false, false, "score 5 below 6"},
    };
    for (const Row& row : rows) {
        INFO(row.what);
        const MatchScore forward = EventMatcher::score(base, row.other);
        INFO(forward.reason.toStdString());
        CHECK(forward.match == row.match);
        CHECK(forward.refused == row.refused);
        CHECK(forward.reason.contains(QString::fromUtf8(row.reasonPart)));
        // The verdict does not depend on which incident came first.
        const MatchScore backward = EventMatcher::score(row.other, base);
        CHECK(backward.match == forward.match);
        CHECK(backward.score == forward.score);
    }
}

TEST_CASE(
    "EventMatcher: shared actors raise the score but generic ones do not and rival perpetrators lower it",
    "[merge][matcher]")
{
    const Place panjgur = town(QStringLiteral("Panjgur"), kPanjgurLat, kPanjgurLon);
    Incident a = incident(1, kDay, panjgur);
    Incident b = incident(2, kDay, panjgur);
    const int plain = EventMatcher::score(a, b).score;
    CHECK(plain == 9); // same day 3 + same place 3 + same sub-event 3

    a.actors = {actor(QStringLiteral("Unidentified Armed Group"), ActorRole::Perpetrator),
                actor(QStringLiteral("Civilians"), ActorRole::Target, QStringLiteral("civilians"))};
    b.actors = a.actors;
    CHECK(EventMatcher::score(a, b).score == plain);

    a.actors << actor(QStringLiteral("Jaish al-Adl"), ActorRole::Claimant);
    b.actors << actor(QStringLiteral("Jaish al-Adl"), ActorRole::Perpetrator);
    const MatchScore shared = EventMatcher::score(a, b);
    CHECK(shared.score == plain + 1);
    CHECK(shared.reason.endsWith(QStringLiteral("shared actor Jaish al-Adl")));

    Incident c = incident(1, kDay, panjgur);
    Incident d = incident(2, kDay, panjgur);
    c.actors = {actor(QStringLiteral("Balochistan Liberation Army"), ActorRole::Perpetrator)};
    d.actors = {actor(QStringLiteral("Balochistan Liberation Front"), ActorRole::Perpetrator)};
    const MatchScore rivals = EventMatcher::score(c, d);
    CHECK(rivals.score == plain - 1);
    CHECK(rivals.match); // outlets credit different groups; that alone does not split an event
}

TEST_CASE("EventMatcher: a place the gazetteer could not locate counts as its province", "[merge][matcher]")
{
    // Koh-e-Sabz sits at Balochistan's label point in the gazetteer: its position says nothing.
    const Place panjgur = town(QStringLiteral("Panjgur"), kPanjgurLat, kPanjgurLon);
    const Place kohESabz = town(QStringLiteral("Koh-e-Sabz"), 27.5856, 65.2111);
    const MatchScore score = EventMatcher::score(incident(1, kDay, panjgur), incident(2, kDay, kohESabz));
    INFO(score.reason.toStdString());
    CHECK(score.match);
    CHECK(score.provinceOnly);
    CHECK(score.reason.contains(QStringLiteral("Koh-e-Sabz not located more precisely")));
}
