// Automatic merging during import: one event from several reports becomes one incident with all its
// sources, an analyst's split sticks, and a report and its merges are stored together or not at all.
#include "mergefixture.h"

#include "testsupport.h"

#include "annotate/annotationservice.h"
#include "annotate/exportannotations.h"
#include "extract/extractor.h"
#include "import/reportreader.h"
#include "merge/automerger.h"

#include <catch2/catch.hpp>

#include <QFileInfo>

#include <algorithm>
#include <cmath>

using namespace makran;

namespace {

bool hasSpeaker(const Incident& incident, const QString& speaker)
{
    return std::any_of(incident.quotes.begin(), incident.quotes.end(), [&](const Quote& quote) {
        return quote.speaker.contains(speaker, Qt::CaseInsensitive);
    });
}

} // namespace

TEST_CASE("Auto-merge: two outlets on one Panjgur attack a day apart and spelled apart are one incident",
          "[merge]")
{
    test::MergeFixture f;
    const QString wire = f.write(QStringLiteral("01_wire.txt"), test::panjgurWireText());
    const QString paper = f.write(QStringLiteral("02_paper.txt"), test::panjgoorPaperText());
    const ImportSummary summary = f.ingest({wire, paper});
    CHECK(summary.merged() == 1);

    const qint64 wireIncident = f.incidentIdsOf(wire).value(0);
    const qint64 paperIncident = f.incidentIdsOf(paper).value(0);
    REQUIRE(wireIncident);
    REQUIRE(paperIncident);
    const std::vector<AnnotatedIncident> all = f.listed();
    CHECK(all.size() == 1);
    const AnnotatedIncident* item = f.listedWith(all, paperIncident);
    REQUIRE(item);
    // The earlier report keeps the event; the later one's sources and quotes join it.
    CHECK(item->incident.id == wireIncident);
    CHECK(item->absorbedIds == QList<qint64>{paperIncident});
    CHECK(item->incident.sourceReportIds == (QList<qint64>{f.reportIdOf(wire), f.reportIdOf(paper)}));
    CHECK(hasSpeaker(item->incident, QStringLiteral("Rasheed Ahmed")));
    CHECK(hasSpeaker(item->incident, QStringLiteral("spokesman")));

    // The views and exports read effectiveIncidents: one incident with both sources.
    const std::vector<Incident> effective = effectiveIncidents(*f.annotations);
    REQUIRE(effective.size() == 1);
    CHECK(effective.front().sourceReportIds.size() == 2);

    // The merge is in the history, by the matcher, with its reason.
    AnnotationService service(*f.annotations);
    const QList<HistoryEntry> history = service.history(wireIncident);
    REQUIRE(history.size() == 1);
    CHECK(history.first().action == QStringLiteral("merge"));
    CHECK(history.first().author == AutoMerger::author());
    INFO(history.first().describe().toStdString());
    CHECK(history.first().newValue.contains(
        QStringLiteral("incident %1 merged into this one").arg(paperIncident)));
    CHECK(history.first().newValue.contains(QStringLiteral("same day 2024-01-16")));
    CHECK(history.first().newValue.contains(QStringLiteral("Panjgur")));

    // Importing the folder again changes nothing.
    const ImportSummary again = f.ingest({wire, paper});
    CHECK(again.count(FileImportResult::Outcome::AlreadyPresent) == 2);
    CHECK(again.merged() == 0);
    CHECK(f.mergeRows() == 1);
}

TEST_CASE("Auto-merge: two bombings on one day in different districts stay two incidents", "[merge]")
{
    test::MergeFixture f;
    const QString turbat = f.write(QStringLiteral("turbat.txt"), test::turbatBlastText());
    const QString kharan = f.write(QStringLiteral("kharan.txt"), test::kharanBlastText());
    const ImportSummary summary = f.ingest({turbat, kharan});
    CHECK(summary.merged() == 0);
    CHECK(f.mergeRows() == 0);
    CHECK(f.listed().size() == size_t(f.incidentIdsOf(turbat).size() + f.incidentIdsOf(kharan).size()));
}

