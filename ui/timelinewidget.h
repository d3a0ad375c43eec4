#pragma once

#include "render/timelineaxis.h"
#include "render/timelinerenderer.h"

#include <QWidget>

class QToolButton;

namespace makran {

class IncidentCatalog;

// The interactive timeline over the shared TimelineRenderer. Dragging on the axis or the histogram
// brushes a date range that becomes the catalog's date filter; dragging among the glyphs pans.
class TimelineWidget : public QWidget {
    Q_OBJECT
  public:
    explicit TimelineWidget(IncidentCatalog& catalog, QWidget* parent = nullptr);

    const TimelineAxis& axis() const { return m_axis; }
    TimelineRenderer& renderer() { return m_renderer; }
    QSize sizeHint() const override { return {700, 200}; }
    QRectF plotRect() const;
    void fitToData();

    // A brush from x0 to x1 (widget coordinates), as a drag on the axis would: what the tests use.
    void brush(double x0, double x1);
    void clickAt(QPointF point, bool add);

  protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    bool event(QEvent* event) override;

  private:
    enum class Drag { None, Pan, Brush };
    void refreshItems();
    void refreshFilter();

    IncidentCatalog& m_catalog;
    TimelineAxis m_axis;
    TimelineRenderer m_renderer;
    QToolButton* m_clear = nullptr;
    bool m_fitted = false;
    Drag m_drag = Drag::None;
    bool m_moved = false;
    QPointF m_pressPos;
    QPointF m_lastPos;
};

} // namespace makran
