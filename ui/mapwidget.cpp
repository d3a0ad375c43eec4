#include "mapwidget.h"

#include "render/basemaplayer.h"
#include "render/eventstyle.h"
#include "state/incidentcatalog.h"
#include "state/mappickstate.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace makran {

namespace {
constexpr int kDragThreshold = 4;
constexpr double kKeyPan = 80.0;
} // namespace

MapWidget::MapWidget(IncidentCatalog& catalog, QWidget* parent) : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("map"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    m_renderer.setStyle(MapStyle::forPalette(palette()));
    m_camera.setViewport(size());
    connect(&m_catalog, &IncidentCatalog::visibleChanged, this, &MapWidget::refreshIncidents);
    connect(&m_catalog, &IncidentCatalog::incidentsChanged, this, &MapWidget::refreshIncidents); // camera stays
    connect(&m_catalog, &IncidentCatalog::reloaded, this, [this] {
        m_fitted = false; // a new database: show its data once it is laid out
        refreshIncidents();
    });
    connect(&m_catalog.selection(), &SelectionState::changed, this, &MapWidget::refreshSelection);
    refreshIncidents();
}

void MapWidget::setCamera(const MapCamera& camera)
{
    m_camera = camera;
    m_camera.setViewport(size());
    m_fitted = true;
    update();
}

void MapWidget::refreshIncidents()
{
    m_renderer.setIncidentsFrom(m_catalog);
    QString notice;
    if (!m_catalog.store())
        notice = tr("No database is open. Use File ▸ Open database…");
    else if (m_catalog.all().empty())
        notice = tr("This database has no incidents yet. Import reports with File ▸ Import reports… or drop "
                    "files here.");
    else if (m_catalog.visibleIds().isEmpty())
        notice =
            tr("No incident matches the filter (%n in the database).", nullptr, int(m_catalog.all().size()));
    m_renderer.setNotice(notice);
    refreshSelection();
}

void MapWidget::refreshSelection()
{
    const QList<qint64>& selected = m_catalog.selection().selected();
    m_renderer.setSelection(QSet<qint64>(selected.begin(), selected.end()), m_catalog.selection().current());
    update();
}

void MapWidget::animateTo(const MapCamera& camera)
{
    // Jump rather than animate: predictable for tests and screenshots, and cheap.
    m_camera = camera;
    update();
}

void MapWidget::zoomIn()
{
    MapCamera camera = m_camera;
    camera.zoomAbout(rect().center(), camera.zoom() + 0.5);
    animateTo(camera);
}

void MapWidget::zoomOut()
{
    MapCamera camera = m_camera;
    camera.zoomAbout(rect().center(), camera.zoom() - 0.5);
    animateTo(camera);
}

void MapWidget::zoomToRegion()
{
    MapCamera camera = m_camera;
    camera.fitTo(m_renderer.regionBox());
    animateTo(camera);
}

void MapWidget::zoomToSelection()
{
    bool approximateOnly = false;
    const QRectF box = m_renderer.boxOf(m_catalog.selection().selected(), &approximateOnly);
    if (box.isNull())
        return;
    MapCamera camera = m_camera;
    // A town keeps its surroundings in view; an incident known only to its province shows the province.
    camera.fitTo(box, 60, approximateOnly ? 6.0 : 8.0);
    animateTo(camera);
}

void MapWidget::zoomToData()
{
    QRectF box = m_renderer.dataBox();
    if (box.isNull()) {
        zoomToRegion();
        return;
    }
    box = box.united(m_renderer.regionBox()); // keep the region's context around a few points
    MapCamera camera = m_camera;
    camera.fitTo(box);
    animateTo(camera);
}

void MapWidget::setLegendVisible(bool visible)
{
    m_renderer.setLegendVisible(visible);
    update();
}

void MapWidget::setPickState(MapPickState* pick)
{
    if (m_pick)
        disconnect(m_pick, nullptr, this, nullptr);
    m_pick = pick;
    if (m_pick)
        connect(m_pick, &MapPickState::activeChanged, this, [this](bool active) {
            if (active)
                setCursor(Qt::CrossCursor);
            else
                unsetCursor();
        });
}

