#pragma once

#include <QColor>
#include <QString>
#include <QStringList>

namespace makran {

// Colour per ACLED event type for exported maps, KML styles and the briefing legend. Kept in one place so
// it can follow the screen's style table (app/render) without touching every format.
QColor eventTypeColor(const QString& eventType);
// The six ACLED event types, in legend order.
QStringList acledEventTypes();
// An XML id for a style: "explosions-remote-violence"; "unknown" for an empty type.
QString eventTypeStyleId(const QString& eventType);

} // namespace makran
