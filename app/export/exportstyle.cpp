#include "export/exportstyle.h"

#include "render/eventstyle.h"

#include <QRegularExpression>

namespace makran {

QStringList acledEventTypes()
{
    QStringList types;
    for (const EventStyle& style : EventStyles::all())
        types << style.eventType;
    return types;
}

QColor eventTypeColor(const QString& eventType)
{
    // The screen's colours (app/render), so a KML or briefing reads like the map the analyst saw.
    return EventStyles::forType(eventType).color;
}

QString eventTypeStyleId(const QString& eventType)
{
    static const QRegularExpression nonWord(QStringLiteral("[^a-z0-9]+"));
    QString id = eventType.toLower().replace(nonWord, QStringLiteral("-"));
    while (id.startsWith(u'-'))
        id.remove(0, 1);
    while (id.endsWith(u'-'))
        id.chop(1);
    return id.isEmpty() ? QStringLiteral("unknown") : id;
}

} // namespace makran
