// Store: what goes in comes back out, field by field; duplicates, full-text and spatial queries,
// schema migrations, refusing files that are not (or not yet) Makran databases, and all-or-nothing imports.
#include "store/migrations.h"
#include "store/sqlite.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <algorithm>

namespace makran {
namespace {

QString sha256(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// A report about a blast in Turbat with every field of every structure set by hand.
ExtractionResult fullExtraction()
{
    ExtractionResult result;
    Report& report = result.report;
    report.title = QStringLiteral("Roadside bomb hits patrol near Turbat");
    report.source = QStringLiteral("Makran Test Wire");
    report.url = QStringLiteral("https://example.org/turbat-blast");
    report.published = QDate(2024, 3, 7);
    // Urdu and an emoji, to check the text survives the round trip byte for byte.
    report.text = QStringLiteral(
        "Roadside bomb hits patrol near Turbat\n\n"
        "A roadside bomb struck a Frontier Corps patrol near Turbat on Tuesday, killing four soldiers. "
        "Jaish al-Adl claimed responsibility. \u201CThe smugglers planted it overnight,\u201D said Karim Dad, "
        "a shopkeeper. \u062A\u0631\u0628\u062A \U0001F6A8");
    report.contentHash = sha256(report.text);
    report.path = QStringLiteral("/data/reports/turbat-blast.txt");

    Quote first;
    first.speaker = QStringLiteral("Karim Dad");
    first.text = QStringLiteral("The smugglers planted it overnight");
    first.start = 171;
    first.end = 205;
    first.speakerStart = 213;
    first.speakerEnd = 222;
    first.partial = false;
    first.indirect = false;
    Quote second;
    second.speaker = QString(); // unknown speaker
    second.text = QStringLiteral("checkpoint relocation was ordered");
    second.start = 300;
    second.end = 333;
    second.speakerStart = -1;
    second.speakerEnd = -1;
    second.partial = true;
    second.indirect = true;
    result.quotes = {first, second};

    Incident blast;
    blast.date = QDate(2024, 3, 5);
    blast.dateEnd = QDate(2024, 3, 11);
    blast.datePrecision = DatePrecision::Week;
    blast.eventType = QStringLiteral("Explosions/Remote violence");
    blast.subEventType = QStringLiteral("Remote explosive/landmine/IED");
    blast.place.name = QStringLiteral("Turbat");
    blast.place.admin1 = QStringLiteral("Balochistan");
    blast.place.country = QStringLiteral("PK");
    blast.place.lat = 26.0031;
    blast.place.lon = 63.0544;
    blast.place.geoPrecision = 2;
    blast.place.outOfRegion = false;
    blast.actors = {
        ActorRef{QStringLiteral("Jaish al-Adl"), ActorRole::Perpetrator, QStringLiteral("militant"), QString()},
        ActorRef{QStringLiteral("Jaish al-Adl"), ActorRole::Claimant, QStringLiteral("militant"), QString()},
        ActorRef{QStringLiteral("Frontier Corps"), ActorRole::Target, QStringLiteral("military"), QStringLiteral("PK")},
    };
    blast.fatalities = 4;
    blast.fatalitiesHigh = 6;
    blast.injured = 3;
    blast.summary = QStringLiteral("IED on an FC patrol near Turbat, four soldiers killed.");
    blast.quotes = {first};
    blast.evidence = {
        Evidence{QStringLiteral("event_type"), 41, 54, QStringLiteral("\u201Croadside bomb\u201D")},
        Evidence{QStringLiteral("place"), 89, 95, QString(), 0.4},
        Evidence{QStringLiteral("fatalities"), 108, 127, QStringLiteral("four soldiers")},
    };
    blast.confidence = 0.75;
    blast.claims = {
        Claim{QStringLiteral("fatalities"), QStringLiteral("four soldiers"), 4, 4, QStringLiteral("Frontier Corps"),
              108, 127, 0},
        Claim{QStringLiteral("fatalities"), QStringLiteral("six"), 6, std::nullopt, QStringLiteral("Jaish al-Adl"),
              140, 143, 0},
    };

    // An incident with nothing numeric known: no fatalities, no injured, no coordinates, no date.
    Incident vague;
    vague.datePrecision = DatePrecision::Unknown;
    vague.eventType = QStringLiteral("Strategic developments");
    vague.subEventType = QStringLiteral("Other");
    vague.place.name = QStringLiteral("Koh-e-Sabz");
    vague.place.admin1 = QStringLiteral("Balochistan");
    vague.place.country = QStringLiteral("PK");
    vague.place.geoPrecision = 3;
    vague.place.outOfRegion = true; // deliberately unusual, to see the flag is stored and not derived
    vague.summary = QStringLiteral("Checkpoint moved.");
    vague.quotes = {second};
    vague.confidence = 0.25;

    result.incidents = {blast, vague};
    result.warnings = {QStringLiteral("a warning that is not stored")};
    return result;
}

// A short second report, for searches that must tell reports apart.
ExtractionResult zahedanExtraction()
{
    ExtractionResult result;
    result.report.title = QStringLiteral("Clash in Zahedan");
    result.report.text = QStringLiteral("Gunmen clashed with border guards outside Zahedan on Friday.");
    result.report.contentHash = sha256(result.report.text);
    result.report.published = QDate(2024, 2, 3);
    Incident clash;
    clash.date = clash.dateEnd = QDate(2024, 2, 2);
    clash.datePrecision = DatePrecision::Day;
    clash.eventType = QStringLiteral("Battles");
    clash.subEventType = QStringLiteral("Armed clash");
    clash.place = Place{QStringLiteral("Zahedan"), QStringLiteral("Sistan and Baluchestan"), QStringLiteral("IR"),
                        29.4963, 60.8629, 1, false};
    result.incidents = {clash};
    return result;
}

std::unique_ptr<Store> openStore(const QTemporaryDir& dir, const QString& name = QStringLiteral("test.sqlite"))
{
    QString error;
    auto store = Store::open(dir.filePath(name), &error);
    INFO(error.toStdString());
    REQUIRE(store);
    return store;
}

qint64 countRows(Store& store, const char* sql)
{
    auto query = store.database().prepare(sql);
    REQUIRE(query.isValid());
    REQUIRE(query.step());
    return query.int64(0);
}

void checkQuote(const Quote& actual, const Quote& expected)
{
    CHECK(actual.speaker == expected.speaker);
    CHECK(actual.text == expected.text);
    CHECK(actual.start == expected.start);
    CHECK(actual.end == expected.end);
    CHECK(actual.speakerStart == expected.speakerStart);
    CHECK(actual.speakerEnd == expected.speakerEnd);
    CHECK(actual.partial == expected.partial);
    CHECK(actual.indirect == expected.indirect);
}

// withV3 = false for a database migrated from version 1, which has no claims or field confidences.
void checkIncident(const Incident& actual, const Incident& expected, qint64 reportId, bool withV3 = true)
{
    CHECK(actual.id > 0);
    CHECK(actual.reportId == reportId);
    CHECK(actual.sourceReportIds == QList<qint64>{reportId});
    CHECK(actual.date == expected.date);
    CHECK(actual.dateEnd == expected.dateEnd);
    CHECK(actual.datePrecision == expected.datePrecision);
    CHECK(actual.eventType == expected.eventType);
    CHECK(actual.subEventType == expected.subEventType);
    CHECK(actual.place.name == expected.place.name);
    CHECK(actual.place.admin1 == expected.place.admin1);
    CHECK(actual.place.country == expected.place.country);
    CHECK(actual.place.lat == expected.place.lat);
    CHECK(actual.place.lon == expected.place.lon);
    CHECK(actual.place.geoPrecision == expected.place.geoPrecision);
    CHECK(actual.place.outOfRegion == expected.place.outOfRegion);
    CHECK(actual.fatalities == expected.fatalities);
    CHECK(actual.fatalitiesHigh == expected.fatalitiesHigh);
    CHECK(actual.injured == expected.injured);
    CHECK(actual.summary == expected.summary);
    CHECK(actual.confidence == Approx(expected.confidence));
    REQUIRE(actual.actors.size() == expected.actors.size());
    for (qsizetype i = 0; i < expected.actors.size(); ++i) {
        INFO("actor " << i);
        CHECK(actual.actors[i].name == expected.actors[i].name);
        CHECK(actual.actors[i].role == expected.actors[i].role);
        CHECK(actual.actors[i].kind == expected.actors[i].kind);
        CHECK(actual.actors[i].country == expected.actors[i].country);
    }
    REQUIRE(actual.quotes.size() == expected.quotes.size());
    for (qsizetype i = 0; i < expected.quotes.size(); ++i)
        checkQuote(actual.quotes[i], expected.quotes[i]);
    REQUIRE(actual.evidence.size() == expected.evidence.size());
    for (qsizetype i = 0; i < expected.evidence.size(); ++i) {
        INFO("evidence " << i);
        CHECK(actual.evidence[i].field == expected.evidence[i].field);
        CHECK(actual.evidence[i].start == expected.evidence[i].start);
        CHECK(actual.evidence[i].end == expected.evidence[i].end);
        CHECK(actual.evidence[i].reasoning == expected.evidence[i].reasoning);
        CHECK(actual.evidence[i].confidence == Approx(withV3 ? expected.evidence[i].confidence : 1.0));
    }
    if (!withV3)
        return;
    REQUIRE(actual.claims.size() == expected.claims.size());
    for (qsizetype i = 0; i < expected.claims.size(); ++i) {
        INFO("claim " << i);
        Claim wanted = expected.claims[i];
        wanted.reportId = reportId; // a claim without a report belongs to the incident's own
        CHECK(actual.claims[i] == wanted);
    }
}

} // namespace
} // namespace makran

using namespace makran;

TEST_CASE("Store: an imported extraction loads back field by field", "[store]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto store = openStore(dir);
    const ExtractionResult in = fullExtraction();

    const Store::ImportResult result = store->importReport(in);
    INFO(result.error.toStdString());
    REQUIRE(result.status == Store::ImportStatus::Imported);
    CHECK(result.reportId > 0);
    CHECK(result.incidents == 2);
    CHECK(store->reportCount() == 1);
    CHECK(store->incidentCount() == 2);

    const auto report = store->report(result.reportId);
    REQUIRE(report);
    CHECK(report->id == result.reportId);
    CHECK(report->title == in.report.title);
    CHECK(report->source == in.report.source);
    CHECK(report->url == in.report.url);
    CHECK(report->published == in.report.published);
    CHECK(report->text == in.report.text);
    CHECK(report->contentHash == in.report.contentHash);
    CHECK(report->path == in.report.path);
    CHECK(store->reportIdByHash(in.report.contentHash) == result.reportId);

    // The listing without text leaves the text out but keeps everything else.
    const std::vector<Report> listed = store->reports(false);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].title == in.report.title);
    CHECK(listed[0].text.isEmpty());
    const std::vector<Report> withText = store->reports(true);
    REQUIRE(withText.size() == 1);
    CHECK(withText[0].text == in.report.text);

    const std::vector<Incident> loaded = store->loadIncidents();
    REQUIRE(loaded.size() == 2);
    {
        INFO("the blast: every field set");
        checkIncident(loaded[0], in.incidents[0], result.reportId);
    }
    {
        INFO("the vague incident: nulls stay null, not 0");
        checkIncident(loaded[1], in.incidents[1], result.reportId);
        CHECK_FALSE(loaded[1].fatalities.has_value());
        CHECK_FALSE(loaded[1].fatalitiesHigh.has_value());
        CHECK_FALSE(loaded[1].injured.has_value());
        CHECK_FALSE(loaded[1].place.lat.has_value());
        CHECK_FALSE(loaded[1].place.lon.has_value());
        CHECK_FALSE(loaded[1].date.isValid());
    }

    // A single lookup returns the same incident as the bulk load.
    const auto single = store->incident(loaded[0].id);
    REQUIRE(single);
    checkIncident(*single, in.incidents[0], result.reportId);
    CHECK_FALSE(store->incident(loaded[1].id + 1000));
    CHECK_FALSE(store->report(result.reportId + 1000));
}

