// makran-cli run as a user runs it (QProcess): exit codes, the extract JSON shape with code point offsets,
// ingest's summary and per-file rejections, idempotent re-ingest and the json export.
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using makran::test::writeFile;

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
    Run run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonObject parseObject(const QString& json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    INFO(error.errorString().toStdString());
    INFO(json.left(2000).toStdString());
    REQUIRE(error.error == QJsonParseError::NoError);
    REQUIRE(doc.isObject());
    return doc.object();
}

// The code points [start, end) of text, the unit of every offset Makran shows and exports.
QString codePointSlice(const QString& text, qint64 start, qint64 end)
{
    const QList<uint> ucs4 = text.toUcs4();
    REQUIRE(start >= 0);
    REQUIRE(end >= start);
    REQUIRE(end <= ucs4.size());
    QString out;
    for (qint64 i = start; i < end; ++i)
        out += QString::fromUcs4(reinterpret_cast<const char32_t*>(&ucs4[i]), 1);
    return out;
}

int number(const QString& text, const QString& pattern)
{
    const auto m = QRegularExpression(pattern).match(text);
    INFO(text.toStdString());
    INFO(pattern.toStdString());
    REQUIRE(m.hasMatch());
    return m.captured(1).toInt();
}

// Written for these tests. Emoji (outside the BMP, two UTF-16 units each) come before every evidence span.
const QString kTurbatTitle = QStringLiteral("Roadside blast near Turbat");
const QString kTurbat = QStringLiteral(
    "Roadside blast near Turbat\n"
    "\n"
    "Published January 18, 2024\n"
    "\n"
    "\U0001F6A8\U0001F6A8 Three soldiers were killed when a roadside bomb exploded near Turbat on Tuesday, "
    "officials said. "
    "\U0001F64F\U0001F3FD \"We will hunt down those responsible,\" the district police chief said.\n");
const QString kZahedanTitle = QStringLiteral("Protest in Zahedan");
const QString kZahedan = QStringLiteral(
    "Protest in Zahedan\n"
    "\n"
    "Published February 9, 2024\n"
    "\n"
    "Hundreds of people held a protest in Zahedan on Friday after the weekly prayers.\n");

} // namespace

TEST_CASE("makran-cli: usage errors exit 2 with a message", "[cli]")
{
    QTemporaryDir dir;
    const QString report = dir.filePath(QStringLiteral("turbat.txt"));
    REQUIRE(writeFile(report, kTurbat.toUtf8()));
    const QString db = dir.filePath(QStringLiteral("db.sqlite"));
    const QList<QStringList> cases = {
        {},
        {QStringLiteral("frobnicate")},
        {QStringLiteral("extract")},
        {QStringLiteral("extract"), report, report},
        {QStringLiteral("extract"), report, QStringLiteral("--date"), QStringLiteral("2024-13-45")},
        {QStringLiteral("extract"), report, QStringLiteral("--date")},
        {QStringLiteral("extract"), report, QStringLiteral("--bogus")},
        {QStringLiteral("ingest"), report},
        {QStringLiteral("ingest"), QStringLiteral("--db"), db},
        {QStringLiteral("export")},
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("docx")},
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--from"), QStringLiteral("yesterday")},
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--ids"), QStringLiteral("3,x")},
        {QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("pdf")},
    };
    for (const QStringList& args : cases) {
        INFO(args.join(u' ').toStdString());
        const Run run = runCli(args);
        CHECK(run.exitCode == 2);
        CHECK_FALSE(run.err.trimmed().isEmpty());
    }
    CHECK_FALSE(QFile::exists(db)); // a usage error touches no database
}

TEST_CASE("makran-cli: an unknown export format exits 2 even with a real database", "[cli]")
{
    QTemporaryDir dir;
    const QString report = dir.filePath(QStringLiteral("turbat.txt"));
    REQUIRE(writeFile(report, kTurbat.toUtf8()));
    const QString db = dir.filePath(QStringLiteral("db.sqlite"));
    REQUIRE(runCli({QStringLiteral("ingest"), QStringLiteral("--db"), db, report}).exitCode == 0);
    const Run run = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                            QStringLiteral("xlsx")});
    CHECK(run.exitCode == 2);
    CHECK(run.err.contains(QStringLiteral("xlsx")));
    CHECK(run.out.isEmpty());
}

