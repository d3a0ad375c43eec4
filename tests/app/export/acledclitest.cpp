// The ACLED round trip through makran-cli: ingest reports, export acled-csv, ingest that file into a new
// database, export again: the two ACLED files agree row for row (event ids aside, as databases number
// incidents themselves).
#include "exportfixture.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

using namespace makran;

namespace {

int runCli(const QStringList& args, QString* output)
{
    QProcess process;
    process.start(QStringLiteral(MAKRAN_CLI_PATH), args);
    if (!process.waitForFinished(300000))
        return -1;
    *output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    return process.exitCode();
}

} // namespace

TEST_CASE("makran-cli: an acled-csv export ingested into a new database exports the same rows",
          "[export][acled][cli]")
{
    const QString cli = QStringLiteral(MAKRAN_CLI_PATH);
    const QString samples = test::sourceDir() + QStringLiteral("/resources/samples");
    if (cli.isEmpty() || !QFileInfo::exists(cli) || !QDir(samples).exists()) {
        WARN("makran-cli or the sample reports are not built here; the CLI round trip is not run");
        return;
    }
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.sqlite"));
    const QString second = dir.filePath(QStringLiteral("second.sqlite"));
    const QString firstCsv = dir.filePath(QStringLiteral("first.csv"));
    const QString secondCsv = dir.filePath(QStringLiteral("second.csv"));
    auto run = [](const QStringList& args) {
        QString output;
        const int rc = runCli(args, &output);
        INFO(args.join(u' ').toStdString() << "\n" << output.toStdString());
        REQUIRE(rc == 0);
    };
    QString ignored;
    runCli({QStringLiteral("ingest"), QStringLiteral("--db"), first, samples},
           &ignored); // a sample may be rejected
    run({QStringLiteral("export"), QStringLiteral("--db"), first, QStringLiteral("--format"),
         QStringLiteral("acled-csv"), QStringLiteral("-o"), firstCsv});
    run({QStringLiteral("ingest"), QStringLiteral("--db"), second, firstCsv});
    run({QStringLiteral("export"), QStringLiteral("--db"), second, QStringLiteral("--format"),
         QStringLiteral("acled-csv"), QStringLiteral("-o"), secondCsv});
    QFile a(firstCsv);
    QFile b(secondCsv);
    REQUIRE(a.open(QIODevice::ReadOnly));
    REQUIRE(b.open(QIODevice::ReadOnly));
    QList<QStringList> before = test::parseCsvForTest(a.readAll());
    QList<QStringList> after = test::parseCsvForTest(b.readAll());
    REQUIRE(before.size() > 1); // the samples hold dated, located incidents
    REQUIRE(before.size() == after.size());
    CHECK(before.first() == after.first());
    const qsizetype timestamp = before.first().indexOf(QStringLiteral("timestamp"));
    for (qsizetype i = 1; i < before.size(); ++i) {
        before[i].removeAt(timestamp);
        after[i].removeAt(timestamp);
        before[i].removeFirst();
        after[i].removeFirst();
        INFO("row " << i);
        CHECK(before.at(i) == after.at(i));
    }
}
