#include "launcher.h"

#include "appsettings.h"
#include "importcontroller.h"
#include "mainwindow.h"
#include "mapwidget.h"
#include "store/store.h"
#include "workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QFontDatabase>
#include <QImage>
#include <QPixmap>
#include <QRegularExpression>
#include <QTimer>

#include <cstring>
#include <iostream>

namespace makran {

bool wantsScreenshot(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0)
            return true;
    }
    return false;
}

void registerBundledFonts()
{
    if (QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/NotoNaskhArabic-Regular.ttf")) < 0)
        qWarning("The bundled Arabic-script font could not be loaded; Urdu and Persian may not render.");
}

bool parseLaunchOptions(const QStringList& arguments, LaunchOptions* options, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QObject::tr("Browse security incidents in Balochistan and Sistan and Baluchestan."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), QObject::tr("Database file to open."),
                                QObject::tr("DB"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QObject::tr("Render the window to a PNG and exit."),
                                        QObject::tr("FILE.png"));
    const QCommandLineOption size(QStringLiteral("size"), QObject::tr("Window size for --screenshot."),
                                  QObject::tr("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption select(QStringLiteral("select"), QObject::tr("Incident to select."),
                                    QObject::tr("ID"));
    parser.addOptions({db, screenshot, size, select});
    parser.addPositionalArgument(QStringLiteral("files"), QObject::tr("Report files or folders to import."),
                                 QStringLiteral("[FILES...]"));
    parser.process(arguments); // exits on --help/--version and on unknown options
    options->database = parser.value(db);
    options->files = parser.positionalArguments();
    options->screenshot = parser.value(screenshot);
    options->persistent = options->screenshot.isEmpty();
    static const QRegularExpression sizePattern(QStringLiteral("^(\\d+)x(\\d+)$"));
    const QRegularExpressionMatch match = sizePattern.match(parser.value(size));
    if (!match.hasMatch() || match.captured(1).toInt() < 200 || match.captured(2).toInt() < 150) {
        *error =
            QObject::tr("--size wants WIDTHxHEIGHT, at least 200x150 (got \"%1\")").arg(parser.value(size));
        return false;
    }
    options->size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    if (parser.isSet(select)) {
        bool ok = false;
        options->select = parser.value(select).toLongLong(&ok);
        if (!ok || options->select <= 0) {
            *error = QObject::tr("--select wants an incident id (got \"%1\")").arg(parser.value(select));
            return false;
        }
    }
    return true;
}

bool renderScreenshot(MainWindow& window, const QString& path, QSize size, qint64 select, QString* error)
{
    window.resize(size);
    window.show();
    QCoreApplication::processEvents();
    window.resetLayout(); // docks in proportion to the asked size
    QCoreApplication::processEvents();
    if (select)
        window.map()->zoomToSelection(); // the selected incident in view, with its surroundings
    QCoreApplication::processEvents();
    const QPixmap pixmap = window.grab();
    if (pixmap.isNull()) {
        *error = QObject::tr("the window could not be rendered");
        return false;
    }
    if (!pixmap.save(path, "PNG", 0)) { // 0: strongest compression, for documentation-sized files
        *error = QObject::tr("cannot write %1").arg(path);
        return false;
    }
    return true;
}

int runLauncher(QApplication& app, const LaunchOptions& options)
{
    Q_UNUSED(app);
    Workspace workspace;
    // --db wins; else the last database, if it is still there; else the default one.
    QString path = options.database;
    if (path.isEmpty() && options.persistent && QFileInfo::exists(AppSettings::lastDatabase()))
        path = AppSettings::lastDatabase();
    if (path.isEmpty())
        path = Store::defaultPath();
    QString error;
    if (!workspace.open(path, &error)) {
        std::cerr << "makran: " << qPrintable(error) << '\n';
        if (!options.persistent)
            return 1;
        // Go on without a database: the window says so and File ▸ Open works.
    }
    MainWindow window(workspace, options.persistent);
    ImportController& importer = *window.importer();
    // First start: an empty default database gets the bundled samples, so there is something to see.
    const bool firstStart = workspace.isOpen() &&
                            QFileInfo(workspace.path()) == QFileInfo(Store::defaultPath()) &&
                            workspace.store()->reportCount() == 0 && options.files.isEmpty();
    if (!options.files.isEmpty())
        importer.start(options.files);
    else if (firstStart)
        importer.startSamples();

    if (!options.screenshot.isEmpty()) {
        const ImportSummary summary = importer.waitForFinished();
        if (!summary.files.isEmpty())
            std::cerr << qPrintable(ImportController::describe(summary)) << '\n';
        if (options.select) {
            if (!workspace.catalog().byId(options.select)) {
                std::cerr << "makran: no incident with id " << options.select << '\n';
                return 1;
            }
            workspace.catalog().selection().select(options.select);
        }
        if (!renderScreenshot(window, options.screenshot, options.size, options.select, &error)) {
            std::cerr << "makran: " << qPrintable(error) << '\n';
            return 1;
        }
        return 0;
    }
    window.show();
    return QApplication::exec();
}

} // namespace makran