TEST_CASE("makran-cli extract: an unreadable file exits 1 naming it", "[cli]")
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("missing-report.txt"));
    Run run = runCli({QStringLiteral("extract"), missing});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(missing));
    CHECK(run.out.isEmpty());

    const QString empty = dir.filePath(QStringLiteral("empty-report.txt"));
    REQUIRE(writeFile(empty, QByteArray("\n\n")));
    run = runCli({QStringLiteral("extract"), empty});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(empty));
    CHECK(run.err.contains(QStringLiteral("empty")));
}

TEST_CASE("makran-cli extract: JSON with every key, nulls for unknowns and code point offsets", "[cli][extract]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("turbat.txt"));
    REQUIRE(writeFile(path, kTurbat.toUtf8()));
    const Run run = runCli({QStringLiteral("extract"), path});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QJsonObject root = parseObject(run.out);

    REQUIRE(root.value(QStringLiteral("report")).isObject());
    const QJsonObject report = root.value(QStringLiteral("report")).toObject();
    for (const char* key : {"title", "published", "source"}) {
        INFO(key);
        CHECK(report.contains(QString::fromLatin1(key)));
    }
    CHECK(report.value(QStringLiteral("title")).toString() == kTurbatTitle);
    CHECK(report.value(QStringLiteral("published")).toString() == QStringLiteral("2024-01-18"));
    REQUIRE(root.value(QStringLiteral("incidents")).isArray());
    REQUIRE(root.value(QStringLiteral("quotes")).isArray());

    const QJsonArray incidents = root.value(QStringLiteral("incidents")).toArray();
    REQUIRE(incidents.size() >= 1);
    const QStringList keys = {
        QStringLiteral("date"),       QStringLiteral("date_end"),   QStringLiteral("date_precision"),
        QStringLiteral("event_type"), QStringLiteral("sub_event_type"), QStringLiteral("place"),
        QStringLiteral("admin1"),     QStringLiteral("country"),    QStringLiteral("lat"),
        QStringLiteral("lon"),        QStringLiteral("geo_precision"), QStringLiteral("out_of_region"),
        QStringLiteral("actors"),     QStringLiteral("fatalities"), QStringLiteral("fatalities_high"),
        QStringLiteral("injured"),    QStringLiteral("quotes"),     QStringLiteral("evidence"),
    };
    const QList<uint> codePoints = kTurbat.toUcs4();
    for (const QJsonValue& value : incidents) {
        REQUIRE(value.isObject());
        const QJsonObject incident = value.toObject();
        for (const QString& key : keys) {
            INFO(key.toStdString());
            CHECK(incident.contains(key));
        }
        const QJsonValue country = incident.value(QStringLiteral("country"));
        if (!country.isNull())
            CHECK(QRegularExpression(QStringLiteral("^[A-Z]{2}$")).match(country.toString()).hasMatch());
        for (const QJsonValue& evidence : incident.value(QStringLiteral("evidence")).toArray()) {
            const QJsonObject e = evidence.toObject();
            if (e.value(QStringLiteral("start")).isNull())
                continue;
            CHECK(e.value(QStringLiteral("start")).toInteger() >= 0);
            CHECK(e.value(QStringLiteral("end")).toInteger() <= codePoints.size());
        }
    }

    // The blast: one incident at Turbat with three killed, nobody reported injured (null, not 0).
    const QJsonObject blast = incidents.first().toObject();
    CHECK(blast.value(QStringLiteral("country")).toString() == QStringLiteral("PK"));
    CHECK(blast.value(QStringLiteral("place")).toString() == QStringLiteral("Turbat"));
    CHECK(blast.value(QStringLiteral("lat")).isDouble());
    CHECK(blast.value(QStringLiteral("lon")).isDouble());
    CHECK(blast.value(QStringLiteral("fatalities")).toInt() == 3);
    CHECK(blast.value(QStringLiteral("injured")).isNull());
    CHECK(blast.value(QStringLiteral("fatalities_high")).isNull());
    CHECK(blast.value(QStringLiteral("date")).toString() == QStringLiteral("2024-01-16"));
    CHECK(blast.value(QStringLiteral("actors")).isArray());

    // Evidence spans are code points: the place evidence is the word "Turbat" in the body, after the emoji.
    bool placeChecked = false;
    for (const QJsonValue& evidence : blast.value(QStringLiteral("evidence")).toArray()) {
        const QJsonObject e = evidence.toObject();
        if (e.value(QStringLiteral("field")).toString() != u"place" || e.value(QStringLiteral("start")).isNull())
            continue;
        const qint64 start = e.value(QStringLiteral("start")).toInteger();
        const qint64 end = e.value(QStringLiteral("end")).toInteger();
        CHECK(codePointSlice(kTurbat, start, end) == QStringLiteral("Turbat"));
        placeChecked = true;
    }
    CHECK(placeChecked);

    // The quote after two more emoji: its offsets slice the report by code points, not UTF-16 units.
    const QJsonArray quotes = root.value(QStringLiteral("quotes")).toArray();
    const QJsonObject* hunt = nullptr;
    QList<QJsonObject> quoteObjects;
    for (const QJsonValue& quote : quotes)
        quoteObjects << quote.toObject();
    for (const QJsonObject& quote : quoteObjects) {
        for (const char* key : {"speaker", "text", "start", "end", "partial", "indirect"})
            CHECK(quote.contains(QString::fromLatin1(key)));
        if (quote.value(QStringLiteral("text")).toString().contains(QStringLiteral("hunt down")))
            hunt = &quote;
    }
    REQUIRE(hunt);
    const QString quoteText = hunt->value(QStringLiteral("text")).toString();
    CHECK(quoteText.startsWith(QStringLiteral("We will hunt down those responsible")));
    const qint64 start = hunt->value(QStringLiteral("start")).toInteger();
    const qint64 end = hunt->value(QStringLiteral("end")).toInteger();
    CHECK(codePointSlice(kTurbat, start, end) == quoteText);
    CHECK(kTurbat.mid(start, end - start) != quoteText); // the test would notice UTF-16 offsets
    CHECK(hunt->value(QStringLiteral("indirect")).toBool() == false);
}

