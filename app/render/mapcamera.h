#pragma once

#include <QGeoCoordinate>
#include <QPointF>
#include <QRectF>
#include <QSizeF>

namespace makran {

// What part of the Web Mercator world a view shows: a centre, a fractional zoom (256 * 2^zoom world
// pixels around the globe) and a viewport size in device-independent pixels. Plain value type so the
// widget, the screenshot, the PDF export and the tests can each hold their own.
class MapCamera {
  public:
    static constexpr double kMinZoom = 2.0;
    static constexpr double kMaxZoom = 15.0;

    MapCamera() = default;
    MapCamera(const QGeoCoordinate& centre, double zoom, QSizeF viewport);

    QGeoCoordinate centre() const;
    double zoom() const { return m_zoom; }
    QSizeF viewport() const { return m_viewport; }
    void setCentre(const QGeoCoordinate& centre);
    void setZoom(double zoom);
    void setViewport(QSizeF size) { m_viewport = size; }

    // Geo <-> viewport pixels.
    QPointF toScreen(double lat, double lon) const;
    QPointF toScreen(const QGeoCoordinate& coordinate) const
    {
        return toScreen(coordinate.latitude(), coordinate.longitude());
    }
    QGeoCoordinate toGeo(QPointF screen) const;
    // Offset from world pixels at this zoom to viewport pixels (world - topLeft = screen).
    QPointF worldTopLeft() const;
    double worldSize() const; // world pixels around the globe at this zoom

    // Keeps the geo point under `screen` fixed while zooming: what the wheel does.
    void zoomAbout(QPointF screen, double newZoom);
    void panBy(QPointF pixels); // moves the content by `pixels` (drag direction)
    // Largest zoom at which the lon/lat box (x = lon, y = lat) fits with `margin` pixels on each side.
    // A single point gets maxZoom, so a lone incident keeps its surroundings in view.
    void fitTo(const QRectF& lonLatBox, double margin = 24.0, double maxZoom = 11.0);
    // The lon/lat box (x = lon, y = lat) the viewport covers.
    QRectF visibleBox() const;
    double metresPerPixel() const; // at the centre's latitude

    friend bool operator==(const MapCamera&, const MapCamera&) = default;

  private:
    QPointF m_centreWorld{0.5, 0.5}; // Web Mercator in [0,1) x [0,1), independent of zoom
    double m_zoom = 5.0;
    QSizeF m_viewport{800, 600};
};

// Web Mercator (geo/webmercator.h) on the unit square, which a camera pans and zooms over.
QPointF mercatorUnit(double lat, double lon);
QGeoCoordinate mercatorUnitToGeo(QPointF unit);

} // namespace makran
