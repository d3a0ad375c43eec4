#include "render/timelineaxis.h"
#include "render/timelinerenderer.h"

#include <catch2/catch.hpp>

#include <QImage>
#include <QPainter>

using namespace makran;

TEST_CASE("timeline ticks adapt from days to years", "[render][timeline]")
{
    TimelineAxis axis(QDate(2024, 1, 1), QDate(2024, 1, 14), 1000);
    CHECK(axis.tickStep().unit == TimelineAxis::Unit::Day);
    axis.fit(QDate(2024, 1, 1), QDate(2024, 12, 31));
    CHECK(axis.tickStep().unit == TimelineAxis::Unit::Month);
    axis.fit(QDate(2000, 1, 1), QDate(2024, 12, 31));
    CHECK(axis.tickStep().unit == TimelineAxis::Unit::Year);

    // Month ticks sit on the first of a month and are labelled; January is a major tick with the year.
    axis.fit(QDate(2023, 6, 1), QDate(2024, 6, 1));
    const QList<TimelineAxis::Tick> ticks = axis.ticks();
    REQUIRE(!ticks.isEmpty());
    for (const TimelineAxis::Tick& tick : ticks)
        CHECK(QDate::fromJulianDay(qint64(tick.day)).day() == 1);
    const auto january =
        std::find_if(ticks.begin(), ticks.end(), [](const TimelineAxis::Tick& tick) { return tick.major; });
    REQUIRE(january != ticks.end());
    CHECK(january->label == QStringLiteral("2024"));
}

TEST_CASE("timeline zoom keeps the day under the cursor and pans by pixels", "[render][timeline]")
{
    TimelineAxis axis(QDate(2023, 1, 1), QDate(2024, 12, 31), 800);
    const double before = axis.xToDay(200);
    axis.zoomAbout(200, 3.0);
    CHECK(axis.xToDay(200) == Approx(before));
    const double span = axis.span();
    axis.panBy(100);
    CHECK(axis.span() == Approx(span));
    CHECK(axis.xToDay(300) == Approx(before));
    axis.zoomAbout(0, 1e9); // clamped to the shortest span
    CHECK(axis.span() == Approx(TimelineAxis::kMinSpanDays));
}

TEST_CASE("histogram bins are calendar aligned", "[render][timeline]")
{
    using Step = TimelineAxis::Step;
    CHECK(TimelineAxis::binStart(QDate(2024, 3, 14), Step{TimelineAxis::Unit::Week, 1}) ==
          QDate(2024, 3, 11));
    CHECK(TimelineAxis::binStart(QDate(2024, 3, 14), Step{TimelineAxis::Unit::Month, 1}) ==
          QDate(2024, 3, 1));
    CHECK(TimelineAxis::binStart(QDate(2024, 8, 14), Step{TimelineAxis::Unit::Month, 3}) ==
          QDate(2024, 7, 1));
    CHECK(TimelineAxis::binStart(QDate(2024, 8, 14), Step{TimelineAxis::Unit::Year, 1}) == QDate(2024, 1, 1));
}

TEST_CASE("timeline renderer draws uncertain dates as spans and picks what is under a point",
          "[render][timeline]")
{
    TimelineRenderer renderer;
    const double jan18 = double(QDate(2024, 1, 18).toJulianDay());
    const double nov1 = double(QDate(2023, 11, 1).toJulianDay());
    renderer.setItems({{1, jan18, jan18 + 1, 0}, {2, nov1, nov1 + 30, 3}}, 4);
    CHECK(renderer.undatedCount() == 4);
    CHECK(renderer.items()[0].id == 2); // sorted by start
    CHECK(renderer.items()[0].uncertain());
    CHECK(!renderer.items()[1].uncertain());

    QImage image(800, 200, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    const QRectF rect(0, 0, 800, 200);
    TimelineAxis axis(QDate(2023, 10, 1), QDate(2024, 2, 28), 800);
    renderer.paint(painter, rect, axis);
    painter.end();

    const QRectF lanes = TimelineRenderer::lanesRect(rect);
    const double laneY = lanes.bottom() - 2 - 11.0 / 2; // the lowest lane
    CHECK(renderer.pick(rect, axis, QPointF(axis.dayToX(jan18 + 0.5), laneY)) == QList<qint64>{1});
    // Anywhere along November's bar picks the month-precision incident.
    CHECK(renderer.pick(rect, axis, QPointF(axis.dayToX(nov1 + 20), laneY)) == QList<qint64>{2});
    CHECK(renderer.pick(rect, axis, QPointF(axis.dayToX(nov1 - 10), laneY)).isEmpty());
}
