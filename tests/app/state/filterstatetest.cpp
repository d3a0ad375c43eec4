// FilterState: one changed() per real change, with exactly the flags of what changed; none for a no-op.
#include "state/filterstate.h"

#include <QSignalSpy>

#include <catch2/catch.hpp>

namespace makran {
namespace {

FilterState::Changes changesAt(const QSignalSpy& spy, int index)
{
    return spy.at(index).at(0).value<FilterState::Changes>();
}

} // namespace
} // namespace makran

using namespace makran;

TEST_CASE("FilterState: each setter emits once with its own flag", "[state][filter]")
{
    FilterState state;
    QSignalSpy spy(&state, &FilterState::changed);
    REQUIRE(spy.isValid());

    state.setText(QStringLiteral("Turbat"));
    REQUIRE(spy.count() == 1);
    CHECK(changesAt(spy, 0) == FilterState::Changes(FilterState::TextChanged));
    CHECK(state.filter().text == QStringLiteral("Turbat"));

    state.setDateRange(QDate(2024, 1, 1), QDate(2024, 1, 31));
    REQUIRE(spy.count() == 2);
    CHECK(changesAt(spy, 1) == FilterState::Changes(FilterState::DateRangeChanged));
    CHECK(state.filter().from == QDate(2024, 1, 1));
    CHECK(state.filter().to == QDate(2024, 1, 31));

    state.setEventTypes({QStringLiteral("Battles"), QStringLiteral("Protests")});
    REQUIRE(spy.count() == 3);
    CHECK(changesAt(spy, 2) == FilterState::Changes(FilterState::EventTypesChanged));

    state.setActor(QStringLiteral("Jaish"));
    REQUIRE(spy.count() == 4);
    CHECK(changesAt(spy, 3) == FilterState::Changes(FilterState::ActorChanged));

    state.setAdmin1(QStringLiteral("Sistan and Baluchestan"));
    REQUIRE(spy.count() == 5);
    CHECK(changesAt(spy, 4) == FilterState::Changes(FilterState::Admin1Changed));

    state.setCountry(QStringLiteral("IR"));
    REQUIRE(spy.count() == 6);
    CHECK(changesAt(spy, 5) == FilterState::Changes(FilterState::CountryChanged));

    // Changing only one end of the range is still a date range change.
    state.setDateRange(QDate(2024, 1, 1), QDate(2024, 2, 29));
    REQUIRE(spy.count() == 7);
    CHECK(changesAt(spy, 6) == FilterState::Changes(FilterState::DateRangeChanged));
    state.clearDateRange();
    REQUIRE(spy.count() == 8);
    CHECK(changesAt(spy, 7) == FilterState::Changes(FilterState::DateRangeChanged));
    CHECK_FALSE(state.filter().from.isValid());
    CHECK_FALSE(state.filter().to.isValid());
}

TEST_CASE("FilterState: setting what is already set emits nothing", "[state][filter]")
{
    FilterState state;
    QSignalSpy spy(&state, &FilterState::changed);

    // Nothing set yet: empty values are no change.
    state.setText(QString());
    state.setText(QStringLiteral(""));
    state.clearDateRange();
    state.setEventTypes({});
    state.setActor(QString());
    state.setAdmin1(QString());
    state.setCountry(QString());
    state.clear();
    state.setFilter(IncidentFilter());
    CHECK(spy.count() == 0);

    state.setText(QStringLiteral("Panjgur"));
    state.setDateRange(QDate(2024, 1, 16), QDate(2024, 1, 18));
    state.setEventTypes({QStringLiteral("Battles"), QStringLiteral("Riots")});
    state.setActor(QStringLiteral("Frontier"));
    state.setAdmin1(QStringLiteral("Balochistan"));
    state.setCountry(QStringLiteral("PK"));
    REQUIRE(spy.count() == 6);
    spy.clear();

    state.setText(QStringLiteral("Panjgur"));
    state.setDateRange(QDate(2024, 1, 16), QDate(2024, 1, 18));
    state.setEventTypes({QStringLiteral("Riots"), QStringLiteral("Battles")}); // same set, other order
    state.setActor(QStringLiteral("Frontier"));
    state.setAdmin1(QStringLiteral("Balochistan"));
    state.setCountry(QStringLiteral("PK"));
    state.setFilter(state.filter());
    CHECK(spy.count() == 0);
}

