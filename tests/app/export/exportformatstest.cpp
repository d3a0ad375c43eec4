// JSON, GeoJSON, KML and CSV exports, each read back by a reader independent of the writer.
#include "exportfixture.h"

#include "export/csvexport.h"
#include "export/jsonexport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QXmlStreamReader>

using namespace makran;
using makran::test::ExportFixture;

TEST_CASE("export format names parse and list", "[export]")
{
    CHECK(exportFormatFromString(u"pdf") == ExportFormat::Pdf);
    CHECK(exportFormatFromString(u"ACLED-CSV") == ExportFormat::AcledCsv);
    CHECK(exportFormatFromString(u"markdown") == ExportFormat::Markdown);
    CHECK(exportFormatFromString(u"md") == ExportFormat::Markdown);
    CHECK_FALSE(exportFormatFromString(u"docx").has_value());
    CHECK(exportFormatNames() == QStringList{QStringLiteral("json"), QStringLiteral("geojson"),
                                             QStringLiteral("kml"), QStringLiteral("csv"),
                                             QStringLiteral("acled-csv"), QStringLiteral("html"),
                                             QStringLiteral("md"), QStringLiteral("pdf")});
    for (const QString& name : exportFormatNames())
        CHECK(toString(*exportFormatFromString(name)) == name);
}

TEST_CASE("json export follows the CLI's incident shape with nulls for unknowns", "[export][json]")
{
    ExportFixture fixture;
    const QJsonDocument doc =
        QJsonDocument::fromJson(fixture.exportBytes(ExportFormat::Json, QStringLiteral("a.json")));
    const QJsonArray incidents = doc.object().value(QStringLiteral("incidents")).toArray();
    REQUIRE(incidents.size() == 5);
    const QJsonObject first = incidents.at(0).toObject();
    for (const char* key : {"id", "report", "date", "date_end", "date_precision", "event_type",
                            "sub_event_type", "place", "admin1", "country", "lat", "lon", "geo_precision",
                            "actors", "fatalities", "summary", "quotes", "evidence"})
        CHECK(first.contains(QLatin1String(key)));
    CHECK(first.value(QStringLiteral("date")).toString() == QStringLiteral("2024-01-18"));
    CHECK(first.value(QStringLiteral("country")).toString() == QStringLiteral("PK"));
    CHECK(first.value(QStringLiteral("report")).toObject().value(QStringLiteral("source")).toString() ==
          QStringLiteral("Dawn"));
    CHECK(first.value(QStringLiteral("report")).toObject().value(QStringLiteral("published")).toString() ==
          QStringLiteral("2024-01-19"));
    CHECK(first.value(QStringLiteral("actors"))
              .toArray()
              .at(0)
              .toObject()
              .value(QStringLiteral("role"))
              .toString() == QStringLiteral("perpetrator"));
    const QJsonObject quote = first.value(QStringLiteral("quotes")).toArray().at(0).toObject();
    CHECK(quote.value(QStringLiteral("speaker")).toString() == QStringLiteral("ISPR spokesman"));
    CHECK(quote.value(QStringLiteral("start")).toInteger() >= 0);
    CHECK(first.value(QStringLiteral("status")).toString() == QStringLiteral("confirmed"));

    const QJsonObject undated = incidents.at(4).toObject();
    CHECK(undated.value(QStringLiteral("date")).isNull());
    CHECK(undated.value(QStringLiteral("date_precision")).isNull());
    CHECK(undated.value(QStringLiteral("lat")).isNull());
    CHECK(undated.value(QStringLiteral("place")).isNull());
    CHECK(undated.value(QStringLiteral("fatalities")).isNull());
    CHECK(undated.value(QStringLiteral("geo_precision")).isNull());

    // The shared serialiser is what the CLI's extract command reuses.
    CHECK(incidentToJson(fixture.request.incidents.at(1)).value(QStringLiteral("place")).toString() ==
          QStringLiteral("سراوان"));
    CHECK(quoteToJson(Quote{}).value(QStringLiteral("speaker")).isNull());
}

