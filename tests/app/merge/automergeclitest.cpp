// `makran-cli ingest` merges the same event from two reports: the summary and the export count it once.
#include "mergefixture.h"

#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

using namespace makran;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& args)
{
    QProcess process;
    process.setProgram(QStringLiteral(MAKRAN_CLI_PATH));
    process.setArguments(args);
    process.start();
    REQUIRE(process.waitForStarted(10000));
    REQUIRE(process.waitForFinished(120000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}

int number(const QString& text, const QString& pattern)
{
    const auto match = QRegularExpression(pattern).match(text);
    INFO(text.toStdString() << "\npattern: " << pattern.toStdString());
    REQUIRE(match.hasMatch());
    return match.captured(1).toInt();
}

} // namespace

TEST_CASE("makran-cli ingest twice: the summary and the export count the merged incident once",
          "[merge][cli]")
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("inbox"));
    REQUIRE(QDir().mkpath(folder));
    REQUIRE(test::writeFile(folder + QStringLiteral("/01_wire.txt"), test::panjgurWireText().toUtf8()));
    REQUIRE(test::writeFile(folder + QStringLiteral("/02_paper.txt"), test::panjgoorPaperText().toUtf8()));
    const QString db = dir.filePath(QStringLiteral("makran.sqlite"));

    for (int pass = 0; pass < 2; ++pass) {
        INFO("pass " << pass + 1);
        const Run ingest = runCli({QStringLiteral("ingest"), QStringLiteral("--db"), db, folder});
        INFO(ingest.out.toStdString() << ingest.err.toStdString());
        REQUIRE(ingest.exitCode == 0);
        CHECK(number(ingest.out, QStringLiteral("(\\d+) incident\\(s\\) added")) == (pass == 0 ? 2 : 0));
        CHECK(number(ingest.out, QStringLiteral("(\\d+) of them merged")) == (pass == 0 ? 1 : 0));
        CHECK(number(ingest.out, QStringLiteral("(\\d+) report\\(s\\)")) == 2);
        CHECK(number(ingest.out, QStringLiteral("(\\d+) incident\\(s\\)\\.\\s*$")) == 1);
    }

    const Run exported = runCli({QStringLiteral("export"), QStringLiteral("--db"), db,
                                 QStringLiteral("--format"), QStringLiteral("json")});
    INFO(exported.err.toStdString());
    REQUIRE(exported.exitCode == 0);
    const QJsonArray incidents =
        QJsonDocument::fromJson(exported.out.toUtf8()).object().value(QStringLiteral("incidents")).toArray();
    REQUIRE(incidents.size() == 1);
    const QJsonObject incident = incidents.first().toObject();
    CHECK(incident.value(QStringLiteral("source_report_ids")).toArray().size() == 2);
    QStringList speakers;
    for (const QJsonValue& quote : incident.value(QStringLiteral("quotes")).toArray())
        speakers << quote.toObject().value(QStringLiteral("speaker")).toString();
    INFO(speakers.join(QStringLiteral(" | ")).toStdString());
    CHECK(speakers.join(u' ').contains(QStringLiteral("Rasheed Ahmed")));
    CHECK(speakers.join(u' ').contains(QStringLiteral("spokesman"), Qt::CaseInsensitive));

    // The merge shows in the incident's history, by the matcher.
    const Run history = runCli(
        {QStringLiteral("annotate"), QStringLiteral("--db"), db, QStringLiteral("--incident"),
         QString::number(incident.value(QStringLiteral("id")).toInteger()), QStringLiteral("--history")});
    INFO(history.err.toStdString());
    CHECK(history.exitCode == 0);
    CHECK(history.out.contains(QStringLiteral("makran (automatic): merge")));
    CHECK(history.out.contains(QStringLiteral("same day 2024-01-16")));
}
