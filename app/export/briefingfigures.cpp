#include "export/briefingfigures.h"

#include "export/briefingfonts.h"
#include "export/exportfields.h"
#include "export/exportstyle.h"

#include <QBuffer>
#include <QMap>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace makran {

namespace {

const QColor kInk(0x33, 0x33, 0x33);
const QColor kFaint(0xBB, 0xBB, 0xBB);

void drawNotice(QPainter& painter, const QRectF& rect, const QString& text)
{
    painter.setPen(kInk);
    painter.setFont(figureFont(12));
    painter.drawText(rect, Qt::AlignCenter | Qt::TextWordWrap, text);
}

// Legend of the event types present, with counts, in the top-right corner of rect.
void drawLegend(QPainter& painter, const QRectF& rect, const QMap<QString, int>& counts)
{
    painter.setFont(figureFont(10));
    const QFontMetricsF metrics(painter.font());
    QStringList types;
    for (const QString& type : acledEventTypes()) {
        if (counts.contains(type))
            types << type;
    }
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (!types.contains(it.key()))
            types << it.key();
    }
    double width = 0;
    for (const QString& type : types)
        width = std::max(
            width, metrics.horizontalAdvance(QStringLiteral("%1 (%2)")
                                                 .arg(type.isEmpty() ? QStringLiteral("Unknown type") : type)
                                                 .arg(counts.value(type))));
    const double line = metrics.height() + 2;
    const QRectF box(rect.right() - width - 26, rect.top() + 6, width + 20, line * double(types.size()) + 8);
    painter.setPen(QPen(kFaint, 0.5));
    painter.setBrush(QColor(255, 255, 255, 230));
    painter.drawRect(box);
    double y = box.top() + 4;
    for (const QString& type : types) {
        painter.setPen(QPen(Qt::white, 0.8));
        painter.setBrush(eventTypeColor(type));
        painter.drawEllipse(QPointF(box.left() + 8, y + line / 2), 3.5, 3.5);
        painter.setPen(kInk);
        painter.drawText(QRectF(box.left() + 15, y, width + 4, line), Qt::AlignVCenter | Qt::AlignLeft,
                         QStringLiteral("%1 (%2)")
                             .arg(type.isEmpty() ? QStringLiteral("Unknown type") : type)
                             .arg(counts.value(type)));
        y += line;
    }
}

} // namespace

