#include "export/briefingfigures.h"

#include "export/briefingfonts.h"
#include "render/basemaplayer.h"
#include "render/eventstyle.h"
#include "render/maprenderer.h"
#include "render/timelineaxis.h"
#include "render/timelinerenderer.h"

#include <QBuffer>
#include <QPainter>

namespace makran {

namespace {

void drawNotice(QPainter& painter, const QRectF& rect, const QString& text)
{
    painter.save();
    painter.fillRect(rect, Qt::white);
    painter.setPen(QColor(0x33, 0x33, 0x33));
    painter.setFont(figureFont(12));
    painter.drawText(rect, Qt::AlignCenter | Qt::TextWordWrap, text);
    painter.restore();
}

} // namespace

void drawBriefingMap(QPainter& painter, const QRectF& rect, const QList<Incident>& incidents)
{
    // The screen's map renderer with its built-in basemap, so the briefing shows what the analyst saw;
    // province-level incidents go to their province's label point, as on screen.
    MapRenderer renderer;
    std::vector<MapIncident> items;
    items.reserve(size_t(incidents.size()));
    int unlocated = 0;
    for (const Incident& incident : incidents) {
        MapIncident item;
        item.id = incident.id;
        item.style = EventStyles::indexOf(incident.eventType);
        item.radius = EventStyles::radiusForFatalities(incident.fatalities);
        item.approximate = incident.place.geoPrecision == 3;
        std::optional<QPointF> at;
        if (item.approximate || !incident.place.hasCoordinates())
            at = renderer.basemap().provinceLabel(incident.place.admin1, incident.place.country);
        if (at) {
            item.approximate = true;
            item.lon = at->x();
            item.lat = at->y();
        } else if (incident.place.hasCoordinates()) {
            item.lat = *incident.place.lat;
            item.lon = *incident.place.lon;
        } else {
            ++unlocated;
            continue;
        }
        items.push_back(item);
    }
    renderer.setIncidents(std::move(items), unlocated);
    renderer.setSelection({}, 0);
    renderer.setNotice(incidents.isEmpty() ? QStringLiteral("No incidents to map") : QString());

    MapCamera camera;
    camera.setViewport(rect.size());
    const QRectF data = renderer.dataBox();
    constexpr double kMargin = 36.0;
    constexpr double kMaxZoom = 9.0;
    camera.fitTo(data.isNull() ? renderer.regionBox() : data, kMargin, kMaxZoom);
    // The legend sits in the top-left corner: widen the view westwards so no incident hides under it.
    const QRectF legend = renderer.legendRect(camera);
    if (!data.isNull() && data.width() > 0 && legend.right() + kMargin < rect.width()) {
        QRectF widened = data;
        widened.setLeft(data.left() -
                        data.width() * legend.right() / (rect.width() - legend.right() - kMargin));
        camera.fitTo(widened, kMargin, kMaxZoom);
    }
    painter.save();
    painter.translate(rect.topLeft());
    renderer.paint(painter, camera);
    painter.restore();
}

void drawBriefingTimeline(QPainter& painter, const QRectF& rect, const QList<Incident>& incidents)
{
    std::vector<TimelineItem> items;
    int undated = 0;
    QDate first;
    QDate last;
    for (const Incident& incident : incidents) {
        if (!incident.date.isValid()) {
            ++undated;
            continue;
        }
        const QDate end = incident.dateEnd.isValid() && incident.dateEnd >= incident.date ? incident.dateEnd
                                                                                          : incident.date;
        items.push_back({incident.id, double(incident.date.toJulianDay()), double(end.toJulianDay()) + 1.0,
                         EventStyles::indexOf(incident.eventType)});
        first = first.isValid() ? std::min(first, incident.date) : incident.date;
        last = last.isValid() ? std::max(last, end) : end;
    }
    if (items.empty()) {
        drawNotice(painter, rect,
                   incidents.isEmpty() ? QStringLiteral("No incidents.")
                                       : QStringLiteral("No dated incidents to place on a timeline."));
        return;
    }
    TimelineRenderer renderer;
    renderer.setItems(std::move(items), undated);
    TimelineAxis axis(first, last, rect.width());
    painter.save();
    painter.fillRect(rect, Qt::white);
    renderer.paint(painter, rect, axis);
    painter.restore();
}

QImage renderBriefingMap(const QList<Incident>& incidents, QSize size, double scale)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    drawBriefingMap(painter, QRectF(QPointF(0, 0), QSizeF(size)), incidents);
    return image;
}

QImage renderBriefingTimeline(const QList<Incident>& incidents, QSize size, double scale)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    drawBriefingTimeline(painter, QRectF(QPointF(0, 0), QSizeF(size)), incidents);
    return image;
}

QString imageDataUri(const QImage& image)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.toBase64());
}

} // namespace makran