TEST_CASE("Store: the same report twice is AlreadyPresent and changes nothing", "[store]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    const ExtractionResult in = fullExtraction();
    const auto first = store->importReport(in);
    REQUIRE(first.status == Store::ImportStatus::Imported);
    const std::vector<Incident> before = store->loadIncidents();
    const qint64 quotesBefore = countRows(*store, "SELECT count(*) FROM quotes");
    const qint64 evidenceBefore = countRows(*store, "SELECT count(*) FROM evidence");

    // Same text (same hash) but a different title and one incident fewer: still the same report.
    ExtractionResult again = in;
    again.report.title = QStringLiteral("A different headline for the same text");
    again.incidents.removeLast();
    const auto second = store->importReport(again);
    CHECK(second.status == Store::ImportStatus::AlreadyPresent);
    CHECK(second.reportId == first.reportId);
    CHECK(second.error.isEmpty());

    CHECK(store->reportCount() == 1);
    CHECK(store->incidentCount() == 2);
    CHECK(countRows(*store, "SELECT count(*) FROM quotes") == quotesBefore);
    CHECK(countRows(*store, "SELECT count(*) FROM evidence") == evidenceBefore);
    CHECK(store->report(first.reportId)->title == in.report.title);
    const std::vector<Incident> after = store->loadIncidents();
    REQUIRE(after.size() == before.size());
    for (size_t i = 0; i < after.size(); ++i)
        checkIncident(after[i], in.incidents[int(i)], first.reportId);
}

