// The linked views: a click, a brush or a search in one view changes the shared catalog, and every
// other view follows it. Runs the real MainWindow under the offscreen platform.
#include "uifixture.h"

#include "filterbar.h"
#include "incidentlistview.h"
#include "incidenttablemodel.h"
#include "mainwindow.h"
#include "mapwidget.h"
#include "quotepanel.h"
#include "timelinewidget.h"
#include "workspace.h"

#include <catch2/catch.hpp>

#include <QItemSelectionModel>
#include <QLineEdit>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace makran;

namespace {

struct Harness {
    QTemporaryDir dir;
    Workspace workspace;
    std::unique_ptr<MainWindow> window;

    Harness()
    {
        QString error;
        const QString path = dir.filePath(QStringLiteral("fixture.sqlite"));
        REQUIRE(test::writeFixtureDatabase(path, &error));
        REQUIRE(workspace.open(path, &error));
        window = std::make_unique<MainWindow>(workspace, false);
        window->resize(1400, 900);
        window->show();
        QCoreApplication::processEvents();
        window->map()->grab(); // lays out and paints once, which fits the camera to the region
    }
    IncidentCatalog& catalog() { return workspace.catalog(); }
    QPoint markerOf(double lat, double lon) const
    {
        return window->map()->camera().toScreen(lat, lon).toPoint();
    }
    QList<qint64> listSelection() const
    {
        QList<qint64> ids;
        for (const QModelIndex& index : window->list()->selectionModel()->selectedRows())
            ids << index.data(IncidentTableModel::IdRole).toLongLong();
        return ids;
    }
};

} // namespace

TEST_CASE("clicking a marker selects the incident in the list and fills the quote panel", "[ui][map]")
{
    Harness h;
    REQUIRE(h.catalog().all().size() == size_t(test::kFixtureIncidents));
    QTest::mouseClick(h.window->map(), Qt::LeftButton, Qt::NoModifier, h.markerOf(26.96, 64.09));

    CHECK(h.catalog().selection().selected() == QList<qint64>{test::kPanjgurBattle});
    CHECK(h.catalog().selection().current() == test::kPanjgurBattle);
    CHECK(h.listSelection() == QList<qint64>{test::kPanjgurBattle});
    QuotePanel* panel = h.window->quotePanel();
    CHECK(panel->incidentId() == test::kPanjgurBattle);
    CHECK(panel->card()->toPlainText().contains(QStringLiteral("ISPR spokesman")));
    CHECK(
        panel->reportView()->toPlainText().contains(QStringLiteral("Gunmen attacked a Frontier Corps post")));

    SECTION("clicking a quote selects its words in the report text")
    {
        panel->showQuote(0);
        CHECK(panel->reportView()->textCursor().selectedText() ==
              QStringLiteral("We repulsed the attack and the area is under control,"));
    }
    SECTION("Ctrl+click adds to the selection, a click on empty sea clears it")
    {
        QTest::mouseClick(h.window->map(), Qt::LeftButton, Qt::ControlModifier, h.markerOf(26.00, 63.05));
        CHECK(h.catalog().selection().selected() == QList<qint64>{test::kPanjgurBattle, test::kTurbatBlast});
        CHECK(h.listSelection().size() == 2);
        QTest::mouseClick(h.window->map(), Qt::LeftButton, Qt::NoModifier, h.markerOf(31.0, 68.5));
        CHECK(h.catalog().selection().selected().isEmpty());
        CHECK(panel->incidentId() == 0);
    }
}

TEST_CASE("brushing the timeline filters the map and the list", "[ui][timeline]")
{
    Harness h;
    TimelineWidget* timeline = h.window->timeline();
    const QRectF plot = timeline->plotRect();
    const QRectF axis = TimelineRenderer::axisRect(plot);
    const double x0 = plot.left() + timeline->axis().dateToX(QDate(2024, 1, 10));
    const double x1 = plot.left() + timeline->axis().dateToX(QDate(2024, 1, 25));
    const int y = int(axis.center().y());

    QTest::mousePress(timeline, Qt::LeftButton, Qt::NoModifier, QPoint(int(x0), y));
    QTest::mouseMove(timeline, QPoint(int((x0 + x1) / 2), y));
    QTest::mouseMove(timeline, QPoint(int(x1), y));
    QTest::mouseRelease(timeline, Qt::LeftButton, Qt::NoModifier, QPoint(int(x1), y));

    const IncidentFilter& filter = h.catalog().filter().filter();
    REQUIRE(filter.from.isValid());
    REQUIRE(filter.to.isValid());
    CHECK(filter.from <= QDate(2024, 1, 18));
    CHECK(filter.to >= QDate(2024, 1, 18));
    CHECK(filter.to < QDate(2024, 2, 1));
    CHECK(h.catalog().visibleIds() == QList<qint64>{test::kPanjgurBattle});
    CHECK(h.window->list()->model()->rowCount() == 1);
    CHECK(h.window->map()->renderer().incidents().size() == 1);
    CHECK(h.window->map()->renderer().incidents().front().id == test::kPanjgurBattle);

    // The clear button drops the date filter for every view.
    auto* clear = timeline->findChild<QToolButton*>(QStringLiteral("clearDateFilter"));
    REQUIRE(clear);
    CHECK(clear->isVisible());
    QTest::mouseClick(clear, Qt::LeftButton);
    CHECK(!h.catalog().filter().filter().from.isValid());
    CHECK(h.window->list()->model()->rowCount() == test::kFixtureIncidents);
}

TEST_CASE("typing in the search box filters all views", "[ui][filter]")
{
    Harness h;
    QLineEdit* search = h.window->filterBar()->searchField();
    QTest::keyClicks(search, QStringLiteral("zephyrword"));
    // The search waits for a pause in typing, then every view follows the catalog.
    REQUIRE(test::waitUntil([&] { return h.catalog().visibleIds().size() == 1; }));
    CHECK(h.catalog().visibleIds().first() == test::kTurbatBlast);
    CHECK(h.window->list()->model()->rowCount() == 1);
    CHECK(h.window->map()->renderer().incidents().size() == 1);
    CHECK(h.window->timeline()->renderer().items().size() == 1);

    search->clear();
    REQUIRE(test::waitUntil([&] { return h.catalog().visibleIds().size() == test::kFixtureIncidents; }));
}

TEST_CASE("keyboard navigation in the list moves the selection everywhere", "[ui][list]")
{
    Harness h;
    IncidentListView* list = h.window->list();
    list->setFocus();
    const qint64 first = list->idAtRow(0);
    const qint64 second = list->idAtRow(1);
    h.catalog().selection().select(first);
    CHECK(list->currentIndex().row() == 0);
    QTest::keyClick(list, Qt::Key_Down);
    CHECK(h.catalog().selection().current() == second);
    CHECK(h.catalog().selection().selected() == QList<qint64>{second});
    CHECK(h.window->quotePanel()->incidentId() == second);
}

TEST_CASE("sorting the list by fatalities puts the deadliest first", "[ui][list]")
{
    Harness h;
    IncidentListView* list = h.window->list();
    list->sortByColumn(IncidentTableModel::FatalitiesColumn, Qt::DescendingOrder);
    CHECK(list->idAtRow(0) == test::kTurbatBlast);
    CHECK(list->idAtRow(1) == test::kPanjgurBattle);
}
