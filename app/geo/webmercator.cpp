#include "geo/webmercator.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace makran {

double WebMercator::worldSize(double zoom)
{
    return kTileSize * std::exp2(zoom);
}

double WebMercator::clampLatitude(double lat)
{
    return std::clamp(lat, -kMaxLatitude, kMaxLatitude);
}

QPointF WebMercator::toWorld(double lat, double lon, double zoom)
{
    const double size = worldSize(zoom);
    const double phi = clampLatitude(lat) * std::numbers::pi / 180.0;
    const double x = (lon + 180.0) / 360.0 * size;
    const double y =
        (0.5 - std::log(std::tan(std::numbers::pi / 4.0 + phi / 2.0)) / (2.0 * std::numbers::pi)) * size;
    return {x, y};
}

QPointF WebMercator::toWorld(const QGeoCoordinate& coordinate, double zoom)
{
    return toWorld(coordinate.latitude(), coordinate.longitude(), zoom);
}

QPointF WebMercator::toLonLat(const QPointF& world, double zoom)
{
    const double size = worldSize(zoom);
    const double lon = world.x() / size * 360.0 - 180.0;
    const double y = std::clamp(world.y(), 0.0, size);
    const double n = std::numbers::pi * (1.0 - 2.0 * y / size);
    const double lat = std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
    return {lon, clampLatitude(lat)};
}

QGeoCoordinate WebMercator::toGeo(const QPointF& world, double zoom)
{
    const QPointF lonLat = toLonLat(world, zoom);
    return QGeoCoordinate(lonLat.y(), lonLat.x());
}

double WebMercator::metersPerPixel(double lat, double zoom)
{
    const double circumference = 2.0 * std::numbers::pi * kEarthRadiusMeters;
    return std::cos(clampLatitude(lat) * std::numbers::pi / 180.0) * circumference / worldSize(zoom);
}

double WebMercator::distanceKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double rad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * rad;
    const double dLon = (lon2 - lon1) * rad;
    const double a = std::pow(std::sin(dLat / 2.0), 2) +
                     std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::pow(std::sin(dLon / 2.0), 2);
    return 2.0 * kMeanEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

double WebMercator::distanceKm(const QGeoCoordinate& a, const QGeoCoordinate& b)
{
    return distanceKm(a.latitude(), a.longitude(), b.latitude(), b.longitude());
}

} // namespace makran
