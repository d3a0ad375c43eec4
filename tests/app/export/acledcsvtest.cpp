// The acled-csv export against ACLED's layout, and the round trip through the ACLED CSV reader and a store.
#include "exportfixture.h"
#include "testsupport.h"

#include "export/acledcodebook.h"
#include "import/acledcsvreader.h"
#include "store/store.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

#include <algorithm>

using namespace makran;
using makran::test::ExportFixture;

namespace {

// ACLED's export header, typed out here rather than taken from the code under test.
const QString kAcledHeader = QStringLiteral(
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_"
    "1,"
    "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,"
    "admin3,"
    "location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp");

QString cell(const QStringList& row, const char* column)
{
    return row.value(kAcledHeader.split(u',').indexOf(QLatin1String(column)));
}

QStringList rowWithId(const QList<QStringList>& rows, const QString& id)
{
    for (const QStringList& row : rows) {
        if (row.value(0) == id)
            return row;
    }
    FAIL("no row " << id.toStdString());
    return {};
}

QStringList sideNames(const Incident& incident, ActorRole role)
{
    QStringList names;
    for (const ActorRef& actor : incident.actors) {
        // ACLED has two sides; claimants travel with actor 1.
        const ActorRole side = actor.role == ActorRole::Claimant ? ActorRole::Perpetrator : actor.role;
        if (side == role)
            names << actor.name;
    }
    names.sort();
    return names;
}

} // namespace

TEST_CASE("acled-csv header matches ACLED's exactly", "[export][acled]")
{
    ExportFixture fixture;
    const QByteArray bytes = fixture.exportBytes(ExportFormat::AcledCsv, QStringLiteral("a.csv"));
    CHECK(QString::fromUtf8(bytes.left(bytes.indexOf('\r'))) == kAcledHeader);
    CHECK(acled::columns().join(u',') == kAcledHeader);
    CHECK(looksLikeAcledCsv(bytes));
    CHECK_FALSE(looksLikeAcledCsv("id,date,place\n1,2024-01-01,Quetta\n"));
    CHECK(looksLikeAcledCsv("\xEF\xBB\xBF" + kAcledHeader.toUtf8() + "\n"));
}