TEST_CASE("Auto-merge: an analyst's split sticks through re-ingest and re-extraction", "[merge]")
{
    test::MergeFixture f;
    const QString wire = f.write(QStringLiteral("01_wire.txt"), test::panjgurWireText());
    const QString paper = f.write(QStringLiteral("02_paper.txt"), test::panjgoorPaperText());
    f.ingest({wire, paper});
    const qint64 kept = f.incidentIdsOf(wire).value(0);
    const qint64 merged = f.incidentIdsOf(paper).value(0);
    REQUIRE(f.listed().size() == 1);

    AnnotationService service(*f.annotations);
    service.setAuthor(QStringLiteral("alice"));
    QString error;
    SECTION("unmerge")
    {
        REQUIRE(service.unmerge(kept, merged, &error));
    }
    SECTION("separate the later report")
    {
        REQUIRE(service.separateReport(kept, f.reportIdOf(paper), &error));
    }
    INFO(error.toStdString());
    CHECK(f.listed().size() == 2);
    const QList<HistoryEntry> history = service.history(kept);
    REQUIRE(history.size() == 2);
    CHECK(history.last().action == QStringLiteral("split"));
    CHECK(history.last().author == QStringLiteral("alice"));

    // The same files again: already there, still two.
    f.ingest({wire, paper});
    CHECK(f.listed().size() == 2);

    // The later report re-extracted (dropped and imported again with the same incident keys): the matcher
    // sees the pair was merged once and split by hand, and leaves it split.
    f.dropReport(paper);
    const ImportSummary reimport = f.ingest({paper});
    CHECK(reimport.count(FileImportResult::Outcome::Imported) == 1);
    CHECK(reimport.merged() == 0);
    CHECK(f.listed().size() == 2);
    CHECK(f.mergeRows() == 2); // the automatic merge and alice's split, nothing new
}

TEST_CASE("Auto-merge: a round-up's retelling joins the dedicated reports and its own news stays apart",
          "[merge]")
{
    test::MergeFixture f;
    const QString wire = f.write(QStringLiteral("01_wire.txt"), test::panjgurWireText());
    const QString turbat = f.write(QStringLiteral("02_turbat.txt"), test::turbatBlastText());
    const QString roundup = f.write(QStringLiteral("03_roundup.txt"), test::weeklyRoundupText());
    f.ingest({wire, turbat, roundup});

    const QList<qint64> roundupIncidents = f.incidentIdsOf(roundup);
    REQUIRE(roundupIncidents.size() == 3); // Turbat bombing, Panjgur attack, Gwadar march
    const std::vector<AnnotatedIncident> all = f.listed();
    const AnnotatedIncident* panjgur = f.listedWith(all, f.incidentIdsOf(wire).value(0));
    const AnnotatedIncident* blast = f.listedWith(all, f.incidentIdsOf(turbat).value(0));
    REQUIRE(panjgur);
    REQUIRE(blast);
    CHECK(panjgur != blast);
    CHECK(panjgur->incident.sourceReportIds.contains(f.reportIdOf(roundup)));
    CHECK(blast->incident.sourceReportIds.contains(f.reportIdOf(roundup)));
    CHECK(panjgur->absorbedIds.size() == 1);
    CHECK(blast->absorbedIds.size() == 1);
    // Three reports, five extracted incidents, three events.
    CHECK(all.size() == 3);
    for (const AnnotatedIncident& item : all) {
        if (item.incident.place.name == u"Gwadar")
            CHECK(item.incident.sourceReportIds == QList<qint64>{f.reportIdOf(roundup)});
    }
}

