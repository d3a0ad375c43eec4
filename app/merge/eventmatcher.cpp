#include "merge/eventmatcher.h"

#include "geo/gazetteer.h"
#include "geo/webmercator.h"

#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace makran {

namespace {

// One dimension's verdict: points, words for the reason, or a refusal.
struct Part {
    int points = 0;
    QString text;
    bool veto = false;
};

Part refuse(const QString& why)
{
    return Part{0, why, true};
}

QString iso(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

QDate endOf(const Incident& incident)
{
    return incident.dateEnd.isValid() && incident.dateEnd >= incident.date ? incident.dateEnd : incident.date;
}

bool isDay(const Incident& incident)
{
    return incident.datePrecision == DatePrecision::Day ||
           (incident.datePrecision == DatePrecision::Unknown && endOf(incident) == incident.date);
}

Part compareDates(const Incident& a, const Incident& b)
{
    if (!a.date.isValid() || !b.date.isValid())
        return refuse(QStringLiteral("date unknown"));
    // A year says too little to tie two reports together.
    if (a.datePrecision == DatePrecision::Year || b.datePrecision == DatePrecision::Year)
        return refuse(QStringLiteral("date known only to the year"));
    if (isDay(a) && isDay(b)) {
        const qint64 apart = std::abs(a.date.daysTo(b.date));
        if (apart == 0)
            return Part{3, QStringLiteral("same day %1").arg(iso(a.date)), false};
        // Outlets date a night attack to either side of midnight, and follow-ups are a day late.
        if (apart == 1)
            return Part{2, QStringLiteral("a day apart (%1, %2)").arg(iso(a.date), iso(b.date)), false};
        return refuse(QStringLiteral("different days %1 and %2").arg(iso(a.date), iso(b.date)));
    }
    // A week or month: the ranges must overlap, with a day's slack at either end.
    if (a.date <= endOf(b).addDays(1) && b.date <= endOf(a).addDays(1)) {
        const Incident& ranged = isDay(a) ? b : a;
        const Incident& other = isDay(a) ? a : b;
        const QString span = QStringLiteral("%1..%2").arg(iso(ranged.date), iso(endOf(ranged)));
        return Part{1,
                    isDay(other) ? QStringLiteral("%1 within %2").arg(iso(other.date), span)
                                 : QStringLiteral("overlapping dates %1 and %2..%3")
                                       .arg(span, iso(other.date), iso(endOf(other))),
                    false};
    }
    return refuse(QStringLiteral("dates %1..%2 and %3..%4 do not overlap")
                      .arg(iso(a.date), iso(endOf(a)), iso(b.date), iso(endOf(b))));
}

bool isProvinceLevel(const Place& place)
{
    return place.geoPrecision == 3 || place.name.isEmpty() ||
           (!place.admin1.isEmpty() && place.name.compare(place.admin1, Qt::CaseInsensitive) == 0);
}

bool sameName(const QString& a, const QString& b)
{
    return !a.isEmpty() && normalizePlaceName(a) == normalizePlaceName(b);
}

// The gazetteer puts places it cannot locate at their province's label point; such a position says
// nothing about distances.
bool hasRealPosition(const Place& place)
{
    if (!place.hasCoordinates())
        return false;
    const GazetteerEntry* province = Gazetteer::builtIn().province(place.admin1, place.country);
    return !province || WebMercator::distanceKm(*place.lat, *place.lon, province->lat, province->lon) > 1.0;
}

Part sameProvince(const Place& a, const Place& b)
{
    if (a.admin1.isEmpty() || b.admin1.isEmpty())
        return refuse(QStringLiteral("province unknown"));
    if (a.admin1 != b.admin1)
        return refuse(QStringLiteral("different provinces %1 and %2").arg(a.admin1, b.admin1));
    return Part{1, QStringLiteral("same province %1").arg(a.admin1), false};
}

QString km(double distance)
{
    return QString::number(std::max(1, int(std::lround(distance))));
}

Part comparePlaces(const Place& a, const Place& b, bool* provinceOnly)
{
    *provinceOnly = false;
    if ((a.name.isEmpty() && a.admin1.isEmpty()) || (b.name.isEmpty() && b.admin1.isEmpty()))
        return refuse(QStringLiteral("place unknown"));
    if (!a.country.isEmpty() && !b.country.isEmpty() && a.country != b.country)
        return refuse(QStringLiteral("different countries %1 and %2").arg(a.country, b.country));
    if (a.outOfRegion != b.outOfRegion)
        return refuse(QStringLiteral("%1 is out of the region, %2 is not")
                          .arg(a.outOfRegion ? a.name : b.name, a.outOfRegion ? b.name : a.name));

    if (isProvinceLevel(a) || isProvinceLevel(b)) {
        *provinceOnly = true;
        return sameProvince(a, b);
    }

    const bool locatedA = hasRealPosition(a);
    const bool locatedB = hasRealPosition(b);
    std::optional<double> distance;
    if (locatedA && locatedB)
        distance = WebMercator::distanceKm(*a.lat, *a.lon, *b.lat, *b.lon);
    if (sameName(a.name, b.name)) {
        // Two villages may share a name; their positions tell them apart.
        if (distance && *distance > EventMatcher::kNearKm)
            return refuse(QStringLiteral("two places named %1, %2 km apart").arg(a.name, km(*distance)));
        if (!distance && !a.admin1.isEmpty() && !b.admin1.isEmpty() && a.admin1 != b.admin1)
            return refuse(QStringLiteral("%1 in %2 and in %3").arg(a.name, a.admin1, b.admin1));
        return Part{3, QStringLiteral("same place %1").arg(a.name), false};
    }
    // A named place the gazetteer could not locate is as good as its province.
    if ((a.hasCoordinates() && !locatedA) || (b.hasCoordinates() && !locatedB)) {
        *provinceOnly = true;
        Part part = sameProvince(a, b);
        if (!part.veto)
            part.text += QStringLiteral(" (%1 not located more precisely)").arg(locatedA ? b.name : a.name);
        return part;
    }
    if (!distance)
        return refuse(QStringLiteral("different places %1 and %2").arg(a.name, b.name));
    if (*distance <= EventMatcher::kSameSpotKm)
        return Part{3, QStringLiteral("%1 and %2 within %3 km").arg(a.name, b.name, km(*distance)), false};
    if (*distance <= EventMatcher::kNearKm)
        return Part{2, QStringLiteral("%1 and %2 within %3 km").arg(a.name, b.name, km(*distance)), false};
    return refuse(QStringLiteral("%1 and %2 are %3 km apart").arg(a.name, b.name, km(*distance)));
}

QString familyOf(const QString& eventType)
{
    if (eventType == u"Battles" || eventType == u"Explosions/Remote violence" ||
        eventType == u"Violence against civilians")
        return QStringLiteral("political violence");
    if (eventType == u"Protests" || eventType == u"Riots")
        return QStringLiteral("demonstrations");
    return eventType; // Strategic developments, and anything a user's dictionary adds, stand alone
}

Part compareTypes(const Incident& a, const Incident& b)
{
    if (a.eventType.isEmpty() || b.eventType.isEmpty())
        return Part{}; // nothing to go on either way
    if (a.eventType == b.eventType) {
        if (!a.subEventType.isEmpty() && a.subEventType == b.subEventType)
            return Part{3, QStringLiteral("same sub-event type %1").arg(a.subEventType), false};
        return Part{2, QStringLiteral("same event type %1").arg(a.eventType), false};
    }
    // A clash in one outlet is an attack or a bombing in another; a protest is not.
    if (familyOf(a.eventType) == familyOf(b.eventType))
        return Part{1,
                    QStringLiteral("both %1 (%2, %3)").arg(familyOf(a.eventType), a.eventType, b.eventType),
                    false};
    return refuse(QStringLiteral("different kinds of event: %1 and %2").arg(a.eventType, b.eventType));
}

// Unnamed gunmen and civilians are in half of all reports; sharing them says nothing.
bool isTelling(const ActorRef& actor)
{
    return !actor.name.isEmpty() &&
           !actor.name.startsWith(QStringLiteral("Unidentified"), Qt::CaseInsensitive) &&
           actor.kind != u"civilians";
}

QSet<QString> actorNames(const Incident& incident, bool perpetratorsOnly)
{
    QSet<QString> names;
    for (const ActorRef& actor : incident.actors) {
        if (isTelling(actor) && (!perpetratorsOnly || actor.role == ActorRole::Perpetrator))
            names.insert(actor.name.toLower());
    }
    return names;
}

Part compareActors(const Incident& a, const Incident& b)
{
    const QSet<QString> theirs = actorNames(b, false);
    QStringList shared;
    QSet<QString> seen;
    for (const ActorRef& actor : a.actors) {
        const QString key = actor.name.toLower();
        if (isTelling(actor) && theirs.contains(key) && !seen.contains(key)) {
            seen.insert(key);
            shared << actor.name;
        }
    }
    if (!shared.isEmpty())
        return Part{
            int(std::min<qsizetype>(2, shared.size())),
            (shared.size() == 1 ? QStringLiteral("shared actor %1") : QStringLiteral("shared actors %1"))
                .arg(shared.join(QStringLiteral(", "))),
            false};
    const QSet<QString> perpetratorsA = actorNames(a, true);
    const QSet<QString> perpetratorsB = actorNames(b, true);
    if (!perpetratorsA.isEmpty() && !perpetratorsB.isEmpty() && !perpetratorsA.intersects(perpetratorsB))
        return Part{-1, QStringLiteral("different perpetrators named"), false};
    return Part{};
}

bool shareReport(const Incident& a, const Incident& b)
{
    QList<qint64> reportsA = a.sourceReportIds;
    if (a.reportId)
        reportsA << a.reportId;
    if (b.reportId && reportsA.contains(b.reportId))
        return true;
    return std::any_of(b.sourceReportIds.begin(), b.sourceReportIds.end(),
                       [&](qint64 id) { return reportsA.contains(id); });
}

} // namespace

MatchScore EventMatcher::score(const Incident& a, const Incident& b)
{
    MatchScore result;
    if (shareReport(a, b)) {
        result.refused = true;
        result.reason = QStringLiteral("same report");
        return result;
    }
    const Part date = compareDates(a, b);
    const Part place = date.veto ? Part{} : comparePlaces(a.place, b.place, &result.provinceOnly);
    const Part type = compareTypes(a, b);
    for (const Part* part : {&date, &place, &type}) {
        if (part->veto) {
            result.refused = true;
            result.reason = part->text;
            return result;
        }
    }
    result.dateDistance = 3 - date.points;
    const Part actors = compareActors(a, b);
    QStringList reasons;
    for (const Part* part : {&date, &place, &type, &actors}) {
        result.score += part->points;
        if (!part->text.isEmpty())
            reasons << part->text;
    }
    result.match = result.score >= kMatchThreshold;
    result.reason = reasons.join(QStringLiteral(", "));
    if (!result.match)
        result.reason =
            QStringLiteral("score %1 below %2: %3").arg(result.score).arg(kMatchThreshold).arg(result.reason);
    return result;
}

} // namespace makran
