#pragma once

#include "render/timelineaxis.h"

#include <QColor>
#include <QDate>
#include <QList>
#include <QPalette>
#include <QRectF>
#include <QSet>

#include <vector>

class QPainter;

namespace makran {

class IncidentCatalog;

// One incident as the timeline sees it: a span of days [start, end) and an event-type style.
struct TimelineItem {
    qint64 id = 0;
    double start = 0; // Julian day
    double end = 1;   // exclusive; > start + 1 for week or month precision
    int style = 0;    // index into EventStyles::all() (== size() for unknown)
    bool uncertain() const { return end - start > 1.5; }
};

// Paints the timeline (histogram band, incident glyphs in lanes, uncertain dates as bars, the axis,
// the date filter) onto any QPainter, and answers which incidents lie under a point. Used by the widget
// and by exports alike.
class TimelineRenderer {
  public:
    static constexpr int kMaxGlyphs = 5000; // beyond this only the histogram is drawn

    void setItems(std::vector<TimelineItem> items, int undatedCount);
    // The visible incidents of a catalog, with how many of them have no date.
    void setItemsFrom(const IncidentCatalog& catalog);
    void setSelection(const QSet<qint64>& selected, qint64 current);
    void setDateFilter(const QDate& from, const QDate& to);
    void setPreviewRange(double startDay, double endDay); // a brush in progress; start == end: none
    void setPalette(const QPalette& palette) { m_palette = palette; }

    const std::vector<TimelineItem>& items() const { return m_items; }
    int undatedCount() const { return m_undated; }
    // First and last dated day of the items; invalid when there are none.
    QDate firstDate() const;
    QDate lastDate() const;

    void paint(QPainter& painter, const QRectF& rect, const TimelineAxis& axis);
    // Incidents under point: glyphs first, then the histogram bin under it.
    QList<qint64> pick(const QRectF& rect, const TimelineAxis& axis, QPointF point);

    // Regions of rect, so the widget can tell a brush on the axis from a click on a glyph.
    static QRectF histogramRect(const QRectF& rect);
    static QRectF lanesRect(const QRectF& rect);
    static QRectF axisRect(const QRectF& rect);

  private:
    struct Glyph {
        QRectF box;
        size_t item = 0;
    };
    struct Bin {
        double start = 0;
        double end = 0;
        std::vector<int> counts; // per style
        int total = 0;
    };
    void layout(const QRectF& rect, const TimelineAxis& axis);
    void paintHistogram(QPainter& painter, const QRectF& band) const;
    void paintAxis(QPainter& painter, const QRectF& band, const TimelineAxis& axis) const;

    std::vector<TimelineItem> m_items; // sorted by start
    int m_undated = 0;
    QSet<qint64> m_selected;
    qint64 m_current = 0;
    QDate m_filterFrom;
    QDate m_filterTo;
    double m_previewStart = 0;
    double m_previewEnd = 0;
    QPalette m_palette;

    // Layout of the last painted frame, reused by pick().
    bool m_layoutValid = false;
    QRectF m_layoutRect;
    double m_layoutStart = 0;
    double m_layoutEnd = 0;
    std::vector<Glyph> m_glyphs;
    std::vector<Bin> m_bins;
    int m_inRange = 0;
    int m_hiddenGlyphs = 0;
    int m_maxBin = 0;
};

} // namespace makran
