#include "render/markerlayout.h"

#include <catch2/catch.hpp>

using namespace makran;

namespace {
std::vector<MapIncident> atOnePlace(int count, qint64 firstId = 1)
{
    std::vector<MapIncident> incidents;
    for (int i = 0; i < count; ++i)
        incidents.push_back({firstId + i, 26.96, 64.09, i % 6, 5.0, false});
    return incidents;
}
} // namespace

TEST_CASE("co-located markers fan out while few, and become one cluster when many", "[render][markers]")
{
    const MapCamera camera(QGeoCoordinate(27, 64), 7, QSizeF(800, 600));
    MarkerLayout layout;
    layout.build(atOnePlace(3), camera, {});
    REQUIRE(layout.items().size() == 3);
    for (const MarkerItem& item : layout.items()) {
        CHECK(!item.cluster);
        CHECK(item.anchor != item.pos); // drawn apart, with a leader to the true place
    }
    // Every fanned-out marker is pickable on its own.
    for (const MarkerItem& item : layout.items())
        CHECK(layout.itemsAt(item.pos).size() >= 1);

    layout.build(atOnePlace(MarkerLayout::kMaxFan + 1), camera, {});
    REQUIRE(layout.items().size() == 1);
    CHECK(layout.items()[0].cluster);
    CHECK(layout.idsOf(layout.items()[0]).size() == MarkerLayout::kMaxFan + 1);
}

TEST_CASE("very many markers are binned, and selected ones still stand alone", "[render][markers]")
{
    const MapCamera camera(QGeoCoordinate(27, 64), 6, QSizeF(800, 600));
    std::vector<MapIncident> incidents;
    for (int i = 0; i < 10000; ++i)
        incidents.push_back({i + 1, 24.0 + (i % 100) * 0.06, 60.0 + (i / 100) * 0.08, i % 6, 5.0, false});
    MarkerLayout layout;
    layout.build(incidents, camera, {42});
    CHECK(layout.binned());
    CHECK(layout.items().size() < 1000);
    size_t total = 0;
    bool selectedAlone = false;
    for (const MarkerItem& item : layout.items()) {
        total += size_t(item.count);
        selectedAlone = selectedAlone || (!item.cluster && layout.ids()[size_t(item.first)] == 42);
    }
    CHECK(total == size_t(layout.inView()));
    CHECK(selectedAlone);
    // Selected markers are drawn last, on top.
    CHECK(layout.items().back().selected);
}
