#include "model/incident.h"

namespace makran {

QString toString(DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Day: return QStringLiteral("day");
    case DatePrecision::Week: return QStringLiteral("week");
    case DatePrecision::Month: return QStringLiteral("month");
    case DatePrecision::Year: return QStringLiteral("year");
    case DatePrecision::Unknown: break;
    }
    return QStringLiteral("unknown");
}

DatePrecision datePrecisionFromString(QStringView text)
{
    if (text == u"day")
        return DatePrecision::Day;
    if (text == u"week")
        return DatePrecision::Week;
    if (text == u"month")
        return DatePrecision::Month;
    if (text == u"year")
        return DatePrecision::Year;
    return DatePrecision::Unknown;
}

QString toString(ActorRole role)
{
    switch (role) {
    case ActorRole::Perpetrator: return QStringLiteral("perpetrator");
    case ActorRole::Target: return QStringLiteral("target");
    case ActorRole::Claimant: return QStringLiteral("claimant");
    case ActorRole::Mentioned: break;
    }
    return QStringLiteral("mentioned");
}

ActorRole actorRoleFromString(QStringView text)
{
    if (text == u"perpetrator")
        return ActorRole::Perpetrator;
    if (text == u"target")
        return ActorRole::Target;
    if (text == u"claimant")
        return ActorRole::Claimant;
    return ActorRole::Mentioned;
}

bool isFocusProvince(QStringView admin1)
{
    return admin1 == u"Balochistan" || admin1 == u"Sistan and Baluchestan";
}

bool Place::liesOutsideRegion() const
{
    if (country.isEmpty() || isFocusProvince(admin1))
        return false;
    return !(admin1.isEmpty() && (country == u"PK" || country == u"IR"));
}

double Incident::fieldConfidence(QStringView field) const
{
    double lowest = -1.0;
    for (const Evidence& item : evidence) {
        if (item.field == field && (lowest < 0 || item.confidence < lowest))
            lowest = item.confidence;
    }
    return lowest;
}

QStringList Incident::lowConfidenceFields() const
{
    QStringList fields;
    for (const Evidence& item : evidence) {
        if (item.confidence < kLowConfidence && !fields.contains(item.field))
            fields.append(item.field);
    }
    return fields;
}

} // namespace makran
