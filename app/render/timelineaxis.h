#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace makran {

// The time axis of the timeline: which span of days is visible across how many pixels, zoom about a
// date, pan, and ticks that adapt from days to decades. Days are Julian day numbers (fractional), so a
// date's cell is [jd, jd + 1). Plain value type, usable without a widget.
class TimelineAxis {
  public:
    enum class Unit { Day, Week, Month, Year };
    struct Step {
        Unit unit = Unit::Day;
        int count = 1;
        friend bool operator==(const Step&, const Step&) = default;
    };
    struct Tick {
        double day = 0; // Julian day where the tick sits
        QString label;  // empty for unlabelled minor ticks
        bool major = false;
    };
    static constexpr double kMinSpanDays = 7.0;
    static constexpr double kMaxSpanDays = 366.0 * 60;

    TimelineAxis() = default;
    TimelineAxis(const QDate& from, const QDate& to, double widthPixels);

    double start() const { return m_start; }
    double end() const { return m_end; }
    double span() const { return m_end - m_start; }
    double width() const { return m_width; }
    void setWidth(double pixels) { m_width = std::max(1.0, pixels); }
    void setRange(double startDay, double endDay);
    // Shows [from, to] inclusive with a little room on each side.
    void fit(const QDate& from, const QDate& to);

    double dayToX(double day) const;
    double dateToX(const QDate& date) const { return dayToX(double(date.toJulianDay())); }
    double xToDay(double x) const;
    QDate xToDate(double x) const;
    double pixelsPerDay() const { return m_width / span(); }

    // factor > 1 zooms in (fewer days visible); the day under x stays under x.
    void zoomAbout(double x, double factor);
    void panBy(double dx); // content moves by dx pixels

    // Ticks labelled at least minLabelSpacing pixels apart, plus the step used.
    Step tickStep(double minLabelSpacing = 70.0) const;
    QList<Tick> ticks(double minLabelSpacing = 70.0) const;
    // Histogram bins: the finest calendar unit whose bins are at least minBinPixels wide.
    Step binStep(double minBinPixels = 5.0) const;
    // Start of the bin containing day, and the start of the bin after it.
    static QDate binStart(const QDate& date, Step step);
    static QDate advance(const QDate& date, Step step);

  private:
    double m_start = 0;
    double m_end = 1;
    double m_width = 800;
};

} // namespace makran
