#include "annotate/incidentfields.h"

#include "export/countrycodes.h"
#include "extract/dictionaries.h"
#include "geo/gazetteer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace makran {

namespace {

struct SubEvent {
    const char16_t* eventType;
    const char16_t* name;
};

// ACLED's codebook (2023 revision); the extractor's trigger dictionary uses the same spellings.
constexpr SubEvent kSubEvents[] = {
    {u"Battles", u"Armed clash"},
    {u"Battles", u"Government regains territory"},
    {u"Battles", u"Non-state actor overtakes territory"},
    {u"Explosions/Remote violence", u"Chemical weapon"},
    {u"Explosions/Remote violence", u"Air/drone strike"},
    {u"Explosions/Remote violence", u"Suicide bomb"},
    {u"Explosions/Remote violence", u"Shelling/artillery/missile attack"},
    {u"Explosions/Remote violence", u"Remote explosive/landmine/IED"},
    {u"Explosions/Remote violence", u"Grenade"},
    {u"Violence against civilians", u"Sexual violence"},
    {u"Violence against civilians", u"Attack"},
    {u"Violence against civilians", u"Abduction/forced disappearance"},
    {u"Protests", u"Peaceful protest"},
    {u"Protests", u"Protest with intervention"},
    {u"Protests", u"Excessive force against protesters"},
    {u"Riots", u"Violent demonstration"},
    {u"Riots", u"Mob violence"},
    {u"Strategic developments", u"Agreement"},
    {u"Strategic developments", u"Arrests"},
    {u"Strategic developments", u"Change to group/activity"},
    {u"Strategic developments", u"Disrupted weapons use"},
    {u"Strategic developments", u"Headquarters or base established"},
    {u"Strategic developments", u"Looting/property destruction"},
    {u"Strategic developments", u"Non-violent transfer of territory"},
    {u"Strategic developments", u"Other"},
};

const QStringList kActorRoles = {QStringLiteral("perpetrator"), QStringLiteral("target"), QStringLiteral("claimant"),
                                 QStringLiteral("mentioned")};

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

QString quoted(QStringView field, const QString& input)
{
    return QStringLiteral("%1: '%2'").arg(field, input);
}

// The list entry equal to text ignoring case, so "confirmed" and "Confirmed" both work.
QString findIgnoringCase(const QStringList& list, QStringView text)
{
    for (const QString& item : list) {
        if (item.compare(text, Qt::CaseInsensitive) == 0)
            return item;
    }
    return QString();
}

bool parseCount(QStringView field, const QString& input, QString* stored, QString* error)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,9}$"));
    static const QRegularExpression negative(QStringLiteral("^-[0-9]+$"));
    if (input.isEmpty()) {
        *stored = QString(); // unknown
        return true;
    }
    if (negative.match(input).hasMatch())
        return fail(error, quoted(field, input) + QStringLiteral(" is negative"));
    if (!digits.match(input).hasMatch())
        return fail(error, quoted(field, input) + QStringLiteral(" is not a whole number"));
    *stored = QString::number(input.toInt());
    return true;
}

bool parseDate(QStringView field, const QString& input, QString* stored, QString* error)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    if (input.isEmpty() && field == u"date_end") {
        *stored = QString();
        return true;
    }
    const QDate date = QDate::fromString(input, Qt::ISODate);
    if (!shape.match(input).hasMatch() || !date.isValid())
        return fail(error, quoted(field, input) + QStringLiteral(" is not a date (YYYY-MM-DD)"));
    *stored = date.toString(Qt::ISODate);
    return true;
}

bool parseReal(QStringView field, const QString& input, double low, double high, const QString& what,
               QString* stored, QString* error)
{
    bool ok = false;
    const double value = input.toDouble(&ok);
    if (!ok || !std::isfinite(value) || value < low || value > high)
        return fail(error, quoted(field, input) + QStringLiteral(" is not %1").arg(what));
    *stored = QString::number(value, 'g', 10);
    return true;
}

int precisionOf(PlaceKind kind)
{
    switch (kind) {
    case PlaceKind::Country:
    case PlaceKind::Province: return 3; // ACLED: a province or larger
    case PlaceKind::District:
    case PlaceKind::Area:
    case PlaceKind::Region: return 2;
    default: return 1;
    }
}