TEST_CASE("Store: full-text search by report words, quote words and prefixes", "[store]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    const auto turbat = store->importReport(fullExtraction());
    const auto zahedan = store->importReport(zahedanExtraction());
    REQUIRE(turbat.status == Store::ImportStatus::Imported);
    REQUIRE(zahedan.status == Store::ImportStatus::Imported);
    const std::vector<Incident> all = store->loadIncidents();
    REQUIRE(all.size() == 3);
    const qint64 blastId = all[0].id, vagueId = all[1].id, clashId = all[2].id;

    QString error;
    SECTION("a word of the report finds every incident of that report and no other")
    {
        CHECK(store->incidentsMatchingText(QStringLiteral("patrol"), &error) == QSet<qint64>{blastId, vagueId});
        CHECK(store->incidentsMatchingText(QStringLiteral("guards"), &error) == QSet<qint64>{clashId});
        CHECK(error.isEmpty());
    }
    SECTION("case does not matter")
    {
        CHECK(store->incidentsMatchingText(QStringLiteral("ZAHEDAN")) == QSet<qint64>{clashId});
    }
    SECTION("words in Arabic script are searchable")
    {
        // "Turbat" in Urdu, as written in the blast report.
        CHECK(store->incidentsMatchingText(QStringLiteral("\u062A\u0631\u0628\u062A"), &error) ==
              QSet<qint64>{blastId, vagueId});
        CHECK(error.isEmpty());
    }
    SECTION("a word only in a quote finds the incident the quote belongs to")
    {
        // "relocation" appears in the second quote only, which is tied to the vague incident.
        CHECK(store->incidentsMatchingText(QStringLiteral("relocation"), &error) == QSet<qint64>{vagueId});
        CHECK(error.isEmpty());
    }
    SECTION("prefixes match")
    {
        CHECK(store->incidentsMatchingText(QStringLiteral("smugg")) == QSet<qint64>{blastId, vagueId});
        CHECK(store->incidentsMatchingText(QStringLiteral("relocat")) == QSet<qint64>{vagueId});
        CHECK(store->incidentsMatchingText(QStringLiteral("Zah")) == QSet<qint64>{clashId});
    }
    SECTION("every word must match")
    {
        CHECK(store->incidentsMatchingText(QStringLiteral("gunmen Zahedan")) == QSet<qint64>{clashId});
        CHECK(store->incidentsMatchingText(QStringLiteral("gunmen Turbat")).isEmpty());
    }
    SECTION("words that are not there match nothing")
    {
        CHECK(store->incidentsMatchingText(QStringLiteral("Gwadar"), &error).isEmpty());
        CHECK(error.isEmpty());
    }
    SECTION("hostile queries do not error and are read as plain words")
    {
        // Every word of these is in the blast report ("near Turbat", "patrol"), so operators read as
        // words must still find it.
        const QStringList findable = {
            QStringLiteral("\"Turbat"),           QStringLiteral("Turbat\""),
            QStringLiteral("\"Turbat\" patrol"), QStringLiteral("(Turbat"),
            QStringLiteral("Turbat)"),             QStringLiteral("Turbat*"),
            QStringLiteral("NEAR(Turbat patrol"),  QStringLiteral("-Turbat"),
            QStringLiteral("^Turbat"),             QStringLiteral("al-Adl"),
            QStringLiteral("Turbat'; --"),
        };
        for (const QString& query : findable) {
            INFO(query.toStdString());
            QString queryError;
            const QSet<qint64> found = store->incidentsMatchingText(query, &queryError);
            CHECK(queryError.isEmpty());
            CHECK(found.contains(blastId));
            CHECK_FALSE(found.contains(clashId));
        }
        // FTS5 syntax that would be an error if passed through.
        for (const QString& query : {QStringLiteral("Turbat AND"), QStringLiteral("Turbat)) OR ((x"),
                                     QStringLiteral("title:Turbat"), QStringLiteral("NOT Turbat"),
                                     QStringLiteral("Turbat'; DROP TABLE reports; --"),
                                     QStringLiteral("{text} : Turbat"), QStringLiteral("Turbat + + *")}) {
            INFO(query.toStdString());
            QString queryError;
            store->incidentsMatchingText(query, &queryError);
            CHECK(queryError.isEmpty());
        }
        for (const QString& query : {QStringLiteral("*"), QStringLiteral("\""), QStringLiteral("()"),
                                     QStringLiteral("AND"), QStringLiteral("   "), QString()}) {
            INFO(query.toStdString());
            QString queryError;
            store->incidentsMatchingText(query, &queryError);
            CHECK(queryError.isEmpty());
        }
        CHECK(store->reportCount() == 2);
    }
}

