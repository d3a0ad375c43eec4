#pragma once

#include "model/incident.h"

#include <QString>
#include <QStringList>

namespace makran {

// The fields an analyst may correct, and how each is written down. Every value is kept as one string
// (the "stored form") so incident_edits needs a single TEXT column:
//   date, date_end         YYYY-MM-DD, "" when unknown
//   date_precision         day | week | month | year | unknown
//   event_type             one of ACLED's six event types; sub_event_type one of its sub-event types
//   place                  JSON {name, admin1, country, lat, lon, geo_precision}; "" for no place
//   admin1, country        province as spelled in the gazetteer; ISO 3166-1 alpha-2
//   lat, lon, geo_precision numbers ("" clears lat/lon)
//   actors                 JSON [{name, role, kind, country}]
//   fatalities, fatalities_high, injured  whole numbers, "" when unknown
//   summary                free text; confidence 0..1; status unreviewed | confirmed | disputed | rejected
class IncidentFields {
public:
    static const QStringList& names();
    static bool isKnown(QStringView field);
    static QString unknownFieldMessage(QStringView field); // "unknown field 'colour' (one of: …)"

    static const QStringList& statuses(); // unreviewed first: the status of an incident nobody reviewed
    static QString defaultStatus() { return statuses().first(); }
    static const QStringList& eventTypes();
    static QStringList subEventTypes(QStringView eventType = {}); // all of them for an empty type
    static QString eventTypeOfSubEvent(QStringView subEventType);

    // Turns what a user typed into the stored form, or says precisely why it cannot. `place` is looked up
    // in the built-in gazetteer ("Turbat", or "Kalat, Balochistan" / "Kalat, PK" to choose among
    // namesakes); `actors` takes JSON or "Name:role; Name:role" (role defaults to mentioned).
    static bool parse(QStringView field, const QString& input, QString* stored, QString* error);

    static QString placeToStored(const Place& place); // "" for a place without name or coordinates
    static Place placeFromStored(const QString& stored);
    static QString actorsToStored(const QList<ActorRef>& actors);
    static QList<ActorRef> actorsFromStored(const QString& stored);

    // The stored form of an incident's value (status is not part of Incident; see AnnotatedIncident).
    static QString valueOf(const Incident& incident, QStringView field);
    // Overlays one stored value; `status` receives the status field.
    static void apply(Incident& incident, QString& status, QStringView field, const QString& stored);
    // For people: a place as "Turbat (Balochistan, PK)", actors as "BLA (perpetrator)", "" as "(none)".
    static QString display(QStringView field, const QString& stored);
};

} // namespace makran
