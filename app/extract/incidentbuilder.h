#pragma once

#include "extract/mentions.h"
#include "model/incident.h"

namespace makran {

struct ActorEntry;
struct GazetteerEntry;

// Turns the mentions of one report into incidents: one candidate per clause with an event trigger,
// anchored in time (publication date, or the year pinned by a weekday that must fall on a stated
// month-day), then candidates that describe the same event merged into one incident.
// Its members live in three files: incidentdates.cpp (when), incidentplaces.cpp (where) and
// incidentbuilder.cpp (triggers, roles, merging, fatalities and the finished incident).
class IncidentBuilder {
public:
    IncidentBuilder(QStringView text, const ReportMentions& mentions, const PlaceFinder& places);

    // The headline restates the lead: its clauses only join incidents found in the body.
    void setTitleSpan(qsizetype start, qsizetype end)
    {
        m_titleStart = start;
        m_titleEnd = end;
    }
    // The city of the report's dateline ("QUETTA, Jan 18 (Reuters) -"): where an incident whose sentences
    // name no place is placed, near the city and flagged.
    void setDatelinePlace(const QString& name, qsizetype start, qsizetype end)
    {
        m_datelinePlace = name;
        m_datelineStart = start;
        m_datelineEnd = end;
    }
    // The report's quotes (UTF-16 offsets, speakers resolved), so figures can be credited to who gave them.
    void setQuotes(std::vector<Quote> quotes) { m_quotes = std::move(quotes); }
    // `published` may be invalid; `datelineDate` is a "Jan 18" dateline without a year.
    QList<Incident> build(const QDate& published, const QString& publishedReason,
                          const std::optional<DateMention>& datelineDate, QStringList* warnings);

private:
    struct RoleActor {
        const ActorMention* mention = nullptr;
        ActorRole role = ActorRole::Mentioned;
    };
    struct Candidate {
        int clause = 0;
        int sentence = 0;
        int paragraph = 0;
        const TriggerMention* trigger = nullptr;
        const DateMention* date = nullptr;
        int dateOffsetDays = 0; // "a day after": the referenced mention's date minus this
        int daysAfterPrevious = 0; // "Two days later, ...": counted from the event told before
        bool dateUnknownEarlier = false;
        bool offsetFromLead = false; // "The killings came a day after ...": dateOffsetDays from the lead event
        bool weakDate = false; // the date of a statement about the event ("on Wednesday X said that the attack...")
        ResolvedDate resolved;
        const PlaceMention* place = nullptr;
        const GazetteerEntry* placeEntry = nullptr;
        bool fromTitle = false;
        bool mergeOnly = false; // may add to an incident but not start one
        bool background = false; // "a series of attacks", "over the years": context, not this event
        bool detailOnly = false; // joined the event told before it only by being next to it
        int precision = 0; // 1 town, 2 near/district, 3 province, 4 country only
        std::vector<RoleActor> actors;
        std::vector<const CasualtyMention*> casualties;
    };
    struct Draft {
        std::vector<Candidate> parts;
    };

    std::vector<Candidate> makeCandidates() const;
    bool isCarriedWeapon(const TriggerMention& trigger) const;
    bool isPartOfDate(const TriggerMention& trigger) const;
    qsizetype eventStart(const Clause& clause, const TriggerMention& trigger) const;
    void chooseDate(Candidate& candidate, const Clause& clause, size_t clauseIndex) const;
    void choosePlace(Candidate& candidate, const Clause& clause) const;
    // A short sentence without an event word opening the paragraph before `sentence` ("Zabol, Sunday
    // 7 September."), or null.
    const Sentence* paragraphHeader(int sentence) const;
    void assignRoles(Candidate& candidate, const Clause& clause) const;
    bool isActorNotPlace(const PlaceMention& place) const;
    bool isSomeonesHome(const PlaceMention& place) const;
    bool isBackdrop(const PlaceMention& place) const;
    bool opensWithTheEvent(const Candidate& c) const;
    bool isDestination(const PlaceMention& place) const;
    bool saysWhereaboutsUnknown(const Draft& draft) const;
    QDate yearContext(const DateMention& date, const QDate& anchor, QString* why) const;
    bool isPastDeedOfTarget(const TriggerMention& trigger) const;
    bool isSelfDispersal(const TriggerMention& trigger) const;
    bool isArmedBlockade(const TriggerMention& trigger) const;
    bool borrowEarlierClauseDate(Candidate& candidate, const Clause& clause, size_t clauseIndex) const;
    const DateMention* dateOfFollowingDetail(int sentenceIndex) const;
    const GazetteerEntry* chooseEntry(const PlaceMention& mention, int sentence) const;

    QDate inferAnchor(std::vector<Candidate>& candidates, const std::optional<DateMention>& datelineDate,
                      QString* reason, QStringList* warnings) const;
    void resolveDates(std::vector<Candidate>& candidates, const QDate& anchor, const QString& reason) const;
    std::vector<Draft> merge(const std::vector<Candidate>& candidates, bool datesResolved) const;
    // 0 when the candidate cannot be the draft's event, else how much evidence says it is.
    int compatible(const Draft& draft, const Candidate& candidate, bool datesResolved) const;
    // The draft told last before `candidate` (within two paragraphs), or null.
    static Draft* precedingDraft(std::vector<Draft>& drafts, const Candidate& candidate);
    Incident finish(const Draft& draft) const;
    bool placeAtDateline(Incident& incident) const;
    QList<Incident> siblingsAtJoinedPlaces(const Incident& incident) const;
    // Incidents placed only by the dateline that share an earlier incident's day and kind are that incident.
    static void foldDatelineDuplicates(QList<Incident>& incidents, const QList<bool>& placedByDateline);
    static void foldPlaceless(QList<Incident>& incidents);
    // Who gives a figure: the speaker of the quote around it, else an actor who speaks in its sentence.
    const Quote* quoteAround(qsizetype position) const;
    const ActorEntry* claimantOf(int sentence, qsizetype position) const;

    QStringView m_text;
    const ReportMentions& m_mentions;
    const PlaceFinder& m_places;
    QSet<QString> m_reportCountries; // countries named in the report, for disambiguation
    QSet<QString> m_reportAdmin1;
    std::vector<Quote> m_quotes;
    QString m_datelinePlace;
    qsizetype m_datelineStart = -1;
    qsizetype m_datelineEnd = -1;
    bool m_anchorInferred = false; // no publication date: dates rest on a guessed year
    qsizetype m_titleStart = -1;
    qsizetype m_titleEnd = -1;
};

} // namespace makran