void drawBriefingMap(QPainter& painter, const QRectF& rect, const QList<Incident>& incidents)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setClipRect(rect);
    painter.fillRect(rect, QColor(0xF4, 0xF6, 0xF8));

    QList<const Incident*> located;
    for (const Incident& incident : incidents) {
        if (incident.place.hasCoordinates())
            located << &incident;
    }
    // The focus region (Balochistan and Sistan-Baluchestan) when nothing is located, else the incidents.
    double minLon = 57.5, maxLon = 71.5, minLat = 24.0, maxLat = 33.0;
    if (!located.isEmpty()) {
        minLon = maxLon = *located.first()->place.lon;
        minLat = maxLat = *located.first()->place.lat;
        for (const Incident* incident : located) {
            minLon = std::min(minLon, *incident->place.lon);
            maxLon = std::max(maxLon, *incident->place.lon);
            minLat = std::min(minLat, *incident->place.lat);
            maxLat = std::max(maxLat, *incident->place.lat);
        }
        const double padLon = std::max(0.75, (maxLon - minLon) * 0.1);
        const double padLat = std::max(0.75, (maxLat - minLat) * 0.1);
        minLon -= padLon;
        maxLon += padLon;
        minLat -= padLat;
        maxLat += padLat;
    }
    // Equirectangular with the x axis shortened by cos(latitude), fitted and centred in rect.
    const double aspect = std::cos((minLat + maxLat) / 2 * std::numbers::pi / 180.0);
    const double scale =
        std::min(rect.width() / ((maxLon - minLon) * aspect), rect.height() / (maxLat - minLat));
    const double usedW = (maxLon - minLon) * aspect * scale;
    const double usedH = (maxLat - minLat) * scale;
    const QPointF origin(rect.left() + (rect.width() - usedW) / 2, rect.top() + (rect.height() - usedH) / 2);
    auto toScreen = [&](double lat, double lon) {
        return QPointF(origin.x() + (lon - minLon) * aspect * scale, origin.y() + (maxLat - lat) * scale);
    };

    // Graticule, every 1, 2 or 5 degrees so there are a few lines whatever the extent.
    const double span = std::max(maxLon - minLon, maxLat - minLat);
    const double step = span > 25 ? 5.0 : span > 8 ? 2.0 : 1.0;
    painter.setFont(figureFont(9));
    for (double lon = std::ceil(minLon / step) * step; lon <= maxLon; lon += step) {
        const QPointF top = toScreen(maxLat, lon);
        const QPointF bottom = toScreen(minLat, lon);
        painter.setPen(QPen(kFaint, 0.5, Qt::DotLine));
        painter.drawLine(top, bottom);
        painter.setPen(kInk);
        painter.drawText(QPointF(bottom.x() + 2, bottom.y() - 3), QStringLiteral("%1°E").arg(lon));
    }
    for (double lat = std::ceil(minLat / step) * step; lat <= maxLat; lat += step) {
        const QPointF left = toScreen(lat, minLon);
        const QPointF right = toScreen(lat, maxLon);
        painter.setPen(QPen(kFaint, 0.5, Qt::DotLine));
        painter.drawLine(left, right);
        painter.setPen(kInk);
        painter.drawText(QPointF(left.x() + 2, left.y() - 2), QStringLiteral("%1°N").arg(lat));
    }

    // Markers, largest first so small ones stay visible on top; area grows with fatalities.
    QMap<QString, int> counts;
    std::stable_sort(located.begin(), located.end(), [](const Incident* a, const Incident* b) {
        return a->fatalities.value_or(0) > b->fatalities.value_or(0);
    });
    for (const Incident* incident : located) {
        counts[incident->eventType] += 1;
        const double radius = std::min(14.0, 4.0 + std::sqrt(double(incident->fatalities.value_or(0))) * 1.2);
        painter.setPen(QPen(Qt::white, 0.8));
        QColor fill = eventTypeColor(incident->eventType);
        fill.setAlpha(215);
        painter.setBrush(fill);
        painter.drawEllipse(toScreen(*incident->place.lat, *incident->place.lon), radius, radius);
    }
    if (!counts.isEmpty())
        drawLegend(painter, rect, counts);

    const qsizetype unlocated = incidents.size() - located.size();
    if (incidents.isEmpty())
        drawNotice(painter, rect, QStringLiteral("No incidents to map."));
    else if (unlocated > 0) {
        painter.setPen(kInk);
        painter.setFont(figureFont(10));
        painter.drawText(rect.adjusted(6, 4, -6, 0), Qt::AlignLeft | Qt::AlignTop,
                         QStringLiteral("%1 incident(s) without coordinates are not shown.").arg(unlocated));
    }
    painter.setClipping(false);
    painter.setPen(QPen(kFaint, 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(rect);
    painter.restore();
}

void drawBriefingTimeline(QPainter& painter, const QRectF& rect, const QList<Incident>& incidents)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(rect, Qt::white);
    QDate first;
    QDate last;
    int undated = 0;
    for (const Incident& incident : incidents) {
        if (!incident.date.isValid()) {
            ++undated;
            continue;
        }
        first = first.isValid() ? std::min(first, incident.date) : incident.date;
        last = last.isValid() ? std::max(last, incident.date) : incident.date;
    }
    if (!first.isValid()) {
        drawNotice(painter, rect,
                   incidents.isEmpty() ? QStringLiteral("No incidents.")
                                       : QStringLiteral("No dated incidents to place on a timeline."));
        painter.restore();
        return;
    }
    // Days, weeks or months per bar, so there are at most a few dozen bars.
    const qint64 days = first.daysTo(last) + 1;
    const int binDays = days <= 62 ? 1 : days <= 434 ? 7 : 30;
    const int bins = int((days + binDays - 1) / binDays);
    const QStringList types = acledEventTypes();
    std::vector<std::vector<int>> counts(size_t(bins), std::vector<int>(size_t(types.size()) + 1, 0));
    for (const Incident& incident : incidents) {
        if (!incident.date.isValid())
            continue;
        const int bin = int(first.daysTo(incident.date) / binDays);
        const qsizetype type = types.indexOf(incident.eventType);
        counts[size_t(bin)][size_t(type >= 0 ? type : types.size())] += 1;
    }
    int maxCount = 1;
    for (const auto& bin : counts)
        maxCount = std::max(maxCount, std::accumulate(bin.begin(), bin.end(), 0));

    painter.setFont(figureFont(9.5));
    const QFontMetricsF metrics(painter.font());
    const QRectF plot = rect.adjusted(metrics.horizontalAdvance(QStringLiteral("0000")) + 6, 8, -8,
                                      -(metrics.height() * 2 + 8));
    const double barW = plot.width() / bins;
    for (int b = 0; b < bins; ++b) {
        double y = plot.bottom();
        for (size_t t = 0; t < counts[size_t(b)].size(); ++t) {
            const int n = counts[size_t(b)][t];
            if (n == 0)
                continue;
            const double h = plot.height() * n / maxCount;
            painter.fillRect(QRectF(plot.left() + b * barW + barW * 0.1, y - h, barW * 0.8, h),
                             eventTypeColor(t < size_t(types.size()) ? types.at(qsizetype(t)) : QString()));
            y -= h;
        }
    }
    painter.setPen(QPen(kInk, 0.8));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    painter.drawText(QRectF(rect.left(), plot.top() - 4, plot.left() - rect.left() - 4, metrics.height()),
                     Qt::AlignRight, QString::number(maxCount));
    painter.drawText(QRectF(rect.left(), plot.bottom() - metrics.height(), plot.left() - rect.left() - 4,
                            metrics.height()),
                     Qt::AlignRight, QStringLiteral("0"));
    // A few date labels along the axis.
    const int labels = std::min(bins, 6);
    for (int i = 0; i < labels; ++i) {
        const int b = labels == 1 ? 0 : i * (bins - 1) / (labels - 1);
        const QDate date = first.addDays(qint64(b) * binDays);
        const double x = plot.left() + (b + 0.5) * barW;
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 3));
        painter.drawText(QRectF(x - 40, plot.bottom() + 4, 80, metrics.height()), Qt::AlignHCenter,
                         isoDate(date));
    }
    const QString unit = binDays == 1   ? QStringLiteral("day")
                         : binDays == 7 ? QStringLiteral("week")
                                        : QStringLiteral("30 days");
    QString caption = QStringLiteral("Incidents per %1, %2 to %3").arg(unit, isoDate(first), isoDate(last));
    if (undated > 0)
        caption += QStringLiteral("; %1 undated incident(s) not shown").arg(undated);
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + metrics.height() + 6, plot.width(), metrics.height()),
        Qt::AlignHCenter, caption);
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