TEST_CASE("FilterState: setFilter and clear emit once with every changed flag", "[state][filter]")
{
    FilterState state;
    QSignalSpy spy(&state, &FilterState::changed);

    IncidentFilter next;
    next.text = QStringLiteral("drone");
    next.country = QStringLiteral("IR");
    state.setFilter(next);
    REQUIRE(spy.count() == 1);
    CHECK(changesAt(spy, 0) == (FilterState::TextChanged | FilterState::CountryChanged));

    next.country = QStringLiteral("PK");
    next.admin1 = QStringLiteral("Balochistan");
    next.from = QDate(2024, 1, 1);
    state.setFilter(next);
    REQUIRE(spy.count() == 2);
    CHECK(changesAt(spy, 1) ==
          (FilterState::CountryChanged | FilterState::Admin1Changed | FilterState::DateRangeChanged));

    state.clear();
    REQUIRE(spy.count() == 3);
    CHECK(changesAt(spy, 2) == (FilterState::TextChanged | FilterState::CountryChanged |
                                FilterState::Admin1Changed | FilterState::DateRangeChanged));
    CHECK(state.filter().isEmpty());
    CHECK(state.filter() == IncidentFilter());
}

TEST_CASE("FilterState: listeners see the new filter when changed() arrives", "[state][filter]")
{
    FilterState state;
    QString seenText;
    QString seenActor;
    int calls = 0;
    QObject::connect(&state, &FilterState::changed, [&](FilterState::Changes) {
        ++calls;
        seenText = state.filter().text;
        seenActor = state.filter().actor;
    });
    state.setText(QStringLiteral("Saravan"));
    CHECK(calls == 1);
    CHECK(seenText == QStringLiteral("Saravan"));
    state.setActor(QStringLiteral("IRGC"));
    CHECK(calls == 2);
    CHECK(seenText == QStringLiteral("Saravan")); // the other fields are kept
    CHECK(seenActor == QStringLiteral("IRGC"));
}

TEST_CASE("IncidentFilter: matchesFields on hand-built incidents", "[state][filter]")
{
    Incident dated;
    dated.date = dated.dateEnd = QDate(2024, 1, 16);
    dated.datePrecision = DatePrecision::Day;
    dated.eventType = QStringLiteral("Explosions/Remote violence");
    dated.place = Place{QStringLiteral("Saravan"), QStringLiteral("Sistan and Baluchestan"), QStringLiteral("IR"),
                        27.37, 62.33, 1, false};
    dated.actors = {ActorRef{QStringLiteral("Jaish al-Adl"), ActorRole::Perpetrator, QStringLiteral("militant"), {}}};
    Incident undated = dated;
    undated.date = undated.dateEnd = QDate();
    undated.datePrecision = DatePrecision::Unknown;

    IncidentFilter filter;
    CHECK(filter.isEmpty());
    CHECK(filter.matchesFields(dated));
    CHECK(filter.matchesFields(undated)); // no range: undated incidents are shown

    filter.from = QDate(2024, 1, 1);
    filter.to = QDate(2024, 1, 31);
    CHECK(filter.matchesFields(dated));
    CHECK_FALSE(filter.matchesFields(undated));
    filter.to = QDate();
    CHECK_FALSE(filter.matchesFields(undated)); // half-open ranges too
    filter.from = QDate(2024, 1, 17);
    CHECK_FALSE(filter.matchesFields(dated));
    filter.from = QDate(2024, 1, 16); // inclusive bounds
    filter.to = QDate(2024, 1, 16);
    CHECK(filter.matchesFields(dated));
    filter.from = filter.to = QDate();

    filter.actor = QStringLiteral("al-adl");
    CHECK(filter.matchesFields(dated));
    filter.actor = QStringLiteral("Frontier");
    CHECK_FALSE(filter.matchesFields(dated));
    filter.actor.clear();

    filter.eventTypes = {QStringLiteral("Battles")};
    CHECK_FALSE(filter.matchesFields(dated));
    filter.eventTypes.insert(QStringLiteral("Explosions/Remote violence"));
    CHECK(filter.matchesFields(dated));
    filter.eventTypes.clear();

    filter.country = QStringLiteral("PK");
    CHECK_FALSE(filter.matchesFields(dated));
    filter.country = QStringLiteral("IR");
    CHECK(filter.matchesFields(dated));
    filter.admin1 = QStringLiteral("Balochistan");
    CHECK_FALSE(filter.matchesFields(dated));
    filter.admin1 = QStringLiteral("Sistan and Baluchestan");
    CHECK(filter.matchesFields(dated));
}