TEST_CASE("makran-cli extract: a Windows-1252 file is read with a warning naming it", "[cli][extract]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("legacy.txt"));
    REQUIRE(writeFile(path, QByteArray("Published January 18, 2024\n\nTraders staged a sit-in in Gwadar on Monday. "
                                       "\x93We will stay until the border reopens,\x94 said Haji Murad, a trader.\n")));
    const Run run = runCli({QStringLiteral("extract"), path});
    CHECK(run.exitCode == 0);
    CHECK(run.err.contains(path));
    CHECK(run.err.contains(QStringLiteral("UTF-8")));
    const QJsonArray quotes = parseObject(run.out).value(QStringLiteral("quotes")).toArray();
    REQUIRE(quotes.size() == 1);
    CHECK(quotes.first().toObject().value(QStringLiteral("text")).toString() ==
          QStringLiteral("We will stay until the border reopens"));
    CHECK(quotes.first().toObject().value(QStringLiteral("speaker")).toString() == QStringLiteral("Haji Murad"));
}

TEST_CASE("makran-cli extract: --date supplies the publication date", "[cli][extract]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("undated.txt"));
    REQUIRE(writeFile(path, QByteArray("Gunmen shot dead two labourers in Kech on Monday, police said.\n")));
    const Run run = runCli({QStringLiteral("extract"), path, QStringLiteral("--date"), QStringLiteral("2024-03-14")});
    REQUIRE(run.exitCode == 0);
    const QJsonObject root = parseObject(run.out);
    CHECK(root.value(QStringLiteral("report")).toObject().value(QStringLiteral("published")).toString() ==
          QStringLiteral("2024-03-14"));
    const QJsonArray incidents = root.value(QStringLiteral("incidents")).toArray();
    REQUIRE(incidents.size() >= 1);
    // Thursday 2024-03-14: "on Monday" is 2024-03-11.
    CHECK(incidents.first().toObject().value(QStringLiteral("date")).toString() == QStringLiteral("2024-03-11"));

    // Without --date there is no publication date: null, not an empty string.
    const Run bare = runCli({QStringLiteral("extract"), path});
    REQUIRE(bare.exitCode == 0);
    CHECK(parseObject(bare.out).value(QStringLiteral("report")).toObject().value(QStringLiteral("published")).isNull());
}

