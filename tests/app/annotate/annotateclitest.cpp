#include "annotatefixture.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace makran;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// MAKRAN_ANNOTATE_CLI points at another build of makran-cli (used before the command was registered).
QString cliPath()
{
    const QString custom = qEnvironmentVariable("MAKRAN_ANNOTATE_CLI");
    return custom.isEmpty() ? QStringLiteral(MAKRAN_CLI_PATH) : custom;
}

Run cli(const QStringList& args)
{
    QProcess process;
    process.start(cliPath(), args);
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
               QString::fromUtf8(process.readAllStandardError())};
}

bool annotateIsWired()
{
    const Run run = cli({QStringLiteral("annotate")});
    if (run.err.contains(QStringLiteral("unknown command"))) {
        WARN("skipped: makran-cli has no annotate command yet (" << cliPath().toStdString() << ")");
        return false;
    }
    return true;
}

QStringList annotate(const QString& db, qint64 id, QStringList more)
{
    return QStringList{QStringLiteral("annotate"), QStringLiteral("--db"), db, QStringLiteral("--incident"),
                       QString::number(id)} +
           more;
}

} // namespace

TEST_CASE("Annotate CLI: records corrections and prints what changed", "[annotate][cli]")
{
    if (!annotateIsWired())
        return;
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const qint64 id = f.incidentIdsOf(f.shortPath).first();

    const Run run = cli(annotate(f.dbPath, id,
                                 {QStringLiteral("--set"), QStringLiteral("place=Panjgur"), QStringLiteral("--note"),
                                  QStringLiteral("two sources agree"), QStringLiteral("--status"), QStringLiteral("confirmed"),
                                  QStringLiteral("--tag"), QStringLiteral("labourers"), QStringLiteral("--tag"),
                                  QStringLiteral("kech"), QStringLiteral("--confidence"), QStringLiteral("0.9"),
                                  QStringLiteral("--author"), QStringLiteral("cli-user")}));
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.startsWith(QStringLiteral("incident %1, by cli-user:\n").arg(id)));
    CHECK(run.out.contains(QStringLiteral(" -> Panjgur (Balochistan, PK)\n")));
    CHECK(run.out.contains(QStringLiteral("  status: unreviewed -> confirmed\n")));
    CHECK(run.out.contains(QStringLiteral("  note added: two sources agree\n")));
    CHECK(run.out.contains(QStringLiteral("  tags: (none) -> labourers, kech\n")));
    CHECK(run.out.contains(QStringLiteral(" -> 0.9\n")));

    const auto item = f.annotated(id);
    REQUIRE(item);
    CHECK(item->incident.place.name == QStringLiteral("Panjgur"));
    CHECK(item->status == QStringLiteral("confirmed"));
    CHECK(item->tags == (QStringList{QStringLiteral("labourers"), QStringLiteral("kech")}));
    REQUIRE(item->notes.size() == 1);
    CHECK(item->notes.first().author == QStringLiteral("cli-user"));

    // Without changes it shows the incident, the extracted value beside the analyst's.
    const Run show = cli(annotate(f.dbPath, id, {}));
    REQUIRE(show.exitCode == 0);
    CHECK(show.out.contains(QStringLiteral("  place: Panjgur (Balochistan, PK)  (set by cli-user; extracted: ")));
    CHECK(show.out.contains(QStringLiteral("  status: confirmed  (set by cli-user; extracted: unreviewed)")));

    const Run history = cli(annotate(f.dbPath, id, {QStringLiteral("--history")}));
    REQUIRE(history.exitCode == 0);
    CHECK(history.out.startsWith(QStringLiteral("history of incident %1:\n").arg(id)));
    CHECK(history.out.contains(QStringLiteral(" cli-user: set status: unreviewed -> confirmed\n")));
    CHECK(history.out.contains(QStringLiteral(" cli-user: note: two sources agree\n")));

    // Merge and link by id.
    REQUIRE(f.ingest({f.gwadarPath}) == 1);
    const qint64 gwadar = f.incidentIdsOf(f.gwadarPath).first();
    const Run link = cli(annotate(f.dbPath, id, {QStringLiteral("--link"), QStringLiteral("%1:same-event-as").arg(gwadar),
                                                 QStringLiteral("--merge"), QString::number(gwadar)}));
    INFO(link.err.toStdString());
    REQUIRE(link.exitCode == 0);
    CHECK(link.out.contains(QStringLiteral("merged incident %1 into incident %2").arg(gwadar).arg(id)));
    CHECK(f.annotated(gwadar)->mergedIntoId == id);
}