TEST_CASE("Auto-merge: a report and its merges are stored together or not at all", "[merge][transaction]")
{
    test::MergeFixture f;
    const QString wire = f.write(QStringLiteral("01_wire.txt"), test::panjgurWireText());
    const QString paper = f.write(QStringLiteral("02_paper.txt"), test::panjgoorPaperText());
    const QString turbat = f.write(QStringLiteral("03_turbat.txt"), test::turbatBlastText());
    f.ingest({wire});
    SqliteDatabase& db = f.store->database();
    const Extractor extractor;
    ImportJob job(*f.store, extractor);

    SECTION("the import fails half-way")
    {
        // Fails after the report row is written, inside the import's transaction.
        REQUIRE(db.exec("CREATE TEMP TRIGGER fail_import BEFORE INSERT ON main.incident_sources "
                        "WHEN (SELECT text FROM reports WHERE id = NEW.report_id) LIKE '%Panjgoor%' "
                        "BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END"));
        const ImportSummary summary = job.run({paper});
        REQUIRE(summary.files.size() == 1);
        CHECK(summary.files.first().outcome == FileImportResult::Outcome::Rejected);
        CHECK(f.store->reportCount() == 1);
        CHECK(f.mergeRows() == 0);
    }
    SECTION("recording the merge fails: the report goes too and the next file is imported")
    {
        // The merge row goes in, its reason does not: the report's whole transaction is taken back.
        REQUIRE(db.exec("CREATE TEMP TRIGGER fail_reason BEFORE INSERT ON main.annotation_merge_reasons "
                        "BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END"));
        const ImportSummary summary = job.run({paper, turbat});
        REQUIRE(summary.files.size() == 2);
        const FileImportResult& failed = summary.files.first();
        CHECK(failed.path == paper);
        CHECK(failed.outcome == FileImportResult::Outcome::Rejected);
        INFO(failed.reason.toStdString());
        CHECK(failed.reason.contains(QStringLiteral("cannot merge it with other reports")));
        CHECK(failed.reason.contains(QStringLiteral("simulated disk failure")));
        CHECK(summary.files.last().outcome == FileImportResult::Outcome::Imported);
        CHECK(f.store->reportCount() == 2); // the wire and Turbat, not the paper
        CHECK(f.store->incidentCount() == 1 + summary.files.last().incidents);
        CHECK(f.mergeRows() == 0);

        // Once the disk is fine again the same job imports the paper and merges it: nothing of the
        // rolled-back attempt lingers in the merger's index.
        REQUIRE(db.exec("DROP TRIGGER temp.fail_reason"));
        const ImportSummary retry = job.run({paper});
        REQUIRE(retry.files.size() == 1);
        CHECK(retry.files.first().outcome == FileImportResult::Outcome::Imported);
        CHECK(retry.merged() == 1);
        CHECK(f.mergeRows() == 1);
        const std::vector<AnnotatedIncident> all = f.listed();
        const AnnotatedIncident* shown = f.listedWith(all, f.incidentIdsOf(paper).value(0));
        REQUIRE(shown);
        CHECK(shown->incident.id == f.incidentIdsOf(wire).value(0));
    }
}

TEST_CASE("Auto-merge: after the report's transaction rolls back the merger reads the store again",
          "[merge][transaction]")
{
    test::MergeFixture f;
    const QString wire = f.write(QStringLiteral("01_wire.txt"), test::panjgurWireText());
    const QString paper = f.write(QStringLiteral("02_paper.txt"), test::panjgoorPaperText());
    f.ingest({wire});
    const ReportReader::Result read = ReportReader::read(paper);
    REQUIRE(read.report);
    const Extractor extractor;
    const ExtractionResult extraction = extractor.extract(*read.report);
    AutoMerger merger(*f.store);
    QString error;
    REQUIRE(merger.prepare(&error));
    QList<AutoMerge> merges;

    // The merge is written, then the transaction fails after it (as a commit on a full disk would): the
    // merger had already indexed the paper's incident as merged.
    const auto mergeThenFail = [&](qint64 reportId, QString* message) {
        REQUIRE(merger.mergeReport(reportId, extraction.incidents, &merges, message));
        *message = QStringLiteral("simulated failure after the merges");
        return false;
    };
    const Store::ImportResult failed = f.store->importReport(extraction, mergeThenFail);
    CHECK(failed.status == Store::ImportStatus::Failed);
    CHECK(failed.error == QStringLiteral("simulated failure after the merges"));
    CHECK(merges.size() == 1);
    CHECK(f.store->reportCount() == 1);
    CHECK(f.mergeRows() == 0);

    merger.forgetUncommitted();
    merges.clear();
    const auto merge = [&](qint64 reportId, QString* message) {
        return merger.mergeReport(reportId, extraction.incidents, &merges, message);
    };
    const Store::ImportResult stored = f.store->importReport(extraction, merge);
    REQUIRE(stored.status == Store::ImportStatus::Imported);
    REQUIRE(merges.size() == 1);
    CHECK(merges.first().keptId == f.incidentIdsOf(wire).value(0));
    CHECK(merges.first().mergedId == f.incidentIdsOf(paper).value(0));
    CHECK(f.mergeRows() == 1);
}

