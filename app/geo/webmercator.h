#pragma once

#include <QGeoCoordinate>
#include <QPointF>

namespace makran {

// Spherical Web Mercator (EPSG:3857) with the 256-pixel tile convention used by slippy maps:
// at zoom z the whole world is 256 * 2^z pixels square, x growing east from 180°W and y growing
// south from 85.0511°N. Fractional zoom levels are allowed. Every projection in the app goes
// through here so the map, the overlays and exports agree to the pixel.
class WebMercator {
  public:
    static constexpr double kTileSize = 256.0;
    static constexpr double kMaxLatitude = 85.05112877980659; // where the projected world is square
    static constexpr double kEarthRadiusMeters = 6378137.0;   // WGS 84 semi-major axis, as EPSG:3857
    static constexpr double kMeanEarthRadiusKm = 6371.0088;   // IUGG mean radius, for distances

    static double worldSize(double zoom);
    static double clampLatitude(double lat);

    // Geographic degrees to world pixels at the zoom; latitude is clamped to ±kMaxLatitude.
    static QPointF toWorld(double lat, double lon, double zoom);
    static QPointF toWorld(const QGeoCoordinate& coordinate, double zoom);

    // World pixels back to degrees; x = longitude, y = latitude. Longitudes are not wrapped, so a
    // view panned past the antimeridian keeps continuous coordinates.
    static QPointF toLonLat(const QPointF& world, double zoom);
    static QGeoCoordinate toGeo(const QPointF& world, double zoom);

    // Ground metres covered by one pixel at a latitude, for a scale bar.
    static double metersPerPixel(double lat, double zoom);

    // Great-circle (haversine) distance on the mean-radius sphere.
    static double distanceKm(double lat1, double lon1, double lat2, double lon2);
    static double distanceKm(const QGeoCoordinate& a, const QGeoCoordinate& b);
};

} // namespace makran
