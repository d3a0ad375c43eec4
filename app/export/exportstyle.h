#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

namespace makran {

// Event-type styling for exports, taken from the screen's style table (render/eventstyle.h).
QColor eventTypeColor(const QString& eventType);
// The six ACLED event types, in legend order.
QStringList acledEventTypes();
// An XML id for a style: "explosions-remote-violence"; "unknown" for an empty type.
QString eventTypeStyleId(const QString& eventType);

} // namespace makran