bool qualifierMatches(const GazetteerEntry& entry, const QString& qualifier)
{
    const QString key = normalizePlaceName(qualifier);
    if (normalizePlaceName(entry.admin1) == key || entry.country.compare(qualifier, Qt::CaseInsensitive) == 0)
        return true;
    const CountryCode* country = countryByName(qualifier);
    return country && entry.country.compare(QStringView(country->iso2), Qt::CaseInsensitive) == 0;
}

bool parsePlace(const QString& input, QString* stored, QString* error)
{
    if (input.isEmpty()) {
        *stored = QString();
        return true;
    }
    const Gazetteer& gazetteer = Gazetteer::builtIn();
    QString name = input;
    QString qualifier;
    const qsizetype comma = input.indexOf(u',');
    if (comma > 0) {
        name = input.left(comma).trimmed();
        qualifier = input.mid(comma + 1).trimmed();
    }
    const GazetteerEntry* found = nullptr;
    for (const GazetteerEntry* entry : gazetteer.lookup(name)) {
        if (qualifier.isEmpty() || qualifierMatches(*entry, qualifier)) {
            found = entry;
            break;
        }
    }
    if (!found) {
        QStringList suggestions;
        for (const GazetteerEntry* entry : gazetteer.search(name.left(3), 5))
            suggestions << QStringLiteral("%1 (%2)").arg(entry->name, entry->admin1.isEmpty() ? entry->country : entry->admin1);
        QString message = quoted(u"place", input) + QStringLiteral(" is not in the gazetteer");
        if (!suggestions.isEmpty())
            message += QStringLiteral(" (similar names: %1)").arg(suggestions.join(QStringLiteral(", ")));
        return fail(error, message);
    }
    Place place;
    place.name = found->name;
    place.admin1 = found->kind == PlaceKind::Country ? QString() : found->admin1;
    place.country = found->country;
    place.lat = found->lat;
    place.lon = found->lon;
    place.geoPrecision = precisionOf(found->kind);
    *stored = IncidentFields::placeToStored(place);
    return true;
}

bool parseAdmin1(const QString& input, QString* stored, QString* error)
{
    if (input.isEmpty()) {
        *stored = QString();
        return true;
    }
    for (const GazetteerEntry* entry : Gazetteer::builtIn().lookup(input)) {
        if (entry->kind == PlaceKind::Province) {
            *stored = entry->admin1.isEmpty() ? entry->name : entry->admin1;
            return true;
        }
    }
    return fail(error, quoted(u"admin1", input) + QStringLiteral(" is not a province in the gazetteer"));
}

bool parseCountry(const QString& input, QString* stored, QString* error)
{
    static const QRegularExpression iso2(QStringLiteral("^[A-Za-z]{2}$"));
    if (input.isEmpty()) {
        *stored = QString();
        return true;
    }
    if (iso2.match(input).hasMatch()) {
        *stored = input.toUpper();
        return true;
    }
    if (const CountryCode* country = countryByName(input)) {
        *stored = QString::fromUtf16(country->iso2);
        return true;
    }
    return fail(error, quoted(u"country", input) +
                           QStringLiteral(" is not an ISO 3166-1 alpha-2 code or a known country name"));
}

bool actorFrom(const QString& name, const QString& roleText, ActorRef* actor, QString* error)
{
    if (name.trimmed().isEmpty())
        return fail(error, QStringLiteral("actors: an actor has no name"));
    const QString role = roleText.trimmed().isEmpty() ? QStringLiteral("mentioned")
                                                      : findIgnoringCase(kActorRoles, roleText.trimmed());
    if (role.isEmpty())
        return fail(error, QStringLiteral("actors: role '%1' of '%2' is not one of %3")
                               .arg(roleText.trimmed(), name.trimmed(), kActorRoles.join(QStringLiteral(", "))));
    actor->name = name.trimmed();
    actor->role = actorRoleFromString(role);
    // Known actors keep the dictionary's spelling, kind and country, which ACLED's inter codes depend on.
    if (const ActorEntry* known = ActorDictionary::builtIn().byName(actor->name)) {
        actor->name = known->name;
        actor->kind = known->kind;
        actor->country = known->country;
    }
    return true;
}

