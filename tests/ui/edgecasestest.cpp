// What the app does with awkward data: it stays usable and says what is missing instead of hiding it.
#include "uifixture.h"

#include "incidentlistview.h"
#include "incidenttablemodel.h"
#include "launcher.h"
#include "mainwindow.h"
#include "mapwidget.h"
#include "quotepanel.h"
#include "render/timelinerenderer.h"
#include "timelinewidget.h"
#include "workspace.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QImage>
#include <QTest>
#include <QTextBrowser>

using namespace makran;

namespace {

std::unique_ptr<MainWindow> openWindow(Workspace& workspace)
{
    auto window = std::make_unique<MainWindow>(workspace, false);
    window->resize(1200, 800);
    window->show();
    QCoreApplication::processEvents();
    window->map()->grab();
    return window;
}

} // namespace

TEST_CASE("an empty database says so in every view", "[ui][edge]")
{
    QTemporaryDir dir;
    Workspace workspace;
    QString error;
    REQUIRE(workspace.open(dir.filePath(QStringLiteral("empty.sqlite")), &error));
    auto window = openWindow(workspace);
    CHECK(window->list()->model()->rowCount() == 0);
    CHECK(window->quotePanel()->card()->toPlainText().contains(QStringLiteral("No incidents yet")));
    const QImage map = window->map()->grab().toImage();
    CHECK(!map.isNull());
    // The notice is drawn over the map; the renderer says it too.
    MapRenderer& renderer = window->map()->renderer();
    CHECK(renderer.incidents().empty());
    CHECK(renderer.unlocatedCount() == 0);
}

TEST_CASE("incidents with no coordinates or no date are counted, not hidden", "[ui][edge]")
{
    QTemporaryDir dir;
    Workspace workspace;
    QString error;
    const QString path = dir.filePath(QStringLiteral("fixture.sqlite"));
    REQUIRE(test::writeFixtureDatabase(path, &error));
    REQUIRE(workspace.open(path, &error));
    auto window = openWindow(workspace);

    MapRenderer& map = window->map()->renderer();
    // The province-only incident sits at its province's label point, drawn as approximate.
    const auto province =
        std::find_if(map.incidents().begin(), map.incidents().end(),
                     [](const MapIncident& item) { return item.id == test::kProvinceOnly; });
    REQUIRE(province != map.incidents().end());
    CHECK(province->approximate);
    // The incident with no place at all is counted in the legend.
    CHECK(map.unlocatedCount() == 1);
    CHECK(map.incidents().size() == size_t(test::kFixtureIncidents - 1));

    TimelineRenderer& timeline = window->timeline()->renderer();
    CHECK(timeline.undatedCount() == 1);
    CHECK(timeline.items().size() == size_t(test::kFixtureIncidents - 1));

    // The list keeps both and says what is missing.
    QAbstractItemModel* model = window->list()->incidentModel();
    bool sawNoDate = false;
    bool sawNoPlace = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        sawNoDate =
            sawNoDate || model->index(row, IncidentTableModel::DateColumn).data().toString() == u"no date";
        sawNoPlace =
            sawNoPlace || model->index(row, IncidentTableModel::PlaceColumn).data().toString() == u"no place";
    }
    CHECK(sawNoDate);
    CHECK(sawNoPlace);

    // Selecting the undated incident fills the panel with the gap spelled out.
    workspace.catalog().selection().select(test::kUndated);
    CHECK(window->quotePanel()->card()->toPlainText().contains(QStringLiteral("no date found")));
}

TEST_CASE("thousands of incidents on one town stay one pickable cluster", "[ui][edge][crowd]")
{
    QTemporaryDir dir;
    Workspace workspace;
    QString error;
    const QString path = dir.filePath(QStringLiteral("crowd.sqlite"));
    REQUIRE(test::writeFixtureDatabase(path, &error));
    constexpr int kCrowd = 3000;
    REQUIRE(test::addCrowdAtOneTown(path, kCrowd, &error));
    REQUIRE(workspace.open(path, &error));
    auto window = openWindow(workspace);
    MapWidget* map = window->map();

    QElapsedTimer timer;
    timer.start();
    const QImage image = map->grab().toImage();
    const qint64 paintMs = timer.elapsed();
    CHECK(!image.isNull());
    CHECK(paintMs < 1000); // generous: a frame takes a few ms on the reference machine

    const QPoint panjgur = map->camera().toScreen(26.96, 64.09).toPoint();
    const QList<MapRenderer::Hit> hits = map->renderer().hitsAt(map->camera(), panjgur);
    REQUIRE(!hits.isEmpty());
    CHECK(hits.first().cluster);
    CHECK(hits.first().ids.size() == kCrowd + 1); // the crowd and the fixture's battle
    QTest::mouseClick(map, Qt::LeftButton, Qt::NoModifier, panjgur);
    CHECK(workspace.catalog().selection().selected().size() == kCrowd + 1);
    // The list and the panel keep working with the whole crowd selected.
    CHECK(window->quotePanel()->incidentId() != 0);
    CHECK(!window->timeline()->grab().isNull());
}

TEST_CASE("overlapping markers stay pickable", "[ui][map]")
{
    QTemporaryDir dir;
    Workspace workspace;
    QString error;
    const QString path = dir.filePath(QStringLiteral("pair.sqlite"));
    REQUIRE(test::writeFixtureDatabase(path, &error));
    REQUIRE(test::addCrowdAtOneTown(path, 2, &error)); // two more at Panjgur: three fanned out
    REQUIRE(workspace.open(path, &error));
    auto window = openWindow(workspace);
    MapWidget* map = window->map();
    const QPoint panjgur = map->camera().toScreen(26.96, 64.09).toPoint();

    // Each fanned-out marker is reachable by clicking where it is drawn.
    QSet<qint64> reached;
    for (int dx = -30; dx <= 30; dx += 2) {
        for (int dy = -30; dy <= 30; dy += 2) {
            const QList<qint64> ids = map->renderer().pick(map->camera(), panjgur + QPoint(dx, dy));
            if (!ids.isEmpty())
                reached.insert(ids.first());
        }
    }
    CHECK(reached.contains(test::kPanjgurBattle));
    CHECK(reached.size() >= 3);
}

TEST_CASE("makran --screenshot renders the window to a PNG of the asked size", "[ui][screenshot]")
{
    QTemporaryDir dir;
    Workspace workspace;
    QString error;
    const QString path = dir.filePath(QStringLiteral("fixture.sqlite"));
    REQUIRE(test::writeFixtureDatabase(path, &error));
    REQUIRE(workspace.open(path, &error));
    MainWindow window(workspace, false);
    workspace.catalog().selection().select(test::kPanjgurBattle);
    const QString png = dir.filePath(QStringLiteral("shot.png"));
    REQUIRE(renderScreenshot(window, png, QSize(1024, 640), test::kPanjgurBattle, &error));
    const QImage image(png);
    REQUIRE(!image.isNull());
    CHECK(image.size() == QSize(1024, 640) * image.devicePixelRatio());
}