TEST_CASE("acled-csv rows use ACLED's codes and dating rules", "[export][acled]")
{
    ExportFixture fixture;
    QStringList warnings;
    const QList<QStringList> rows = test::parseCsvForTest(
        fixture.exportBytes(ExportFormat::AcledCsv, QStringLiteral("a.csv"), &warnings));
    // 1 + 1 + 1 + 3 (one per day) rows; the undated, unlocated incident is left out with a warning.
    REQUIRE(rows.size() == 1 + 6);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings.first().contains(QStringLiteral("incident 5")));
    CHECK(warnings.first().contains(QStringLiteral("no date")));

    const QStringList clash = rowWithId(rows, QStringLiteral("PAK1"));
    CHECK(cell(clash, "event_date") == QStringLiteral("2024-01-18"));
    CHECK(cell(clash, "year") == QStringLiteral("2024"));
    CHECK(cell(clash, "time_precision") == QStringLiteral("1"));
    CHECK(cell(clash, "disorder_type") == QStringLiteral("Political violence"));
    CHECK(cell(clash, "actor1") == QStringLiteral("Balochistan Liberation Army"));
    CHECK(cell(clash, "inter1") == QStringLiteral("2"));
    CHECK(cell(clash, "actor2") == QStringLiteral("Pakistan Army"));
    CHECK(cell(clash, "inter2") == QStringLiteral("1"));
    CHECK(cell(clash, "interaction") == QStringLiteral("12"));
    CHECK(cell(clash, "iso") == QStringLiteral("586"));
    CHECK(cell(clash, "country") == QStringLiteral("Pakistan"));
    CHECK(cell(clash, "region") == QStringLiteral("Southern Asia"));
    CHECK(cell(clash, "location") == QStringLiteral("Panjgur"));
    CHECK(cell(clash, "latitude") == QStringLiteral("26.9644"));
    CHECK(cell(clash, "longitude") == QStringLiteral("64.0903"));
    CHECK(cell(clash, "geo_precision") == QStringLiteral("1"));
    CHECK(cell(clash, "source") == QStringLiteral("Dawn; The Balochistan Post"));
    CHECK(cell(clash, "fatalities") == QStringLiteral("10"));
    CHECK(cell(clash, "notes").startsWith(fixture.request.incidents.at(0).summary));
    CHECK(cell(clash, "notes").contains(QStringLiteral("status confirmed")));
    CHECK(cell(clash, "notes").contains(QStringLiteral("Cross-checked against the ISPR press release.")));
    CHECK(cell(clash, "timestamp") == QString::number(fixture.request.generatedAt.toSecsSinceEpoch()));

    // Known to the week: the middle of the week, precision 2; civilians targeted.
    const QStringList saravan = rowWithId(rows, QStringLiteral("IRN2"));
    CHECK(cell(saravan, "event_date") == QStringLiteral("2024-01-18"));
    CHECK(cell(saravan, "time_precision") == QStringLiteral("2"));
    CHECK(cell(saravan, "iso") == QStringLiteral("364"));
    CHECK(cell(saravan, "region") == QStringLiteral("Middle East"));
    CHECK(cell(saravan, "inter2") == QStringLiteral("7"));
    CHECK(cell(saravan, "interaction") == QStringLiteral("27"));
    CHECK(cell(saravan, "civilian_targeting") == QStringLiteral("Civilian targeting"));

    // Known to the month: the 15th, precision 3; a protest is a demonstration by protesters alone.
    const QStringList gwadar = rowWithId(rows, QStringLiteral("PAK3"));
    CHECK(cell(gwadar, "event_date") == QStringLiteral("2024-02-15"));
    CHECK(cell(gwadar, "time_precision") == QStringLiteral("3"));
    CHECK(cell(gwadar, "disorder_type") == QStringLiteral("Demonstrations"));
    CHECK(cell(gwadar, "inter1") == QStringLiteral("6"));
    CHECK(cell(gwadar, "assoc_actor_1") == QStringLiteral("Baloch Yakjehti Committee"));
    CHECK(cell(gwadar, "interaction") == QStringLiteral("60"));
    CHECK(cell(gwadar, "fatalities") == QStringLiteral("0"));

    // Three days: three rows, seven deaths spread 3 + 2 + 2; Iran's forces in Pakistan are external forces.
    const QStringList day1 = rowWithId(rows, QStringLiteral("PAK4-1"));
    const QStringList day2 = rowWithId(rows, QStringLiteral("PAK4-2"));
    const QStringList day3 = rowWithId(rows, QStringLiteral("PAK4-3"));
    CHECK(cell(day1, "event_date") == QStringLiteral("2024-01-16"));
    CHECK(cell(day2, "event_date") == QStringLiteral("2024-01-17"));
    CHECK(cell(day3, "event_date") == QStringLiteral("2024-01-18"));
    CHECK(cell(day1, "fatalities").toInt() + cell(day2, "fatalities").toInt() +
              cell(day3, "fatalities").toInt() ==
          7);
    CHECK(cell(day1, "fatalities") == QStringLiteral("3"));
    CHECK(cell(day1, "inter1") == QStringLiteral("8"));
    CHECK(cell(day1, "interaction") == QStringLiteral("28"));
}