TEST_CASE("Store: the spatial index finds incidents inside a box", "[store]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    REQUIRE(store->importReport(fullExtraction()).status == Store::ImportStatus::Imported);
    REQUIRE(store->importReport(zahedanExtraction()).status == Store::ImportStatus::Imported);
    const std::vector<Incident> all = store->loadIncidents();
    REQUIRE(all.size() == 3);
    const qint64 turbatId = all[0].id, clashId = all[2].id; // all[1] has no coordinates

    auto sorted = [](QList<qint64> ids) {
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    // Around Turbat only (Makran coast).
    CHECK(sorted(store->incidentsInBox(25.5, 62.5, 26.5, 63.5)) == QList<qint64>{turbatId});
    // Around Zahedan only.
    CHECK(sorted(store->incidentsInBox(29.0, 60.5, 30.0, 61.5)) == QList<qint64>{clashId});
    // The whole region: both located incidents, never the one without coordinates.
    CHECK(sorted(store->incidentsInBox(24.0, 58.0, 32.0, 70.0)) == sorted({turbatId, clashId}));
    // Baghdad: nothing.
    CHECK(store->incidentsInBox(33.0, 44.0, 34.0, 45.0).isEmpty());
    // A box between the two, touching neither.
    CHECK(store->incidentsInBox(27.0, 61.5, 28.5, 62.5).isEmpty());
}

TEST_CASE("Store: a version 1 database is upgraded to the latest schema with its data kept", "[store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    std::vector<Incident> before;
    {
        QString error;
        auto store = Store::open(path, &error);
        REQUIRE(store);
        REQUIRE(store->importReport(fullExtraction()).status == Store::ImportStatus::Imported);
        before = store->loadIncidents();
        // Turn it back into what version 1 wrote: no incident_key column, no edit log, no claims, no
        // confidence on evidence, user_version 1.
        SqliteDatabase& db = store->database();
        QString message;
        REQUIRE(db.exec("DROP TABLE claims; ALTER TABLE evidence DROP COLUMN confidence; "
                        "DROP INDEX incidents_key; DROP TABLE incident_edits; "
                        "ALTER TABLE incidents DROP COLUMN incident_key; PRAGMA user_version = 1",
                        &message));
        INFO(message.toStdString());
        REQUIRE(store->schemaVersion() == 1);
    }
    QString error;
    auto store = Store::open(path, &error);
    INFO(error.toStdString());
    REQUIRE(store);
    CHECK(latestSchemaVersion() >= 2);
    CHECK(store->schemaVersion() == latestSchemaVersion());
    CHECK(store->reportCount() == 1);
    const std::vector<Incident> after = store->loadIncidents();
    REQUIRE(after.size() == before.size());
    const ExtractionResult in = fullExtraction();
    for (size_t i = 0; i < after.size(); ++i) {
        CHECK(after[i].id == before[i].id);
        checkIncident(after[i], in.incidents[int(i)], before[i].reportId, false);
    }
    // The version 2 objects exist and work.
    CHECK(countRows(*store, "SELECT count(*) FROM incident_edits") == 0);
    CHECK(countRows(*store, "SELECT count(*) FROM incidents WHERE incident_key IS NULL") == 2);
    REQUIRE(store->importReport(zahedanExtraction()).status == Store::ImportStatus::Imported);
    CHECK(countRows(*store, "SELECT count(*) FROM incidents WHERE incident_key IS NOT NULL") == 1);
    CHECK(store->incidentsMatchingText(QStringLiteral("smugglers")).size() == 2);
}

TEST_CASE("Store: migrate() reports the version it started from", "[store][migration]")
{
    QTemporaryDir dir;
    SqliteDatabase db;
    QString error;
    REQUIRE(db.open(dir.filePath(QStringLiteral("fresh.sqlite")), &error));
    int from = -1;
    REQUIRE(migrate(db, &from, &error));
    CHECK(from == 0);
    auto version = db.prepare("PRAGMA user_version");
    REQUIRE(version.step());
    CHECK(version.int64(0) == latestSchemaVersion());
    // Migrating an up-to-date database is a no-op that succeeds.
    from = -1;
    REQUIRE(migrate(db, &from, &error));
    CHECK(from == latestSchemaVersion());
}

TEST_CASE("Store: a database from a newer program is refused with a clear message", "[store][migration]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.sqlite"));
    const int future = latestSchemaVersion() + 5;
    {
        SqliteDatabase db;
        QString error;
        REQUIRE(db.open(path, &error));
        REQUIRE(db.exec("CREATE TABLE reports(id INTEGER PRIMARY KEY, future_column TEXT)"));
        const QByteArray pragma = "PRAGMA user_version = " + QByteArray::number(future);
        REQUIRE(db.exec(pragma.constData()));
    }
    QString error;
    auto store = Store::open(path, &error);
    CHECK_FALSE(store);
    INFO(error.toStdString());
    CHECK(error.contains(path));
    CHECK(error.contains(QString::number(future)));
    CHECK(error.contains(QStringLiteral("newer")));
    // The file is left as it was: still the newer version, nothing migrated into it.
    SqliteDatabase db;
    REQUIRE(db.open(path, &error));
    auto version = db.prepare("PRAGMA user_version");
    REQUIRE(version.step());
    CHECK(version.int64(0) == future);
    auto tables = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'incidents'");
    REQUIRE(tables.step());
    CHECK(tables.int64(0) == 0);
}

