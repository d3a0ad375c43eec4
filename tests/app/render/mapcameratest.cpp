#include "render/mapcamera.h"

#include <catch2/catch.hpp>

using namespace makran;

TEST_CASE("MapCamera projects and unprojects consistently", "[render][camera]")
{
    MapCamera camera(QGeoCoordinate(27.0, 64.0), 6.5, QSizeF(800, 600));
    const QPointF centre = camera.toScreen(27.0, 64.0);
    CHECK(centre.x() == Approx(400).margin(1e-6));
    CHECK(centre.y() == Approx(300).margin(1e-6));
    const QGeoCoordinate back = camera.toGeo(QPointF(123, 456));
    const QPointF again = camera.toScreen(back);
    CHECK(again.x() == Approx(123).margin(1e-6));
    CHECK(again.y() == Approx(456).margin(1e-6));
    // North is up, east is right.
    CHECK(camera.toScreen(28.0, 64.0).y() < centre.y());
    CHECK(camera.toScreen(27.0, 65.0).x() > centre.x());
}

TEST_CASE("zooming about a point keeps that point under the cursor", "[render][camera]")
{
    MapCamera camera(QGeoCoordinate(27.0, 64.0), 6.0, QSizeF(800, 600));
    const QPointF cursor(650, 120);
    const QGeoCoordinate under = camera.toGeo(cursor);
    camera.zoomAbout(cursor, 8.25);
    CHECK(camera.zoom() == Approx(8.25));
    const QPointF after = camera.toScreen(under);
    CHECK(after.x() == Approx(cursor.x()).margin(1e-6));
    CHECK(after.y() == Approx(cursor.y()).margin(1e-6));
    camera.zoomAbout(cursor, 99);
    CHECK(camera.zoom() == MapCamera::kMaxZoom);
}

TEST_CASE("fitting a box shows all of it, and a point gets the maximum zoom asked for", "[render][camera]")
{
    MapCamera camera(QGeoCoordinate(0, 0), 3, QSizeF(1000, 500));
    const QRectF box(QPointF(58.0, 24.5), QPointF(70.5, 32.2)); // x = lon, y = lat
    camera.fitTo(box, 20);
    const QRectF visible = camera.visibleBox();
    CHECK(visible.contains(box));
    // Tight: one more zoom step would not fit.
    MapCamera closer = camera;
    closer.setZoom(camera.zoom() + 0.3);
    CHECK(!closer.visibleBox().contains(box));

    camera.fitTo(QRectF(64.09, 26.96, 0, 0), 20, 8.0);
    CHECK(camera.zoom() == Approx(8.0));
    CHECK(camera.centre().latitude() == Approx(26.96).margin(1e-6));
}

TEST_CASE("metres per pixel shrink with zoom and latitude", "[render][camera]")
{
    MapCamera equator(QGeoCoordinate(0, 0), 5, QSizeF(100, 100));
    MapCamera quetta(QGeoCoordinate(30.18, 66.97), 5, QSizeF(100, 100));
    CHECK(equator.metresPerPixel() == Approx(4891.97).epsilon(0.001));
    CHECK(quetta.metresPerPixel() < equator.metresPerPixel());
    MapCamera zoomed = quetta;
    zoomed.setZoom(6);
    CHECK(zoomed.metresPerPixel() == Approx(quetta.metresPerPixel() / 2));
}
