// What the app remembers between runs: the filter, the last and recent databases, the window layout.
#include "appsettings.h"
#include "mainwindow.h"
#include "workspace.h"

#include <catch2/catch.hpp>

#include <QDockWidget>
#include <QSettings>
#include <QTemporaryDir>

using namespace makran;

namespace {

// Points QSettings at a temporary folder for the test's lifetime, so the user's settings are untouched.
struct ScratchSettings {
    QTemporaryDir dir;
    ScratchSettings()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        QSettings().clear();
    }
    ~ScratchSettings() { QSettings().clear(); }
};

} // namespace

TEST_CASE("the filter and the recent databases survive a restart", "[ui][settings]")
{
    ScratchSettings scratch;
    IncidentFilter filter;
    filter.text = QStringLiteral("Turbat");
    filter.from = QDate(2024, 1, 1);
    filter.to = QDate(2024, 3, 31);
    filter.eventTypes = {QStringLiteral("Battles"), QStringLiteral("Protests")};
    filter.actor = QStringLiteral("Frontier Corps");
    filter.admin1 = QStringLiteral("Balochistan");
    filter.country = QStringLiteral("PK");
    AppSettings::saveFilter(filter);
    CHECK(AppSettings::loadFilter() == filter);

    AppSettings::noteDatabaseOpened(QStringLiteral("/data/a.sqlite"));
    AppSettings::noteDatabaseOpened(QStringLiteral("/data/b.sqlite"));
    AppSettings::noteDatabaseOpened(QStringLiteral("/data/a.sqlite"));
    CHECK(AppSettings::lastDatabase() == QStringLiteral("/data/a.sqlite"));
    CHECK(AppSettings::recentDatabases() ==
          QStringList{QStringLiteral("/data/a.sqlite"), QStringLiteral("/data/b.sqlite")});
    for (int i = 0; i < 20; ++i)
        AppSettings::noteDatabaseOpened(QStringLiteral("/data/%1.sqlite").arg(i));
    CHECK(AppSettings::recentDatabases().size() == AppSettings::kMaxRecent);
}

TEST_CASE("a persistent window restores its layout and filter", "[ui][settings]")
{
    ScratchSettings scratch;
    QTemporaryDir dir;
    Workspace workspace;
    QString error;
    REQUIRE(workspace.open(dir.filePath(QStringLiteral("db.sqlite")), &error));
    {
        MainWindow window(workspace, true);
        window.findChild<QDockWidget*>(QStringLiteral("timelineDock"))->hide();
        workspace.catalog().filter().setAdmin1(QStringLiteral("Balochistan"));
        window.close(); // saves
    }
    workspace.catalog().filter().clear();
    MainWindow again(workspace, true);
    CHECK(workspace.catalog().filter().filter().admin1 == QStringLiteral("Balochistan"));
    CHECK(again.findChild<QDockWidget*>(QStringLiteral("timelineDock"))->isHidden());
    CHECK(AppSettings::lastDatabase() == workspace.path());
}