TEST_CASE("Store: a file that is not SQLite is refused with a message naming it, and left untouched", "[store]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QByteArray bytes;
    for (int i = 0; i < 200; ++i)
        bytes += "These are an analyst's notes on Panjgur, not a database. Line " + QByteArray::number(i) + ".\n";
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(file.write(bytes) == bytes.size());
    }
    QString error;
    auto store = Store::open(path, &error);
    CHECK_FALSE(store);
    INFO(error.toStdString());
    CHECK(error.contains(path));
    CHECK_FALSE(error.trimmed().endsWith(path)); // says why, not only which
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == bytes);
}

TEST_CASE("Store: an import that fails half-way leaves nothing behind", "[store][transaction]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    QString message;
    REQUIRE(store->database().exec("CREATE TRIGGER fail_evidence BEFORE INSERT ON evidence "
                                   "BEGIN SELECT RAISE(ABORT, 'boom'); END;",
                                   &message));
    const ExtractionResult in = fullExtraction();
    const auto failed = store->importReport(in);
    CHECK(failed.status == Store::ImportStatus::Failed);
    CHECK(failed.error.contains(QStringLiteral("boom")));
    CHECK(store->reportCount() == 0);
    CHECK(store->incidentCount() == 0);
    CHECK_FALSE(store->reportIdByHash(in.report.contentHash));
    CHECK(countRows(*store, "SELECT count(*) FROM quotes") == 0);
    CHECK(countRows(*store, "SELECT count(*) FROM incident_actors") == 0);
    CHECK(countRows(*store, "SELECT count(*) FROM actors") == 0);
    CHECK(countRows(*store, "SELECT count(*) FROM places") == 0);
    CHECK(countRows(*store, "SELECT count(*) FROM incident_rtree") == 0);
    CHECK(store->incidentsMatchingText(QStringLiteral("smugglers")).isEmpty());
    CHECK(store->incidentsInBox(25.0, 62.0, 27.0, 64.0).isEmpty());

    // The store is still usable and the same report imports cleanly once the fault is gone.
    REQUIRE(store->database().exec("DROP TRIGGER fail_evidence", &message));
    const auto retried = store->importReport(in);
    INFO(retried.error.toStdString());
    CHECK(retried.status == Store::ImportStatus::Imported);
    CHECK(store->reportCount() == 1);
    CHECK(store->incidentCount() == 2);
    CHECK(countRows(*store, "SELECT count(*) FROM evidence") == 3);
}

