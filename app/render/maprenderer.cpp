#include "render/maprenderer.h"

#include "render/basemaplayer.h"
#include "render/eventstyle.h"
#include "state/incidentcatalog.h"

#include <QPainter>

#include <cmath>

namespace makran {

namespace {
constexpr double kMargin = 10.0;
constexpr double kLegendRow = 17.0;
constexpr double kLegendWidth = 232.0;

QString formatDistance(double metres)
{
    return metres >= 1000 ? QStringLiteral("%1 km").arg(metres / 1000.0) : QStringLiteral("%1 m").arg(metres);
}
} // namespace

MapRenderer::MapRenderer() : MapRenderer(std::make_shared<BasemapLayer>()) {}

MapRenderer::MapRenderer(std::shared_ptr<BasemapLayer> basemap)
    : m_basemap(std::move(basemap)), m_style(MapStyle::lightStyle())
{
}

MapRenderer::~MapRenderer() = default;

void MapRenderer::setIncidentsFrom(const IncidentCatalog& catalog)
{
    std::vector<MapIncident> incidents;
    incidents.reserve(size_t(catalog.visibleIds().size()));
    int unlocated = 0;
    for (qint64 id : catalog.visibleIds()) {
        const Incident* incident = catalog.byId(id);
        if (!incident)
            continue;
        MapIncident item;
        item.id = id;
        item.style = EventStyles::indexOf(incident->eventType);
        item.radius = EventStyles::radiusForFatalities(incident->fatalities);
        item.approximate = incident->place.geoPrecision == 3;
        std::optional<QPointF> at;
        if (item.approximate || !incident->place.hasCoordinates())
            at = m_basemap->provinceLabel(incident->place.admin1, incident->place.country);
        if (at) {
            item.approximate = true; // known only to the province, whatever coordinates came along
            item.lon = at->x();
            item.lat = at->y();
        } else if (incident->place.hasCoordinates()) {
            item.lat = *incident->place.lat;
            item.lon = *incident->place.lon;
        } else {
            ++unlocated;
            continue;
        }
        incidents.push_back(item);
    }
    setIncidents(std::move(incidents), unlocated);
}

void MapRenderer::setIncidents(std::vector<MapIncident> incidents, int unlocated)
{
    m_incidents = std::move(incidents);
    m_unlocated = unlocated;
    m_layoutValid = false;
}

void MapRenderer::setSelection(const QSet<qint64>& selected, qint64 current)
{
    m_selected = selected;
    m_current = current;
    m_layoutValid = false;
}

void MapRenderer::ensureLayout(const MapCamera& camera)
{
    if (m_layoutValid && m_layoutCamera == camera)
        return;
    m_layout.build(m_incidents, camera, m_selected);
    m_layoutCamera = camera;
    m_layoutValid = true;
}

QRectF MapRenderer::dataBox() const
{
    QRectF box;
    for (const MapIncident& incident : m_incidents) {
        const QRectF point(incident.lon, incident.lat, 1e-9, 1e-9);
        box = box.isNull() ? point : box.united(point);
    }
    return box;
}

QRectF MapRenderer::boxOf(const QList<qint64>& ids, bool* approximateOnly) const
{
    const QSet<qint64> wanted(ids.begin(), ids.end());
    QRectF box;
    if (approximateOnly)
        *approximateOnly = true;
    for (const MapIncident& incident : m_incidents) {
        if (!wanted.contains(incident.id))
            continue;
        if (approximateOnly)
            *approximateOnly = *approximateOnly && incident.approximate;
        const QRectF point(incident.lon, incident.lat, 1e-9, 1e-9);
        box = box.isNull() ? point : box.united(point);
    }
    return box;
}

QRectF MapRenderer::regionBox() const
{
    return m_basemap->focusRegion();
}

QList<MapRenderer::Hit> MapRenderer::hitsAt(const MapCamera& camera, QPointF point)
{
    if (m_legendVisible && legendRect(camera).contains(point))
        return {};
    ensureLayout(camera);
    QList<Hit> hits;
    for (int index : m_layout.itemsAt(point)) {
        const MarkerItem& item = m_layout.items()[size_t(index)];
        hits.append({m_layout.idsOf(item), item.cluster});
    }
    return hits;
}

QList<qint64> MapRenderer::pick(const MapCamera& camera, QPointF point)
{
    QList<qint64> ids;
    for (const Hit& hit : hitsAt(camera, point))
        ids << hit.ids;
    return ids;
}

QString MapRenderer::unlocatedText() const
{
    return QStringLiteral("%1 with no location: not on the map").arg(m_unlocated);
}

bool MapRenderer::compactLegend(const MapCamera& camera)
{
    return camera.viewport().height() < 460; // a small map keeps only the event types in its legend
}

QSizeF MapRenderer::legendSize(bool compact) const
{
    int rows =
        int(EventStyles::all().size()) + (compact ? 1 : 4); // title, types[, size, approximate, cluster]
    if (m_unlocated > 0)
        ++rows;
    // Wide enough for its longest line in the font it is drawn with.
    QFont font;
    font.setPixelSize(12);
    const QFontMetricsF metrics(font);
    double width = kLegendWidth;
    if (m_unlocated > 0)
        width = std::max(width, 40 + metrics.horizontalAdvance(unlocatedText()));
    return QSizeF(width, rows * kLegendRow + 12);
}

QRectF MapRenderer::legendRect(const MapCamera& camera) const
{
    Q_UNUSED(camera);
    return QRectF(QPointF(kMargin, kMargin), legendSize(compactLegend(camera)));
}

void MapRenderer::paint(QPainter& painter, const MapCamera& camera)
{
    painter.save();
    const QRectF viewport(QPointF(0, 0), camera.viewport());
    painter.setClipRect(viewport);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    m_basemap->paint(painter, camera, m_style);

    QList<QRectF> occupied;
    if (m_legendVisible)
        occupied << legendRect(camera).adjusted(-4, -4, 4, 4);
    occupied << QRectF(0, viewport.height() - 40, 200, 40);                      // scale bar
    occupied << QRectF(viewport.width() - 280, viewport.height() - 22, 280, 22); // attribution
    // Labels keep clear of markers, so neither hides the other.
    ensureLayout(camera);
    for (const MarkerItem& item : m_layout.items()) {
        const double r = item.radius + 2;
        occupied << QRectF(item.pos.x() - r, item.pos.y() - r, 2 * r, 2 * r);
    }
    m_basemap->paintLabels(painter, camera, m_style, occupied);
    paintMarkers(painter);
    if (m_legendVisible)
        paintLegend(painter, legendRect(camera), compactLegend(camera));
    paintScaleBar(painter, camera);
    paintAttribution(painter, camera);
    paintNotice(painter, camera);
    painter.restore();
}

void MapRenderer::paintCluster(QPainter& painter, const MarkerItem& item)
{
    const QList<EventStyle>& styles = EventStyles::all();
    const QRectF box(item.pos.x() - item.radius, item.pos.y() - item.radius, 2 * item.radius,
                     2 * item.radius);
    // A ring chart: each event type's share of the cluster, around the count.
    painter.setPen(QPen(m_style.markerOutline, 1.0));
    painter.setBrush(m_style.panel);
    painter.drawEllipse(box);
    int angle = 90 * 16;
    for (size_t s = 0; s < item.styleCounts.size(); ++s) {
        if (!item.styleCounts[s])
            continue;
        const int span = int(std::round(-360.0 * 16 * item.styleCounts[s] / item.count));
        painter.setPen(Qt::NoPen);
        painter.setBrush(s < size_t(styles.size()) ? styles[qsizetype(s)].color
                                                   : EventStyles::unknown().color);
        painter.drawPie(box, angle, span);
        angle += span;
    }
    const double inner = item.radius * 0.62;
    painter.setPen(QPen(m_style.markerOutline, 0.8));
    painter.setBrush(m_style.panel);
    painter.drawEllipse(item.pos, inner, inner);
    QFont font = painter.font();
    font.setPixelSize(int(std::clamp(inner * 0.95, 8.0, 14.0)));
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(m_style.panelText);
    const QString count =
        item.count >= 10000 ? QStringLiteral("%1k").arg(item.count / 1000) : QString::number(item.count);
    painter.drawText(QRectF(item.pos.x() - inner, item.pos.y() - inner, 2 * inner, 2 * inner),
                     Qt::AlignCenter, count);
}

void MapRenderer::paintMarkers(QPainter& painter)
{
    painter.save();
    const QList<EventStyle>& styles = EventStyles::all();
    for (const MarkerItem& item : m_layout.items()) {
        if (item.approximate) {
            // Known only to the province: a dashed halo says "somewhere around here".
            const double halo = item.cluster ? item.radius + 8 : item.radius * 2.2 + 7;
            QColor fill = m_style.approximate;
            fill.setAlphaF(0.10f);
            QPen pen(m_style.approximate, 1.2, Qt::DashLine);
            painter.setPen(pen);
            painter.setBrush(fill);
            painter.drawEllipse(item.anchor, halo, halo);
        }
        if (item.anchor != item.pos) {
            painter.setPen(QPen(m_style.markerOutline, 0.8));
            painter.drawLine(item.anchor, item.pos);
            painter.setBrush(m_style.markerOutline);
            painter.drawEllipse(item.anchor, 1.6, 1.6);
        }
        if (item.cluster) {
            paintCluster(painter, item);
        } else {
            const EventStyle& style =
                item.style < styles.size() ? styles[item.style] : EventStyles::unknown();
            EventStyle drawn = style;
            if (item.approximate)
                drawn.color.setAlphaF(0.8f);
            EventStyles::drawMarker(painter, drawn, item.pos, item.radius, m_style.markerOutline, 1.0);
        }
        if (item.selected) {
            const bool current = !item.cluster && m_layout.ids()[size_t(item.first)] == m_current;
            const double ring = item.radius + (item.cluster ? 3.0 : 4.5);
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(QColor(0xFF, 0xC4, 0x00), current ? 4.0 : 3.0));
            painter.drawEllipse(item.pos, ring, ring);
            painter.setPen(QPen(m_style.selection, current ? 1.6 : 1.0));
            painter.drawEllipse(item.pos, ring + (current ? 2.5 : 2.0), ring + (current ? 2.5 : 2.0));
        }
    }
    painter.restore();
}