bool parseActors(const QString& input, QString* stored, QString* error)
{
    QList<ActorRef> actors;
    if (input.startsWith(u'[')) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(input.toUtf8(), &parseError);
        if (!document.isArray())
            return fail(error, QStringLiteral("actors: not a JSON list of {\"name\", \"role\"} (%1)")
                                   .arg(parseError.error == QJsonParseError::NoError ? QStringLiteral("not a list")
                                                                                     : parseError.errorString()));
        for (const QJsonValue& value : document.array()) {
            const QJsonObject object = value.toObject();
            ActorRef actor;
            if (!actorFrom(object.value(u"name").toString(), object.value(u"role").toString(), &actor, error))
                return false;
            actors << actor;
        }
    } else {
        for (const QString& part : input.split(u';', Qt::SkipEmptyParts)) {
            if (part.trimmed().isEmpty())
                continue;
            const qsizetype colon = part.lastIndexOf(u':');
            ActorRef actor;
            if (!actorFrom(colon < 0 ? part : part.left(colon), colon < 0 ? QString() : part.mid(colon + 1), &actor,
                           error))
                return false;
            actors << actor;
        }
    }
    *stored = IncidentFields::actorsToStored(actors);
    return true;
}

QString optionalNumber(const std::optional<int>& value)
{
    return value ? QString::number(*value) : QString();
}

std::optional<int> numberFrom(const QString& stored)
{
    bool ok = false;
    const int value = stored.toInt(&ok);
    return ok ? std::optional<int>(value) : std::nullopt;
}

std::optional<double> realFrom(const QString& stored)
{
    bool ok = false;
    const double value = stored.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

} // namespace

const QStringList& IncidentFields::names()
{
    static const QStringList names = {
        QStringLiteral("date"),       QStringLiteral("date_end"),        QStringLiteral("date_precision"),
        QStringLiteral("event_type"), QStringLiteral("sub_event_type"),  QStringLiteral("place"),
        QStringLiteral("admin1"),     QStringLiteral("country"),         QStringLiteral("lat"),
        QStringLiteral("lon"),        QStringLiteral("geo_precision"),   QStringLiteral("actors"),
        QStringLiteral("fatalities"), QStringLiteral("fatalities_high"), QStringLiteral("injured"),
        QStringLiteral("summary"),    QStringLiteral("confidence"),      QStringLiteral("status"),
    };
    return names;
}

bool IncidentFields::isKnown(QStringView field)
{
    return names().contains(field);
}

QString IncidentFields::unknownFieldMessage(QStringView field)
{
    return QStringLiteral("unknown field '%1' (one of: %2)").arg(field, names().join(QStringLiteral(", ")));
}

const QStringList& IncidentFields::statuses()
{
    static const QStringList statuses = {QStringLiteral("unreviewed"), QStringLiteral("confirmed"),
                                         QStringLiteral("disputed"), QStringLiteral("rejected")};
    return statuses;
}

const QStringList& IncidentFields::eventTypes()
{
    static const QStringList types = {QStringLiteral("Battles"),
                                      QStringLiteral("Explosions/Remote violence"),
                                      QStringLiteral("Violence against civilians"),
                                      QStringLiteral("Protests"),
                                      QStringLiteral("Riots"),
                                      QStringLiteral("Strategic developments")};
    return types;
}

QStringList IncidentFields::subEventTypes(QStringView eventType)
{
    QStringList result;
    for (const SubEvent& sub : kSubEvents) {
        if (eventType.isEmpty() || eventType.compare(QStringView(sub.eventType), Qt::CaseInsensitive) == 0)
            result << QString::fromUtf16(sub.name);
    }
    return result;
}

QString IncidentFields::eventTypeOfSubEvent(QStringView subEventType)
{
    for (const SubEvent& sub : kSubEvents) {
        if (subEventType.compare(QStringView(sub.name), Qt::CaseInsensitive) == 0)
            return QString::fromUtf16(sub.eventType);
    }
    return QString();
}