TEST_CASE("makran-cli ingest: summary, one stderr line per rejected file, idempotent re-ingest", "[cli][ingest]")
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("inbox"));
    REQUIRE(QDir().mkpath(folder + QStringLiteral("/iran")));
    const QString turbat = folder + QStringLiteral("/turbat.txt");
    const QString zahedan = folder + QStringLiteral("/iran/zahedan.txt");
    const QString empty = folder + QStringLiteral("/empty.txt");
    const QString binary = folder + QStringLiteral("/iran/scan.pdf");
    REQUIRE(writeFile(turbat, kTurbat.toUtf8()));
    REQUIRE(writeFile(zahedan, kZahedan.toUtf8()));
    REQUIRE(writeFile(empty, QByteArray()));
    REQUIRE(writeFile(binary, QByteArray("%PDF-1.4\n\x00\x01\x02\x03\x04 binary stream", 28)));
    const QString db = dir.filePath(QStringLiteral("makran.sqlite"));

    const Run first = runCli({QStringLiteral("ingest"), QStringLiteral("--db"), db, folder});
    INFO(first.out.toStdString());
    INFO(first.err.toStdString());
    CHECK(first.exitCode == 1);
    CHECK(number(first.out, QStringLiteral("(\\d+) file")) == 4);
    CHECK(number(first.out, QStringLiteral("(\\d+) imported")) == 2);
    CHECK(number(first.out, QStringLiteral("(\\d+) already")) == 0);
    CHECK(number(first.out, QStringLiteral("(\\d+) rejected")) == 2);
    const int reports = number(first.out, QStringLiteral("(\\d+) report"));
    const int incidents = number(first.out, QStringLiteral("(\\d+) incident\\(s\\)\\.\\s*$"));
    CHECK(reports == 2);
    CHECK(incidents >= 2);

    // One line per rejected file, naming the file and the reason; the good files are not named.
    const QStringList lines = first.err.split(u'\n', Qt::SkipEmptyParts);
    QStringList rejectedLines;
    for (const QString& line : lines) {
        if (line.contains(QStringLiteral("reject")))
            rejectedLines << line;
    }
    CHECK(rejectedLines.size() == 2);
    auto lineFor = [&](const QString& path) {
        QString found;
        for (const QString& line : rejectedLines) {
            if (line.contains(path))
                found = line;
        }
        return found;
    };
    CHECK(lineFor(empty).contains(QStringLiteral("empty")));
    CHECK(lineFor(binary).contains(QStringLiteral("binary")));
    CHECK(lineFor(turbat).isEmpty());
    CHECK(lineFor(zahedan).isEmpty());

    // Again: nothing new, the database counts unchanged.
    const Run second = runCli({QStringLiteral("ingest"), QStringLiteral("--db"), db, folder});
    CHECK(second.exitCode == 1); // the bad files are still bad
    CHECK(number(second.out, QStringLiteral("(\\d+) imported")) == 0);
    CHECK(number(second.out, QStringLiteral("(\\d+) already")) == 2);
    CHECK(number(second.out, QStringLiteral("(\\d+) report")) == reports);
    CHECK(number(second.out, QStringLiteral("(\\d+) incident\\(s\\)\\.\\s*$")) == incidents);

    // Only good files: exit 0, even though both are already there.
    const Run good = runCli({QStringLiteral("ingest"), QStringLiteral("--db"), db, turbat, zahedan});
    CHECK(good.exitCode == 0);
    CHECK(number(good.out, QStringLiteral("(\\d+) already")) == 2);
    CHECK_FALSE(good.err.contains(QStringLiteral("reject")));
}