TEST_CASE("geojson is an RFC 7946 FeatureCollection in longitude-latitude order", "[export][geojson]")
{
    ExportFixture fixture;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(
        fixture.exportBytes(ExportFormat::GeoJson, QStringLiteral("a.geojson")), &parseError);
    REQUIRE(parseError.error == QJsonParseError::NoError);
    const QJsonObject root = doc.object();
    CHECK(root.value(QStringLiteral("type")).toString() == QStringLiteral("FeatureCollection"));
    const QJsonArray features = root.value(QStringLiteral("features")).toArray();
    REQUIRE(features.size() == 5);
    for (const QJsonValue& value : features) {
        const QJsonObject feature = value.toObject();
        CHECK(feature.value(QStringLiteral("type")).toString() == QStringLiteral("Feature"));
        CHECK(feature.value(QStringLiteral("properties")).isObject());
        REQUIRE(feature.contains(QStringLiteral("geometry")));
    }
    const QJsonObject panjgur = features.at(0).toObject();
    const QJsonArray coordinates =
        panjgur.value(QStringLiteral("geometry")).toObject().value(QStringLiteral("coordinates")).toArray();
    REQUIRE(coordinates.size() == 2);
    CHECK(coordinates.at(0).toDouble() == 64.0903); // longitude first
    CHECK(coordinates.at(1).toDouble() == 26.9644);
    const QJsonObject properties = panjgur.value(QStringLiteral("properties")).toObject();
    CHECK(properties.value(QStringLiteral("event_type")).toString() == QStringLiteral("Battles"));
    CHECK(properties.value(QStringLiteral("notes"))
              .toArray()
              .at(0)
              .toString()
              .contains(QStringLiteral("ISPR")));
    CHECK(properties.value(QStringLiteral("tags")).toArray().size() == 2);
    // No coordinates: a null geometry, not an invented point.
    CHECK(features.at(4).toObject().value(QStringLiteral("geometry")).isNull());
}

namespace {

struct KmlPlacemark {
    QString id;
    QString when;
    QString begin;
    QString end;
    QString styleUrl;
    QString description;
    QString coordinates;
};

// Reads the KML with QXmlStreamReader, which rejects any XML that is not well-formed.
QList<KmlPlacemark> readKml(const QByteArray& bytes, QStringList* styles, QString* error)
{
    QList<KmlPlacemark> placemarks;
    QXmlStreamReader xml(bytes);
    KmlPlacemark* current = nullptr;
    QString element;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            element = xml.name().toString();
            if (element == u"kml" && xml.namespaceUri() != u"http://www.opengis.net/kml/2.2")
                *error = QStringLiteral("not the KML 2.2 namespace");
            if (element == u"Style")
                styles->append(xml.attributes().value(QStringLiteral("id")).toString());
            if (element == u"Placemark") {
                placemarks.append(KmlPlacemark{});
                current = &placemarks.last();
                current->id = xml.attributes().value(QStringLiteral("id")).toString();
            }
        } else if (xml.isCharacters() && current && !xml.isWhitespace()) {
            const QString text = xml.text().toString();
            if (element == u"when")
                current->when = text;
            else if (element == u"begin")
                current->begin = text;
            else if (element == u"end")
                current->end = text;
            else if (element == u"styleUrl")
                current->styleUrl = text;
            else if (element == u"description")
                current->description += text;
            else if (element == u"coordinates")
                current->coordinates = text;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return placemarks;
}

} // namespace

TEST_CASE("kml is well-formed KML 2.2 with the right times and a style per event type", "[export][kml]")
{
    ExportFixture fixture;
    const QByteArray bytes = fixture.exportBytes(ExportFormat::Kml, QStringLiteral("a.kml"));
    QStringList styles;
    QString error;
    const QList<KmlPlacemark> placemarks = readKml(bytes, &styles, &error);
    INFO(error.toStdString());
    REQUIRE(error.isEmpty());
    REQUIRE(placemarks.size() == 5);
    for (const char16_t* id : {u"battles", u"explosions-remote-violence", u"violence-against-civilians",
                               u"protests", u"riots", u"strategic-developments"})
        CHECK(styles.contains(QString::fromUtf16(id)));

    // Exact day: a TimeStamp.
    CHECK(placemarks.at(0).when == QStringLiteral("2024-01-18"));
    CHECK(placemarks.at(0).begin.isEmpty());
    CHECK(placemarks.at(0).styleUrl == QStringLiteral("#battles"));
    CHECK(placemarks.at(0).coordinates == QStringLiteral("64.0903,26.9644"));
    CHECK(placemarks.at(0).description.contains(QStringLiteral("We will not allow terrorists to succeed")));
    CHECK(placemarks.at(0).description.contains(
        QStringLiteral("Cross-checked against the ISPR press release.")));
    // Week and month: a TimeSpan over the whole period.
    CHECK(placemarks.at(1).when.isEmpty());
    CHECK(placemarks.at(1).begin == QStringLiteral("2024-01-15"));
    CHECK(placemarks.at(1).end == QStringLiteral("2024-01-21"));
    CHECK(placemarks.at(1).description.contains(QStringLiteral("امنیت مردم اولویت ماست")));
    CHECK(placemarks.at(2).begin == QStringLiteral("2024-02-01"));
    CHECK(placemarks.at(2).end == QStringLiteral("2024-02-29"));
    // Several days: a TimeSpan too.
    CHECK(placemarks.at(3).begin == QStringLiteral("2024-01-16"));
    CHECK(placemarks.at(3).end == QStringLiteral("2024-01-18"));
    // Undated and unlocated: kept, without time or geometry.
    CHECK(placemarks.at(4).when.isEmpty());
    CHECK(placemarks.at(4).begin.isEmpty());
    CHECK(placemarks.at(4).coordinates.isEmpty());

    // A second, external opinion on well-formedness when xmllint is installed.
    const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
    if (!xmllint.isEmpty()) {
        QProcess process;
        process.start(xmllint, {QStringLiteral("--noout"), fixture.path(QStringLiteral("a.kml"))});
        REQUIRE(process.waitForFinished(30000));
        INFO(process.readAllStandardError().toStdString());
        CHECK(process.exitCode() == 0);
    }
}

