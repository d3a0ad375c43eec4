#pragma once

#include "state/incidentfilter.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class QMainWindow;

namespace makran {

// What the app remembers between runs: window layout, the last and recent databases, the filter.
// A thin layer over QSettings so the keys live in one place.
class AppSettings {
  public:
    static constexpr int kMaxRecent = 8;

    static void saveWindow(const QMainWindow& window);
    static void restoreWindow(QMainWindow& window);

    static QString lastDatabase();
    static QStringList recentDatabases();
    static void noteDatabaseOpened(const QString& path); // last + front of the recent list
    static void forgetDatabase(const QString& path);

    static void saveFilter(const IncidentFilter& filter);
    static IncidentFilter loadFilter();
};

} // namespace makran
