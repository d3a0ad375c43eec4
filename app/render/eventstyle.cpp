#include "render/eventstyle.h"

#include <QPainter>

#include <cmath>
#include <numbers>

namespace makran {

namespace {

QList<EventStyle> makeStyles()
{
    return {
        {QStringLiteral("Battles"), QStringLiteral("Battles"), QColor(0xD5, 0x5E, 0x00), MarkerShape::Square},
        {QStringLiteral("Explosions/Remote violence"), QStringLiteral("Explosions / remote violence"),
         QColor(0xE6, 0x9F, 0x00), MarkerShape::Star},
        {QStringLiteral("Violence against civilians"), QStringLiteral("Violence against civilians"),
         QColor(0xCC, 0x3D, 0x8F), MarkerShape::Triangle},
        {QStringLiteral("Protests"), QStringLiteral("Protests"), QColor(0x00, 0x72, 0xB2),
         MarkerShape::Circle},
        {QStringLiteral("Riots"), QStringLiteral("Riots"), QColor(0x00, 0x9E, 0x73), MarkerShape::Diamond},
        {QStringLiteral("Strategic developments"), QStringLiteral("Strategic developments"),
         QColor(0x56, 0xB4, 0xE9), MarkerShape::Hexagon},
    };
}

QPolygonF regularPolygon(QPointF centre, double radius, int corners, double startAngle)
{
    QPolygonF polygon;
    for (int i = 0; i < corners; ++i) {
        const double angle = startAngle + 2.0 * std::numbers::pi * i / corners;
        polygon << centre + QPointF(radius * std::cos(angle), radius * std::sin(angle));
    }
    return polygon;
}

} // namespace

const QList<EventStyle>& EventStyles::all()
{
    static const QList<EventStyle> styles = makeStyles();
    return styles;
}

const EventStyle& EventStyles::unknown()
{
    static const EventStyle style{QString(), QStringLiteral("Type unknown"), QColor(0x8C, 0x8C, 0x8C),
                                  MarkerShape::Cross};
    return style;
}

int EventStyles::indexOf(QStringView eventType)
{
    const QList<EventStyle>& styles = all();
    for (int i = 0; i < styles.size(); ++i) {
        if (styles[i].eventType.compare(eventType, Qt::CaseInsensitive) == 0)
            return i;
    }
    return int(styles.size());
}

const EventStyle& EventStyles::forType(QStringView eventType)
{
    const int index = indexOf(eventType);
    return index < all().size() ? all()[index] : unknown();
}

QPainterPath EventStyles::markerPath(MarkerShape shape, QPointF centre, double radius)
{
    using std::numbers::pi;
    QPainterPath path;
    switch (shape) {
    case MarkerShape::Circle:
        path.addEllipse(centre, radius, radius);
        break;
    case MarkerShape::Square: {
        const double half = radius * 0.86; // same visual weight as the circle
        path.addRect(QRectF(centre.x() - half, centre.y() - half, 2 * half, 2 * half));
        break;
    }
    case MarkerShape::Triangle:
        path.addPolygon(regularPolygon(centre + QPointF(0, radius * 0.15), radius * 1.2, 3, -pi / 2));
        path.closeSubpath();
        break;
    case MarkerShape::Diamond:
        path.addPolygon(regularPolygon(centre, radius * 1.15, 4, -pi / 2));
        path.closeSubpath();
        break;
    case MarkerShape::Hexagon:
        path.addPolygon(regularPolygon(centre, radius * 1.05, 6, 0));
        path.closeSubpath();
        break;
    case MarkerShape::Star: {
        QPolygonF star;
        for (int i = 0; i < 10; ++i) {
            const double r = (i % 2 == 0) ? radius * 1.3 : radius * 0.6;
            const double angle = -pi / 2 + pi * i / 5;
            star << centre + QPointF(r * std::cos(angle), r * std::sin(angle));
        }
        path.addPolygon(star);
        path.closeSubpath();
        break;
    }
    case MarkerShape::Cross: {
        const double arm = radius * 0.38;
        const double r = radius * 1.05;
        path.addRect(QRectF(centre.x() - r, centre.y() - arm, 2 * r, 2 * arm));
        path.addRect(QRectF(centre.x() - arm, centre.y() - r, 2 * arm, 2 * r));
        path = path.simplified();
        break;
    }
    }
    return path;
}

double EventStyles::radiusForFatalities(std::optional<int> fatalities, double base)
{
    const int killed = std::max(0, fatalities.value_or(0));
    return std::min(base * 3.2, base + 1.6 * std::sqrt(double(killed)));
}

void EventStyles::drawMarker(QPainter& painter, const EventStyle& style, QPointF centre, double radius,
                             const QColor& outline, double outlineWidth)
{
    painter.setPen(QPen(outline, outlineWidth));
    painter.setBrush(style.color);
    painter.drawPath(markerPath(style.shape, centre, radius));
}

} // namespace makran