TEST_CASE("Store: incidents at one place name keep their own coordinates", "[store][!mayfail]")
{
    // BUG (store.cpp, Store::placeId): places are shared by (name, admin1, country, precision) and the
    // first row's coordinates win; an incident imported later with coordinates for a place first stored
    // without them loads back with none (and vice versa, different coordinates are replaced), although the
    // spatial index holds the second incident's own point.
    QTemporaryDir dir;
    auto store = openStore(dir);
    auto reportAt = [](const QString& word, std::optional<double> lat, std::optional<double> lon) {
        ExtractionResult result;
        result.report.text = QStringLiteral("A report about %1 near Mand.").arg(word);
        result.report.contentHash = sha256(result.report.text);
        Incident incident;
        incident.eventType = QStringLiteral("Battles");
        incident.place = Place{QStringLiteral("Mand"), QStringLiteral("Balochistan"), QStringLiteral("PK"), lat, lon, 1, false};
        result.incidents = {incident};
        return result;
    };
    REQUIRE(store->importReport(reportAt(QStringLiteral("first"), std::nullopt, std::nullopt)).status ==
            Store::ImportStatus::Imported);
    REQUIRE(store->importReport(reportAt(QStringLiteral("second"), 26.09, 62.06)).status == Store::ImportStatus::Imported);
    REQUIRE(store->importReport(reportAt(QStringLiteral("third"), 26.12, 62.10)).status == Store::ImportStatus::Imported);
    const std::vector<Incident> loaded = store->loadIncidents();
    REQUIRE(loaded.size() == 3);
    CHECK_FALSE(loaded[0].place.hasCoordinates());
    CHECK(loaded[1].place.lat == 26.09);
    CHECK(loaded[1].place.lon == 62.06);
    CHECK(loaded[2].place.lat == 26.12);
    CHECK(loaded[2].place.lon == 62.10);
    // What the map draws (the loaded coordinates) agrees with what the box query finds.
    const QList<qint64> inBox = store->incidentsInBox(26.0, 62.0, 26.2, 62.2);
    for (const Incident& incident : loaded)
        CHECK(inBox.contains(incident.id) == incident.place.hasCoordinates());
}