bool IncidentFields::parse(QStringView field, const QString& rawInput, QString* stored, QString* error)
{
    // Free text keeps its spacing; every other value is a token where stray spaces are typing noise.
    const QString input = field == u"summary" ? rawInput : rawInput.trimmed();
    if (field == u"date" || field == u"date_end")
        return parseDate(field, input, stored, error);
    if (field == u"date_precision") {
        static const QStringList precisions = {QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month"),
                                               QStringLiteral("year"), QStringLiteral("unknown")};
        *stored = findIgnoringCase(precisions, input);
        return !stored->isEmpty() ||
               fail(error, quoted(field, input) +
                               QStringLiteral(" is not one of %1").arg(precisions.join(QStringLiteral(", "))));
    }
    if (field == u"event_type") {
        *stored = findIgnoringCase(eventTypes(), input);
        return input.isEmpty() || !stored->isEmpty() ||
               fail(error, quoted(field, input) +
                               QStringLiteral(" is not one of %1").arg(eventTypes().join(QStringLiteral(", "))));
    }
    if (field == u"sub_event_type") {
        *stored = findIgnoringCase(subEventTypes(), input);
        return input.isEmpty() || !stored->isEmpty() ||
               fail(error, quoted(field, input) + QStringLiteral(" is not an ACLED sub-event type (one of: %1)")
                                                      .arg(subEventTypes().join(QStringLiteral(", "))));
    }
    if (field == u"place")
        return parsePlace(input, stored, error);
    if (field == u"admin1")
        return parseAdmin1(input, stored, error);
    if (field == u"country")
        return parseCountry(input, stored, error);
    if (field == u"lat" || field == u"lon") {
        if (input.isEmpty()) {
            *stored = QString();
            return true;
        }
        return field == u"lat"
                   ? parseReal(field, input, -90, 90, QStringLiteral("a latitude (a number from -90 to 90)"), stored, error)
                   : parseReal(field, input, -180, 180, QStringLiteral("a longitude (a number from -180 to 180)"),
                               stored, error);
    }
    if (field == u"geo_precision") {
        static const QStringList precisions = {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"),
                                               QStringLiteral("3")};
        if (!precisions.contains(input))
            return fail(error, quoted(field, input) +
                                   QStringLiteral(" is not one of 0 (unknown), 1 (town), 2 (near a town or part of a "
                                                  "region), 3 (province or larger)"));
        *stored = input;
        return true;
    }
    if (field == u"actors")
        return parseActors(input, stored, error);
    if (field == u"fatalities" || field == u"fatalities_high" || field == u"injured")
        return parseCount(field, input, stored, error);
    if (field == u"summary") {
        *stored = input;
        return true;
    }
    if (field == u"confidence")
        return parseReal(field, input, 0, 1, QStringLiteral("a number from 0 to 1"), stored, error);
    if (field == u"status") {
        *stored = findIgnoringCase(statuses(), input);
        return !stored->isEmpty() ||
               fail(error, quoted(field, input) +
                               QStringLiteral(" is not one of %1").arg(statuses().join(QStringLiteral(", "))));
    }
    return fail(error, unknownFieldMessage(field));
}

