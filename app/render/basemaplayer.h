#pragma once

#include "render/mapcamera.h"
#include "render/mapstyle.h"

#include <QHash>
#include <QList>
#include <QPainterPath>
#include <QRectF>

#include <memory>
#include <optional>
#include <vector>

class QPainter;

namespace makran {

class Basemap;
class Gazetteer;

// The offline basemap: sea, countries (neighbours muted), provinces with the two focus provinces set
// apart, and labels for countries, provinces and towns that never overlap and thin out
// as the view zooms out. Projected outlines are cached per integer zoom level, simplified to that
// level's pixel size, and scaled for the fractional zoom in between.
class BasemapLayer {
  public:
    BasemapLayer(); // the built-in basemap and gazetteer
    BasemapLayer(const Basemap& basemap, const Gazetteer* gazetteer);
    ~BasemapLayer();

    void paint(QPainter& painter, const MapCamera& camera, const MapStyle& style);
    // Labels avoid `occupied` (legend, scale bar) and each other; returns the rectangles used.
    QList<QRectF> paintLabels(QPainter& painter, const MapCamera& camera, const MapStyle& style,
                              const QList<QRectF>& occupied);

    // Label point (x = lon, y = lat) of a province, for incidents known only to the province.
    std::optional<QPointF> provinceLabel(const QString& admin1, const QString& countryCode) const;
    // Lon/lat box around Balochistan and Sistan and Baluchestan.
    QRectF focusRegion() const;
    bool isEmpty() const;

    static bool isFocusProvince(const QString& admin1, const QString& countryCode);

  private:
    struct Level;
    struct Town;
    const Level& level(int zoomLevel);

    const Basemap& m_basemap;
    std::vector<Town> m_towns; // sorted by label priority
    QHash<int, std::shared_ptr<Level>> m_levels;
};

} // namespace makran
