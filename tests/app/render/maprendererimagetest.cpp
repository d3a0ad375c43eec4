// Golden-image test of the map renderer: the built-in basemap, labels and a fixed set of markers at a
// fixed camera, compared with tests/data/render/map_reference.png within a tolerance (font
// rasterisation differs slightly between machines).
//
// To regenerate the reference after an intended change in the map's look, run
//   MAKRAN_UPDATE_REFERENCES=1 ./makran_tests "[golden]"
// from the build directory, look at the new PNG, and commit it with the change.
#include "testsupport.h"

#include "render/maprenderer.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QImage>
#include <QPainter>

using namespace makran;

namespace {

QImage renderReferenceScene()
{
    MapRenderer renderer;
    renderer.setStyle(MapStyle::lightStyle());
    std::vector<MapIncident> incidents = {
        {1, 30.18, 66.99, 0, 9.0, false},  // Quetta, battle with fatalities
        {2, 30.18, 66.99, 1, 5.0, false},  // Quetta again: fanned out
        {3, 26.00, 63.05, 1, 12.0, false}, // Turbat
        {4, 25.12, 62.33, 2, 5.0, false},  // Gwadar
        {5, 29.50, 60.86, 3, 5.0, false},  // Zahedan
        {6, 27.20, 60.68, 5, 5.0, false},  // Iranshahr
        {7, 28.30, 65.60, 2, 6.0, true},   // province level
    };
    for (int i = 0; i < 14; ++i) // a cluster at Panjgur
        incidents.push_back({100 + i, 26.96, 64.09, i % 6, 5.0, false});
    renderer.setIncidents(std::move(incidents), 2);
    renderer.setSelection({3}, 3);
    const MapCamera camera(QGeoCoordinate(28.2, 64.2), 5.6, QSizeF(720, 480));
    QImage image(720, 480, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    QFont font = painter.font();
    font.setPixelSize(12);
    painter.setFont(font);
    renderer.paint(painter, camera);
    painter.end();
    return image;
}

// Share of pixels whose channels differ by more than `threshold`.
double differingShare(const QImage& a, const QImage& b, int threshold)
{
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const QRgb* rowA = reinterpret_cast<const QRgb*>(a.constScanLine(y));
        const QRgb* rowB = reinterpret_cast<const QRgb*>(b.constScanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int delta = std::max({std::abs(qRed(rowA[x]) - qRed(rowB[x])),
                                        std::abs(qGreen(rowA[x]) - qGreen(rowB[x])),
                                        std::abs(qBlue(rowA[x]) - qBlue(rowB[x]))});
            differing += delta > threshold ? 1 : 0;
        }
    }
    return double(differing) / double(a.width() * a.height());
}

} // namespace

TEST_CASE("the map renderer matches its reference image", "[render][golden]")
{
    const QString referencePath = test::sourceDir() + QStringLiteral("/tests/data/render/map_reference.png");
    const QImage actual = renderReferenceScene().convertToFormat(QImage::Format_RGB32);
    if (qEnvironmentVariableIsSet("MAKRAN_UPDATE_REFERENCES")) {
        REQUIRE(actual.save(referencePath));
        WARN("Reference image rewritten: " << referencePath.toStdString());
        return;
    }
    const QImage reference = QImage(referencePath).convertToFormat(QImage::Format_RGB32);
    REQUIRE(!reference.isNull());
    REQUIRE(reference.size() == actual.size());
    const double share = differingShare(actual, reference, 48);
    if (share > 0.02) {
        const QString failed = QDir::temp().filePath(QStringLiteral("map_actual.png"));
        actual.save(failed);
        FAIL("map differs from the reference in " << share * 100
                                                  << "% of pixels; this render: " << failed.toStdString());
    }
    CHECK(share <= 0.02);
}

TEST_CASE("the map renderer picks markers and leaves the legend alone", "[render][map]")
{
    MapRenderer renderer;
    renderer.setIncidents({{1, 26.00, 63.05, 0, 6.0, false}}, 0);
    const MapCamera camera(QGeoCoordinate(26.0, 63.05), 7, QSizeF(600, 400));
    CHECK(renderer.pick(camera, QPointF(300, 200)) == QList<qint64>{1});
    CHECK(renderer.pick(camera, QPointF(320, 200)).isEmpty());
    const QRectF legend = renderer.legendRect(camera);
    CHECK(renderer.pick(camera, legend.center()).isEmpty());
    CHECK(renderer.regionBox().contains(QPointF(63.05, 26.0))); // Turbat is in the focus region
}
