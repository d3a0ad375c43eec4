#pragma once

#include <QColor>
#include <QList>
#include <QPainterPath>
#include <QString>

#include <optional>

class QPainter;

namespace makran {

// How an ACLED event type looks everywhere: map markers, timeline glyphs, the list, the legend and the
// exports. Colours are from the Okabe-Ito set, so they stay apart for colour-blind readers; every type
// also has its own shape so the legend reads in greyscale print too.
enum class MarkerShape { Circle, Square, Triangle, Diamond, Star, Cross, Hexagon };

struct EventStyle {
    QString eventType; // ACLED event_type, "" for unknown
    QString label;     // short legend label
    QColor color;
    MarkerShape shape = MarkerShape::Circle;
};

class EventStyles {
  public:
    // The six ACLED event types in legend order, then the style for an unknown type.
    static const QList<EventStyle>& all();
    static const EventStyle& unknown();
    static const EventStyle& forType(QStringView eventType);
    static int indexOf(QStringView eventType); // into all(); the unknown style's index when not found

    // A marker's outline centred on centre; radius is half the nominal width.
    static QPainterPath markerPath(MarkerShape shape, QPointF centre, double radius);
    // Marker radius in device-independent pixels: grows with the square root of fatalities so that
    // area, not width, tracks the count; capped so a massacre does not hide a province.
    static double radiusForFatalities(std::optional<int> fatalities, double base = 5.0);
    // Fills and outlines a marker; the outline colour keeps it visible on light and dark basemaps.
    static void drawMarker(QPainter& painter, const EventStyle& style, QPointF centre, double radius,
                           const QColor& outline, double outlineWidth = 1.0);
};

} // namespace makran