TEST_CASE("Annotate CLI: unknown incidents and fields and values that do not parse exit 1, changing nothing",
          "[annotate][cli]")
{
    if (!annotateIsWired())
        return;
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const qint64 id = f.incidentIdsOf(f.shortPath).first();

    const QList<std::pair<QStringList, QString>> failures = {
        {annotate(f.dbPath, 99, {QStringLiteral("--note"), QStringLiteral("x")}),
         QStringLiteral("makran-cli: no incident with id 99\n")},
        {annotate(f.dbPath, id, {QStringLiteral("--set"), QStringLiteral("colour=red")}),
         QStringLiteral("makran-cli: unknown field 'colour' (one of: date, date_end, date_precision, event_type, "
                        "sub_event_type, place, admin1, country, lat, lon, geo_precision, actors, fatalities, "
                        "fatalities_high, injured, summary, confidence, status) (nothing was changed)\n")},
        {annotate(f.dbPath, id, {QStringLiteral("--note"), QStringLiteral("valid, but not alone"), QStringLiteral("--set"),
                                 QStringLiteral("fatalities=abc")}),
         QStringLiteral("makran-cli: fatalities: 'abc' is not a whole number (nothing was changed)\n")},
        {annotate(f.dbPath, id, {QStringLiteral("--status"), QStringLiteral("maybe")}),
         QStringLiteral("makran-cli: status: 'maybe' is not one of unreviewed, confirmed, disputed, rejected (nothing was "
                        "changed)\n")},
        {annotate(f.dbPath, id, {QStringLiteral("--set"), QStringLiteral("date=2024-13-01")}),
         QStringLiteral("makran-cli: date: '2024-13-01' is not a date (YYYY-MM-DD) (nothing was changed)\n")},
        {annotate(f.dbPath, id, {QStringLiteral("--confidence"), QStringLiteral("2")}),
         QStringLiteral("makran-cli: confidence: '2' is not a number from 0 to 1 (nothing was changed)\n")},
        {annotate(f.dbPath, id, {QStringLiteral("--link"), QStringLiteral("%1:enemy-of").arg(id)}),
         QStringLiteral("makran-cli: link: 'enemy-of' is not one of retaliation-for, same-event-as, follow-up-to "
                        "(nothing was changed)\n")},
        {annotate(f.dir.filePath(QStringLiteral("missing.sqlite")), id, {}),
         QStringLiteral("makran-cli: %1: no such database\n").arg(f.dir.filePath(QStringLiteral("missing.sqlite")))},
    };
    for (const auto& [args, message] : failures) {
        INFO(args.join(u' ').toStdString());
        const Run run = cli(args);
        CHECK(run.exitCode == 1);
        CHECK(run.err == message);
        CHECK(run.out.isEmpty());
    }
    CHECK(f.annotations->records(QString(), true).empty());
    CHECK_FALSE(QFileInfo::exists(f.dir.filePath(QStringLiteral("missing.sqlite"))));
}

TEST_CASE("Annotate CLI: malformed options are usage errors (exit 2)", "[annotate][cli]")
{
    if (!annotateIsWired())
        return;
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const qint64 id = f.incidentIdsOf(f.shortPath).first();
    const QList<std::pair<QStringList, QString>> usage = {
        {annotate(f.dbPath, id, {QStringLiteral("--set"), QStringLiteral("fatalities")}),
         QStringLiteral("--set 'fatalities' needs FIELD=VALUE")},
        {{QStringLiteral("annotate"), QStringLiteral("--db"), f.dbPath}, QStringLiteral("annotate needs --incident ID")},
        {{QStringLiteral("annotate"), QStringLiteral("--incident"), QStringLiteral("1")},
         QStringLiteral("annotate needs --db DB")},
        {{QStringLiteral("annotate"), QStringLiteral("--db"), f.dbPath, QStringLiteral("--incident"), QStringLiteral("abc")},
         QStringLiteral("--incident 'abc' is not an incident id")},
        {annotate(f.dbPath, id, {QStringLiteral("--link"), QStringLiteral("5")}),
         QStringLiteral("--link '5' needs ID:KIND (KIND one of retaliation-for, same-event-as, follow-up-to)")},
        {annotate(f.dbPath, id, {QStringLiteral("--merge"), QStringLiteral("x")}),
         QStringLiteral("--merge 'x' is not an incident id")},
        {annotate(f.dbPath, id, {QStringLiteral("--colour"), QStringLiteral("red")}), QStringLiteral("unknown option '--colour'")},
    };
    for (const auto& [args, message] : usage) {
        INFO(args.join(u' ').toStdString());
        const Run run = cli(args);
        CHECK(run.exitCode == 2);
        CHECK(run.err == QStringLiteral("makran-cli: %1\n(see makran-cli --help)\n").arg(message));
    }
}

