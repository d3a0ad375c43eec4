#include "export/acledcodebook.h"

#include <QRegularExpression>

namespace makran::acled {

namespace {

bool kindIs(const QString& kind, std::initializer_list<const char16_t*> words)
{
    for (const char16_t* word : words) {
        if (kind.contains(QStringView(word), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

const QString kAnalystPrefix = QStringLiteral(" [Makran analyst: ");

} // namespace

QStringList columns()
{
    return {QStringLiteral("event_id_cnty"),
            QStringLiteral("event_date"),
            QStringLiteral("year"),
            QStringLiteral("time_precision"),
            QStringLiteral("disorder_type"),
            QStringLiteral("event_type"),
            QStringLiteral("sub_event_type"),
            QStringLiteral("actor1"),
            QStringLiteral("assoc_actor_1"),
            QStringLiteral("inter1"),
            QStringLiteral("actor2"),
            QStringLiteral("assoc_actor_2"),
            QStringLiteral("inter2"),
            QStringLiteral("interaction"),
            QStringLiteral("civilian_targeting"),
            QStringLiteral("iso"),
            QStringLiteral("region"),
            QStringLiteral("country"),
            QStringLiteral("admin1"),
            QStringLiteral("admin2"),
            QStringLiteral("admin3"),
            QStringLiteral("location"),
            QStringLiteral("latitude"),
            QStringLiteral("longitude"),
            QStringLiteral("geo_precision"),
            QStringLiteral("source"),
            QStringLiteral("source_scale"),
            QStringLiteral("notes"),
            QStringLiteral("fatalities"),
            QStringLiteral("tags"),
            QStringLiteral("timestamp")};
}

int interCode(const ActorRef& actor, const QString& eventCountryIso2)
{
    const QString& kind = actor.kind;
    if (kindIs(kind, {u"external", u"foreign", u"other force", u"international"}))
        return ExternalOtherForces;
    if (kindIs(kind, {u"state", u"military", u"police", u"government", u"army", u"security", u"paramilitary",
                      u"navy", u"air force", u"intelligence", u"levies", u"frontier corps"})) {
        const bool abroad = !actor.country.isEmpty() && !eventCountryIso2.isEmpty() &&
                            actor.country.compare(eventCountryIso2, Qt::CaseInsensitive) != 0;
        return abroad ? ExternalOtherForces : StateForces;
    }
    if (kindIs(kind, {u"identity", u"tribal", u"communal", u"ethnic", u"clan"}))
        return IdentityMilitias;
    if (kindIs(kind, {u"militant", u"rebel", u"insurgent", u"separatist", u"jihadist", u"terror"}))
        return RebelGroups;
    if (kindIs(kind, {u"riot", u"mob"}))
        return Rioters;
    if (kindIs(kind, {u"protest", u"demonstrat"}))
        return Protesters;
    if (kindIs(kind, {u"civilian", u"journalist", u"worker", u"student"}))
        return Civilians;
    return PoliticalMilitias;
}

QString interLabel(int code)
{
    switch (code) {
    case StateForces:
        return QStringLiteral("State forces");
    case RebelGroups:
        return QStringLiteral("Rebel groups");
    case PoliticalMilitias:
        return QStringLiteral("Political militias");
    case IdentityMilitias:
        return QStringLiteral("Identity militias");
    case Rioters:
        return QStringLiteral("Rioters");
    case Protesters:
        return QStringLiteral("Protesters");
    case Civilians:
        return QStringLiteral("Civilians");
    case ExternalOtherForces:
        return QStringLiteral("External/Other forces");
    default:
        break;
    }
    return QString();
}

int interCodeFromText(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    bool ok = false;
    const int number = trimmed.toInt(&ok);
    if (ok)
        return number >= StateForces && number <= ExternalOtherForces ? number : 0;
    // ACLED's newer exports spell the type out, in singular or plural.
    const QString lower = trimmed.toString().toLower();
    if (lower.startsWith(u"state force"))
        return StateForces;
    if (lower.startsWith(u"rebel"))
        return RebelGroups;
    if (lower.startsWith(u"political milit"))
        return PoliticalMilitias;
    if (lower.startsWith(u"identity milit") || lower.startsWith(u"communal milit"))
        return IdentityMilitias;
    if (lower.startsWith(u"rioter"))
        return Rioters;
    if (lower.startsWith(u"protest"))
        return Protesters;
    if (lower.startsWith(u"civilian"))
        return Civilians;
    if (lower.startsWith(u"external") || lower.startsWith(u"other"))
        return ExternalOtherForces;
    return 0;
}

QString actorKindForInterCode(int code)
{
    switch (code) {
    case StateForces:
        return QStringLiteral("state");
    case RebelGroups:
        return QStringLiteral("militant");
    case PoliticalMilitias:
        return QStringLiteral("political militia");
    case IdentityMilitias:
        return QStringLiteral("identity militia");
    case Rioters:
        return QStringLiteral("rioters");
    case Protesters:
        return QStringLiteral("protesters");
    case Civilians:
        return QStringLiteral("civilians");
    case ExternalOtherForces:
        return QStringLiteral("external");
    default:
        break;
    }
    return QString();
}

int interaction(int inter1, int inter2)
{
    if (inter1 <= 0 && inter2 <= 0)
        return 0;
    if (inter1 <= 0 || inter2 <= 0)
        return std::max(inter1, inter2) * 10;
    return std::min(inter1, inter2) * 10 + std::max(inter1, inter2);
}

QString disorderType(const QString& eventType, const QString& subEventType)
{
    const QString political = QStringLiteral("Political violence");
    const QString demonstrations = QStringLiteral("Demonstrations");
    if (eventType.compare(u"Protests", Qt::CaseInsensitive) == 0) {
        // "protesters" in the current codebook, "protestors" in older files.
        if (subEventType.startsWith(u"Excessive force against protest", Qt::CaseInsensitive))
            return political + QStringLiteral("; ") + demonstrations;
        return demonstrations;
    }
    if (eventType.compare(u"Riots", Qt::CaseInsensitive) == 0) {
        if (subEventType.compare(u"Mob violence", Qt::CaseInsensitive) == 0)
            return political;
        return demonstrations;
    }
    if (eventType.compare(u"Strategic developments", Qt::CaseInsensitive) == 0)
        return QStringLiteral("Strategic developments");
    if (eventType.isEmpty())
        return QString();
    return political;
}

bool isCivilianTargeting(const QString& disorderType, int inter1, int inter2)
{
    return disorderType.startsWith(u"Political violence") && (inter2 == Civilians || inter1 == Civilians);
}

int timePrecisionCode(DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Day:
    case DatePrecision::Unknown:
        return 1;
    case DatePrecision::Week:
        return 2;
    case DatePrecision::Month:
        return 3;
    case DatePrecision::Year:
        break;
    }
    return 0;
}

QDate eventDateFor(const Incident& incident)
{
    const QDate end = incident.dateEnd.isValid() ? incident.dateEnd : incident.date;
    switch (incident.datePrecision) {
    case DatePrecision::Week:
        return incident.date.addDays(incident.date.daysTo(end) / 2);
    case DatePrecision::Month:
        return QDate(incident.date.year(), incident.date.month(), 15);
    default:
        break;
    }
    return incident.date;
}

void spanFor(const QDate& eventDate, int timePrecision, Incident* incident)
{
    switch (timePrecision) {
    case 2:
        incident->datePrecision = DatePrecision::Week;
        incident->date = eventDate.addDays(-3);
        incident->dateEnd = eventDate.addDays(3);
        return;
    case 3:
        incident->datePrecision = DatePrecision::Month;
        incident->date = QDate(eventDate.year(), eventDate.month(), 1);
        incident->dateEnd = QDate(eventDate.year(), eventDate.month(), eventDate.daysInMonth());
        return;
    default:
        break;
    }
    incident->datePrecision = DatePrecision::Day;
    incident->date = eventDate;
    incident->dateEnd = eventDate;
}

QString analystNoteSuffix(const QString& status, const QStringList& notes, const QStringList& tags)
{
    QStringList parts;
    if (!status.isEmpty())
        parts << QStringLiteral("status %1").arg(status);
    if (!notes.isEmpty())
        parts << QStringLiteral("notes: %1").arg(notes.join(QStringLiteral(" | ")));
    if (!tags.isEmpty())
        parts << QStringLiteral("tags: %1").arg(tags.join(QStringLiteral(", ")));
    if (parts.isEmpty())
        return QString();
    return kAnalystPrefix + parts.join(QStringLiteral("; ")) + u']';
}

QString stripAnalystNoteSuffix(const QString& notes)
{
    const qsizetype at = notes.lastIndexOf(kAnalystPrefix);
    if (at < 0 || !notes.endsWith(u']'))
        return notes;
    return notes.left(at);
}

} // namespace makran::acled
