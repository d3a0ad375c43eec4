#include "render/timelineaxis.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

namespace makran {

namespace {

// Approximate length of each step, to pick one by its spacing in pixels.
double approxDays(TimelineAxis::Step step)
{
    switch (step.unit) {
    case TimelineAxis::Unit::Day:
        return step.count;
    case TimelineAxis::Unit::Week:
        return 7.0 * step.count;
    case TimelineAxis::Unit::Month:
        return 30.44 * step.count;
    case TimelineAxis::Unit::Year:
        return 365.25 * step.count;
    }
    return 1;
}

constexpr std::array kTickSteps = {
    TimelineAxis::Step{TimelineAxis::Unit::Day, 1},   TimelineAxis::Step{TimelineAxis::Unit::Day, 2},
    TimelineAxis::Step{TimelineAxis::Unit::Week, 1},  TimelineAxis::Step{TimelineAxis::Unit::Week, 2},
    TimelineAxis::Step{TimelineAxis::Unit::Month, 1}, TimelineAxis::Step{TimelineAxis::Unit::Month, 2},
    TimelineAxis::Step{TimelineAxis::Unit::Month, 3}, TimelineAxis::Step{TimelineAxis::Unit::Month, 6},
    TimelineAxis::Step{TimelineAxis::Unit::Year, 1},  TimelineAxis::Step{TimelineAxis::Unit::Year, 2},
    TimelineAxis::Step{TimelineAxis::Unit::Year, 5},  TimelineAxis::Step{TimelineAxis::Unit::Year, 10},
    TimelineAxis::Step{TimelineAxis::Unit::Year, 20}, TimelineAxis::Step{TimelineAxis::Unit::Year, 50},
};

constexpr std::array kBinSteps = {
    TimelineAxis::Step{TimelineAxis::Unit::Day, 1},   TimelineAxis::Step{TimelineAxis::Unit::Week, 1},
    TimelineAxis::Step{TimelineAxis::Unit::Month, 1}, TimelineAxis::Step{TimelineAxis::Unit::Month, 3},
    TimelineAxis::Step{TimelineAxis::Unit::Year, 1},
};

QString tickLabel(const QDate& date, TimelineAxis::Step step, bool major)
{
    const QLocale locale = QLocale::c(); // stable labels for screenshots and tests
    switch (step.unit) {
    case TimelineAxis::Unit::Day:
    case TimelineAxis::Unit::Week:
        return major ? locale.toString(date, QStringLiteral("MMM yyyy"))
                     : locale.toString(date, QStringLiteral("d MMM"));
    case TimelineAxis::Unit::Month:
        return major ? QString::number(date.year()) : locale.toString(date, QStringLiteral("MMM"));
    case TimelineAxis::Unit::Year:
        return QString::number(date.year());
    }
    return QString();
}

} // namespace

TimelineAxis::TimelineAxis(const QDate& from, const QDate& to, double widthPixels)
{
    setWidth(widthPixels);
    fit(from, to);
}

void TimelineAxis::setRange(double startDay, double endDay)
{
    if (endDay < startDay)
        std::swap(startDay, endDay);
    const double centre = (startDay + endDay) / 2.0;
    const double span = std::clamp(endDay - startDay, kMinSpanDays, kMaxSpanDays);
    m_start = centre - span / 2.0;
    m_end = centre + span / 2.0;
}

void TimelineAxis::fit(const QDate& from, const QDate& to)
{
    if (!from.isValid() || !to.isValid()) {
        const QDate today = QDate::currentDate();
        setRange(double(today.addYears(-1).toJulianDay()), double(today.toJulianDay()) + 1);
        return;
    }
    const double start = double(std::min(from, to).toJulianDay());
    const double end = double(std::max(from, to).toJulianDay()) + 1.0;
    const double pad = std::max(2.0, (end - start) * 0.04);
    setRange(start - pad, end + pad);
}

double TimelineAxis::dayToX(double day) const
{
    return (day - m_start) * pixelsPerDay();
}

double TimelineAxis::xToDay(double x) const
{
    return m_start + x / pixelsPerDay();
}

QDate TimelineAxis::xToDate(double x) const
{
    return QDate::fromJulianDay(qint64(std::floor(xToDay(x))));
}

void TimelineAxis::zoomAbout(double x, double factor)
{
    if (factor <= 0)
        return;
    const double anchor = xToDay(x);
    const double newSpan = std::clamp(span() / factor, kMinSpanDays, kMaxSpanDays);
    const double fraction = x / m_width;
    m_start = anchor - fraction * newSpan;
    m_end = m_start + newSpan;
}

void TimelineAxis::panBy(double dx)
{
    const double days = dx / pixelsPerDay();
    m_start -= days;
    m_end -= days;
}

TimelineAxis::Step TimelineAxis::tickStep(double minLabelSpacing) const
{
    for (const Step& step : kTickSteps) {
        if (approxDays(step) * pixelsPerDay() >= minLabelSpacing)
            return step;
    }
    return kTickSteps.back();
}

TimelineAxis::Step TimelineAxis::binStep(double minBinPixels) const
{
    for (const Step& step : kBinSteps) {
        if (approxDays(step) * pixelsPerDay() >= minBinPixels)
            return step;
    }
    return kBinSteps.back();
}

QDate TimelineAxis::binStart(const QDate& date, Step step)
{
    switch (step.unit) {
    case Unit::Day: {
        const qint64 jd = date.toJulianDay();
        return QDate::fromJulianDay(jd - jd % step.count);
    }
    case Unit::Week: // weeks start on Monday
        return date.addDays(1 - date.dayOfWeek());
    case Unit::Month: {
        const int month0 = (date.month() - 1) / step.count * step.count;
        return QDate(date.year(), month0 + 1, 1);
    }
    case Unit::Year:
        return QDate(date.year() - ((date.year() % step.count) + step.count) % step.count, 1, 1);
    }
    return date;
}

QDate TimelineAxis::advance(const QDate& date, Step step)
{
    switch (step.unit) {
    case Unit::Day:
        return date.addDays(step.count);
    case Unit::Week:
        return date.addDays(7 * step.count);
    case Unit::Month:
        return date.addMonths(step.count);
    case Unit::Year:
        return date.addYears(step.count);
    }
    return date.addDays(1);
}

QList<TimelineAxis::Tick> TimelineAxis::ticks(double minLabelSpacing) const
{
    QList<Tick> result;
    const Step step = tickStep(minLabelSpacing);
    const QDate first = binStart(QDate::fromJulianDay(qint64(std::floor(m_start))), step);
    const QDate last = QDate::fromJulianDay(qint64(std::ceil(m_end)));
    for (QDate date = first; date.isValid() && date <= last; date = advance(date, step)) {
        const double day = double(date.toJulianDay());
        if (day < m_start || day > m_end)
            continue;
        bool major = false;
        switch (step.unit) {
        case Unit::Day:
        case Unit::Week:
            major = date.day() <= (step.unit == Unit::Week ? 7 * step.count : step.count);
            break;
        case Unit::Month:
            major = date.month() == 1;
            break;
        case Unit::Year:
            major = date.year() % (step.count * 10) == 0;
            break;
        }
        result.append({day, tickLabel(date, step, major), major});
    }
    return result;
}

} // namespace makran
