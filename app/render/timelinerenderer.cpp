#include "render/timelinerenderer.h"

#include "render/eventstyle.h"
#include "state/incidentcatalog.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace makran {

namespace {
constexpr double kAxisHeight = 24.0;
constexpr double kLaneHeight = 11.0;
constexpr double kGlyphRadius = 3.6;
constexpr double kPointGlyphWidth = 9.0;
} // namespace

void TimelineRenderer::setItems(std::vector<TimelineItem> items, int undatedCount)
{
    std::stable_sort(items.begin(), items.end(),
                     [](const TimelineItem& a, const TimelineItem& b) { return a.start < b.start; });
    m_items = std::move(items);
    m_undated = undatedCount;
    m_layoutValid = false;
}

void TimelineRenderer::setItemsFrom(const IncidentCatalog& catalog)
{
    std::vector<TimelineItem> items;
    items.reserve(size_t(catalog.visibleIds().size()));
    int undated = 0;
    for (qint64 id : catalog.visibleIds()) {
        const Incident* incident = catalog.byId(id);
        if (!incident)
            continue;
        if (!incident->date.isValid()) {
            ++undated;
            continue;
        }
        const QDate end = incident->dateEnd.isValid() && incident->dateEnd >= incident->date
                              ? incident->dateEnd
                              : incident->date;
        items.push_back({id, double(incident->date.toJulianDay()), double(end.toJulianDay()) + 1.0,
                         EventStyles::indexOf(incident->eventType)});
    }
    setItems(std::move(items), undated);
}

void TimelineRenderer::setSelection(const QSet<qint64>& selected, qint64 current)
{
    m_selected = selected;
    m_current = current;
}

void TimelineRenderer::setDateFilter(const QDate& from, const QDate& to)
{
    m_filterFrom = from;
    m_filterTo = to;
}

void TimelineRenderer::setPreviewRange(double startDay, double endDay)
{
    m_previewStart = std::min(startDay, endDay);
    m_previewEnd = std::max(startDay, endDay);
}

QDate TimelineRenderer::firstDate() const
{
    return m_items.empty() ? QDate() : QDate::fromJulianDay(qint64(m_items.front().start));
}

QDate TimelineRenderer::lastDate() const
{
    double last = -1;
    for (const TimelineItem& item : m_items)
        last = std::max(last, item.end - 1.0);
    return last < 0 ? QDate() : QDate::fromJulianDay(qint64(last));
}

QRectF TimelineRenderer::axisRect(const QRectF& rect)
{
    return QRectF(rect.left(), rect.bottom() - kAxisHeight, rect.width(), kAxisHeight);
}

QRectF TimelineRenderer::histogramRect(const QRectF& rect)
{
    const double body = std::max(0.0, rect.height() - kAxisHeight);
    return QRectF(rect.left(), rect.top(), rect.width(), std::max(std::min(18.0, body), body * 0.38));
}

QRectF TimelineRenderer::lanesRect(const QRectF& rect)
{
    const QRectF histogram = histogramRect(rect);
    return QRectF(rect.left(), histogram.bottom(), rect.width(),
                  std::max(0.0, axisRect(rect).top() - histogram.bottom()));
}

