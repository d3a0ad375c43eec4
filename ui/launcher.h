#pragma once

#include <QSize>
#include <QString>
#include <QStringList>

class QApplication;

namespace makran {

class MainWindow;

// What `makran [--db DB] [--screenshot FILE.png [--size WxH] [--select ID]] [FILES...]` asked for.
struct LaunchOptions {
    QString database;   // empty: the last one used, else Store::defaultPath()
    QStringList files;  // imported at start
    QString screenshot; // render the window to this PNG and exit
    QSize size{1600, 1000};
    qint64 select = 0;
    bool persistent = true; // false for screenshots: no settings read or written
};

// True when argv asks for a screenshot, checked before the QApplication exists so the offscreen
// platform can be chosen.
bool wantsScreenshot(int argc, char* argv[]);
// Registers the bundled Noto Naskh Arabic font so Urdu and Persian text renders.
void registerBundledFonts();
// Parses the arguments of a running application; on error returns false with a message.
bool parseLaunchOptions(const QStringList& arguments, LaunchOptions* options, QString* error);
// Lays the window out at `size`, selects `select` if non-zero, and writes a PNG of it.
bool renderScreenshot(MainWindow& window, const QString& path, QSize size, qint64 select, QString* error);
// Everything after parsing: opens the database, builds the window, imports, shows or screenshots.
int runLauncher(QApplication& app, const LaunchOptions& options);

} // namespace makran