TEST_CASE("acled codebook maps actor kinds and interactions", "[export][acled]")
{
    const auto code = [](const char16_t* kind, const char16_t* country = u"") {
        return acled::interCode(ActorRef{QStringLiteral("x"), ActorRole::Perpetrator,
                                         QString::fromUtf16(kind), QString::fromUtf16(country)},
                                QStringLiteral("PK"));
    };
    CHECK(code(u"state") == 1);
    CHECK(code(u"military", u"PK") == 1);
    CHECK(code(u"police") == 1);
    CHECK(code(u"government") == 1);
    CHECK(code(u"military", u"IR") == 8);
    CHECK(code(u"militant") == 2);
    CHECK(code(u"protesters") == 6);
    CHECK(code(u"civilians") == 7);
    CHECK(acled::interaction(2, 1) == 12);
    CHECK(acled::interaction(6, 0) == 60);
    CHECK(acled::interCodeFromText(u"State forces") == 1);
    CHECK(acled::interCodeFromText(u"Rebel group") == 2);
    CHECK(acled::interCodeFromText(u"7") == 7);
    for (int inter = 1; inter <= 8; ++inter) {
        const ActorRef actor{QStringLiteral("x"), ActorRole::Target, acled::actorKindForInterCode(inter),
                             QString()};
        CHECK(acled::interCode(actor, QStringLiteral("PK")) == inter);
    }
    CHECK(acled::disorderType(QStringLiteral("Protests"),
                              QStringLiteral("Excessive force against protesters")) ==
          QStringLiteral("Political violence; Demonstrations"));
    CHECK(acled::disorderType(QStringLiteral("Riots"), QStringLiteral("Mob violence")) ==
          QStringLiteral("Political violence"));
    CHECK(acled::disorderType(QStringLiteral("Strategic developments"), QStringLiteral("Arrests")) ==
          QStringLiteral("Strategic developments"));
}

TEST_CASE("acled-csv read back into a new database gives the same incidents", "[export][acled][roundtrip]")
{
    ExportFixture fixture;
    const QByteArray first = fixture.exportBytes(ExportFormat::AcledCsv, QStringLiteral("first.csv"));
    const AcledCsvReader::Result read =
        AcledCsvReader::fromBytes(first, fixture.path(QStringLiteral("first.csv")));
    INFO(read.errors.join(u'\n').toStdString());
    REQUIRE(read.errors.isEmpty());
    CHECK(read.rows == 6);
    REQUIRE(read.extractions.size() == 4);

    QTemporaryDir dir;
    QString error;
    auto store = Store::open(dir.filePath(QStringLiteral("roundtrip.sqlite")), &error);
    REQUIRE(store);
    for (const ExtractionResult& extraction : read.extractions) {
        const Store::ImportResult result = store->importReport(extraction);
        INFO(result.error.toStdString());
        REQUIRE(result.status == Store::ImportStatus::Imported);
    }
    std::vector<Incident> loaded = store->loadIncidents();
    REQUIRE(loaded.size() == 4);
    for (size_t i = 0; i < loaded.size(); ++i) {
        const Incident& before = fixture.request.incidents.at(qsizetype(i));
        const Incident& after = loaded[i];
        INFO("incident " << before.id);
        CHECK(after.date == before.date);
        CHECK(after.dateEnd == before.dateEnd);
        CHECK(after.datePrecision == before.datePrecision);
        CHECK(after.eventType == before.eventType);
        CHECK(after.subEventType == before.subEventType);
        CHECK(after.place.name == before.place.name);
        CHECK(after.place.admin1 == before.place.admin1);
        CHECK(after.place.country == before.place.country);
        CHECK(after.place.lat == before.place.lat);
        CHECK(after.place.lon == before.place.lon);
        CHECK(after.place.geoPrecision == before.place.geoPrecision);
        CHECK(after.fatalities == before.fatalities);
        CHECK(after.summary == before.summary);
        CHECK(sideNames(after, ActorRole::Perpetrator) == sideNames(before, ActorRole::Perpetrator));
        CHECK(sideNames(after, ActorRole::Target) == sideNames(before, ActorRole::Target));
    }

    // Exported again, the ACLED file is the same but for the event ids (new database, new ids) and the
    // analysts' notes, which live in the annotations, not in the incidents.
    ExportRequest again;
    again.incidents = QList<Incident>(loaded.begin(), loaded.end());
    again.reportLookup = [&store](qint64 id) { return store->report(id); };
    again.generatedAt = fixture.request.generatedAt;
    fixture.request.statusById.clear();
    fixture.request.notesById.clear();
    fixture.request.tagsById.clear();
    const QByteArray withoutNotes = fixture.exportBytes(ExportFormat::AcledCsv, QStringLiteral("plain.csv"));
    REQUIRE(
        exportIncidents(ExportFormat::AcledCsv, again, fixture.path(QStringLiteral("second.csv")), &error));
    QFile second(fixture.path(QStringLiteral("second.csv")));
    REQUIRE(second.open(QIODevice::ReadOnly));
    QList<QStringList> a = test::parseCsvForTest(withoutNotes);
    QList<QStringList> b = test::parseCsvForTest(second.readAll());
    REQUIRE(a.size() == b.size());
    for (qsizetype i = 1; i < a.size(); ++i) {
        a[i].removeFirst();
        b[i].removeFirst();
        CHECK(a.at(i) == b.at(i));
    }

    // Importing the same file again adds nothing.
    for (const ExtractionResult& extraction :
         AcledCsvReader::fromBytes(first, QStringLiteral("again.csv")).extractions)
        CHECK(store->importReport(extraction).status == Store::ImportStatus::AlreadyPresent);
}

