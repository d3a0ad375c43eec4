// Two outlets that give different tolls for one attack: once merged on import, each toll is credited to
// its outlet by name (not "report #N") in JSON, GeoJSON and the briefing, with the report's id to cite.
#include "annotate/annotationstore.h"
#include "annotate/exportannotations.h"
#include "export/exporter.h"
#include "extract/extractor.h"
#include "import/importjob.h"
#include "store/store.h"

#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

using namespace makran;

namespace {

// Written for this test: Dawn says two were killed, The Balochistan Post five.
const QByteArray kDawn = "Title: Two Levies men killed in Washuk\nSource: Dawn\nDate: 3 March 2025\n\n"
                         "WASHUK: Gunmen attacked a Levies post in Washuk on Sunday night, killing two Levies "
                         "personnel, officials said.\n";
const QByteArray kPost = "Title: Five killed in Washuk attack\nSource: The Balochistan Post\nDate: 4 March 2025\n\n"
                         "WASHUK: Five Levies personnel were killed when gunmen attacked their post in Washuk on "
                         "Sunday night, local sources said.\n";

struct MergedTolls {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    ExportRequest request;
    qint64 dawnId = 0;
    qint64 postId = 0;

    MergedTolls()
    {
        const QString dawn = dir.filePath(QStringLiteral("01_dawn.txt"));
        const QString post = dir.filePath(QStringLiteral("02_post.txt"));
        REQUIRE(test::writeFile(dawn, kDawn));
        REQUIRE(test::writeFile(post, kPost));
        QString error;
        store = Store::open(dir.filePath(QStringLiteral("tolls.sqlite")), &error);
        REQUIRE(store);
        const Extractor extractor;
        const ImportSummary summary = ImportJob(*store, extractor).run({dawn, post});
        REQUIRE(summary.count(FileImportResult::Outcome::Imported) == 2);
        REQUIRE(summary.merged() == 1);
        for (const Report& report : store->reports()) {
            if (report.source == u"Dawn")
                dawnId = report.id;
            if (report.source == u"The Balochistan Post")
                postId = report.id;
        }
        REQUIRE(dawnId);
        REQUIRE(postId);
        const AnnotationStore annotations(*store);
        for (Incident& incident : effectiveIncidents(annotations))
            request.incidents.append(std::move(incident));
        REQUIRE(request.incidents.size() == 1);
        request.reportLookup = [this](qint64 id) { return store->report(id); };
        request.generatedAt = QDateTime(QDate(2025, 3, 5), QTime(9, 0), Qt::UTC);
    }

    QByteArray exportBytes(ExportFormat format, const QString& name)
    {
        const QString path = dir.filePath(name);
        QString error;
        const bool written = exportIncidents(format, request, path, &error);
        INFO(error.toStdString());
        REQUIRE(written);
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        return file.readAll();
    }
};

// The tolls the merge set side by side in an exported incident (they quote no span), claimant by report id.
QHash<qint64, QString> tollClaimants(const QJsonObject& incident)
{
    QHash<qint64, QString> claimants;
    for (const QJsonValue& value : incident.value(QStringLiteral("claims")).toArray()) {
        const QJsonObject claim = value.toObject();
        if (claim.value(QStringLiteral("field")).toString() == u"fatalities" &&
            claim.value(QStringLiteral("start")).isNull())
            claimants.insert(claim.value(QStringLiteral("report_id")).toInteger(),
                             claim.value(QStringLiteral("claimant")).toString());
    }
    return claimants;
}

void checkCreditedToOutlets(const QHash<qint64, QString>& claimants, const MergedTolls& f)
{
    CHECK(claimants.size() == 2);
    CHECK(claimants.value(f.dawnId) == QStringLiteral("Dawn"));
    CHECK(claimants.value(f.postId) == QStringLiteral("The Balochistan Post"));
}

} // namespace

TEST_CASE("Merged tolls: the claims name the outlets and keep the report ids", "[export][claims][merge]")
{
    MergedTolls f;
    const Incident& incident = f.request.incidents.first();
    QHash<qint64, QString> claimants;
    for (const Claim& claim : incident.claims) {
        if (claim.field == u"fatalities" && claim.start < 0)
            claimants.insert(claim.reportId, claim.claimant);
    }
    checkCreditedToOutlets(claimants, f);
}

TEST_CASE("Merged tolls: JSON and GeoJSON carry the outlet as claimant beside the report id",
          "[export][claims][merge]")
{
    MergedTolls f;
    const QJsonDocument json = QJsonDocument::fromJson(f.exportBytes(ExportFormat::Json, QStringLiteral("t.json")));
    const QJsonArray incidents =
        json.isArray() ? json.array() : json.object().value(QStringLiteral("incidents")).toArray();
    REQUIRE(incidents.size() == 1);
    checkCreditedToOutlets(tollClaimants(incidents.first().toObject()), f);

    const QJsonDocument geo =
        QJsonDocument::fromJson(f.exportBytes(ExportFormat::GeoJson, QStringLiteral("t.geojson")));
    const QJsonArray features = geo.object().value(QStringLiteral("features")).toArray();
    REQUIRE(features.size() == 1);
    checkCreditedToOutlets(tollClaimants(features.first().toObject().value(QStringLiteral("properties")).toObject()),
                           f);
}

TEST_CASE("Merged tolls: the briefing credits each toll to its outlet and cites its report",
          "[export][claims][merge][briefing]")
{
    MergedTolls f;
    const QString md = QString::fromUtf8(f.exportBytes(ExportFormat::Markdown, QStringLiteral("t.md")));
    INFO(md.toStdString());
    CHECK(md.contains(QStringLiteral("Dawn: 2 killed")));
    CHECK(md.contains(QStringLiteral("The Balochistan Post: 5 killed")));
    CHECK(md.contains(QStringLiteral("The Balochistan Post, ‘Five killed in Washuk attack’, 2025-03-04")));
    CHECK_FALSE(md.contains(QStringLiteral("report #")));
}