void MapRenderer::paintLegend(QPainter& painter, const QRectF& rect, bool compact) const
{
    painter.save();
    painter.setPen(QPen(m_style.panelBorder, 1));
    painter.setBrush(m_style.panel);
    painter.drawRoundedRect(rect, 5, 5);
    QFont font = painter.font();
    font.setPixelSize(12);
    painter.setFont(font);
    std::vector<int> counts(size_t(EventStyles::all().size()) + 1, 0);
    for (const MapIncident& incident : m_incidents)
        counts[std::min(size_t(incident.style), counts.size() - 1)]++;

    double y = rect.top() + 6;
    const double textX = rect.left() + 30;
    auto row = [&](const QString& text, const QColor& colour = QColor()) {
        painter.setPen(colour.isValid() ? colour : m_style.panelText);
        painter.drawText(QRectF(textX, y, rect.right() - textX - 6, kLegendRow),
                         Qt::AlignVCenter | Qt::AlignLeft, text);
        y += kLegendRow;
    };
    font.setBold(true);
    painter.setFont(font);
    row(QStringLiteral("Event type (on map: %1)").arg(m_incidents.size()));
    font.setBold(false);
    painter.setFont(font);
    const QList<EventStyle>& styles = EventStyles::all();
    for (qsizetype i = 0; i < styles.size(); ++i) {
        EventStyles::drawMarker(painter, styles[i], QPointF(rect.left() + 16, y + kLegendRow / 2), 5,
                                m_style.markerOutline);
        row(QStringLiteral("%1  (%2)").arg(styles[i].label).arg(counts[size_t(i)]));
    }
    if (compact) {
        if (m_unlocated > 0)
            row(unlocatedText(), QColor(0xC0, 0x39, 0x2B));
        painter.restore();
        return;
    }
    // Sizes: fatalities 0, 10, 50.
    double x = rect.left() + 10;
    for (int killed : {0, 10, 50}) {
        const double r = EventStyles::radiusForFatalities(killed) * 0.7;
        painter.setPen(QPen(m_style.panelText, 1)); // drawn on the panel, so in the panel's text colour
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QPointF(x + r, y + kLegendRow / 2 + 1), r, r);
        x += 2 * r + 4;
    }
    painter.setPen(m_style.panelText);
    painter.drawText(QRectF(x + 4, y, rect.right() - x - 8, kLegendRow + 2), Qt::AlignVCenter,
                     QStringLiteral("size: 0, 10, 50 killed"));
    y += kLegendRow + 2;
    painter.setPen(QPen(m_style.approximate, 1.2, Qt::DashLine));
    painter.setBrush(Qt::NoBrush);
    painter.drawEllipse(QPointF(rect.left() + 16, y + kLegendRow / 2), 7, 7);
    row(QStringLiteral("Province known, not the place"));
    painter.setPen(QPen(m_style.panelText, 1));
    painter.setBrush(m_style.panel);
    painter.drawEllipse(QPointF(rect.left() + 16, y + kLegendRow / 2), 7, 7);
    QFont small = font;
    small.setPixelSize(8);
    small.setBold(true);
    painter.setFont(small);
    painter.drawText(QRectF(rect.left() + 9, y, 14, kLegendRow), Qt::AlignCenter, QStringLiteral("12"));
    painter.setFont(font);
    row(QStringLiteral("Many incidents in one spot"));
    if (m_unlocated > 0)
        row(unlocatedText(), QColor(0xC0, 0x39, 0x2B));
    painter.restore();
}

