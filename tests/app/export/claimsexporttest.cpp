// Competing claims and fields flagged for review travel with the incident into JSON and the briefings,
// each claim with its claimant and the words it rests on.
#include "exportfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::ExportFixture;

namespace {

void addClaims(ExportFixture& f)
{
    Incident& incident = f.request.incidents.first();
    const Report& report = f.reports.value(incident.reportId);
    REQUIRE(report.text.size() > 20);
    incident.claims = {
        Claim{QStringLiteral("fatalities"), QStringLiteral("four soldiers"), 4, 4, QStringLiteral("ISPR"), 0, 10,
              incident.reportId},
        Claim{QStringLiteral("fatalities"), QStringLiteral("fifteen enemy personnel"), 15, 15,
              QStringLiteral("Balochistan Liberation Army"), 10, 20, incident.reportId},
    };
    incident.evidence.append(Evidence{QStringLiteral("place"), -1, -1, QStringLiteral("dateline city"), 0.3});
}

} // namespace

TEST_CASE("Exports: JSON carries claims and per-field confidence", "[export][claims]")
{
    ExportFixture f;
    addClaims(f);
    const QJsonDocument doc = QJsonDocument::fromJson(f.exportBytes(ExportFormat::Json, QStringLiteral("c.json")));
    const QJsonValue first = doc.isArray() ? doc.array().first() : doc.object().value(QStringLiteral("incidents")).toArray().first();
    const QJsonObject incident = first.toObject();
    const QJsonArray claims = incident.value(QStringLiteral("claims")).toArray();
    REQUIRE(claims.size() == 2);
    CHECK(claims[1].toObject().value(QStringLiteral("claimant")).toString() == QStringLiteral("Balochistan Liberation Army"));
    CHECK(claims[1].toObject().value(QStringLiteral("low")).toInt() == 15);
    CHECK(incident.value(QStringLiteral("low_confidence_fields")).toArray().contains(QStringLiteral("place")));
    bool confidenceWritten = false;
    for (const QJsonValue& e : incident.value(QStringLiteral("evidence")).toArray())
        confidenceWritten = confidenceWritten || e.toObject().value(QStringLiteral("confidence")).toDouble() == Approx(0.3);
    CHECK(confidenceWritten);
}

TEST_CASE("Exports: briefings show both sides' claims and what needs review", "[export][claims]")
{
    ExportFixture f;
    addClaims(f);
    const QString md = QString::fromUtf8(f.exportBytes(ExportFormat::Markdown, QStringLiteral("c.md")));
    CHECK(md.contains(QStringLiteral("ISPR: four soldiers")));
    CHECK(md.contains(QStringLiteral("Balochistan Liberation Army: fifteen enemy personnel")));
    CHECK(md.contains(QStringLiteral("low extraction confidence: place")));
}
