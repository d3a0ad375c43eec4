#include "mergefixture.h"

#include "testsupport.h"

#include "extract/extractor.h"
#include "import/reportreader.h"

#include <catch2/catch.hpp>

namespace makran::test {

namespace {

const Extractor& extractor()
{
    static const Extractor shared; // indexing the gazetteer once is enough for all tests
    return shared;
}

} // namespace

QString panjgurWireText()
{
    return QStringLiteral("Gunmen attack Levies post in Panjgur, three killed\n"
                          "PANJGUR, January 16, 2024 (Makran Wire): Armed men attacked a Levies checkpoint "
                          "in Panjgur on Tuesday "
                          "night, killing three personnel, officials said.\n"
                          "\"The attackers came on motorcycles and opened fire from two sides,\" said "
                          "Rasheed Ahmed, a Levies official "
                          "in Panjgur.\n"
                          "The Baloch Liberation Front claimed responsibility for the attack.\n");
}

QString panjgoorPaperText()
{
    return QStringLiteral("Three Levies men martyred in Panjgoor\n"
                          "Published: January 17, 2024\n"
                          "QUETTA: Three Levies personnel were martyred when militants stormed their post in "
                          "Panjgoor district late "
                          "on Tuesday, the provincial home department said on Wednesday.\n"
                          "A spokesman for the home department said the BLF had claimed the assault. \"A "
                          "search operation is under "
                          "way in the area,\" the spokesman said.\n");
}

QString turbatBlastText()
{
    return QStringLiteral("Two soldiers killed in Turbat roadside blast\n"
                          "TURBAT, January 20, 2024: Two Frontier Corps soldiers were killed when a roadside "
                          "bomb hit their patrol "
                          "vehicle in Turbat on Saturday morning, security officials said.\n"
                          "\"The device was planted under a culvert and detonated by remote control,\" an "
                          "official of the Frontier "
                          "Corps said.\n");
}

QString kharanBlastText()
{
    return QStringLiteral(
        "Policeman dies in Kharan bomb attack\n"
        "KHARAN, January 20, 2024: A police constable was killed and two passers-by were wounded when an "
        "improvised explosive device went off near a police station in Kharan on Saturday, the district "
        "police "
        "officer said.\n"
        "\"We have collected evidence from the site,\" the police officer said.\n");
}

QString weeklyRoundupText()
{
    return QStringLiteral(
        "Balochistan this week: attacks in Panjgur and Turbat, fishermen rally in Gwadar\n"
        "Published: January 21, 2024\n"
        "QUETTA: A violent week in Balochistan ended with a bombing in the south.\n"
        "On Tuesday night, gunmen stormed a Levies checkpoint in Panjgur and killed three Levies personnel. "
        "The BLF "
        "later claimed the attack.\n"
        "On Thursday, hundreds of fishermen marched in Gwadar to protest against trawlers from Sindh.\n"
        "On Saturday, a roadside bomb killed two Frontier Corps soldiers in Turbat.\n");
}

MergeFixture::MergeFixture()
{
    REQUIRE(dir.isValid());
    dbPath = dir.filePath(QStringLiteral("merge.sqlite"));
    QString error;
    store = Store::open(dbPath, &error);
    INFO(error.toStdString());
    REQUIRE(store);
    annotations = std::make_unique<AnnotationStore>(*store);
    REQUIRE(annotations->isReady());
}

QString MergeFixture::write(const QString& name, const QString& text)
{
    const QString path = dir.filePath(name);
    REQUIRE(writeFile(path, text.toUtf8()));
    return path;
}

ImportSummary MergeFixture::ingest(const QStringList& paths)
{
    ImportJob job(*store, extractor());
    const ImportSummary summary = job.run(paths);
    for (const FileImportResult& file : summary.files) {
        INFO(file.path.toStdString() << ": " << file.reason.toStdString());
        CHECK(file.outcome != FileImportResult::Outcome::Rejected);
    }
    return summary;
}

void MergeFixture::dropReport(const QString& path)
{
    const qint64 reportId = reportIdOf(path);
    SqliteDatabase& db = store->database();
    SqliteTransaction transaction(db);
    REQUIRE(transaction.isActive());
    // The indexes that do not follow foreign keys are cleaned by hand, as a re-extraction would.
    auto spatial =
        db.prepare("DELETE FROM incident_rtree WHERE id IN (SELECT id FROM incidents WHERE report_id = ?)");
    spatial.bind(1, reportId);
    REQUIRE(spatial.execute());
    auto fts = db.prepare("INSERT INTO report_fts(report_fts, rowid, title, text) "
                          "SELECT 'delete', id, title, text FROM reports WHERE id = ?");
    fts.bind(1, reportId);
    REQUIRE(fts.execute());
    auto report = db.prepare("DELETE FROM reports WHERE id = ?");
    report.bind(1, reportId);
    REQUIRE(report.execute());
    REQUIRE(transaction.commit());
}

qint64 MergeFixture::reportIdOf(const QString& path) const
{
    const ReportReader::Result read = ReportReader::read(path);
    REQUIRE(read.report);
    const auto id = store->reportIdByHash(read.report->contentHash);
    REQUIRE(id);
    return *id;
}

QList<qint64> MergeFixture::incidentIdsOf(const QString& path) const
{
    const qint64 reportId = reportIdOf(path);
    QList<qint64> ids;
    auto query = store->database().prepare("SELECT id FROM incidents WHERE report_id = ? ORDER BY ordinal");
    query.bind(1, reportId);
    while (query.step())
        ids << query.int64(0);
    return ids;
}

std::vector<AnnotatedIncident> MergeFixture::listed() const
{
    return loadAnnotatedIncidents(*annotations);
}

const AnnotatedIncident* MergeFixture::listedWith(const std::vector<AnnotatedIncident>& all,
                                                  qint64 incidentId) const
{
    for (const AnnotatedIncident& item : all) {
        if (item.incident.id == incidentId || item.absorbedIds.contains(incidentId))
            return &item;
    }
    return nullptr;
}

qint64 MergeFixture::mergeRows() const
{
    auto query = store->database().prepare("SELECT count(*) FROM annotation_merges");
    return query.step() ? query.int64(0) : -1;
}

} // namespace makran::test
