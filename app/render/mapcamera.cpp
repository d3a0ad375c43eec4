#include "render/mapcamera.h"

#include "geo/webmercator.h"

#include <algorithm>
#include <cmath>

namespace makran {

QPointF mercatorUnit(double lat, double lon)
{
    return WebMercator::toWorld(lat, lon, 0.0) / WebMercator::kTileSize;
}

QGeoCoordinate mercatorUnitToGeo(QPointF unit)
{
    return WebMercator::toGeo(unit * WebMercator::kTileSize, 0.0);
}

MapCamera::MapCamera(const QGeoCoordinate& centre, double zoom, QSizeF viewport) : m_viewport(viewport)
{
    setCentre(centre);
    setZoom(zoom);
}

QGeoCoordinate MapCamera::centre() const
{
    return mercatorUnitToGeo(m_centreWorld);
}

void MapCamera::setCentre(const QGeoCoordinate& centre)
{
    m_centreWorld = mercatorUnit(centre.latitude(), centre.longitude());
}

void MapCamera::setZoom(double zoom)
{
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
}

double MapCamera::worldSize() const
{
    return 256.0 * std::exp2(m_zoom);
}

QPointF MapCamera::worldTopLeft() const
{
    const double size = worldSize();
    return {m_centreWorld.x() * size - m_viewport.width() / 2.0,
            m_centreWorld.y() * size - m_viewport.height() / 2.0};
}

QPointF MapCamera::toScreen(double lat, double lon) const
{
    return mercatorUnit(lat, lon) * worldSize() - worldTopLeft();
}

QGeoCoordinate MapCamera::toGeo(QPointF screen) const
{
    return mercatorUnitToGeo((screen + worldTopLeft()) / worldSize());
}

void MapCamera::zoomAbout(QPointF screen, double newZoom)
{
    const QPointF unitUnder = (screen + worldTopLeft()) / worldSize();
    setZoom(newZoom);
    // Put unitUnder back under the same screen point.
    const double size = worldSize();
    const QPointF offset = screen - QPointF(m_viewport.width() / 2.0, m_viewport.height() / 2.0);
    m_centreWorld = unitUnder - offset / size;
    m_centreWorld.setY(std::clamp(m_centreWorld.y(), 0.0, 1.0));
}

void MapCamera::panBy(QPointF pixels)
{
    m_centreWorld -= pixels / worldSize();
    m_centreWorld.setX(std::clamp(m_centreWorld.x(), 0.0, 1.0));
    m_centreWorld.setY(std::clamp(m_centreWorld.y(), 0.0, 1.0));
}

void MapCamera::fitTo(const QRectF& lonLatBox, double margin, double maxZoom)
{
    const QRectF box = lonLatBox.normalized();
    const QPointF a = mercatorUnit(box.top(), box.left());
    const QPointF b = mercatorUnit(box.bottom(), box.right());
    const QRectF unit = QRectF(a, b).normalized();
    m_centreWorld = unit.center();
    const double width = std::max(1.0, m_viewport.width() - 2 * margin);
    const double height = std::max(1.0, m_viewport.height() - 2 * margin);
    // A point or a line has no extent: keep a town-sized view rather than zooming to the maximum.
    const double zoomX = unit.width() > 1e-9 ? std::log2(width / (256.0 * unit.width())) : maxZoom;
    const double zoomY = unit.height() > 1e-9 ? std::log2(height / (256.0 * unit.height())) : maxZoom;
    setZoom(std::min({zoomX, zoomY, maxZoom}));
}

QRectF MapCamera::visibleBox() const
{
    const QGeoCoordinate topLeft = toGeo(QPointF(0, 0));
    const QGeoCoordinate bottomRight = toGeo(QPointF(m_viewport.width(), m_viewport.height()));
    return QRectF(QPointF(topLeft.longitude(), bottomRight.latitude()),
                  QPointF(bottomRight.longitude(), topLeft.latitude()));
}

double MapCamera::metresPerPixel() const
{
    return WebMercator::metersPerPixel(centre().latitude(), m_zoom);
}

} // namespace makran
