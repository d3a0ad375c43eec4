// makran-bench: extraction and ingest throughput on the bundled sample corpus (or a folder given as
// the first argument). Run from a Release build: ./build/bench/makran-bench [FOLDER] [--repeat N]
#include "extract/extractor.h"
#include "import/importjob.h"
#include "import/reportreader.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>

using namespace makran;

namespace {

QList<Report> loadReports(const QString& folder)
{
    QList<Report> reports;
    QDirIterator it(folder, {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        ReportReader::Result read = ReportReader::read(it.next());
        if (read.report)
            reports.append(*read.report);
    }
    return reports;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int repeat = 50;
    if (const qsizetype i = args.indexOf(QStringLiteral("--repeat")); i >= 0 && i + 1 < args.size()) {
        repeat = std::max(1, args[i + 1].toInt());
        args.remove(i, 2);
    }
    const QString folder = args.isEmpty() ? QStringLiteral(":/samples") : args.first();
    const QList<Report> reports = loadReports(folder);
    if (reports.isEmpty()) {
        std::fprintf(stderr, "makran-bench: no .txt reports in %s\n", qPrintable(folder));
        return 1;
    }
    qint64 bytes = 0, words = 0;
    for (const Report& r : reports) {
        bytes += r.text.toUtf8().size();
        words += r.text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
    }

    QElapsedTimer timer;
    timer.start();
    const Extractor extractor; // gazetteer and dictionaries are indexed once, here
    const double setupMs = double(timer.nsecsElapsed()) / 1e6;

    timer.restart();
    int incidents = 0;
    for (int r = 0; r < repeat; ++r) {
        for (const Report& report : reports)
            incidents += int(extractor.extract(report).incidents.size());
    }
    const double extractSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double extractRate = double(reports.size()) * repeat / extractSeconds;

    // Ingest: read, extract and store each report in its own transaction, into a fresh database.
    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.filePath(QStringLiteral("bench.sqlite")), &error);
    if (!store) {
        std::fprintf(stderr, "makran-bench: %s\n", qPrintable(error));
        return 1;
    }
    timer.restart();
    int stored = 0;
    for (int r = 0; r < std::max(1, repeat / 5); ++r) {
        for (Report report : reports) {
            report.text += QStringLiteral("\n[copy %1]").arg(r); // a new content hash each round
            report.contentHash.clear();
            if (store->importReport(extractor.extract(report)).status == Store::ImportStatus::Imported)
                ++stored;
        }
    }
    const double ingestSeconds = double(timer.nsecsElapsed()) / 1e9;

    std::printf("corpus: %lld reports, %.0f words on average, %.1f KB on average (%s)\n", qlonglong(reports.size()),
                double(words) / reports.size(), double(bytes) / reports.size() / 1024.0, qPrintable(folder));
    std::printf("extractor setup (gazetteer + dictionaries): %.1f ms\n", setupMs);
    std::printf("extraction: %.0f reports/s on one core (%d passes, %d incidents per pass)\n", extractRate, repeat,
                incidents / repeat);
    // Extraction time grows with length, so the rate is also given for the ~600-word reports the
    // target is stated for.
    const double wordsPerSecond = extractRate * double(words) / double(reports.size());
    std::printf("extraction: %.0f words/s, %.0f reports/s at 600 words\n", wordsPerSecond, wordsPerSecond / 600.0);
    std::printf("ingest (read+extract+store, one transaction per report): %.0f reports/s (%d reports)\n",
                stored / ingestSeconds, stored);
    return 0;
}