void MapWidget::paintEvent(QPaintEvent*)
{
    m_camera.setViewport(size());
    if (!m_fitted && width() > 50) {
        m_fitted = true;
        m_camera.fitTo(m_renderer.regionBox());
    }
    QPainter painter(this);
    painter.setFont(font());
    m_renderer.paint(painter, m_camera);
    if (hasFocus()) {
        QColor focus = palette().color(QPalette::Highlight);
        focus.setAlphaF(0.6f);
        painter.setPen(QPen(focus, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
    emit framePainted();
}

void MapWidget::resizeEvent(QResizeEvent* event)
{
    // Keep the centre; the renderer uses the new viewport on the next paint.
    m_camera.setViewport(size());
    QWidget::resizeEvent(event);
}

void MapWidget::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    m_camera.zoomAbout(event->position(), m_camera.zoom() + steps * 0.5);
    update();
    event->accept();
}

void MapWidget::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = m_lastDragPos = event->position().toPoint();
    m_dragging = false;
}

void MapWidget::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint pos = event->position().toPoint();
    emit cursorMoved(m_camera.toGeo(event->position()));
    if (!(event->buttons() & Qt::LeftButton))
        return;
    if (!m_dragging && (pos - m_pressPos).manhattanLength() < kDragThreshold)
        return;
    m_dragging = true;
    setCursor(Qt::ClosedHandCursor);
    m_camera.panBy(pos - m_lastDragPos);
    m_lastDragPos = pos;
    update();
}

void MapWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_pick && m_pick->isActive())
        setCursor(Qt::CrossCursor);
    else
        unsetCursor();
    if (!m_dragging)
        clickAt(event->position(), event->modifiers() & (Qt::ControlModifier | Qt::MetaModifier));
    m_dragging = false;
}

void MapWidget::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_renderer.hitsAt(m_camera, event->position()).isEmpty()) {
        m_camera.zoomAbout(event->position(), m_camera.zoom() + 1.0);
        update();
    }
}

void MapWidget::clickAt(QPointF point, bool add)
{
    if (m_pick && m_pick->isActive()) {
        const QGeoCoordinate at = m_camera.toGeo(point);
        if (at.isValid())
            m_pick->deliver(at.latitude(), at.longitude());
        return;
    }
    const QList<MapRenderer::Hit> hits = m_renderer.hitsAt(m_camera, point);
    SelectionState& selection = m_catalog.selection();
    if (hits.isEmpty()) {
        if (!add)
            selection.clear();
        return;
    }
    // Repeated clicks on the same spot cycle through overlapping markers.
    const bool sameSpot = std::hypot(point.x() - m_lastClick.x(), point.y() - m_lastClick.y()) < 3.0;
    m_cycle = sameSpot ? (m_cycle + 1) % int(hits.size()) : 0;
    m_lastClick = point;
    const MapRenderer::Hit& hit = hits[m_cycle];
    if (hit.cluster) {
        if (add) {
            QList<qint64> ids = selection.selected();
            for (qint64 id : hit.ids) {
                if (!ids.contains(id))
                    ids << id;
            }
            selection.selectMany(ids);
        } else {
            selection.selectMany(hit.ids);
        }
        return;
    }
    if (add)
        selection.toggle(hit.ids.first());
    else
        selection.select(hit.ids.first());
}

void MapWidget::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        m_camera.panBy(QPointF(kKeyPan, 0));
        update();
        break;
    case Qt::Key_Right:
        m_camera.panBy(QPointF(-kKeyPan, 0));
        update();
        break;
    case Qt::Key_Up:
        m_camera.panBy(QPointF(0, kKeyPan));
        update();
        break;
    case Qt::Key_Down:
        m_camera.panBy(QPointF(0, -kKeyPan));
        update();
        break;
    case Qt::Key_Home:
        zoomToRegion();
        break;
    case Qt::Key_Escape:
        if (m_pick && m_pick->isActive())
            m_pick->cancel();
        else
            m_catalog.selection().clear();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void MapWidget::leaveEvent(QEvent* event)
{
    emit cursorMoved(QGeoCoordinate());
    QWidget::leaveEvent(event);
}

