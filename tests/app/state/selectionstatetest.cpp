// SelectionState: select replaces, toggle adds/removes, retainOnly drops what is hidden; one signal per
// real change and none for a no-op.
#include "state/selectionstate.h"

#include <QSignalSpy>

#include <catch2/catch.hpp>

using makran::SelectionState;

namespace {

QList<qint64> selectedAt(const QSignalSpy& spy, int index)
{
    return spy.at(index).at(0).value<QList<qint64>>();
}

qint64 currentAt(const QSignalSpy& spy, int index)
{
    return spy.at(index).at(1).value<qint64>();
}

} // namespace

TEST_CASE("SelectionState: select replaces the selection and makes the id current", "[state][selection]")
{
    SelectionState state;
    QSignalSpy spy(&state, &SelectionState::changed);
    REQUIRE(spy.isValid());
    CHECK(state.selected().isEmpty());
    CHECK(state.current() == 0);

    state.select(5);
    REQUIRE(spy.count() == 1);
    CHECK(selectedAt(spy, 0) == QList<qint64>{5});
    CHECK(currentAt(spy, 0) == 5);
    CHECK(state.isSelected(5));

    state.select(5); // no-op
    CHECK(spy.count() == 1);

    state.select(8);
    REQUIRE(spy.count() == 2);
    CHECK(state.selected() == QList<qint64>{8});
    CHECK(state.current() == 8);
    CHECK_FALSE(state.isSelected(5));

    state.select(0); // selecting nothing clears
    REQUIRE(spy.count() == 3);
    CHECK(state.selected().isEmpty());
    CHECK(state.current() == 0);

    state.clear(); // already empty
    CHECK(spy.count() == 3);
}

TEST_CASE("SelectionState: selectMany makes the first current", "[state][selection]")
{
    SelectionState state;
    QSignalSpy spy(&state, &SelectionState::changed);
    state.selectMany({4, 2, 9});
    REQUIRE(spy.count() == 1);
    CHECK(state.selected() == QList<qint64>{4, 2, 9});
    CHECK(state.current() == 4);
    state.selectMany({4, 2, 9});
    CHECK(spy.count() == 1);
    state.selectMany({});
    REQUIRE(spy.count() == 2);
    CHECK(state.selected().isEmpty());
    CHECK(state.current() == 0);
}

TEST_CASE("SelectionState: toggle adds and removes", "[state][selection]")
{
    SelectionState state;
    QSignalSpy spy(&state, &SelectionState::changed);
    state.select(1);
    state.toggle(2);
    state.toggle(3);
    REQUIRE(spy.count() == 3);
    CHECK(state.selected() == QList<qint64>{1, 2, 3});
    CHECK(state.current() == 3); // the one just added

    // Removing one that is not current keeps the current.
    state.toggle(1);
    REQUIRE(spy.count() == 4);
    CHECK(state.selected() == QList<qint64>{2, 3});
    CHECK(state.current() == 3);

    // Removing the current moves current to one still selected, never to the removed id.
    state.toggle(3);
    REQUIRE(spy.count() == 5);
    CHECK(state.selected() == QList<qint64>{2});
    CHECK(state.current() == 2);

    state.toggle(2);
    REQUIRE(spy.count() == 6);
    CHECK(state.selected().isEmpty());
    CHECK(state.current() == 0);
}

TEST_CASE("SelectionState: retainOnly keeps the visible part of the selection", "[state][selection]")
{
    SelectionState state;
    QSignalSpy spy(&state, &SelectionState::changed);
    state.selectMany({1, 2, 3});
    state.toggle(2); // remove 2...
    state.toggle(2); // ...and add it back so it is current
    REQUIRE(state.current() == 2);
    spy.clear();

    // Nothing hidden: no change, no signal.
    state.retainOnly({1, 2, 3, 4, 5});
    CHECK(spy.count() == 0);

    // 1 hidden; 10 visible but never selected must not be added.
    state.retainOnly({2, 3, 10});
    REQUIRE(spy.count() == 1);
    CHECK(state.selected() == QList<qint64>{3, 2});
    CHECK(state.current() == 2);
    CHECK_FALSE(state.isSelected(10));

    // The current one hidden: current becomes one still selected.
    state.retainOnly({3});
    REQUIRE(spy.count() == 2);
    CHECK(state.selected() == QList<qint64>{3});
    CHECK(state.current() == 3);

    state.retainOnly({});
    REQUIRE(spy.count() == 3);
    CHECK(state.selected().isEmpty());
    CHECK(state.current() == 0);

    state.retainOnly({7, 8}); // empty stays empty, no signal
    CHECK(spy.count() == 3);
}
