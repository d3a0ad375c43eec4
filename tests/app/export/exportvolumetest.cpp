// Exports of a 10,000-incident database: every format writes a complete, readable file in reasonable time.
#include "exportfixture.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

using namespace makran;
using makran::test::ExportFixture;

TEST_CASE("10,000 incidents export completely in every format", "[export][volume]")
{
    ExportFixture fixture;
    fixture.request.incidents = test::syntheticIncidents(10000);
    fixture.request.notesById.clear();
    fixture.request.statusById.clear();
    fixture.request.tagsById.clear();

    QElapsedTimer timer;
    timer.start();
    const QJsonDocument geo =
        QJsonDocument::fromJson(fixture.exportBytes(ExportFormat::GeoJson, QStringLiteral("big.geojson")));
    CHECK(geo.object().value(QStringLiteral("features")).toArray().size() == 10000);
    const QJsonDocument json =
        QJsonDocument::fromJson(fixture.exportBytes(ExportFormat::Json, QStringLiteral("big.json")));
    CHECK(json.object().value(QStringLiteral("incidents")).toArray().size() == 10000);

    QXmlStreamReader kml(fixture.exportBytes(ExportFormat::Kml, QStringLiteral("big.kml")));
    int placemarks = 0;
    while (!kml.atEnd()) {
        if (kml.readNext() == QXmlStreamReader::StartElement && kml.name() == u"Placemark")
            ++placemarks;
    }
    CHECK_FALSE(kml.hasError());
    CHECK(placemarks == 10000);

    CHECK(test::parseCsvForTest(fixture.exportBytes(ExportFormat::Csv, QStringLiteral("big.csv"))).size() ==
          10001);
    CHECK(test::parseCsvForTest(fixture.exportBytes(ExportFormat::AcledCsv, QStringLiteral("big-acled.csv")))
              .size() == 10001);
    const QString html =
        QString::fromUtf8(fixture.exportBytes(ExportFormat::Html, QStringLiteral("big.html")));
    CHECK(html.contains(QStringLiteral("Synthetic incident 10000.")));
    CHECK(html.endsWith(QStringLiteral("</html>\n")));
    const QString md =
        QString::fromUtf8(fixture.exportBytes(ExportFormat::Markdown, QStringLiteral("big.md")));
    CHECK(md.contains(QStringLiteral("Synthetic incident 10000.")));
    WARN("text formats: " << timer.restart() << " ms");

    const QByteArray pdf = fixture.exportBytes(ExportFormat::Pdf, QStringLiteral("big.pdf"));
    CHECK(pdf.startsWith("%PDF-"));
    CHECK(pdf.trimmed().endsWith("%%EOF"));
    WARN("pdf: " << timer.elapsed() << " ms, " << pdf.size() / 1024 << " KiB");
}

TEST_CASE("pdf briefing of 1,000 incidents (profiling aid)", "[.profile]")
{
    ExportFixture fixture;
    fixture.request.incidents = test::syntheticIncidents(1000);
    QElapsedTimer timer;
    timer.start();
    fixture.exportBytes(ExportFormat::Pdf, QStringLiteral("k.pdf"));
    WARN("pdf: " << timer.elapsed() << " ms");
}