TEST_CASE("acled reader is header-driven and tolerant of layout", "[import][acled]")
{
    // Columns reordered and trimmed to a few, CRLF, a BOM, quoted notes with a comma, a quote and a line
    // break, ACLED's older long date format and text actor types.
    const QByteArray csv =
        "\xEF\xBB\xBF"
        "notes,event_date,event_type,sub_event_type,actor1,inter1,actor2,inter2,country,admin1,"
        "location,latitude,longitude,geo_precision,time_precision,fatalities,source\r\n"
        "\"Clash near Turbat, \"\"heavy\"\" fire;\nsecond line\",18 January 2024,Battles,Armed clash,"
        "Military Forces of Pakistan (2018-),State forces,BLA: Balochistan Liberation Army,"
        "Rebel group,Pakistan,Balochistan,Turbat,26.0031,63.0544,1,1,4,Dawn\r\n"
        "\r\n";
    const AcledCsvReader::Result result = AcledCsvReader::fromBytes(csv, QStringLiteral("older.csv"));
    INFO(result.errors.join(u'\n').toStdString());
    REQUIRE(result.errors.isEmpty());
    REQUIRE(result.extractions.size() == 1);
    const ExtractionResult& extraction = result.extractions.first();
    REQUIRE(extraction.incidents.size() == 1);
    const Incident& incident = extraction.incidents.first();
    CHECK(incident.date == QDate(2024, 1, 18));
    CHECK(incident.datePrecision == DatePrecision::Day);
    CHECK(incident.summary == QStringLiteral("Clash near Turbat, \"heavy\" fire;\nsecond line"));
    CHECK(incident.place.country == QStringLiteral("PK"));
    CHECK(incident.place.lat == 26.0031);
    CHECK(incident.fatalities == 4);
    REQUIRE(incident.actors.size() == 2);
    CHECK(incident.actors.at(0).kind == QStringLiteral("state"));
    CHECK(incident.actors.at(1).kind == QStringLiteral("militant"));
    CHECK(incident.actors.at(1).role == ActorRole::Target);
    CHECK(extraction.report.source == QStringLiteral("Dawn"));
    CHECK(extraction.report.text == incident.summary);
    CHECK_FALSE(extraction.report.contentHash.isEmpty());
}