void MapWidget::contextMenuEvent(QContextMenuEvent* event)
{
    // Offer a choice among overlapping markers, so none is out of reach.
    const QList<MapRenderer::Hit> hits = m_renderer.hitsAt(m_camera, event->pos());
    QMenu menu(this);
    QList<qint64> ids;
    for (const MapRenderer::Hit& hit : hits)
        ids << hit.ids;
    constexpr int kMaxEntries = 25;
    for (qsizetype i = 0; i < std::min<qsizetype>(ids.size(), kMaxEntries); ++i) {
        const qint64 id = ids[i];
        const Incident* incident = m_catalog.byId(id);
        if (!incident)
            continue;
        const QString date = incident->date.isValid() ? incident->date.toString(Qt::ISODate) : tr("no date");
        QAction* action =
            menu.addAction(QStringLiteral("%1 · %2 · %3")
                               .arg(date, EventStyles::forType(incident->eventType).label,
                                    incident->place.name.isEmpty() ? tr("no place") : incident->place.name));
        connect(action, &QAction::triggered, this, [this, id] { m_catalog.selection().select(id); });
    }
    if (ids.size() > kMaxEntries) {
        QAction* all = menu.addAction(tr("Select all %1 here").arg(ids.size()));
        connect(all, &QAction::triggered, this, [this, ids] { m_catalog.selection().selectMany(ids); });
    }
    if (!menu.isEmpty())
        menu.addSeparator();
    menu.addAction(tr("Zoom to region"), this, &MapWidget::zoomToRegion);
    QAction* toSelection = menu.addAction(tr("Zoom to selection"), this, &MapWidget::zoomToSelection);
    toSelection->setEnabled(!m_catalog.selection().selected().isEmpty());
    menu.exec(event->globalPos());
}

void MapWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange) {
        m_renderer.setStyle(MapStyle::forPalette(palette()));
        update();
    }
    QWidget::changeEvent(event);
}

QString MapWidget::describe(const QList<qint64>& ids, bool cluster) const
{
    if (ids.isEmpty())
        return QString();
    if (cluster || ids.size() > 1) {
        QMap<QString, int> byType;
        for (qint64 id : ids) {
            if (const Incident* incident = m_catalog.byId(id))
                byType[EventStyles::forType(incident->eventType).label]++;
        }
        QStringList lines;
        for (auto it = byType.cbegin(); it != byType.cend(); ++it)
            lines << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
        return tr("<b>%n incidents here</b>", nullptr, int(ids.size())) + QStringLiteral("<br>") +
               lines.join(QStringLiteral("<br>")) + QStringLiteral("<br><i>") +
               tr("Click to select all; right-click to choose one") + QStringLiteral("</i>");
    }
    const Incident* incident = m_catalog.byId(ids.first());
    if (!incident)
        return QString();
    QString place =
        incident->place.name.isEmpty() ? tr("place unknown") : incident->place.name.toHtmlEscaped();
    if (!incident->place.admin1.isEmpty() && incident->place.admin1 != incident->place.name)
        place += QStringLiteral(", ") + incident->place.admin1.toHtmlEscaped();
    if (incident->place.geoPrecision == 3)
        place += tr(" (province only)");
    QString text =
        QStringLiteral("<b>%1</b><br>%2<br>%3")
            .arg(EventStyles::forType(incident->eventType).label.toHtmlEscaped(), place,
                 incident->date.isValid() ? incident->date.toString(Qt::ISODate) : tr("date unknown"));
    if (incident->fatalities)
        text += QStringLiteral(" · ") + tr("%n killed", nullptr, *incident->fatalities);
    if (!incident->summary.isEmpty())
        text += QStringLiteral("<br><i>%1</i>").arg(incident->summary.left(200).toHtmlEscaped());
    return text;
}

bool MapWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QList<MapRenderer::Hit> hits = m_renderer.hitsAt(m_camera, help->pos());
        QList<qint64> ids;
        bool cluster = false;
        for (const MapRenderer::Hit& hit : hits) {
            ids << hit.ids;
            cluster = cluster || hit.cluster;
        }
        const QString text = describe(ids, cluster);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace makran