void TimelineRenderer::layout(const QRectF& rect, const TimelineAxis& axis)
{
    if (m_layoutValid && m_layoutRect == rect && m_layoutStart == axis.start() && m_layoutEnd == axis.end())
        return;
    m_layoutValid = true;
    m_layoutRect = rect;
    m_layoutStart = axis.start();
    m_layoutEnd = axis.end();
    m_glyphs.clear();
    m_bins.clear();
    m_maxBin = 0;
    m_hiddenGlyphs = 0;

    // Items are sorted by start; everything starting before the visible range's end may show.
    const auto last = std::lower_bound(m_items.begin(), m_items.end(), axis.end(),
                                       [](const TimelineItem& item, double day) { return item.start < day; });
    std::vector<size_t> inRange;
    for (auto it = m_items.begin(); it != last; ++it) {
        if (it->end > axis.start())
            inRange.push_back(size_t(it - m_items.begin()));
    }
    m_inRange = int(inRange.size());

    // Histogram bins aligned to the calendar, counted by the middle of each incident's span.
    const TimelineAxis::Step step = axis.binStep();
    const size_t styleCount = size_t(EventStyles::all().size()) + 1;
    QDate binDate = TimelineAxis::binStart(QDate::fromJulianDay(qint64(std::floor(axis.start()))), step);
    while (binDate.isValid() && double(binDate.toJulianDay()) < axis.end()) {
        const QDate next = TimelineAxis::advance(binDate, step);
        m_bins.push_back(
            {double(binDate.toJulianDay()), double(next.toJulianDay()), std::vector<int>(styleCount), 0});
        binDate = next;
    }
    for (size_t index : inRange) {
        const TimelineItem& item = m_items[index];
        const double middle = std::floor((item.start + item.end - 1.0) / 2.0);
        auto bin = std::upper_bound(m_bins.begin(), m_bins.end(), middle,
                                    [](double day, const Bin& b) { return day < b.start; });
        if (bin == m_bins.begin())
            continue;
        --bin;
        if (middle >= bin->end)
            continue;
        bin->counts[std::min(size_t(item.style), styleCount - 1)]++;
        m_maxBin = std::max(m_maxBin, ++bin->total);
    }

    if (m_inRange > kMaxGlyphs) {
        m_hiddenGlyphs = m_inRange;
        return;
    }
    // Greedy lane packing: each glyph takes the first lane free at its left edge.
    const QRectF lanes = lanesRect(rect);
    const int laneCount = std::max(1, int((lanes.height() - 4) / kLaneHeight));
    std::vector<double> laneEnd(size_t(laneCount), -1e9);
    for (size_t index : inRange) {
        const TimelineItem& item = m_items[index];
        const double x0 = rect.left() + axis.dayToX(item.start);
        const double x1 = rect.left() + axis.dayToX(item.end);
        double left;
        double right;
        if (item.uncertain()) {
            left = x0;
            right = std::max(x1 - 1.0, x0 + kPointGlyphWidth);
        } else {
            const double centre = (x0 + x1) / 2.0;
            left = centre - kPointGlyphWidth / 2.0;
            right = centre + kPointGlyphWidth / 2.0;
        }
        auto lane = std::find_if(laneEnd.begin(), laneEnd.end(), [left](double end) { return end <= left; });
        if (lane == laneEnd.end()) {
            ++m_hiddenGlyphs;
            continue;
        }
        *lane = right + 1.0;
        const double top = lanes.bottom() - 2 - double(lane - laneEnd.begin() + 1) * kLaneHeight;
        m_glyphs.push_back({QRectF(left, top + 1, right - left, kLaneHeight - 2), index});
    }
}

void TimelineRenderer::paintHistogram(QPainter& painter, const QRectF& band) const
{
    if (m_maxBin == 0)
        return;
    const double scale = (band.height() - 14) / double(m_maxBin);
    const double left = m_layoutRect.left();
    const double ppd = m_layoutRect.width() / (m_layoutEnd - m_layoutStart);
    painter.setPen(Qt::NoPen);
    const QList<EventStyle>& styles = EventStyles::all();
    for (const Bin& bin : m_bins) {
        if (bin.total == 0)
            continue;
        const double x0 = left + (bin.start - m_layoutStart) * ppd;
        const double x1 = left + (bin.end - m_layoutStart) * ppd;
        const double width = std::max(1.0, x1 - x0 - (x1 - x0 > 4 ? 1.0 : 0.0));
        double y = band.bottom();
        for (size_t s = 0; s < bin.counts.size(); ++s) {
            if (!bin.counts[s])
                continue;
            const double h = bin.counts[s] * scale;
            QColor colour =
                s < size_t(styles.size()) ? styles[qsizetype(s)].color : EventStyles::unknown().color;
            colour.setAlphaF(0.75f);
            painter.fillRect(QRectF(x0, y - h, width, h), colour);
            y -= h;
        }
    }
    painter.setPen(m_palette.color(QPalette::PlaceholderText));
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter.setFont(font);
    painter.drawText(band.adjusted(4, 1, -4, 0), Qt::AlignLeft | Qt::AlignTop,
                     QStringLiteral("max %1 per bin").arg(m_maxBin));
}

