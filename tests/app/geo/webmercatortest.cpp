#include "geo/webmercator.h"

#include <catch2/catch.hpp>

using makran::WebMercator;

TEST_CASE("Web Mercator puts the origin at the centre of the world", "[geo][webmercator]")
{
    const QPointF centre = WebMercator::toWorld(0.0, 0.0, 0.0);
    CHECK(centre.x() == Approx(128.0));
    CHECK(centre.y() == Approx(128.0));
    CHECK(WebMercator::worldSize(3.0) == Approx(2048.0));
    const QPointF corner = WebMercator::toWorld(WebMercator::kMaxLatitude, -180.0, 2.0);
    CHECK(corner.x() == Approx(0.0).margin(1e-9));
    CHECK(corner.y() == Approx(0.0).margin(1e-6));
}

TEST_CASE("Web Mercator round-trips geographic coordinates at any zoom", "[geo][webmercator]")
{
    const double zooms[] = {0.0, 3.5, 7.25, 12.0, 18.0};
    const QGeoCoordinate places[] = {{30.18414, 67.00141}, {29.4963, 60.8629}, {25.12163, 62.32541},
                                     {-33.86, 151.21},     {64.1, -21.9},      {0.0, 0.0}};
    for (double zoom : zooms) {
        for (const QGeoCoordinate& place : places) {
            const QGeoCoordinate back = WebMercator::toGeo(WebMercator::toWorld(place, zoom), zoom);
            CHECK(back.latitude() == Approx(place.latitude()).margin(1e-9));
            CHECK(back.longitude() == Approx(place.longitude()).margin(1e-9));
        }
    }
}

TEST_CASE("Web Mercator clamps the poles and keeps east to the right, north up", "[geo][webmercator]")
{
    const QPointF clamped = WebMercator::toWorld(89.9, 10.0, 4.0);
    const QPointF limit = WebMercator::toWorld(WebMercator::kMaxLatitude, 10.0, 4.0);
    CHECK(clamped.y() == Approx(limit.y()));
    CHECK(WebMercator::toLonLat(QPointF(0, -500), 1.0).y() == Approx(WebMercator::kMaxLatitude));
    const QPointF quetta = WebMercator::toWorld(30.18, 67.0, 6.0);
    const QPointF zahedan = WebMercator::toWorld(29.50, 60.86, 6.0);
    CHECK(quetta.x() > zahedan.x());
    CHECK(quetta.y() < zahedan.y());
}

TEST_CASE("Web Mercator scale follows latitude and zoom", "[geo][webmercator]")
{
    CHECK(WebMercator::metersPerPixel(0.0, 0.0) == Approx(156543.034).epsilon(1e-6));
    CHECK(WebMercator::metersPerPixel(60.0, 0.0) == Approx(156543.034 / 2.0).epsilon(1e-6));
    CHECK(WebMercator::metersPerPixel(30.0, 10.0) == Approx(WebMercator::metersPerPixel(30.0, 9.0) / 2.0));
}

TEST_CASE("Great-circle distances match known values", "[geo][webmercator]")
{
    // London to Paris is about 343.5 km on the mean sphere.
    CHECK(WebMercator::distanceKm(51.5074, -0.1278, 48.8566, 2.3522) == Approx(343.5).margin(1.0));
    CHECK(WebMercator::distanceKm(10.0, 20.0, 10.0, 20.0) == Approx(0.0).margin(1e-12));
    const QGeoCoordinate quetta(30.18414, 67.00141);
    const QGeoCoordinate zahedan(29.4963, 60.8629);
    const double km = WebMercator::distanceKm(quetta, zahedan);
    CHECK(km == Approx(quetta.distanceTo(zahedan) / 1000.0).epsilon(0.005));
    CHECK(km > 550.0);
    CHECK(km < 650.0);
}
