#include "export/exportfields.h"

#include "export/countrycodes.h"

#include <QLocale>

#include <algorithm>

namespace makran {

namespace {

// QString index of the code point at offset codePoint (text.size() when past the end), or -1 if negative.
qsizetype indexOfCodePoint(const QString& text, qint64 codePoint)
{
    if (codePoint < 0)
        return -1;
    qsizetype index = 0;
    for (qint64 seen = 0; seen < codePoint && index < text.size(); ++seen)
        index += (text.at(index).isHighSurrogate() && index + 1 < text.size()) ? 2 : 1;
    return index;
}

} // namespace

QString isoDate(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString formatCoordinate(double value)
{
    QString text = QString::number(value, 'f', QLocale::FloatingPointShortest);
    return text == u"-0" ? QStringLiteral("0") : text;
}

QString codePointSlice(const QString& text, qint64 start, qint64 end)
{
    if (start < 0 || end <= start)
        return QString();
    const qsizetype from = indexOfCodePoint(text, start);
    const qsizetype to = indexOfCodePoint(text, end);
    if (from < 0 || from >= text.size() || to > text.size())
        return QString();
    return text.mid(from, to - from);
}

QString codePointContext(const QString& text, qint64 start, qint64 end, int maxChars)
{
    if (start < 0 || end <= start)
        return QString();
    const qsizetype from = indexOfCodePoint(text, start);
    const qsizetype to = indexOfCodePoint(text, end);
    if (from < 0 || from >= text.size() || to > text.size())
        return QString();
    auto isBoundary = [](QChar c) {
        return c == u'.' || c == u'!' || c == u'?' || c == u'\n' || c == u'\u06D4'; // U+06D4: Urdu full stop
    };
    const qsizetype budget = std::max<qsizetype>(0, (maxChars - (to - from)) / 2);
    qsizetype left = from;
    while (left > 0 && from - left < budget && !isBoundary(text.at(left - 1)))
        --left;
    qsizetype right = to;
    while (right < text.size() && right - to < budget && !isBoundary(text.at(right - 1)))
        ++right;
    QString excerpt = text.mid(left, right - left).simplified();
    if (left > 0 && !isBoundary(text.at(left - 1)))
        excerpt.prepend(u'…');
    if (right < text.size() && !isBoundary(text.at(right - 1)))
        excerpt.append(u'…');
    return excerpt;
}

QString describeDatePrecision(DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Day:
        return QStringLiteral("exact day");
    case DatePrecision::Week:
        return QStringLiteral("known to the week");
    case DatePrecision::Month:
        return QStringLiteral("known to the month");
    case DatePrecision::Year:
        return QStringLiteral("known to the year");
    case DatePrecision::Unknown:
        break;
    }
    return QStringLiteral("precision unknown");
}

QString describeDate(const Incident& incident)
{
    if (!incident.date.isValid())
        return QStringLiteral("date unknown");
    const QDate end = incident.dateEnd.isValid() ? incident.dateEnd : incident.date;
    switch (incident.datePrecision) {
    case DatePrecision::Week:
        return QStringLiteral("week of %1 to %2").arg(isoDate(incident.date), isoDate(end));
    case DatePrecision::Month:
        return QLocale::c().toString(incident.date, QStringLiteral("MMMM yyyy"));
    case DatePrecision::Year:
        return QString::number(incident.date.year());
    case DatePrecision::Day:
    case DatePrecision::Unknown:
        break;
    }
    if (end != incident.date)
        return QStringLiteral("%1 to %2").arg(isoDate(incident.date), isoDate(end));
    return isoDate(incident.date);
}

QString describeGeoPrecision(int geoPrecision)
{
    switch (geoPrecision) {
    case 1:
        return QStringLiteral("town");
    case 2:
        return QStringLiteral("near a town or part of a district");
    case 3:
        return QStringLiteral("province only");
    default:
        break;
    }
    return QStringLiteral("location precision unknown");
}

QString describePlace(const Place& place)
{
    QStringList parts;
    if (!place.name.isEmpty())
        parts << place.name;
    if (!place.admin1.isEmpty() && place.admin1 != place.name)
        parts << place.admin1;
    if (!place.country.isEmpty() && !parts.contains(countryName(place.country)))
        parts << countryName(place.country);
    return parts.isEmpty() ? QStringLiteral("place unknown") : parts.join(QStringLiteral(", "));
}

QString describeFatalities(const Incident& incident)
{
    QStringList parts;
    if (incident.fatalities) {
        if (incident.fatalitiesHigh && *incident.fatalitiesHigh != *incident.fatalities)
            parts << QStringLiteral("%1–%2 killed").arg(*incident.fatalities).arg(*incident.fatalitiesHigh);
        else
            parts << QStringLiteral("%1 killed").arg(*incident.fatalities);
    }
    if (incident.injured)
        parts << QStringLiteral("%1 injured").arg(*incident.injured);
    return parts.isEmpty() ? QStringLiteral("casualties not reported") : parts.join(QStringLiteral(", "));
}

QString describeActor(const ActorRef& actor)
{
    QStringList details;
    if (!actor.kind.isEmpty())
        details << actor.kind;
    details << toString(actor.role);
    if (!actor.country.isEmpty())
        details << countryName(actor.country);
    return QStringLiteral("%1 (%2)").arg(actor.name, details.join(QStringLiteral(", ")));
}

QString describeFilter(const IncidentFilter& filter)
{
    if (filter.isEmpty())
        return QStringLiteral("all incidents (no filter)");
    QStringList parts;
    if (!filter.text.trimmed().isEmpty())
        parts << QStringLiteral("text “%1”").arg(filter.text.trimmed());
    if (filter.from.isValid() && filter.to.isValid())
        parts << QStringLiteral("from %1 to %2").arg(isoDate(filter.from), isoDate(filter.to));
    else if (filter.from.isValid())
        parts << QStringLiteral("from %1").arg(isoDate(filter.from));
    else if (filter.to.isValid())
        parts << QStringLiteral("up to %1").arg(isoDate(filter.to));
    if (!filter.eventTypes.isEmpty()) {
        QStringList types(filter.eventTypes.begin(), filter.eventTypes.end());
        types.sort();
        parts << QStringLiteral("event types %1").arg(types.join(QStringLiteral(", ")));
    }
    if (!filter.actor.isEmpty())
        parts << QStringLiteral("actor “%1”").arg(filter.actor);
    if (!filter.admin1.isEmpty())
        parts << QStringLiteral("province %1").arg(filter.admin1);
    if (!filter.country.isEmpty())
        parts << QStringLiteral("country %1").arg(countryName(filter.country));
    return parts.join(QStringLiteral("; "));
}

QString xmlSafe(const QString& text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            out += c;
            out += text.at(++i);
            continue;
        }
        const char16_t u = c.unicode();
        const bool allowed =
            u == 0x9 || u == 0xA || u == 0xD || (u >= 0x20 && u < 0xD800) || (u >= 0xE000 && u <= 0xFFFD);
        if (allowed)
            out += c;
    }
    return out;
}

} // namespace makran