TEST_CASE("Store: incident(id) and incidents(ids) read only those incidents and map them as loadIncidents does",
          "[store]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    const ExtractionResult full = fullExtraction();
    const Store::ImportResult blast = store->importReport(full);
    REQUIRE(blast.status == Store::ImportStatus::Imported);
    REQUIRE(store->importReport(zahedanExtraction()).status == Store::ImportStatus::Imported);
    // Padding, so a lookup that reads every incident shows in the row count.
    ExtractionResult many;
    many.report.text = QStringLiteral("Two hundred small incidents near Mand.");
    many.report.contentHash = sha256(many.report.text);
    for (int i = 0; i < 200; ++i) {
        Incident incident = zahedanExtraction().incidents.first();
        incident.summary = QStringLiteral("padding %1").arg(i);
        incident.actors = {ActorRef{QStringLiteral("Levies"), ActorRole::Target, QStringLiteral("state"), QString()}};
        many.incidents << incident;
    }
    REQUIRE(store->importReport(many).status == Store::ImportStatus::Imported);

    const std::vector<Incident> all = store->loadIncidents();
    REQUIRE(all.size() == size_t(full.incidents.size()) + 201);
    for (size_t i = 0; i < size_t(full.incidents.size()); ++i) {
        INFO("incident " << i);
        const auto one = store->incident(all[i].id);
        REQUIRE(one);
        CHECK(one->id == all[i].id);
        checkIncident(*one, full.incidents[qsizetype(i)], blast.reportId); // claims and confidences too
    }
    const auto last = store->incident(all.back().id);
    REQUIRE(last);
    CHECK(last->summary == QStringLiteral("padding 199"));
    CHECK(last->actors == all.back().actors);
    CHECK_FALSE(store->incident(999999));

    const std::vector<Incident> some = store->incidents({all[5].id, all[0].id, 999999});
    REQUIRE(some.size() == 2);
    CHECK(some[0].id == all[0].id); // id order
    CHECK(some[1].id == all[5].id);
    CHECK(some[1].summary == all[5].summary);
    CHECK(store->incidents({}).empty());

    // A lookup steps over the rows of that incident, not over every incident in the database.
    int rows = 0;
    sqlite3_trace_v2(
        store->database().handle(), SQLITE_TRACE_ROW,
        [](unsigned, void* context, void*, void*) {
            ++*static_cast<int*>(context);
            return 0;
        },
        &rows);
    REQUIRE(store->incident(all.back().id));
    sqlite3_trace_v2(store->database().handle(), 0, nullptr, nullptr);
    CHECK(rows < 10);
}

