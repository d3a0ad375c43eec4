#pragma once

#include "render/mapcamera.h"
#include "render/maprenderer.h"

#include <QGeoCoordinate>
#include <QPoint>
#include <QWidget>

namespace makran {

class IncidentCatalog;
class MapPickState;

// The interactive map: the shared MapRenderer in a widget. Follows the catalog's filter and selection;
// a click changes the selection in the catalog, never another view.
class MapWidget : public QWidget {
    Q_OBJECT
  public:
    explicit MapWidget(IncidentCatalog& catalog, QWidget* parent = nullptr);

    const MapCamera& camera() const { return m_camera; }
    void setCamera(const MapCamera& camera);
    MapRenderer& renderer() { return m_renderer; }
    QSize sizeHint() const override { return {800, 600}; }

    void zoomIn();
    void zoomOut();
    void zoomToRegion();
    void zoomToSelection();
    void zoomToData();
    void setLegendVisible(bool visible);
    // While a pick is pending, a click delivers its position there instead of selecting (Esc cancels).
    // Not owned; may be null.
    void setPickState(MapPickState* pick);

    // Clicks a point as the user would (plain click, or Ctrl+click when adding): what the tests use.
    void clickAt(QPointF point, bool add);

  signals:
    void cursorMoved(const QGeoCoordinate& coordinate); // invalid when the cursor leaves the map
    void framePainted(); // after each paint; the startup benchmark waits for the first one

  protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

  private:
    void refreshIncidents();
    void refreshSelection();
    void animateTo(const MapCamera& camera);
    QString describe(const QList<qint64>& ids, bool cluster) const;

    IncidentCatalog& m_catalog;
    MapPickState* m_pick = nullptr;
    MapCamera m_camera;
    MapRenderer m_renderer;
    bool m_fitted = false;
    QPoint m_pressPos;
    QPoint m_lastDragPos;
    bool m_dragging = false;
    QPointF m_lastClick;
    int m_cycle = 0; // which of several overlapping markers the next click at the same spot picks
};

} // namespace makran