QString IncidentFields::placeToStored(const Place& place)
{
    if (place.name.isEmpty() && !place.hasCoordinates())
        return QString();
    QJsonObject object{
        {QStringLiteral("name"), place.name},
        {QStringLiteral("admin1"), place.admin1},
        {QStringLiteral("country"), place.country},
        {QStringLiteral("lat"), place.lat ? QJsonValue(*place.lat) : QJsonValue()},
        {QStringLiteral("lon"), place.lon ? QJsonValue(*place.lon) : QJsonValue()},
        {QStringLiteral("geo_precision"), place.geoPrecision},
    };
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Place IncidentFields::placeFromStored(const QString& stored)
{
    Place place;
    const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
    place.name = object.value(u"name").toString();
    place.admin1 = object.value(u"admin1").toString();
    place.country = object.value(u"country").toString();
    if (object.value(u"lat").isDouble())
        place.lat = object.value(u"lat").toDouble();
    if (object.value(u"lon").isDouble())
        place.lon = object.value(u"lon").toDouble();
    place.geoPrecision = object.value(u"geo_precision").toInt();
    return place;
}

QString IncidentFields::actorsToStored(const QList<ActorRef>& actors)
{
    QJsonArray array;
    for (const ActorRef& actor : actors) {
        array.append(QJsonObject{{QStringLiteral("name"), actor.name},
                                 {QStringLiteral("role"), toString(actor.role)},
                                 {QStringLiteral("kind"), actor.kind},
                                 {QStringLiteral("country"), actor.country}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<ActorRef> IncidentFields::actorsFromStored(const QString& stored)
{
    QList<ActorRef> actors;
    for (const QJsonValue& value : QJsonDocument::fromJson(stored.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        actors << ActorRef{object.value(u"name").toString(), actorRoleFromString(object.value(u"role").toString()),
                           object.value(u"kind").toString(), object.value(u"country").toString()};
    }
    return actors;
}

QString IncidentFields::valueOf(const Incident& incident, QStringView field)
{
    const auto date = [](const QDate& d) { return d.isValid() ? d.toString(Qt::ISODate) : QString(); };
    const auto real = [](const std::optional<double>& v) { return v ? QString::number(*v, 'g', 10) : QString(); };
    if (field == u"date")
        return date(incident.date);
    if (field == u"date_end")
        return date(incident.dateEnd);
    if (field == u"date_precision")
        return toString(incident.datePrecision);
    if (field == u"event_type")
        return incident.eventType;
    if (field == u"sub_event_type")
        return incident.subEventType;
    if (field == u"place")
        return placeToStored(incident.place);
    if (field == u"admin1")
        return incident.place.admin1;
    if (field == u"country")
        return incident.place.country;
    if (field == u"lat")
        return real(incident.place.lat);
    if (field == u"lon")
        return real(incident.place.lon);
    if (field == u"geo_precision")
        return QString::number(incident.place.geoPrecision);
    if (field == u"actors")
        return actorsToStored(incident.actors);
    if (field == u"fatalities")
        return optionalNumber(incident.fatalities);
    if (field == u"fatalities_high")
        return optionalNumber(incident.fatalitiesHigh);
    if (field == u"injured")
        return optionalNumber(incident.injured);
    if (field == u"summary")
        return incident.summary;
    if (field == u"confidence")
        return QString::number(incident.confidence, 'g', 10);
    return QString();
}

void IncidentFields::apply(Incident& incident, QString& status, QStringView field, const QString& stored)
{
    if (field == u"date")
        incident.date = QDate::fromString(stored, Qt::ISODate);
    else if (field == u"date_end")
        incident.dateEnd = QDate::fromString(stored, Qt::ISODate);
    else if (field == u"date_precision")
        incident.datePrecision = datePrecisionFromString(stored);
    else if (field == u"event_type")
        incident.eventType = stored;
    else if (field == u"sub_event_type")
        incident.subEventType = stored;
    else if (field == u"place") {
        // A corrected place is no longer the extractor's out-of-region guess; keep the flag only if unchanged.
        const bool outOfRegion = incident.place.outOfRegion;
        const Place place = placeFromStored(stored);
        incident.place = place;
        incident.place.outOfRegion = outOfRegion && stored.isEmpty();
    } else if (field == u"admin1")
        incident.place.admin1 = stored;
    else if (field == u"country")
        incident.place.country = stored;
    else if (field == u"lat")
        incident.place.lat = realFrom(stored);
    else if (field == u"lon")
        incident.place.lon = realFrom(stored);
    else if (field == u"geo_precision")
        incident.place.geoPrecision = stored.toInt();
    else if (field == u"actors")
        incident.actors = actorsFromStored(stored);
    else if (field == u"fatalities")
        incident.fatalities = numberFrom(stored);
    else if (field == u"fatalities_high")
        incident.fatalitiesHigh = numberFrom(stored);
    else if (field == u"injured")
        incident.injured = numberFrom(stored);
    else if (field == u"summary")
        incident.summary = stored;
    else if (field == u"confidence")
        incident.confidence = realFrom(stored).value_or(incident.confidence);
    else if (field == u"status")
        status = stored;
}

QString IncidentFields::display(QStringView field, const QString& stored)
{
    if (stored.isEmpty())
        return QStringLiteral("(none)");
    if (field == u"place") {
        const Place place = placeFromStored(stored);
        QStringList where;
        if (!place.admin1.isEmpty())
            where << place.admin1;
        if (!place.country.isEmpty())
            where << place.country;
        QString text = place.name.isEmpty() ? QStringLiteral("unnamed place") : place.name;
        if (!where.isEmpty())
            text += QStringLiteral(" (%1)").arg(where.join(QStringLiteral(", ")));
        if (place.hasCoordinates() && place.name.isEmpty())
            text += QStringLiteral(" at %1, %2").arg(*place.lat).arg(*place.lon);
        return text;
    }
    if (field == u"actors") {
        QStringList parts;
        for (const ActorRef& actor : actorsFromStored(stored))
            parts << QStringLiteral("%1 (%2)").arg(actor.name, toString(actor.role));
        return parts.isEmpty() ? QStringLiteral("(none)") : parts.join(QStringLiteral(", "));
    }
    return stored;
}

} // namespace makran