TEST_CASE("Store: one places row per name and point shared by incidents that name it", "[store]")
{
    QTemporaryDir dir;
    auto store = openStore(dir);
    const auto reportAt = [](const QString& word, std::optional<double> lat) {
        ExtractionResult result;
        result.report.text = QStringLiteral("A report about %1 near Mand.").arg(word);
        result.report.contentHash = sha256(result.report.text);
        Incident incident;
        incident.eventType = QStringLiteral("Battles");
        incident.place = Place{QStringLiteral("Mand"), QStringLiteral("Balochistan"), QStringLiteral("PK"), lat,
                               lat ? std::optional<double>(62.06) : std::nullopt, 1, false};
        result.incidents = {incident};
        return result;
    };
    for (const auto& [word, lat] : {std::pair{"one", std::optional<double>(26.09)},
                                    std::pair{"two", std::optional<double>(26.09)},
                                    std::pair{"three", std::optional<double>()},
                                    std::pair{"four", std::optional<double>(26.12)}})
        REQUIRE(store->importReport(reportAt(QString::fromLatin1(word), lat)).status == Store::ImportStatus::Imported);
    CHECK(countRows(*store, "SELECT count(*) FROM places") == 3);
    const std::vector<Incident> loaded = store->loadIncidents();
    REQUIRE(loaded.size() == 4);
    CHECK(loaded[0].place == loaded[1].place);
    CHECK(loaded[3].place.lat == 26.12);
    CHECK(loaded[3].place.admin1 == QStringLiteral("Balochistan"));
    CHECK(loaded[3].place.geoPrecision == 1);
}