void TimelineRenderer::paintAxis(QPainter& painter, const QRectF& band, const TimelineAxis& axis) const
{
    const QColor text = m_palette.color(QPalette::Text);
    QColor grid = m_palette.color(QPalette::Mid);
    grid.setAlphaF(0.35f);
    painter.setPen(QPen(m_palette.color(QPalette::Mid), 1));
    painter.drawLine(QPointF(band.left(), band.top() + 0.5), QPointF(band.right(), band.top() + 0.5));
    const QFontMetricsF metrics(painter.font());
    double lastLabelRight = -1e9;
    for (const TimelineAxis::Tick& tick : axis.ticks()) {
        const double x = std::round(band.left() + axis.dayToX(tick.day)) + 0.5;
        painter.setPen(QPen(grid, 1));
        painter.drawLine(QPointF(x, m_layoutRect.top()), QPointF(x, band.top()));
        painter.setPen(QPen(text, 1));
        painter.drawLine(QPointF(x, band.top()), QPointF(x, band.top() + (tick.major ? 7 : 4)));
        const double width = metrics.horizontalAdvance(tick.label);
        if (x + 3 <= lastLabelRight || x + 3 + width > band.right())
            continue;
        QFont font = painter.font();
        font.setBold(tick.major);
        painter.setFont(font);
        painter.drawText(QPointF(x + 3, band.bottom() - 6), tick.label);
        font.setBold(false);
        painter.setFont(font);
        lastLabelRight = x + 3 + width + 8;
    }
}

