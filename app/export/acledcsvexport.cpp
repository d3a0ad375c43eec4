#include "export/acledcsvexport.h"

#include "export/acledcodebook.h"
#include "export/countrycodes.h"
#include "export/csvwriter.h"
#include "export/exporter.h"
#include "export/exportfields.h"
#include "export/reportcache.h"

namespace makran {

namespace {

struct Sides {
    QStringList side1; // perpetrators, then claimants
    QStringList side2; // targets
    int inter1 = 0;
    int inter2 = 0;
};

Sides actorSides(const Incident& incident)
{
    Sides sides;
    const ActorRef* first1 = nullptr;
    const ActorRef* first2 = nullptr;
    for (ActorRole role : {ActorRole::Perpetrator, ActorRole::Claimant}) {
        for (const ActorRef& actor : incident.actors) {
            if (actor.role != role || sides.side1.contains(actor.name))
                continue;
            sides.side1 << actor.name;
            if (!first1)
                first1 = &actor;
        }
    }
    for (const ActorRef& actor : incident.actors) {
        if (actor.role != ActorRole::Target || sides.side2.contains(actor.name) ||
            sides.side1.contains(actor.name))
            continue;
        sides.side2 << actor.name;
        if (!first2)
            first2 = &actor;
    }
    sides.inter1 = first1 ? acled::interCode(*first1, incident.place.country) : 0;
    sides.inter2 = first2 ? acled::interCode(*first2, incident.place.country) : 0;
    return sides;
}

QString sourcesOf(const Incident& incident, ReportCache& reports)
{
    QStringList outlets;
    QList<qint64> ids = incident.sourceReportIds;
    if (!ids.contains(incident.reportId) && incident.reportId)
        ids.prepend(incident.reportId);
    for (qint64 id : ids) {
        const Report* report = reports.find(id);
        if (!report)
            continue;
        // A source cell may itself list several outlets ("Dawn; The News"), as ACLED's does.
        for (const QString& outlet : report->source.split(u';', Qt::SkipEmptyParts)) {
            if (!outlets.contains(outlet.trimmed()))
                outlets << outlet.trimmed();
        }
    }
    return outlets.join(QStringLiteral("; "));
}

QString whyNotAcled(const Incident& incident)
{
    if (!incident.date.isValid())
        return QStringLiteral("it has no date");
    if (incident.datePrecision == DatePrecision::Year)
        return QStringLiteral("its date is known only to the year");
    if (!incident.place.hasCoordinates())
        return QStringLiteral("it has no coordinates");
    return QString();
}

} // namespace

bool writeAcledCsv(const ExportRequest& request, QIODevice& out, QString* error, QStringList* warnings)
{
    ReportCache reports(request.reportLookup);
    const qint64 timestamp =
        (request.generatedAt.isValid() ? request.generatedAt : QDateTime::currentDateTimeUtc())
            .toSecsSinceEpoch();
    CsvWriter csv(out);
    csv.writeRow(acled::columns());
    for (const Incident& incident : request.incidents) {
        const QString reason = whyNotAcled(incident);
        if (!reason.isEmpty()) {
            if (warnings)
                warnings->append(
                    QStringLiteral("incident %1 (%2) is not in the ACLED file: %3; ACLED rows need "
                                   "a day, week or month and coordinates")
                        .arg(incident.id)
                        .arg(describePlace(incident.place), reason));
            continue;
        }
        const Place& place = incident.place;
        const CountryCode* country = countryByIso2(place.country);
        const Sides sides = actorSides(incident);
        const QString disorder = acled::disorderType(incident.eventType, incident.subEventType);
        const QString notes =
            incident.summary + acled::analystNoteSuffix(request.statusById.value(incident.id),
                                                        request.notesById.value(incident.id),
                                                        request.tagsById.value(incident.id));
        const QString idBase = (country ? QString::fromUtf16(country->iso3) : QStringLiteral("XXX")) +
                               QString::number(incident.id);

        // One row per day for a multi-day incident known to the day; one row for a week or a month.
        QList<QDate> days;
        const int precision = acled::timePrecisionCode(incident.datePrecision);
        if (precision == 1) {
            const QDate end = incident.dateEnd.isValid() && incident.dateEnd > incident.date
                                  ? incident.dateEnd
                                  : incident.date;
            for (QDate day = incident.date; day <= end; day = day.addDays(1))
                days << day;
        } else {
            days << acled::eventDateFor(incident);
        }
        const int total = incident.fatalities.value_or(0);
        const int perDay = total / int(days.size());
        const int remainder = total % int(days.size());

        for (qsizetype i = 0; i < days.size(); ++i) {
            const QDate day = days.at(i);
            const int fatalities = perDay + (i < remainder ? 1 : 0);
            const QString id = days.size() > 1 ? QStringLiteral("%1-%2").arg(idBase).arg(i + 1) : idBase;
            const int interaction = acled::interaction(sides.inter1, sides.inter2);
            csv.writeRow({id,
                          isoDate(day),
                          QString::number(day.year()),
                          QString::number(precision),
                          disorder,
                          incident.eventType,
                          incident.subEventType,
                          sides.side1.value(0),
                          sides.side1.mid(1).join(QStringLiteral("; ")),
                          sides.inter1 ? QString::number(sides.inter1) : QString(),
                          sides.side2.value(0),
                          sides.side2.mid(1).join(QStringLiteral("; ")),
                          sides.inter2 ? QString::number(sides.inter2) : QString(),
                          interaction ? QString::number(interaction) : QString(),
                          acled::isCivilianTargeting(disorder, sides.inter1, sides.inter2)
                              ? QStringLiteral("Civilian targeting")
                              : QString(),
                          country ? QString::number(country->numeric) : QString(),
                          country ? QString::fromUtf16(country->acledRegion) : QString(),
                          country ? QString::fromUtf16(country->name) : place.country,
                          place.admin1,
                          QString(),
                          QString(),
                          place.name.isEmpty() ? place.admin1 : place.name,
                          formatCoordinate(*place.lat),
                          formatCoordinate(*place.lon),
                          place.geoPrecision > 0 ? QString::number(place.geoPrecision) : QString(),
                          sourcesOf(incident, reports),
                          QString(),
                          notes,
                          QString::number(fatalities),
                          QString(),
                          QString::number(timestamp)});
        }
    }
    if (csv.hasError()) {
        if (error)
            *error = csv.errorString();
        return false;
    }
    return true;
}

} // namespace makran