TEST_CASE("Auto-merge: turned off every report keeps its own incidents", "[merge]")
{
    test::MergeFixture f;
    const QString wire = f.write(QStringLiteral("01_wire.txt"), test::panjgurWireText());
    const QString paper = f.write(QStringLiteral("02_paper.txt"), test::panjgoorPaperText());
    const Extractor extractor;
    ImportJob job(*f.store, extractor);
    job.setAutoMerge(false);
    const ImportSummary summary = job.run({wire, paper});
    CHECK(summary.merged() == 0);
    CHECK(f.mergeRows() == 0);
    CHECK(f.listed().size() == 2);
}

TEST_CASE("Auto-merge: the shared seed joins the sample Foreign Office release on the 18 January strikes",
          "[merge][seed]")
{
    // The seed (read from ../shared, never copied in) is one report: alone it merges nothing. The bundled
    // sample 02 is Pakistan's own release on the strikes in Sistan and Baluchestan the seed also reports.
    const QString seeds = test::seedsDir();
    const QString seed = seeds + QStringLiteral("/000_6b8fc7f63de2bbec.txt");
    if (seeds.isEmpty() || !QFileInfo::exists(seed)) {
        WARN("the shared seed folder is not here; the seed check is not run");
        return;
    }
    test::MergeFixture f;
    const ImportSummary alone = f.ingest({seed});
    CHECK(alone.merged() == 0);
    CHECK(f.mergeRows() == 0);

    const QString release =
        test::sourceDir() + QStringLiteral("/resources/samples/02_fo_release_saravan_strikes.txt");
    REQUIRE(QFileInfo::exists(release));
    const ImportSummary both = f.ingest({release});
    CHECK(both.merged() >= 1);
    const qint64 seedReport = f.reportIdOf(seed);
    const qint64 releaseReport = f.reportIdOf(release);
    bool strikesJoined = false;
    for (const AnnotatedIncident& item : f.listed()) {
        // Never two incidents of one report in one event.
        QList<qint64> reports{item.incident.reportId};
        for (qint64 absorbed : item.absorbedIds) {
            const auto other = f.store->incident(absorbed);
            REQUIRE(other);
            CHECK_FALSE(reports.contains(other->reportId));
            reports << other->reportId;
        }
        if (item.incident.sourceReportIds.contains(seedReport) &&
            item.incident.sourceReportIds.contains(releaseReport) &&
            item.incident.place.admin1 == u"Sistan and Baluchestan" &&
            std::abs(item.incident.date.daysTo(QDate(2024, 1, 18))) <= 1)
            strikesJoined = true;
    }
    CHECK(strikesJoined);
}

TEST_CASE("Auto-merge: two reports' different tolls stay side by side as claims", "[merge][claims]")
{
    test::MergeFixture f;
    const QString first = f.write(QStringLiteral("01_first.txt"), QStringLiteral(
        "Gunmen attack Levies post in Washuk\nPublished 3 March 2025\n\n"
        "WASHUK, March 3 (Makran Wire) - Gunmen attacked a Levies post in Washuk on Sunday night, killing two "
        "Levies personnel, officials said.\n"));
    const QString second = f.write(QStringLiteral("02_second.txt"), QStringLiteral(
        "Five killed in Washuk attack\nPublished 4 March 2025\n\n"
        "WASHUK: Five Levies personnel were killed when gunmen attacked their post in Washuk on Sunday night, "
        "local sources told this paper on Monday.\n"));
    f.ingest({first, second});
    const std::vector<Incident> effective = effectiveIncidents(*f.annotations);
    REQUIRE(effective.size() == 1);
    const Incident& incident = effective.front();
    CHECK(incident.sourceReportIds.size() == 2);
    QSet<int> figures;
    QHash<qint64, QString> claimants;
    for (const Claim& claim : incident.claims) {
        if (claim.field == u"fatalities" && claim.high) {
            figures.insert(*claim.high);
            claimants.insert(claim.reportId, claim.claimant);
        }
    }
    CHECK(figures.contains(2));
    CHECK(figures.contains(5));
    CHECK(claimants.size() == 2);
    // Credited to the outlet from the wire's dateline, and to the paper's headline where it names none.
    CHECK(claimants.value(f.reportIdOf(first)) == QStringLiteral("Makran Wire"));
    CHECK(claimants.value(f.reportIdOf(second)) == QStringLiteral("‘Five killed in Washuk attack’"));
}