void TimelineRenderer::paint(QPainter& painter, const QRectF& rect, const TimelineAxis& axis)
{
    layout(rect, axis);
    painter.save();
    painter.setClipRect(rect);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.fillRect(rect, m_palette.color(QPalette::Base));
    const QColor highlight = m_palette.color(QPalette::Highlight);

    // The active date filter, then a brush being dragged.
    auto shade = [&](double start, double end, int alpha) {
        const double x0 = rect.left() + axis.dayToX(start);
        const double x1 = rect.left() + axis.dayToX(end);
        QColor fill = highlight;
        fill.setAlpha(alpha);
        painter.fillRect(QRectF(QPointF(x0, rect.top()), QPointF(x1, rect.bottom())), fill);
        painter.setPen(QPen(highlight, 1.5));
        painter.drawLine(QPointF(x0, rect.top()), QPointF(x0, rect.bottom()));
        painter.drawLine(QPointF(x1, rect.top()), QPointF(x1, rect.bottom()));
    };
    if (m_filterFrom.isValid() || m_filterTo.isValid()) {
        const double from = m_filterFrom.isValid() ? double(m_filterFrom.toJulianDay()) : axis.start() - 1;
        const double to = m_filterTo.isValid() ? double(m_filterTo.toJulianDay()) + 1 : axis.end() + 1;
        shade(from, to, 38);
    }
    if (m_previewEnd > m_previewStart)
        shade(m_previewStart, m_previewEnd, 70);

    paintHistogram(painter, histogramRect(rect));
    QColor separator = m_palette.color(QPalette::Mid);
    separator.setAlphaF(0.5f);
    painter.setPen(QPen(separator, 1, Qt::DotLine));
    const double histogramBottom = histogramRect(rect).bottom() + 0.5;
    painter.drawLine(QPointF(rect.left(), histogramBottom), QPointF(rect.right(), histogramBottom));

    const QColor outline =
        m_palette.color(QPalette::Base).lightness() < 128 ? QColor(20, 20, 20) : QColor(Qt::white);
    const QList<EventStyle>& styles = EventStyles::all();
    for (int pass = 0; pass < 2; ++pass) { // selected glyphs on top
        for (const Glyph& glyph : m_glyphs) {
            const TimelineItem& item = m_items[glyph.item];
            const bool selected = m_selected.contains(item.id);
            if (selected != (pass == 1))
                continue;
            const EventStyle& style =
                item.style < styles.size() ? styles[item.style] : EventStyles::unknown();
            if (item.uncertain()) {
                QColor fill = style.color;
                fill.setAlphaF(0.35f);
                painter.setPen(QPen(style.color, 1.2));
                painter.setBrush(fill);
                const QRectF bar = glyph.box.adjusted(0, 1.5, 0, -1.5);
                painter.drawRoundedRect(bar, 2, 2);
            } else {
                EventStyles::drawMarker(painter, style, glyph.box.center(), kGlyphRadius, outline, 0.8);
            }
            if (selected) {
                painter.setPen(QPen(highlight, item.id == m_current ? 2.4 : 1.6));
                painter.setBrush(Qt::NoBrush);
                painter.drawRoundedRect(glyph.box.adjusted(-2, -2, 2, 2), 3, 3);
            }
        }
    }

    paintAxis(painter, axisRect(rect), axis);

    // Say what is not drawn instead of hiding it.
    QStringList notes;
    if (m_items.empty() && m_undated == 0)
        notes << QStringLiteral("No incidents to show");
    if (m_hiddenGlyphs > 0)
        notes << (m_inRange > kMaxGlyphs
                      ? QStringLiteral("%1 incidents in view: zoom in to see each one").arg(m_inRange)
                      : QStringLiteral("%1 more incidents than fit: see the histogram").arg(m_hiddenGlyphs));
    if (m_undated > 0)
        notes << QStringLiteral("%1 without a date (not on the timeline)").arg(m_undated);
    if (!notes.isEmpty()) {
        const QRectF band = histogramRect(rect);
        const QFontMetricsF metrics(painter.font());
        // Elided on the left on a narrow timeline, so the last note (the undated count) stays readable.
        const QString text =
            metrics.elidedText(notes.join(QStringLiteral("  ·  ")), Qt::ElideLeft, band.width() - 110);
        QRectF box(band.right() - metrics.horizontalAdvance(text) - 14, band.top() + 2,
                   metrics.horizontalAdvance(text) + 10, metrics.height() + 4);
        QColor back = m_palette.color(QPalette::Base);
        back.setAlphaF(0.85f);
        painter.setPen(Qt::NoPen);
        painter.setBrush(back);
        painter.drawRoundedRect(box, 3, 3);
        painter.setPen(m_palette.color(QPalette::Text));
        painter.drawText(box, Qt::AlignCenter, text);
    }
    painter.restore();
}

QList<qint64> TimelineRenderer::pick(const QRectF& rect, const TimelineAxis& axis, QPointF point)
{
    layout(rect, axis);
    QList<qint64> ids;
    for (auto it = m_glyphs.rbegin(); it != m_glyphs.rend(); ++it) {
        if (it->box.adjusted(-2, -2, 2, 2).contains(point))
            ids << m_items[it->item].id;
    }
    if (!ids.isEmpty() || !histogramRect(rect).contains(point))
        return ids;
    // A click on a histogram bar picks the incidents counted in it.
    const double day = axis.xToDay(point.x() - rect.left());
    for (const Bin& bin : m_bins) {
        if (day < bin.start || day >= bin.end || bin.total == 0)
            continue;
        for (const TimelineItem& item : m_items) {
            const double middle = std::floor((item.start + item.end - 1.0) / 2.0);
            if (middle >= bin.start && middle < bin.end)
                ids << item.id;
        }
    }
    return ids;
}

} // namespace makran