TEST_CASE("makran-cli ingest: a database that is not SQLite exits 1 naming it", "[cli][ingest]")
{
    QTemporaryDir dir;
    const QString report = dir.filePath(QStringLiteral("turbat.txt"));
    REQUIRE(writeFile(report, kTurbat.toUtf8()));
    const QString db = dir.filePath(QStringLiteral("notes.sqlite"));
    QByteArray notes;
    for (int i = 0; i < 100; ++i)
        notes += "Not a database, only notes about Kharan.\n";
    REQUIRE(writeFile(db, notes));
    const Run run = runCli({QStringLiteral("ingest"), QStringLiteral("--db"), db, report});
    CHECK(run.exitCode == 1);
    CHECK(run.err.contains(db));
    QFile file(db);
    REQUIRE(file.open(QIODevice::ReadOnly));
    CHECK(file.readAll() == notes);
}

TEST_CASE("makran-cli export --format json: each incident names its report", "[cli][export]")
{
    QTemporaryDir dir;
    const QString turbat = dir.filePath(QStringLiteral("turbat.txt"));
    const QString zahedan = dir.filePath(QStringLiteral("zahedan.txt"));
    REQUIRE(writeFile(turbat, kTurbat.toUtf8()));
    REQUIRE(writeFile(zahedan, kZahedan.toUtf8()));
    const QString db = dir.filePath(QStringLiteral("makran.sqlite"));
    const Run ingest = runCli({QStringLiteral("ingest"), QStringLiteral("--db"), db, turbat, zahedan});
    REQUIRE(ingest.exitCode == 0);
    const int incidentCount = number(ingest.out, QStringLiteral("(\\d+) incident\\(s\\)\\.\\s*$"));

    const Run run = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                            QStringLiteral("json")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    const QJsonObject root = parseObject(run.out);
    REQUIRE(root.value(QStringLiteral("incidents")).isArray());
    const QJsonArray incidents = root.value(QStringLiteral("incidents")).toArray();
    CHECK(incidents.size() == incidentCount);
    QSet<QString> titles;
    for (const QJsonValue& value : incidents) {
        const QJsonObject incident = value.toObject();
        REQUIRE(incident.value(QStringLiteral("report")).isObject());
        const QJsonObject report = incident.value(QStringLiteral("report")).toObject();
        const QString title = report.value(QStringLiteral("title")).toString();
        titles.insert(title);
        // The report named is the one the incident came from.
        const QJsonArray sources = incident.value(QStringLiteral("source_report_ids")).toArray();
        REQUIRE_FALSE(sources.isEmpty());
        CHECK(report.value(QStringLiteral("id")).toInteger() == sources.first().toInteger());
        if (incident.value(QStringLiteral("place")).toString() == u"Turbat")
            CHECK(title == kTurbatTitle);
        if (incident.value(QStringLiteral("place")).toString() == u"Zahedan")
            CHECK(title == kZahedanTitle);
    }
    CHECK(titles == QSet<QString>{kTurbatTitle, kZahedanTitle});

    // The same to a file with -o, and filtered by country.
    const QString out = dir.filePath(QStringLiteral("iran.json"));
    const Run toFile = runCli({QStringLiteral("export"), QStringLiteral("--db"), db, QStringLiteral("--format"),
                               QStringLiteral("json"), QStringLiteral("--country"), QStringLiteral("IR"),
                               QStringLiteral("-o"), out});
    REQUIRE(toFile.exitCode == 0);
    QFile file(out);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonArray iran = parseObject(QString::fromUtf8(file.readAll())).value(QStringLiteral("incidents")).toArray();
    REQUIRE(iran.size() >= 1);
    for (const QJsonValue& value : iran)
        CHECK(value.toObject().value(QStringLiteral("country")).toString() == QStringLiteral("IR"));

    // A database that does not exist is a failure, not a new empty export.
    const QString nowhere = dir.filePath(QStringLiteral("nowhere.sqlite"));
    const Run missing = runCli({QStringLiteral("export"), QStringLiteral("--db"), nowhere});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains(nowhere));
    CHECK_FALSE(QFile::exists(nowhere));
}