void MapRenderer::paintScaleBar(QPainter& painter, const MapCamera& camera) const
{
    const double mpp = camera.metresPerPixel();
    if (!(mpp > 0))
        return;
    // The largest 1-2-5 distance that fits in ~120 pixels.
    const double target = 120.0 * mpp;
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    double nice = magnitude;
    for (double factor : {2.0, 5.0, 10.0}) {
        if (factor * magnitude <= target)
            nice = factor * magnitude;
    }
    const double length = nice / mpp;
    const double x = kMargin + 4;
    const double y = camera.viewport().height() - kMargin - 8;
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_style.panel);
    painter.drawRoundedRect(QRectF(x - 6, y - 20, length + 70, 28), 4, 4);
    painter.setPen(QPen(m_style.panelText, 2, Qt::SolidLine, Qt::FlatCap));
    painter.drawLine(QPointF(x, y), QPointF(x + length, y));
    painter.drawLine(QPointF(x, y - 5), QPointF(x, y));
    painter.drawLine(QPointF(x + length, y - 5), QPointF(x + length, y));
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);
    painter.drawText(QRectF(x, y - 20, length + 60, 14), Qt::AlignLeft | Qt::AlignVCenter,
                     formatDistance(nice));
    painter.restore();
}

void MapRenderer::paintAttribution(QPainter& painter, const MapCamera& camera) const
{
    painter.save();
    QFont font = painter.font();
    font.setPixelSize(10);
    painter.setFont(font);
    const QString text = QStringLiteral("Basemap: Natural Earth · Places: GeoNames (CC BY 4.0)");
    const QFontMetricsF metrics(font);
    const QRectF box(camera.viewport().width() - metrics.horizontalAdvance(text) - 12,
                     camera.viewport().height() - metrics.height() - 4, metrics.horizontalAdvance(text) + 12,
                     metrics.height() + 4);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_style.panel);
    painter.drawRect(box);
    painter.setPen(m_style.panelText);
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

void MapRenderer::paintNotice(QPainter& painter, const MapCamera& camera) const
{
    if (m_notice.isEmpty())
        return;
    painter.save();
    QFont font = painter.font();
    font.setPixelSize(14);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double maxWidth = std::max(200.0, camera.viewport().width() - 2 * kLegendWidth - 60);
    const QRectF textBox =
        metrics.boundingRect(QRectF(0, 0, maxWidth, 400), Qt::TextWordWrap | Qt::AlignCenter, m_notice);
    const QRectF box(camera.viewport().width() / 2 - textBox.width() / 2 - 14, kMargin, textBox.width() + 28,
                     textBox.height() + 16);
    painter.setPen(QPen(m_style.panelBorder, 1));
    painter.setBrush(m_style.panel);
    painter.drawRoundedRect(box, 6, 6);
    painter.setPen(m_style.panelText);
    painter.drawText(box, Qt::TextWordWrap | Qt::AlignCenter, m_notice);
    painter.restore();
}

} // namespace makran
