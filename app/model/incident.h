#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace makran {

// How exactly an incident's date is known; ACLED's time_precision is 1 (day), 2 (week), 3 (month).
enum class DatePrecision { Unknown = 0, Day = 1, Week = 2, Month = 3, Year = 4 };
QString toString(DatePrecision precision);
DatePrecision datePrecisionFromString(QStringView text);

// The span [start, end) of report text a field came from, in Unicode code points.
struct Evidence {
    QString field; // "date", "place", "actor", "event_type", "fatalities", "quote", ...
    qint64 start = -1;
    qint64 end = -1;
    QString reasoning; // why this value was chosen, shown to the analyst ("Thursday -> 2024-01-18: ...")
    double confidence = 1.0; // 0..1: how sure the engine is of this field's value
    friend bool operator==(const Evidence&, const Evidence&) = default;
};

struct Quote {
    QString speaker;  // resolved speaker, "" when unknown
    QString text;     // the quoted words, without the quote marks
    qint64 start = -1; // code point offsets of the quoted words in the report text
    qint64 end = -1;
    qint64 speakerStart = -1; // where the speaker was named or referred to
    qint64 speakerEnd = -1;
    bool partial = false;  // a fragment inside reported speech, not a full sentence
    bool indirect = false; // reported speech ("said that ...") rather than quoted words
    friend bool operator==(const Quote&, const Quote&) = default;
};

enum class ActorRole { Perpetrator, Target, Claimant, Mentioned };
QString toString(ActorRole role);
ActorRole actorRoleFromString(QStringView text);

struct ActorRef {
    QString name;    // canonical name from the actor dictionary
    ActorRole role = ActorRole::Mentioned;
    QString kind;    // "state", "military", "police", "militant", "government", "civilians", ...
    QString country; // ISO 3166-1 alpha-2 of the actor's state, "" for non-state actors
    friend bool operator==(const ActorRef&, const ActorRef&) = default;
};

// One side's account when sources disagree ("Iran: terrorist bases hit" next to "Pakistan: two children
// killed"). Claims are kept side by side; the incident's own value is the most credible one.
struct Claim {
    QString field;    // "fatalities", "injured", "target", ...
    QString value;    // as the claimant put it, for display ("two children", "terrorist bases")
    std::optional<int> low;  // a count, when the claim is one
    std::optional<int> high;
    QString claimant; // who says so, canonical actor name or speaker
    qint64 start = -1; // code points of the claim in its report
    qint64 end = -1;
    qint64 reportId = 0;
    friend bool operator==(const Claim&, const Claim&) = default;
};

// Fields below this confidence are flagged for review.
inline constexpr double kLowConfidence = 0.5;

// The provinces Makran follows, as spelled in the gazetteer.
bool isFocusProvince(QStringView admin1);

struct Place {
    QString name;    // "Panjgur", or the province name when only the province is known
    QString admin1;  // province, as spelled in the gazetteer ("Balochistan", "Sistan and Baluchestan")
    QString country; // ISO 3166-1 alpha-2
    std::optional<double> lat;
    std::optional<double> lon;
    int geoPrecision = 0; // ACLED: 1 town, 2 near a town or part of a region, 3 province; 0 unknown
    bool outOfRegion = false;
    bool hasCoordinates() const { return lat.has_value() && lon.has_value(); }
    // Outside Balochistan and Sistan-Baluchestan; a place known only to Pakistan or Iran counts as inside,
    // one with no country is unknown and inside.
    bool liesOutsideRegion() const;
    friend bool operator==(const Place&, const Place&) = default;
};

struct Incident {
    qint64 id = 0;
    qint64 reportId = 0;
    QDate date;
    QDate dateEnd; // equal to date for day precision; the end of the week/month otherwise
    DatePrecision datePrecision = DatePrecision::Unknown;
    QString eventType;    // ACLED event_type
    QString subEventType; // ACLED sub_event_type
    Place place;
    QList<ActorRef> actors;
    std::optional<int> fatalities;     // killed, low bound
    std::optional<int> fatalitiesHigh; // killed, high bound when a range was given
    std::optional<int> injured;
    QString summary;
    QList<Quote> quotes;
    QList<Evidence> evidence;
    double confidence = 0.0;
    QList<qint64> sourceReportIds; // every report that mentions this incident (reportId first)
    QList<Claim> claims;           // competing accounts of a field, each with its claimant

    // The confidence of a field's evidence (the lowest when several spans back it), -1 without evidence.
    double fieldConfidence(QStringView field) const;
    // Fields whose confidence is below kLowConfidence, for a reviewer to check first.
    QStringList lowConfidenceFields() const;
};

struct Report {
    qint64 id = 0;
    QString title;
    QString source; // outlet or file name
    QString url;
    QDate published;
    QString text;
    QString contentHash; // SHA-256 of the text, hex
    QString path;        // where it was read from
};

struct ExtractionResult {
    Report report;
    QList<Incident> incidents;
    QList<Quote> quotes; // every quote in the report, whether or not tied to an incident
    QStringList warnings;
};

} // namespace makran