TEST_CASE("kml drops characters XML cannot hold instead of writing a broken file", "[export][kml]")
{
    ExportFixture fixture;
    fixture.request.incidents[0].summary = QStringLiteral("control\x01 character and \x0b vertical tab");
    QStringList styles;
    QString error;
    const auto placemarks =
        readKml(fixture.exportBytes(ExportFormat::Kml, QStringLiteral("b.kml")), &styles, &error);
    CHECK(error.isEmpty());
    CHECK(placemarks.size() == 5);
}

TEST_CASE("csv has one row per incident and quotes what needs quoting", "[export][csv]")
{
    ExportFixture fixture;
    const QByteArray bytes = fixture.exportBytes(ExportFormat::Csv, QStringLiteral("a.csv"));
    const QList<QStringList> rows = test::parseCsvForTest(bytes);
    REQUIRE(rows.size() == 6);
    CHECK(rows.at(0) == csvExportColumns());
    for (const QStringList& row : rows)
        CHECK(row.size() == csvExportColumns().size());
    const qsizetype summary = csvExportColumns().indexOf(QStringLiteral("summary"));
    CHECK(rows.at(3).at(summary) == fixture.request.incidents.at(2).summary); // quotes, commas, line break
    const qsizetype place = csvExportColumns().indexOf(QStringLiteral("place"));
    CHECK(rows.at(2).at(place) == QStringLiteral("سراوان"));
    const qsizetype status = csvExportColumns().indexOf(QStringLiteral("status"));
    CHECK(rows.at(1).at(status) == QStringLiteral("confirmed"));
    const qsizetype lat = csvExportColumns().indexOf(QStringLiteral("latitude"));
    CHECK(rows.at(5).at(lat).isEmpty());
}

TEST_CASE("every format writes a valid file for an empty selection", "[export]")
{
    ExportFixture fixture;
    fixture.request.incidents.clear();
    const QJsonDocument json =
        QJsonDocument::fromJson(fixture.exportBytes(ExportFormat::Json, QStringLiteral("e.json")));
    CHECK(json.object().value(QStringLiteral("incidents")).toArray().isEmpty());
    const QJsonDocument geo =
        QJsonDocument::fromJson(fixture.exportBytes(ExportFormat::GeoJson, QStringLiteral("e.geojson")));
    CHECK(geo.object().value(QStringLiteral("type")).toString() == QStringLiteral("FeatureCollection"));
    CHECK(geo.object().value(QStringLiteral("features")).toArray().isEmpty());
    QStringList styles;
    QString error;
    CHECK(
        readKml(fixture.exportBytes(ExportFormat::Kml, QStringLiteral("e.kml")), &styles, &error).isEmpty());
    CHECK(error.isEmpty());
    CHECK(test::parseCsvForTest(fixture.exportBytes(ExportFormat::Csv, QStringLiteral("e.csv"))).size() == 1);
    CHECK(test::parseCsvForTest(fixture.exportBytes(ExportFormat::AcledCsv, QStringLiteral("e-acled.csv")))
              .size() == 1);
}

TEST_CASE("a failed export says why and leaves no file behind", "[export]")
{
    ExportFixture fixture;
    QString error;
    const QString missingDir = fixture.path(QStringLiteral("no/such/dir/out.json"));
    CHECK_FALSE(exportIncidents(ExportFormat::Json, fixture.request, missingDir, &error));
    CHECK(error.contains(QStringLiteral("out.json")));
    CHECK_FALSE(QFile::exists(missingDir));

    // A directory in the way: refused, and the directory is untouched.
    const QString dirPath = fixture.path(QStringLiteral("adir"));
    REQUIRE(QDir().mkpath(dirPath));
    error.clear();
    CHECK_FALSE(exportIncidents(ExportFormat::Csv, fixture.request, dirPath, &error));
    CHECK_FALSE(error.isEmpty());
    CHECK(QFileInfo(dirPath).isDir());

    error.clear();
    CHECK_FALSE(exportIncidents(ExportFormat::Csv, fixture.request, QString(), &error));
    CHECK_FALSE(error.isEmpty());
}
