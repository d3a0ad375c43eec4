#pragma once

#include "model/incident.h"

#include <QString>
#include <QStringList>

namespace makran {

// ACLED's data export layout and code lists (the columns since ACLED's March 2023 revision), shared by the
// acled-csv writer and the ACLED CSV reader so that a file written here reads back the same.
namespace acled {

QStringList columns(); // event_id_cnty … timestamp, in ACLED's order

// Actor type codes ("inter1"/"inter2"): 1 State forces … 8 External/Other forces.
enum InterCode {
    NoActor = 0,
    StateForces = 1,
    RebelGroups,
    PoliticalMilitias,
    IdentityMilitias,
    Rioters,
    Protesters,
    Civilians,
    ExternalOtherForces
};
// The code for one of our actors; state forces acting outside their own country are external forces.
// An actor of unknown kind counts as a political militia, as ACLED codes unidentified armed groups.
int interCode(const ActorRef& actor, const QString& eventCountryIso2);
QString interLabel(int code);            // "State forces", "" for 0
int interCodeFromText(QStringView text); // "1" or a label ("Rebel groups", "Protesters"); 0 if neither
QString actorKindForInterCode(int code); // the kind our model uses ("state", "militant", ...)
// Two-digit interaction code: the lower actor code first; one actor alone gives code×10.
int interaction(int inter1, int inter2);

QString disorderType(const QString& eventType, const QString& subEventType);
bool isCivilianTargeting(const QString& disorderType, int inter1, int inter2);

// ACLED dates an event known only to the week by the middle of the week, and one known only to the month
// by the 15th; a multi-day event is one row per day.
int timePrecisionCode(DatePrecision precision); // 1, 2, 3; 0 for unknown or year (no ACLED code)
QDate eventDateFor(const Incident& incident);   // the event_date of a single-row (week/month) incident
// The inverse: the span [date, dateEnd] that an ACLED row with this date and precision code stands for.
void spanFor(const QDate& eventDate, int timePrecision, Incident* incident);

// Appended to notes to carry the analysts' annotations; stripped again on reading.
QString analystNoteSuffix(const QString& status, const QStringList& notes, const QStringList& tags);
QString stripAnalystNoteSuffix(const QString& notes);

} // namespace acled

} // namespace makran
