#include "timelinewidget.h"

#include "render/eventstyle.h"
#include "state/incidentcatalog.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolButton>
#include <QToolTip>

#include <cmath>

namespace makran {

namespace {
constexpr int kDragThreshold = 4;
}

TimelineWidget::TimelineWidget(IncidentCatalog& catalog, QWidget* parent)
    : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("timeline"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumHeight(110);
    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("clearDateFilter"));
    m_clear->setText(tr("Clear dates"));
    m_clear->setToolTip(tr("Remove the date filter brushed on the timeline"));
    m_clear->setAutoRaise(false);
    m_clear->hide();
    connect(m_clear, &QToolButton::clicked, this, [this] { m_catalog.filter().clearDateRange(); });

    connect(&m_catalog, &IncidentCatalog::visibleChanged, this, &TimelineWidget::refreshItems);
    connect(&m_catalog, &IncidentCatalog::incidentsChanged, this, &TimelineWidget::refreshItems);
    connect(&m_catalog, &IncidentCatalog::reloaded, this, [this] { m_fitted = false; });
    connect(&m_catalog.filter(), &FilterState::changed, this, &TimelineWidget::refreshFilter);
    connect(&m_catalog.selection(), &SelectionState::changed, this,
            [this](const QList<qint64>& selected, qint64 current) {
                m_renderer.setSelection(QSet<qint64>(selected.begin(), selected.end()), current);
                update();
            });
    refreshItems();
    refreshFilter();
}

QRectF TimelineWidget::plotRect() const
{
    return QRectF(rect()).adjusted(4, 4, -4, -2);
}

void TimelineWidget::fitToData()
{
    m_axis.setWidth(plotRect().width());
    m_axis.fit(m_renderer.firstDate(), m_renderer.lastDate());
    update();
}

void TimelineWidget::refreshItems()
{
    m_renderer.setItemsFrom(m_catalog);
    m_renderer.setPalette(palette());
    if (!m_fitted && !m_renderer.items().empty()) {
        m_fitted = true;
        fitToData();
    }
    update();
}

void TimelineWidget::refreshFilter()
{
    const IncidentFilter& filter = m_catalog.filter().filter();
    m_renderer.setDateFilter(filter.from, filter.to);
    m_clear->setVisible(filter.from.isValid() || filter.to.isValid());
    update();
}

void TimelineWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    m_axis.setWidth(plotRect().width());
    m_renderer.setPalette(palette());
    m_renderer.paint(painter, plotRect(), m_axis);
}

void TimelineWidget::resizeEvent(QResizeEvent* event)
{
    // Keep the visible span when the widget is resized.
    m_axis.setWidth(plotRect().width());
    m_clear->adjustSize();
    m_clear->move(width() - m_clear->width() - 8, 8);
    QWidget::resizeEvent(event);
}

void TimelineWidget::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    m_axis.zoomAbout(event->position().x() - plotRect().left(), std::pow(1.25, steps));
    update();
    event->accept();
}

void TimelineWidget::mousePressEvent(QMouseEvent* event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = m_lastPos = event->position();
    m_moved = false;
    const QRectF plot = plotRect();
    const bool onAxis = TimelineRenderer::axisRect(plot).contains(m_pressPos) ||
                        TimelineRenderer::histogramRect(plot).contains(m_pressPos);
    m_drag = (onAxis || (event->modifiers() & Qt::ShiftModifier)) ? Drag::Brush : Drag::Pan;
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    if (m_drag == Drag::None || !(event->buttons() & Qt::LeftButton))
        return;
    if (!m_moved && (pos - m_pressPos).manhattanLength() < kDragThreshold)
        return;
    m_moved = true;
    const double left = plotRect().left();
    if (m_drag == Drag::Pan) {
        m_axis.panBy(pos.x() - m_lastPos.x());
        setCursor(Qt::ClosedHandCursor);
    } else {
        m_renderer.setPreviewRange(std::floor(m_axis.xToDay(m_pressPos.x() - left)),
                                   std::floor(m_axis.xToDay(pos.x() - left)) + 1);
    }
    m_lastPos = pos;
    update();
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    unsetCursor();
    const Drag drag = m_drag;
    m_drag = Drag::None;
    m_renderer.setPreviewRange(0, 0);
    if (!m_moved) {
        clickAt(event->position(), event->modifiers() & (Qt::ControlModifier | Qt::MetaModifier));
        return;
    }
    if (drag == Drag::Brush)
        brush(m_pressPos.x(), event->position().x());
    update();
}

void TimelineWidget::brush(double x0, double x1)
{
    const double left = plotRect().left();
    const QDate from = m_axis.xToDate(std::min(x0, x1) - left);
    const QDate to = m_axis.xToDate(std::max(x0, x1) - left);
    m_catalog.filter().setDateRange(from, to);
}

void TimelineWidget::clickAt(QPointF point, bool add)
{
    const QList<qint64> ids = m_renderer.pick(plotRect(), m_axis, point);
    SelectionState& selection = m_catalog.selection();
    if (ids.isEmpty()) {
        if (!add)
            selection.clear();
    } else if (ids.size() > 1 && TimelineRenderer::histogramRect(plotRect()).contains(point)) {
        selection.selectMany(ids); // a histogram bar: everything counted in it
    } else if (add) {
        selection.toggle(ids.first());
    } else {
        selection.select(ids.first());
    }
}

void TimelineWidget::keyPressEvent(QKeyEvent* event)
{
    const double centre = plotRect().width() / 2.0;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        m_axis.zoomAbout(centre, 1.5);
        break;
    case Qt::Key_Minus:
        m_axis.zoomAbout(centre, 1 / 1.5);
        break;
    case Qt::Key_Left:
        m_axis.panBy(80);
        break;
    case Qt::Key_Right:
        m_axis.panBy(-80);
        break;
    case Qt::Key_Home:
        fitToData();
        break;
    case Qt::Key_Escape:
        m_catalog.filter().clearDateRange();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
    event->accept();
}

bool TimelineWidget::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QRectF plot = plotRect();
        const QList<qint64> ids = m_renderer.pick(plot, m_axis, help->pos());
        QString text;
        if (ids.size() == 1) {
            if (const Incident* incident = m_catalog.byId(ids.first())) {
                const QString when =
                    incident->dateEnd.isValid() && incident->dateEnd != incident->date
                        ? tr("%1 to %2 (%3 precision)")
                              .arg(incident->date.toString(Qt::ISODate),
                                   incident->dateEnd.toString(Qt::ISODate), toString(incident->datePrecision))
                        : incident->date.toString(Qt::ISODate);
                text = QStringLiteral("<b>%1</b><br>%2<br>%3")
                           .arg(EventStyles::forType(incident->eventType).label.toHtmlEscaped(), when,
                                incident->place.name.toHtmlEscaped());
            }
        } else if (!ids.isEmpty()) {
            text = tr("%n incidents", nullptr, int(ids.size()));
        } else if (TimelineRenderer::axisRect(plot).contains(help->pos()) ||
                   TimelineRenderer::histogramRect(plot).contains(help->pos())) {
            text = tr("Drag to filter a date range; wheel to zoom");
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace makran
