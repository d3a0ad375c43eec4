// makran-startup-bench [--runs N] [--incidents N]
//
// Measures what a user waits for: from opening the database to the map's first painted frame (the
// database is opened, every incident loaded into the catalog, the window built, laid out and painted),
// and then one annotation edit and its undo with the window open (the service, the catalog and every
// view following the change, the incident editor included).
// The QApplication is created once before timing; on this machine kind that costs another ~15-20 ms.
// Two databases are built first and not timed: the bundled sample corpus run through the real
// extractor, and N synthetic incidents spread over the region's towns.
#include "annotate/annotationservice.h"
#include "extract/extractor.h"
#include "geo/gazetteer.h"
#include "import/importjob.h"
#include "mainwindow.h"
#include "mapwidget.h"
#include "store/store.h"
#include "workspace.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace makran;

namespace {

bool buildSampleDatabase(const QString& path, const QString& scratch)
{
    QDir().mkpath(scratch);
    QDirIterator it(QStringLiteral(":/samples"), {QStringLiteral("*.txt")}, QDir::Files);
    while (it.hasNext()) {
        const QString source = it.next();
        QFile::copy(source, scratch + QLatin1Char('/') + QFileInfo(source).fileName());
    }
    QString error;
    auto store = Store::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    const Extractor extractor;
    const ImportSummary summary = ImportJob(*store, extractor).run({scratch});
    return summary.count(FileImportResult::Outcome::Imported) > 0;
}

// Synthetic but plausible: towns of the two focus provinces, ten years of dates, every event type,
// a share of week/month precision and province-only incidents, 100 incidents per report.
bool buildSyntheticDatabase(const QString& path, int incidents)
{
    QString error;
    auto store = Store::open(path, &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return false;
    }
    std::vector<const GazetteerEntry*> towns;
    for (const GazetteerEntry& entry : Gazetteer::builtIn().entries()) {
        if ((entry.kind == PlaceKind::City || entry.kind == PlaceKind::Town) &&
            (entry.admin1 == u"Balochistan" || entry.admin1 == u"Sistan and Baluchestan"))
            towns.push_back(&entry);
    }
    if (towns.empty())
        return false;
    const QStringList types = {QStringLiteral("Battles"),
                               QStringLiteral("Explosions/Remote violence"),
                               QStringLiteral("Violence against civilians"),
                               QStringLiteral("Protests"),
                               QStringLiteral("Riots"),
                               QStringLiteral("Strategic developments")};
    QRandomGenerator random(20240118);
    constexpr int kPerReport = 100;
    for (int first = 0; first < incidents; first += kPerReport) {
        ExtractionResult extraction;
        extraction.report.title = QStringLiteral("Synthetic report %1").arg(first / kPerReport);
        extraction.report.text =
            QStringLiteral("Synthetic report %1 for the start-up benchmark.").arg(first / kPerReport);
        extraction.report.contentHash = QString::fromLatin1(
            QCryptographicHash::hash(extraction.report.text.toUtf8(), QCryptographicHash::Sha256).toHex());
        for (int i = first; i < std::min(incidents, first + kPerReport); ++i) {
            const GazetteerEntry& town = *towns[size_t(random.bounded(int(towns.size())))];
            Incident incident;
            incident.eventType = types[random.bounded(int(types.size()))];
            incident.date = QDate(2015, 1, 1).addDays(random.bounded(3650));
            incident.dateEnd = incident.date;
            incident.datePrecision = DatePrecision::Day;
            if (random.bounded(10) == 0) {
                incident.datePrecision = DatePrecision::Month;
                incident.date = QDate(incident.date.year(), incident.date.month(), 1);
                incident.dateEnd = incident.date.addMonths(1).addDays(-1);
            }
            incident.place.admin1 = town.admin1;
            incident.place.country = town.country;
            if (random.bounded(20) == 0) {
                incident.place.name = town.admin1;
                incident.place.geoPrecision = 3;
            } else {
                incident.place.name = town.name;
                incident.place.lat = town.lat;
                incident.place.lon = town.lon;
                incident.place.geoPrecision = 1;
            }
            incident.fatalities = random.bounded(6) == 0 ? random.bounded(30) : 0;
            incident.summary = QStringLiteral("Synthetic incident %1").arg(i);
            extraction.incidents << incident;
        }
        const Store::ImportResult result = store->importReport(extraction);
        if (result.status != Store::ImportStatus::Imported) {
            std::fprintf(stderr, "%s\n", qPrintable(result.error));
            return false;
        }
    }
    return true;
}

struct Timing {
    double loadMs = 0;   // open + catalog load
    double windowMs = 0; // ... + the window and its views built
    double frameMs = 0;  // ... + laid out and the map's first frame painted
    double panMs = 0;    // one more map frame after a pan (layout and paint, caches warm)
    double editMs = 0;   // one field edit of the selected incident, until every view has followed
    double undoMs = 0;   // Edit > Undo of that edit
    size_t incidents = 0;
};

Timing timeStartup(const QString& path)
{
    Timing timing;
    QElapsedTimer timer;
    timer.start();
    Workspace workspace;
    QString error;
    if (!workspace.open(path, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return timing;
    }
    timing.loadMs = double(timer.nsecsElapsed()) / 1e6;
    timing.incidents = workspace.catalog().all().size();
    MainWindow window(workspace, false);
    window.resize(1600, 1000);
    timing.windowMs = double(timer.nsecsElapsed()) / 1e6;
    QEventLoop loop;
    QObject::connect(window.map(), &MapWidget::framePainted, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    window.show();
    loop.exec();
    timing.frameMs = double(timer.nsecsElapsed()) / 1e6;
    // Interactivity: a pan re-lays out every marker in view and repaints the map.
    MapCamera camera = window.map()->camera();
    camera.panBy(QPointF(40, 25));
    window.map()->setCamera(camera);
    QElapsedTimer pan;
    pan.start();
    window.map()->repaint();
    timing.panMs = double(pan.nsecsElapsed()) / 1e6;
    // An analyst's edit: the incident is selected first (not timed), then its fatalities corrected.
    const qint64 id = workspace.catalog().all().front().id;
    workspace.catalog().selection().select(id);
    QApplication::processEvents();
    if (AnnotationService* service = workspace.annotations()) {
        QElapsedTimer edit;
        edit.start();
        if (!service->setField(id, QStringLiteral("fatalities"), QStringLiteral("17"), &error))
            std::fprintf(stderr, "%s\n", qPrintable(error));
        QApplication::processEvents();
        timing.editMs = double(edit.nsecsElapsed()) / 1e6;
        edit.restart();
        workspace.undoStack().undo();
        QApplication::processEvents();
        timing.undoMs = double(edit.nsecsElapsed()) / 1e6;
    }
    return timing;
}

void report(const char* name, const QString& path, int runs)
{
    std::vector<Timing> timings;
    timeStartup(path); // warm the file cache; not counted
    for (int i = 0; i < runs; ++i)
        timings.push_back(timeStartup(path));
    auto median = [&timings](double Timing::*field) {
        std::vector<double> values;
        for (const Timing& timing : timings)
            values.push_back(timing.*field);
        std::sort(values.begin(), values.end());
        return values[values.size() / 2];
    };
    std::printf("%-14s %7zu incidents: loaded %7.1f ms, window built %7.1f ms, first frame %7.1f ms "
                "(cumulative); a pan repaints in %5.1f ms; an edit takes %7.1f ms, its undo %7.1f ms "
                "(medians of %d)\n",
                name, timings.front().incidents, median(&Timing::loadMs), median(&Timing::windowMs),
                median(&Timing::frameMs), median(&Timing::panMs), median(&Timing::editMs),
                median(&Timing::undoMs), runs);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int runs = 5;
    int synthetic = 100000;
    const QStringList args = QApplication::arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--runs")
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--incidents")
            synthetic = std::max(1, args[i + 1].toInt());
    }
    QTemporaryDir dir;
    const QString samples = dir.filePath(QStringLiteral("samples.sqlite"));
    const QString large = dir.filePath(QStringLiteral("synthetic.sqlite"));
    QElapsedTimer setup;
    setup.start();
    if (!buildSampleDatabase(samples, dir.filePath(QStringLiteral("samples")))) {
        std::fprintf(stderr, "could not build the sample database\n");
        return 1;
    }
    if (!buildSyntheticDatabase(large, synthetic)) {
        std::fprintf(stderr, "could not build the synthetic database\n");
        return 1;
    }
    std::printf("databases built in %.1f s (not timed below)\n", double(setup.elapsed()) / 1000.0);
    report("sample corpus", samples, runs);
    report("synthetic", large, runs);
    return 0;
}
