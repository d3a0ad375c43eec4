#pragma once

#include "render/mapcamera.h"
#include "render/mapstyle.h"
#include "render/markerlayout.h"

#include <QList>
#include <QRectF>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

class QPainter;

namespace makran {

class BasemapLayer;
class IncidentCatalog;

// Paints the whole map (basemap, incident markers, labels, legend, scale bar, attribution) onto any
// QPainter: the widget, --screenshot, the PDF export and the golden-image test share this code.
class MapRenderer {
  public:
    MapRenderer(); // with the built-in basemap
    explicit MapRenderer(std::shared_ptr<BasemapLayer> basemap);
    ~MapRenderer();

    void setStyle(const MapStyle& style) { m_style = style; }
    const MapStyle& style() const { return m_style; }
    // The catalog's visible incidents; province-level ones go to their province's label point.
    void setIncidentsFrom(const IncidentCatalog& catalog);
    // unlocated: incidents that have no place on the map (said in the legend, never hidden silently).
    void setIncidents(std::vector<MapIncident> incidents, int unlocated);
    void setSelection(const QSet<qint64>& selected, qint64 current);
    void setNotice(const QString& notice) { m_notice = notice; } // shown over the map, e.g. "empty database"
    void setLegendVisible(bool visible) { m_legendVisible = visible; }
    bool legendVisible() const { return m_legendVisible; }

    void paint(QPainter& painter, const MapCamera& camera);

    // Incident ids under a point, nearest marker first; a cluster contributes all its members.
    QList<qint64> pick(const MapCamera& camera, QPointF point);
    struct Hit {
        QList<qint64> ids;
        bool cluster = false;
    };
    QList<Hit> hitsAt(const MapCamera& camera, QPointF point);
    QRectF legendRect(const MapCamera& camera) const;

    const std::vector<MapIncident>& incidents() const { return m_incidents; }
    int unlocatedCount() const { return m_unlocated; }
    QRectF dataBox() const; // lon/lat box of all incidents on the map
    // Of those incidents; null when none is on the map. *approximateOnly: all are province-level.
    QRectF boxOf(const QList<qint64>& ids, bool* approximateOnly = nullptr) const;
    QRectF regionBox() const; // the two focus provinces
    BasemapLayer& basemap() { return *m_basemap; }

  private:
    void ensureLayout(const MapCamera& camera);
    void paintMarkers(QPainter& painter);
    void paintCluster(QPainter& painter, const MarkerItem& item);
    void paintLegend(QPainter& painter, const QRectF& rect, bool compact) const;
    void paintScaleBar(QPainter& painter, const MapCamera& camera) const;
    void paintAttribution(QPainter& painter, const MapCamera& camera) const;
    void paintNotice(QPainter& painter, const MapCamera& camera) const;
    QSizeF legendSize(bool compact) const;
    static bool compactLegend(const MapCamera& camera);
    QString unlocatedText() const;

    std::shared_ptr<BasemapLayer> m_basemap;
    MapStyle m_style;
    std::vector<MapIncident> m_incidents;
    int m_unlocated = 0;
    QSet<qint64> m_selected;
    qint64 m_current = 0;
    QString m_notice;
    bool m_legendVisible = true;

    MarkerLayout m_layout;
    bool m_layoutValid = false;
    MapCamera m_layoutCamera;
};

} // namespace makran