TEST_CASE("acled reader names the file and line of each bad row and keeps the good ones", "[import][acled]")
{
    const QByteArray csv = "event_date,event_type,location,latitude,longitude,fatalities,time_precision\n"
                           "2024-01-18,Battles,Quetta,30.18,66.99,2,1\n"    // line 2: fine
                           "18/01/24,Battles,Quetta,30.18,66.99,2,1\n"      // line 3: bad date
                           "2024-01-19,Battles,Quetta,north,66.99,2,1\n"    // line 4: bad latitude
                           "2024-01-20,Battles,Quetta,30.18,66.99,many,1\n" // line 5: bad fatalities
                           "2024-01-21,Battles,Quetta,30.18,66.99,1,7\n"    // line 6: bad precision
                           "2024-01-22,Battles\n"                           // line 7: too few fields
                           "2024-01-23,Riots,Quetta,30.18,66.99,0,1\n";     // line 8: fine
    const AcledCsvReader::Result result = AcledCsvReader::fromBytes(csv, QStringLiteral("bad.csv"));
    CHECK(result.rows == 7);
    CHECK(result.extractions.size() == 2);
    REQUIRE(result.errors.size() == 5);
    CHECK(result.errors.at(0).startsWith(QStringLiteral("bad.csv:3: event_date")));
    CHECK(result.errors.at(1).startsWith(QStringLiteral("bad.csv:4: latitude")));
    CHECK(result.errors.at(2).startsWith(QStringLiteral("bad.csv:5: fatalities")));
    CHECK(result.errors.at(3).startsWith(QStringLiteral("bad.csv:6: time_precision")));
    CHECK(result.errors.at(4).startsWith(QStringLiteral("bad.csv:7:")));

    const AcledCsvReader::Result unclosed = AcledCsvReader::fromBytes(
        "event_date,event_type,notes\n2024-01-18,Battles,\"never closed\n", QStringLiteral("u.csv"));
    REQUIRE_FALSE(unclosed.errors.isEmpty());
    CHECK(unclosed.errors.first().startsWith(QStringLiteral("u.csv:2:")));

    const AcledCsvReader::Result notAcled =
        AcledCsvReader::fromBytes("a,b,c\n1,2,3\n", QStringLiteral("n.csv"));
    REQUIRE(notAcled.errors.size() == 1);
    CHECK(notAcled.errors.first().contains(QStringLiteral("event_date")));
    CHECK(notAcled.extractions.isEmpty());

    CHECK_FALSE(AcledCsvReader::read(QStringLiteral("/no/such/file.csv")).errors.isEmpty());
}

TEST_CASE("a file in ACLED's own export layout reads as incidents", "[import][acled]")
{
    const QString path = test::sourceDir() + QStringLiteral("/tests/data/export/acled_sample.csv");
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(looksLikeAcledCsv(file.read(4096)));
    const AcledCsvReader::Result result = AcledCsvReader::read(path);
    INFO(result.errors.join(u'\n').toStdString());
    REQUIRE(result.errors.isEmpty());
    REQUIRE(result.extractions.size() == 3);
    const Incident& clash = result.extractions.at(0).incidents.first();
    CHECK(clash.date == QDate(2024, 1, 29));
    CHECK(clash.datePrecision == DatePrecision::Day);
    CHECK(clash.place.name == QStringLiteral("Turbat"));
    CHECK(clash.place.country == QStringLiteral("PK"));
    CHECK(clash.fatalities == 4);
    CHECK(clash.actors.at(0).kind == QStringLiteral("state"));
    CHECK(result.extractions.at(0).report.source == QStringLiteral("Dawn; Express Tribune"));
    CHECK(result.extractions.at(0).report.title.startsWith(QStringLiteral("ACLED PAK90001")));

    const Incident& attack = result.extractions.at(1).incidents.first();
    CHECK(attack.datePrecision == DatePrecision::Week);
    CHECK(attack.date == QDate(2024, 1, 14));
    CHECK(attack.dateEnd == QDate(2024, 1, 20));
    CHECK(attack.place.country == QStringLiteral("IR"));
    CHECK(attack.actors.at(1).kind == QStringLiteral("civilians"));
    CHECK(attack.actors.at(1).role == ActorRole::Target);

    const Incident& protest = result.extractions.at(2).incidents.first();
    CHECK(protest.datePrecision == DatePrecision::Month);
    CHECK(protest.date == QDate(2024, 2, 1));
    CHECK(protest.dateEnd == QDate(2024, 2, 29));
    CHECK(protest.summary.contains(u'\n'));
    CHECK(protest.actors.size() == 2); // actor1 and its associated actor
}
