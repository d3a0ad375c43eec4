// Importing through ImportController: the same path the File menu, drag-and-drop and start-up files use.
#include "testsupport.h"
#include "uifixture.h"

#include "importcontroller.h"
#include "mainwindow.h"
#include "store/store.h"
#include "workspace.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStatusBar>

using namespace makran;

TEST_CASE("importing a folder runs off the GUI thread and reloads every view", "[ui][import]")
{
    QTemporaryDir dir;
    QDir folder(dir.filePath(QStringLiteral("reports")));
    REQUIRE(folder.mkpath(QStringLiteral(".")));
    // Two bundled samples and one file that is not a report.
    const QStringList samples =
        QDir(QStringLiteral(":/samples")).entryList({QStringLiteral("*.txt")}, QDir::Files);
    REQUIRE(samples.size() >= 2);
    for (const QString& name : samples.mid(0, 2))
        REQUIRE(QFile::copy(QStringLiteral(":/samples/") + name, folder.filePath(name)));
    REQUIRE(test::writeFile(folder.filePath(QStringLiteral("empty.txt")), QByteArray()));

    Workspace workspace;
    QString error;
    REQUIRE(workspace.open(dir.filePath(QStringLiteral("db.sqlite")), &error));
    MainWindow window(workspace, false);
    ImportController* importer = window.importer();
    QSignalSpy reloaded(&workspace.catalog(), &IncidentCatalog::reloaded);
    QSignalSpy progressed(importer, &ImportController::progressed);

    window.importPaths({folder.path()});
    CHECK(importer->isRunning());
    const ImportSummary summary = importer->waitForFinished();

    CHECK(summary.count(FileImportResult::Outcome::Imported) == 2);
    CHECK(summary.count(FileImportResult::Outcome::Rejected) == 1);
    const auto rejected =
        std::find_if(summary.files.begin(), summary.files.end(), [](const FileImportResult& file) {
            return file.outcome == FileImportResult::Outcome::Rejected;
        });
    REQUIRE(rejected != summary.files.end());
    CHECK(rejected->path.endsWith(QStringLiteral("empty.txt")));
    CHECK(!rejected->reason.isEmpty());
    CHECK(reloaded.count() >= 1);
    CHECK(progressed.count() >= 3);
    CHECK(workspace.store()->reportCount() == 2);
    CHECK(workspace.catalog().all().size() == size_t(summary.incidents()));
    CHECK(ImportController::describe(summary).contains(QStringLiteral("1 rejected")));

    SECTION("importing the same folder again finds the reports already there")
    {
        REQUIRE(importer->start({folder.path()}));
        const ImportSummary again = importer->waitForFinished();
        CHECK(again.count(FileImportResult::Outcome::AlreadyPresent) == 2);
        CHECK(workspace.store()->reportCount() == 2);
    }
}

TEST_CASE("an import can be cancelled from the progress callback", "[ui][import]")
{
    QTemporaryDir dir;
    Workspace workspace;
    QString error;
    REQUIRE(workspace.open(dir.filePath(QStringLiteral("db.sqlite")), &error));
    ImportController importer(workspace);
    importer.setInteractive(false);
    // Cancel as soon as the first progress report arrives: later files are skipped.
    QObject::connect(&importer, &ImportController::progressed, &importer, [&importer] { importer.cancel(); });
    REQUIRE(importer.startSamples());
    const ImportSummary summary = importer.waitForFinished();
    CHECK(summary.cancelled);
    CHECK(workspace.store()->reportCount() <
          qint64(QDir(QStringLiteral(":/samples")).entryList({QStringLiteral("*.txt")}, QDir::Files).size()));
}

TEST_CASE("the import result says how many incidents were merged into events from other reports",
          "[ui][import]")
{
    ImportSummary summary;
    FileImportResult first;
    first.outcome = FileImportResult::Outcome::Imported;
    first.incidents = 3;
    FileImportResult second = first;
    second.incidents = 2;
    second.merged = 2;
    summary.files = {first, second};
    CHECK(ImportController::describe(summary) ==
          QStringLiteral(
              "Imported 2 report(s) with 5 incident(s), 2 of them merged into the same event from other "
              "reports"));
    summary.files[1].merged = 0;
    CHECK_FALSE(ImportController::describe(summary).contains(QStringLiteral("merged")));

    // The window shows the same line when an import finishes.
    QTemporaryDir dir;
    Workspace workspace;
    QString error;
    REQUIRE(workspace.open(dir.filePath(QStringLiteral("db.sqlite")), &error));
    MainWindow window(workspace, false);
    const QString sample =
        QStringLiteral(":/samples/") +
        QDir(QStringLiteral(":/samples")).entryList({QStringLiteral("*.txt")}, QDir::Files).first();
    REQUIRE(QFile::copy(sample, dir.filePath(QStringLiteral("one.txt"))));
    window.importPaths({dir.filePath(QStringLiteral("one.txt"))});
    const ImportSummary done = window.importer()->waitForFinished();
    CHECK(window.statusBar()->currentMessage() == ImportController::describe(done));
}