TEST_CASE("Annotate CLI: makran-cli export carries status, notes, tags and corrections", "[annotate][cli]")
{
    if (!annotateIsWired())
        return;
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const qint64 id = f.incidentIdsOf(f.shortPath).first();
    REQUIRE(cli(annotate(f.dbPath, id,
                         {QStringLiteral("--set"), QStringLiteral("place=Panjgur"), QStringLiteral("--note"),
                          QStringLiteral("kept"), QStringLiteral("--status"), QStringLiteral("disputed"),
                          QStringLiteral("--tag"), QStringLiteral("kech")}))
                .exitCode == 0);
    const QString output = f.dir.filePath(QStringLiteral("out.json"));
    const Run run = cli({QStringLiteral("export"), QStringLiteral("--db"), f.dbPath, QStringLiteral("--format"),
                         QStringLiteral("json"), QStringLiteral("-o"), output, QStringLiteral("--admin1"),
                         QStringLiteral("Balochistan")});
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    QFile file(output);
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonArray incidents = QJsonDocument::fromJson(file.readAll()).object().value(u"incidents").toArray();
    REQUIRE(incidents.size() == 1);
    const QJsonObject incident = incidents.first().toObject();
    CHECK(incident.value(u"place").toString() == QStringLiteral("Panjgur"));
    CHECK(incident.value(u"status").toString() == QStringLiteral("disputed"));
    CHECK(incident.value(u"notes").toArray() == QJsonArray{QStringLiteral("kept")});
    CHECK(incident.value(u"tags").toArray() == QJsonArray{QStringLiteral("kech")});
}

TEST_CASE("Annotate CLI: setting a field to its current value prints unchanged and records nothing",
          "[annotate][cli]")
{
    if (!annotateIsWired())
        return;
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const qint64 id = f.incidentIdsOf(f.shortPath).first();
    const auto item = f.annotated(id);
    REQUIRE(item);
    REQUIRE(item->incident.fatalities);
    const QString value = QString::number(*item->incident.fatalities);
    const Run run = cli(annotate(f.dbPath, id, {QStringLiteral("--set"), QStringLiteral("fatalities=") + value}));
    INFO(run.err.toStdString());
    REQUIRE(run.exitCode == 0);
    CHECK(run.out.contains(QStringLiteral("  fatalities: %1 (unchanged)\n").arg(value)));
    CHECK_FALSE(run.out.contains(QStringLiteral("%1 -> %1").arg(value)));
    const Run history = cli(annotate(f.dbPath, id, {QStringLiteral("--history")}));
    REQUIRE(history.exitCode == 0);
    CHECK(history.out == QStringLiteral("history of incident %1: no annotations\n").arg(id));
}

TEST_CASE("Annotate CLI: export --query finds a merged incident by words only in its absorbed report",
          "[annotate][cli]")
{
    if (!annotateIsWired())
        return;
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath, f.gwadarPath}) == 2);
    const qint64 turbat = f.incidentIdsOf(f.shortPath).first();
    const qint64 gwadar = f.incidentIdsOf(f.gwadarPath).first();
    REQUIRE(cli(annotate(f.dbPath, turbat, {QStringLiteral("--merge"), QString::number(gwadar)})).exitCode == 0);
    const auto exported = [&](const QString& query) {
        const Run run = cli({QStringLiteral("export"), QStringLiteral("--db"), f.dbPath, QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--query"), query});
        INFO(run.err.toStdString());
        REQUIRE(run.exitCode == 0);
        QList<qint64> ids;
        const QJsonArray incidents =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(QStringLiteral("incidents")).toArray();
        for (const QJsonValue& incident : incidents)
            ids << incident.toObject().value(QStringLiteral("id")).toInteger();
        return ids;
    };
    CHECK(exported(QStringLiteral("trawling")) == QList<qint64>{turbat}); // only in the Gwadar report
    CHECK(exported(QStringLiteral("motorcycles")) == QList<qint64>{turbat});
    CHECK(exported(QStringLiteral("trawling motorcycles")).isEmpty()); // no one report has both
}
