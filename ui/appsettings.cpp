#include "appsettings.h"

#include <QMainWindow>
#include <QSettings>

namespace makran {

namespace {
// Bumped when the dock layout changes incompatibly, so an old saved state is ignored.
constexpr int kWindowStateVersion = 1;
} // namespace

void AppSettings::saveWindow(const QMainWindow& window)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window.saveState(kWindowStateVersion));
}

void AppSettings::restoreWindow(QMainWindow& window)
{
    QSettings settings;
    window.restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    window.restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), kWindowStateVersion);
}

QString AppSettings::lastDatabase()
{
    return QSettings().value(QStringLiteral("database/last")).toString();
}

QStringList AppSettings::recentDatabases()
{
    return QSettings().value(QStringLiteral("database/recent")).toStringList();
}

void AppSettings::noteDatabaseOpened(const QString& path)
{
    QSettings settings;
    settings.setValue(QStringLiteral("database/last"), path);
    QStringList recent = recentDatabases();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(QStringLiteral("database/recent"), recent);
}

void AppSettings::forgetDatabase(const QString& path)
{
    QStringList recent = recentDatabases();
    recent.removeAll(path);
    QSettings().setValue(QStringLiteral("database/recent"), recent);
}

void AppSettings::saveFilter(const IncidentFilter& filter)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("filter"));
    settings.setValue(QStringLiteral("text"), filter.text);
    settings.setValue(QStringLiteral("from"), filter.from);
    settings.setValue(QStringLiteral("to"), filter.to);
    settings.setValue(QStringLiteral("eventTypes"),
                      QStringList(filter.eventTypes.begin(), filter.eventTypes.end()));
    settings.setValue(QStringLiteral("actor"), filter.actor);
    settings.setValue(QStringLiteral("admin1"), filter.admin1);
    settings.setValue(QStringLiteral("country"), filter.country);
    settings.endGroup();
}

IncidentFilter AppSettings::loadFilter()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("filter"));
    IncidentFilter filter;
    filter.text = settings.value(QStringLiteral("text")).toString();
    filter.from = settings.value(QStringLiteral("from")).toDate();
    filter.to = settings.value(QStringLiteral("to")).toDate();
    const QStringList types = settings.value(QStringLiteral("eventTypes")).toStringList();
    filter.eventTypes = QSet<QString>(types.begin(), types.end());
    filter.actor = settings.value(QStringLiteral("actor")).toString();
    filter.admin1 = settings.value(QStringLiteral("admin1")).toString();
    filter.country = settings.value(QStringLiteral("country")).toString();
    return filter;
}

} // namespace makran
