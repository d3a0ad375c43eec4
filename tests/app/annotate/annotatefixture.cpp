#include "annotatefixture.h"

#include "testsupport.h"

#include "extract/extractor.h"
#include "import/importjob.h"
#include "import/reportreader.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFileInfo>

namespace makran::test {

namespace {

const Extractor& extractor()
{
    static const Extractor shared; // indexing the gazetteer once is enough for all tests
    return shared;
}

} // namespace

QString shortReportText()
{
    return QStringLiteral(
        "Gunmen kill four labourers near Turbat\n"
        "TURBAT, March 13, 2024: Unidentified gunmen shot dead four labourers at a construction site near Turbat "
        "in Kech district on Tuesday night, police said.\n"
        "\"The attackers fled on motorcycles towards the mountains,\" said Abdul Hameed, a police officer in Turbat.\n"
        "No group has claimed responsibility for the killings.\n");
}

QString gwadarReportText()
{
    return QStringLiteral(
        "Fishermen protest in Gwadar\n"
        "GWADAR, March 14, 2024: Hundreds of fishermen staged a sit-in at the port in Gwadar on Wednesday against "
        "illegal trawling, organisers said.\n"
        "\"We will not leave until the trawlers are stopped,\" said Hussain Baloch, a leader of the protest.\n");
}

AnnotateFixture::AnnotateFixture()
{
    REQUIRE(dir.isValid());
    dbPath = dir.filePath(QStringLiteral("annotate.sqlite"));
    const QString seeds = seedsDir();
    const QString seed = seeds.isEmpty() ? QString() : seeds + QStringLiteral("/000_6b8fc7f63de2bbec.txt");
    if (!seed.isEmpty() && QFileInfo::exists(seed))
        seedPath = seed;
    shortPath = dir.filePath(QStringLiteral("turbat.txt"));
    REQUIRE(writeFile(shortPath, shortReportText().toUtf8()));
    gwadarPath = dir.filePath(QStringLiteral("gwadar.txt"));
    REQUIRE(writeFile(gwadarPath, gwadarReportText().toUtf8()));
    reopen();
}

void AnnotateFixture::reopen()
{
    annotations.reset();
    store.reset();
    QString error;
    store = Store::open(dbPath, &error);
    INFO(error.toStdString());
    REQUIRE(store);
    annotations = std::make_unique<AnnotationStore>(*store);
    INFO(annotations->error().toStdString());
    REQUIRE(annotations->isReady());
    if (!clock.isValid())
        clock = QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
    annotations->setClock([this] {
        clock = clock.addSecs(1);
        return clock;
    });
}

int AnnotateFixture::ingest(const QStringList& paths)
{
    ImportJob job(*store, extractor());
    const ImportSummary summary = job.run(paths);
    for (const FileImportResult& file : summary.files) {
        INFO(file.path.toStdString() << ": " << file.reason.toStdString());
        REQUIRE(file.outcome != FileImportResult::Outcome::Rejected);
    }
    return summary.count(FileImportResult::Outcome::Imported);
}

void AnnotateFixture::reExtract(const QString& path, const std::function<void(ExtractionResult&)>& change)
{
    const ReportReader::Result read = ReportReader::read(path);
    REQUIRE(read.report);
    const auto reportId = store->reportIdByHash(read.report->contentHash);
    REQUIRE(reportId);
    SqliteDatabase& db = store->database();
    {
        // The indexes that do not follow foreign keys are cleaned by hand, as a re-extraction would.
        SqliteTransaction transaction(db);
        REQUIRE(transaction.isActive());
        auto spatial = db.prepare("DELETE FROM incident_rtree WHERE id IN (SELECT id FROM incidents WHERE report_id = ?)");
        spatial.bind(1, *reportId);
        REQUIRE(spatial.execute());
        auto fts = db.prepare("INSERT INTO report_fts(report_fts, rowid, title, text) "
                              "SELECT 'delete', id, title, text FROM reports WHERE id = ?");
        fts.bind(1, *reportId);
        REQUIRE(fts.execute());
        auto report = db.prepare("DELETE FROM reports WHERE id = ?");
        report.bind(1, *reportId);
        REQUIRE(report.execute());
        REQUIRE(transaction.commit());
    }
    REQUIRE(!store->reportIdByHash(read.report->contentHash));
    ExtractionResult extraction = extractor().extract(*read.report);
    if (change)
        change(extraction);
    const Store::ImportResult stored = store->importReport(extraction);
    INFO(stored.error.toStdString());
    REQUIRE(stored.status == Store::ImportStatus::Imported);
}

qint64 AnnotateFixture::reportIdOf(const QString& path) const
{
    const ReportReader::Result read = ReportReader::read(path);
    REQUIRE(read.report);
    const auto id = store->reportIdByHash(read.report->contentHash);
    REQUIRE(id);
    return *id;
}

QList<qint64> AnnotateFixture::incidentIdsOf(const QString& path) const
{
    const qint64 reportId = reportIdOf(path);
    QList<qint64> ids;
    auto query = store->database().prepare("SELECT id FROM incidents WHERE report_id = ? ORDER BY ordinal");
    query.bind(1, reportId);
    while (query.step())
        ids << query.int64(0);
    return ids;
}

qint64 AnnotateFixture::idOfKey(const QString& key) const
{
    return annotations->keysById().key(key);
}

std::optional<AnnotatedIncident> AnnotateFixture::annotated(qint64 incidentId) const
{
    for (AnnotatedIncident& item : loadAnnotatedIncidents(*annotations, true)) {
        if (item.incident.id == incidentId)
            return std::move(item);
    }
    return std::nullopt;
}

} // namespace makran::test
