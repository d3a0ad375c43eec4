#include "export/exportstyle.h"

#include <QRegularExpression>

namespace makran {

QStringList acledEventTypes()
{
    return {QStringLiteral("Battles"),
            QStringLiteral("Explosions/Remote violence"),
            QStringLiteral("Violence against civilians"),
            QStringLiteral("Protests"),
            QStringLiteral("Riots"),
            QStringLiteral("Strategic developments")};
}

QColor eventTypeColor(const QString& eventType)
{
    // Colour-blind-safe (Okabe-Ito) hues, one per type; grey for anything else.
    static const QList<QColor> colors = {QColor(0xD5, 0x5E, 0x00), QColor(0xCC, 0x79, 0xA7),
                                         QColor(0x00, 0x72, 0xB2), QColor(0x00, 0x9E, 0x73),
                                         QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9)};
    const qsizetype index = acledEventTypes().indexOf(eventType, Qt::CaseInsensitive);
    return index >= 0 ? colors.at(index) : QColor(0x80, 0x80, 0x80);
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
