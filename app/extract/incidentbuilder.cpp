#include "extract/incidentbuilder.h"

#include "geo/gazetteer.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QtMath>

#include <cmath>
#include <cstdio>

namespace makran {

namespace {

bool isViolent(const QString& eventType)
{
    return eventType == u"Battles" || eventType == u"Explosions/Remote violence" ||
           eventType == u"Violence against civilians";
}

double distanceKm(const GazetteerEntry& a, const GazetteerEntry& b)
{
    const double la1 = qDegreesToRadians(a.lat), la2 = qDegreesToRadians(b.lat);
    const double dLat = la2 - la1, dLon = qDegreesToRadians(b.lon - a.lon);
    const double h = std::sin(dLat / 2) * std::sin(dLat / 2) + std::cos(la1) * std::cos(la2) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// Nouns after a state adjective that make it something other than an actor in the event:
// "Iranian state media reported", "his Iranian counterpart", "Pakistani territory".
bool isNonActorHead(const QString& key)
{
    static const QSet<QString> heads = {
        QStringLiteral("media"),      QStringLiteral("state"),    QStringLiteral("counterpart"),
        QStringLiteral("ambassador"), QStringLiteral("minister"), QStringLiteral("territory"),
        QStringLiteral("soil"),       QStringLiteral("side"),     QStringLiteral("border"),
        QStringLiteral("province"),   QStringLiteral("embassy"),  QStringLiteral("envoy"),
        QStringLiteral("foreign"),    QStringLiteral("news"),     QStringLiteral("television"),
        QStringLiteral("tv"),         QStringLiteral("nationals"), QStringLiteral("national"),
        QStringLiteral("officials"),  QStringLiteral("official"), QStringLiteral("sources"),
        QStringLiteral("president"),  QStringLiteral("delegation"), QStringLiteral("agency"),
        QStringLiteral("city"),       QStringLiteral("town"),     QStringLiteral("region"),
        QStringLiteral("airspace"),   QStringLiteral("waters"),   QStringLiteral("village"),
        QStringLiteral("sovereignty"), QStringLiteral("citizens"), QStringLiteral("people"),
        QStringLiteral("diplomat"),   QStringLiteral("diplomats"), QStringLiteral("interior"),
        QStringLiteral("spokesperson"), QStringLiteral("spokesman"), QStringLiteral("charge"),
        QStringLiteral("government"), QStringLiteral("authorities"), QStringLiteral("foreign"),
        QStringLiteral("prime"),      QStringLiteral("army"),     QStringLiteral("capital"),
        QStringLiteral("parliament"), QStringLiteral("public"),   QStringLiteral("press"),
        QStringLiteral("frontier"),   QStringLiteral("boundary"), QStringLiteral("consulate"),
        QStringLiteral("newspaper"),  QStringLiteral("outlet"),   QStringLiteral("ministry"),
    };
    return heads.contains(key);
}

bool isTargetWord(const QString& key)
{
    static const QSet<QString> words = {
        QStringLiteral("against"), QStringLiteral("on"),     QStringLiteral("targeting"), QStringLiteral("at"),
        QStringLiteral("of"),      QStringLiteral("killing"), QStringLiteral("killed"),   QStringLiteral("abducted"),
        QStringLiteral("kidnapped"), QStringLiteral("injuring"), QStringLiteral("wounding"), QStringLiteral("attacked"),
        QStringLiteral("ambushed"), QStringLiteral("targeted"), QStringLiteral("hit"),      QStringLiteral("struck"),
        QStringLiteral("arrested"), QStringLiteral("detained"), QStringLiteral("raided"),  QStringLiteral("stormed"),
        QStringLiteral("two"),     QStringLiteral("three"),   QStringLiteral("four"),     QStringLiteral("five"),
        QStringLiteral("with"),    QStringLiteral("and"),     QStringLiteral("dispersed"), QStringLiteral("shot"),
        QStringLiteral("including"), QStringLiteral("among"), QStringLiteral("bases"),    QStringLiteral("hideouts"),
    };
    return words.contains(key);
}

bool isPassiveMarker(const QString& key)
{
    return key == u"was" || key == u"were" || key == u"been" || key == u"being" || key == u"is" || key == u"are";
}

bool isStateSide(const ActorEntry& entry)
{
    return !entry.country.isEmpty();
}

} // namespace

IncidentBuilder::IncidentBuilder(QStringView text, const ReportMentions& mentions, const PlaceFinder& places)
    : m_text(text), m_mentions(mentions), m_places(places)
{
    for (const PlaceMention& place : mentions.places) {
        if (place.candidates.size() == 1) {
            m_reportCountries.insert(place.candidates.front()->country);
            if (!place.candidates.front()->admin1.isEmpty())
                m_reportAdmin1.insert(place.candidates.front()->admin1);
        }
    }
    for (const ActorMention& actor : mentions.actors) {
        if (actor.candidates.size() == 1 && actor.candidates.front()->kind == u"state")
            m_reportCountries.insert(actor.candidates.front()->country);
    }
}

bool IncidentBuilder::saysWhereaboutsUnknown(const Draft& draft) const
{
    static const QRegularExpression unknown(
        QStringLiteral("\\bwhereabouts\\b[^.]*\\b(?:unknown|not (?:been )?(?:disclosed|known|revealed)|undisclosed|remain|"
                       "no information)|\\b(?:unknown|undisclosed|unspecified) (?:location|place|destination)\\b|"
                       "\\bforcibly disappeared\\b|\\bforced disappearance\\b|\\bincommunicado\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (const Candidate& part : draft.parts) {
        // The sentence itself and the next one of its paragraph.
        for (int i = part.sentence; i <= part.sentence + 1 && i < int(m_mentions.sentences.size()); ++i) {
            const Sentence& sentence = m_mentions.sentences[size_t(i)];
            if (sentence.paragraph != m_mentions.sentences[size_t(part.sentence)].paragraph)
                break;
            if (unknown.match(m_text.mid(sentence.start, sentence.end - sentence.start)).hasMatch())
                return true;
        }
    }
    return false;
}

bool IncidentBuilder::opensWithTheEvent(const Candidate& c) const
{
    const Sentence& sentence = m_mentions.sentences[size_t(c.sentence)];
    const QString opening = m_text.mid(sentence.start, c.trigger->start - sentence.start).toString().trimmed();
    return opening == u"The" || opening == u"This" || opening == u"That";
}

qsizetype IncidentBuilder::eventStart(const Clause& clause, const TriggerMention& trigger) const
{
    // "X, in Kampala, stressed that the attack ...": what comes before "stressed that" describes the
    // statement, not the event.
    static const QRegularExpression reported(
        QStringLiteral("\\b(?:said|says|told\\s+[\\w\\s]{1,40}?|stated|announced|claimed|added|stressed|noted|"
                       "underlined|confirmed|alleged|insisted|warned|reported|maintained)\\s+that\\b"));
    const QString before = m_text.mid(clause.start, trigger.start - clause.start).toString();
    qsizetype start = clause.start;
    for (auto it = reported.globalMatch(before); it.hasNext();)
        start = clause.start + it.next().capturedEnd();
    return start;
}

void IncidentBuilder::assignRoles(Candidate& candidate, const Clause& clause) const
{
    const auto& tokens = m_mentions.tokens;
    const size_t trigger = candidate.trigger->firstToken;
    bool claim = false;
    for (size_t t = 0; t < tokens.size(); ++t) {
        if (tokens[t].start >= clause.start && tokens[t].end <= clause.end && tokens[t].key == u"responsibility")
            claim = true;
    }
    for (const ActorMention& actor : m_mentions.actors) {
        if (actor.start < clause.start || actor.end > clause.end)
            continue;
        if (actor.start < candidate.trigger->end && candidate.trigger->start < actor.end)
            continue; // the trigger is part of the actor's name
        const QString next = actor.lastToken < tokens.size() ? tokens[actor.lastToken].key : QString();
        if (actor.possessive && (isNonActorHead(next) || actor.candidates.front()->kind != u"state") &&
            actor.candidates.front()->kind == u"state")
            continue;
        if (!actor.possessive && isNonActorHead(next) && actor.candidates.front()->kind == u"state")
            continue;
        // A place name right after a possessive state: "Pakistan's Balochistan province".
        bool beforePlace = false;
        for (const PlaceMention& place : m_mentions.places) {
            if (place.firstToken >= actor.lastToken && place.firstToken <= actor.lastToken + 2 &&
                !isActorNotPlace(place))
                beforePlace = true;
        }
        if (actor.possessive && beforePlace && actor.candidates.front()->kind == u"state")
            continue;
        const QString prev = actor.firstToken > 0 ? tokens[actor.firstToken - 1].key : QString();
        const QString prev2 = actor.firstToken > 1 ? tokens[actor.firstToken - 2].key : QString();
        static const QSet<QString> areaWords = {QStringLiteral("province"), QStringLiteral("territory"),
                                                QStringLiteral("district"), QStringLiteral("city"),
                                                QStringLiteral("parts"),    QStringLiteral("part"),
                                                QStringLiteral("region"),   QStringLiteral("soil"),
                                                QStringLiteral("county"),   QStringLiteral("border")};
        if ((prev == u"of" && areaWords.contains(prev2) && actor.candidates.front()->kind == u"state") ||
            (prev == u"with" && areaWords.contains(prev2) && actor.candidates.front()->kind == u"state"))
            continue; // "province of Iran", "the border with Pakistan" say where, not who
        const qsizetype spanStart = eventStart(clause, *candidate.trigger);
        if (actor.start < spanStart) {
            // The one making the statement is not a party to the event, unless the event is its own:
            // "Pakistan said that its air force struck ...".
            const QString opening = m_text.mid(spanStart, 12).toString().trimmed().toLower();
            if (actor.candidates.front()->kind == u"state" &&
                (opening.startsWith(QStringLiteral("its ")) || opening.startsWith(QStringLiteral("their "))))
                candidate.actors.push_back(RoleActor{&actor, ActorRole::Perpetrator});
            continue;
        }
        ActorRole role = ActorRole::Mentioned;
        bool modifiesTrigger = actor.possessive && actor.firstToken < trigger && actor.lastToken + 3 >= trigger;
        for (size_t t = actor.lastToken; modifiesTrigger && t < trigger; ++t)
            modifiesTrigger = tokens[t].key != u"of" && tokens[t].key != u"the" && tokens[t].key != u"a";
        if (modifiesTrigger)
            role = ActorRole::Perpetrator; // "Iranian missile strikes", "Pakistan's retaliatory strikes"
        else if (prev == u"by" || prev2 == u"by")
            role = ActorRole::Perpetrator;
        else if (actor.firstToken < trigger) {
            bool passive = false;
            for (size_t t = actor.lastToken; t < trigger; ++t)
                passive = passive || isPassiveMarker(tokens[t].key);
            if (isTargetWord(prev) && prev != u"and")
                role = ActorRole::Target;
            else
                role = passive ? ActorRole::Target : ActorRole::Perpetrator;
        } else {
            role = isTargetWord(prev) || isTargetWord(prev2) || actor.firstToken <= trigger + 3 ? ActorRole::Target
                                                                                             : ActorRole::Mentioned;
        }
        if (claim && role == ActorRole::Perpetrator && actor.candidates.front()->kind == u"militant")
            role = ActorRole::Claimant;
        if (actor.candidates.front()->kind == u"civilians" && role == ActorRole::Perpetrator)
            role = ActorRole::Target;
        candidate.actors.push_back(RoleActor{&actor, role});
    }
}

bool IncidentBuilder::isPartOfDate(const TriggerMention& trigger) const
{
    // "3 March 2025", "March 3": the month, not a march.
    if (!m_text[trigger.start].isUpper())
        return false;
    qsizetype after = trigger.end;
    while (after < m_text.size() && m_text[after] == u' ')
        ++after;
    qsizetype before = trigger.start;
    while (before > 0 && m_text[before - 1] == u' ')
        --before;
    return (after < m_text.size() && m_text[after].isDigit()) || (before > 0 && m_text[before - 1].isDigit());
}

bool IncidentBuilder::isCarriedWeapon(const TriggerMention& trigger) const
{
    // "armed with rifles and hand grenades", "recovered two Kalashnikovs and a grenade": a weapon named as
    // carried or found is no event of its own.
    const QString& sub = trigger.entry->subEventType;
    if (sub != u"Grenade" && sub != u"Remote explosive/landmine/IED")
        return false;
    static const QRegularExpression carried(
        QStringLiteral("\\b(?:armed with|carrying|carried|recovered|seized|confiscated|found|defused|equipped with|"
                       "clear\\w*|remov\\w*|dispos\\w*|cache of|smuggl\\w*|de-?min\\w*)\\b[^.;]*$"),
        QRegularExpression::CaseInsensitiveOption);
    const qsizetype from = std::max<qsizetype>(0, trigger.start - 70);
    return carried.match(m_text.mid(from, trigger.start - from).toString()).hasMatch();
}

bool IncidentBuilder::isArmedBlockade(const TriggerMention& trigger) const
{
    // "gunmen blocked the highway and checked identity cards": a roadblock set up for an attack.
    if (trigger.entry->eventType != u"Protests" || !trigger.entry->pattern.startsWith(QStringLiteral("blocked")))
        return false;
    static const QRegularExpression armed(QStringLiteral(
        "\\b(?:gunmen|militants|attackers|terrorists|armed men|assailants|insurgents|kidnappers|bandits)\\b[^.;]{0,30}$"),
        QRegularExpression::CaseInsensitiveOption);
    const qsizetype from = std::max<qsizetype>(0, trigger.start - 60);
    return armed.match(m_text.mid(from, trigger.start - from).toString()).hasMatch();
}

bool IncidentBuilder::isSelfDispersal(const TriggerMention& trigger) const
{
    // "The protesters dispersed peacefully after talks": they left; no one broke them up. "Police
    // dispersed the crowd" and "were dispersed" stay interventions.
    const auto& tokens = m_mentions.tokens;
    const size_t t = trigger.firstToken;
    if (tokens[t].key != u"dispersed" || t == 0)
        return false;
    const QString& prev = tokens[t - 1].key;
    if (prev == u"was" || prev == u"were" || prev == u"been" || prev == u"forcibly")
        return false;
    const QString next = t + 1 < tokens.size() ? tokens[t + 1].key : QString();
    return next == u"peacefully" || next == u"after" || next == u"on" || next == u"in" || next == u"at" ||
           next == u"when" || prev == u"protesters" || prev == u"demonstrators" || prev == u"crowd" ||
           prev == u"they" || prev == u"rally" || prev == u"participants" || prev == u"marchers" ||
           prev == u"mourners" || prev == u"protestors";
}

bool IncidentBuilder::isPastDeedOfTarget(const TriggerMention& trigger) const
{
    // "raided a hideout of terrorists who had been involved in the firing on passenger coaches": the deeds
    // held against an operation's targets are not the event told.
    static const QRegularExpression deed(
        QStringLiteral("\\b(?:(?:who|which|that) (?:had |have |has |were |was )?(?:been )?(?:involved|wanted|responsible|"
                       "behind)|involved in|responsible for|wanted (?:for|in)|accused of|suspected of|"
                       "masterminds? (?:of|behind)|planning|planned to|plotting)\\b[^.;,\"\u201C\u201D]*$"),
        QRegularExpression::CaseInsensitiveOption);
    const qsizetype from = std::max<qsizetype>(0, trigger.start - 90);
    return deed.match(m_text.mid(from, trigger.start - from).toString()).hasMatch();
}

std::vector<IncidentBuilder::Candidate> IncidentBuilder::makeCandidates() const
{
    std::vector<Candidate> candidates;
    const auto& clauses = m_mentions.clauses;
    for (size_t c = 0; c < clauses.size(); ++c) {
        const Clause& clause = clauses[c];
        const TriggerMention* best = nullptr;
        bool bestIsDeed = false;
        for (const TriggerMention& trigger : m_mentions.triggers) {
            if (trigger.start < clause.start || trigger.end > clause.end)
                continue;
            bool insideName = false;
            for (const ActorMention& actor : m_mentions.actors)
                insideName = insideName || (trigger.start >= actor.start && trigger.end <= actor.end &&
                                            actor.end - actor.start > trigger.end - trigger.start);
            if (insideName || isCarriedWeapon(trigger) || isPartOfDate(trigger) || isSelfDispersal(trigger) ||
                isArmedBlockade(trigger))
                continue;
            // A deed held against the targets is the clause's event only when nothing else is told.
            const bool deed = isPastDeedOfTarget(trigger);
            if (!best || (bestIsDeed && !deed) || (bestIsDeed == deed && trigger.entry->priority > best->entry->priority)) {
                best = &trigger;
                bestIsDeed = deed;
            }
        }
        // Modal words before the trigger or just after it ("an attack on Pakistan would be").
        if (!best)
            continue;
        const qsizetype window = std::min(clause.end, best->end + 40);
        if (isHypothetical(m_text.mid(clause.start, window - clause.start)))
            continue;
        Candidate candidate;
        candidate.clause = int(c);
        candidate.sentence = clause.sentence;
        candidate.paragraph = m_mentions.sentences[size_t(clause.sentence)].paragraph;
        candidate.trigger = best;
        candidate.fromTitle = m_titleStart >= 0 && clause.start >= m_titleStart && clause.end <= m_titleEnd;
        chooseDate(candidate, clause, c);
        // Background ("a series of attacks", "not the first time") and reactions to an event
        // ("condemned the attack", "the funeral") describe no new incident of their own: they may only
        // add to one. So may a bare "attack"/"killed" without a date of its own.
        static const QRegularExpression background(
            QStringLiteral("\\b(?:series of|(?:second|third|fourth|fifth|latest) (?:such |)(?:attack|incident)|of its kind|"
                           "not the first|in recent (?:weeks|months|years)|over the (?:past|last) (?:few |)(?:weeks|months|years)|"
                           "has (?:also |)(?:been|carried|claimed|staged)|have (?:also |)(?:been|carried|claimed)|frequently|"
                           "repeatedly|routinely|often|in the past|condemn\\w*|funeral|condolence\\w*|compensation|"
                           "medical facilities|designated|blamed|accuse[sd]?)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        const Sentence& sentence = m_mentions.sentences[size_t(clause.sentence)];
        // A toll or a claim reported later ("the death toll rose to 12 on Wednesday") updates an event; its
        // date is the day of the update.
        if (best->entry->pattern.contains(QStringLiteral("toll")) || best->entry->pattern.startsWith(QStringLiteral("claimed")))
            candidate.weakDate = true;
        const QString sentenceText = m_text.mid(sentence.start, sentence.end - sentence.start).toString();
        candidate.background = background.match(sentenceText).hasMatch();
        candidate.mergeOnly = candidate.background ||
                              (best->entry->generic && (!candidate.date || candidate.weakDate));
        choosePlace(candidate, clause);
        // "In April, its fighters attacked ... in the towns of Rask and Chabahar in a series of assaults": a
        // background sentence that dates and places its own event still tells one.
        static const QRegularExpression reaction(
            QStringLiteral("\\b(?:funeral|condolence\\w*|compensation|mourn\\w*)\\b"),
            QRegularExpression::CaseInsensitiveOption);
        if (candidate.background && candidate.date && !candidate.weakDate && candidate.placeEntry && candidate.precision == 1 &&
            !reaction.match(sentenceText).hasMatch() &&
            candidate.date->kind != DateMention::Kind::LastWeek && candidate.date->kind != DateMention::Kind::ThisMonth)
            candidate.mergeOnly = best->entry->generic && !candidate.date;
        assignRoles(candidate, clause);
        for (const CasualtyMention& casualty : m_mentions.casualties) {
            if (casualty.start >= clause.start && casualty.end <= clause.end)
                candidate.casualties.push_back(&casualty);
        }
        candidates.push_back(std::move(candidate));
    }
    // A figure in a clause with no event word of its own ("..., but on Thursday the ministry revised the
    // toll to 95") belongs to the event its sentence tells.
    for (const CasualtyMention& casualty : m_mentions.casualties) {
        Candidate* owner = nullptr;
        bool assigned = false;
        for (Candidate& candidate : candidates) {
            assigned = assigned || std::find(candidate.casualties.begin(), candidate.casualties.end(), &casualty) !=
                                       candidate.casualties.end();
            const Sentence& sentence = m_mentions.sentences[size_t(candidate.sentence)];
            if (casualty.start >= sentence.start && casualty.end <= sentence.end &&
                (!owner || m_mentions.clauses[size_t(candidate.clause)].start <= casualty.start))
                owner = &candidate;
        }
        if (!assigned && owner)
            owner->casualties.push_back(&casualty);
    }
    return candidates;
}

int IncidentBuilder::compatible(const Draft& draft, const Candidate& c, bool datesResolved) const
{
    int positive = 0;
    for (const Candidate& p : draft.parts) {
        // Event types: the same, or a generic "attack"/"killed" joining any violent event.
        const TriggerEntry& a = *p.trigger->entry;
        const TriggerEntry& b = *c.trigger->entry;
        const bool sameType = a.eventType == b.eventType && a.subEventType == b.subEventType;
        const bool genericJoin = (a.generic || b.generic) && isViolent(a.eventType) && isViolent(b.eventType);
        const bool protestFamily = a.eventType == u"Protests" && b.eventType == u"Protests";
        if (!sameType && !genericJoin && !protestFamily)
            return 0;
        // Dates.
        if (p.weakDate || c.weakDate) {
            // A statement's date says nothing against the event's own.
        } else if (datesResolved) {
            if (p.resolved.isValid() && c.resolved.isValid()) {
                if (p.resolved.date > c.resolved.dateEnd || c.resolved.date > p.resolved.dateEnd)
                    return 0;
                if (p.resolved.date == c.resolved.date && p.resolved.precision == DatePrecision::Day)
                    ++positive;
            }
        } else if (p.date && c.date && p.date->kind == c.date->kind) {
            // Weekdays compare after their "a day after" shifts: Thursday minus one is Wednesday.
            const auto weekdayOf = [](const Candidate& x) { return ((x.date->weekday - x.dateOffsetDays - 1) % 7 + 7) % 7; };
            if (p.date->kind == DateMention::Kind::Weekday && weekdayOf(p) != weekdayOf(c))
                return 0;
            if (p.date->kind == DateMention::Kind::MonthDay && (p.date->month != c.date->month || p.date->day != c.date->day))
                return 0;
        }
        if ((p.dateUnknownEarlier && c.date && !c.dateUnknownEarlier && c.sentence == p.sentence))
            return 0;
        // Places.
        if (p.placeEntry && c.placeEntry) {
            const GazetteerEntry& x = *p.placeEntry;
            const GazetteerEntry& y = *c.placeEntry;
            if (x.country != y.country)
                return 0;
            if (&x == &y)
                ++positive;
            else if (p.precision <= 2 && c.precision <= 2) {
                if (distanceKm(x, y) > 60)
                    return 0;
                ++positive;
            } else if (p.precision == 3 || c.precision == 3) {
                if (p.precision != 4 && c.precision != 4 && x.admin1 != y.admin1)
                    return 0;
                ++positive;
            } else {
                ++positive;
            }
        }
        // Perpetrators: state sides by country, others by name.
        QSet<QString> pSides, cSides;
        for (const RoleActor& actor : p.actors) {
            if (actor.role == ActorRole::Perpetrator && actor.mention->candidates.front()->name != u"Unidentified Armed Group")
                pSides.insert(isStateSide(*actor.mention->candidates.front()) ? actor.mention->candidates.front()->country
                                                                              : actor.mention->candidates.front()->name);
        }
        for (const RoleActor& actor : c.actors) {
            if (actor.role == ActorRole::Perpetrator && actor.mention->candidates.front()->name != u"Unidentified Armed Group")
                cSides.insert(isStateSide(*actor.mention->candidates.front()) ? actor.mention->candidates.front()->country
                                                                              : actor.mention->candidates.front()->name);
        }
        if (!pSides.isEmpty() && !cSides.isEmpty()) {
            if (!pSides.intersects(cSides))
                return 0;
            ++positive;
        }
    }
    // A sentence that adds details right after the event ("Three soldiers were killed.") belongs to it.
    const Candidate& last = draft.parts.back();
    // The headline sits next to the lead; body sentences next to the sentence before them.
    const bool adjacent = c.fromTitle ? draft.parts.front().sentence <= 3
                                      : c.sentence - last.sentence <= 1 && c.paragraph - last.paragraph <= 1;
    const bool bare = !c.place && !c.placeEntry && !c.date;
    // The next sentence naming the same specific kind of event ("... claimed the bombings. The two
    // explosions struck on Wednesday ...") continues it when nothing above set them apart.
    const TriggerEntry& lastType = *last.trigger->entry;
    const TriggerEntry& ownType = *c.trigger->entry;
    const bool sameSpecific = !lastType.generic && !ownType.generic && lastType.eventType == ownType.eventType;
    // So does the next sentence that dates an event whose own date was only the day it was told of.
    const bool datesIt = last.weakDate && c.date && !c.weakDate;
    const bool continues = adjacent && !c.fromTitle && (sameSpecific || datesIt) && !c.placeEntry;
    // "... attacked a paramilitary post late on Wednesday. The assault targeted a checkpoint on the edge of
    // Mashkel": a sentence opening on "the assault" goes on telling the event just told, and may place it.
    const bool anaphor = adjacent && !c.fromTitle && !c.date && opensWithTheEvent(c);
    return positive + ((adjacent && bare) || c.sentence == last.sentence || continues || anaphor ? 1 : 0);
}

std::vector<IncidentBuilder::Draft> IncidentBuilder::merge(const std::vector<Candidate>& candidates,
                                                           bool datesResolved) const
{
    std::vector<Draft> drafts;
    // Body first; the headline's clauses only add to what the body describes.
    std::vector<const Candidate*> ordered;
    for (const Candidate& candidate : candidates) {
        if (!candidate.fromTitle)
            ordered.push_back(&candidate);
    }
    for (const Candidate& candidate : candidates) {
        if (candidate.fromTitle)
            ordered.push_back(&candidate);
    }
    for (const Candidate* pointer : ordered) {
        const Candidate& candidate = *pointer;
        // The draft with the most evidence of being the same event; the latest among equals.
        Draft* target = nullptr;
        int bestScore = 0;
        for (auto it = drafts.rbegin(); it != drafts.rend(); ++it) {
            const int score = compatible(*it, candidate, datesResolved);
            if (score > bestScore) {
                bestScore = score;
                target = &*it;
            }
        }
        // A clause with neither a place nor a date of its own ("Four soldiers were martyred in the exchange
        // of fire.") tells more of the event being told, even under another trigger word.
        const bool bare = !candidate.place && !candidate.placeEntry && (!candidate.date || candidate.weakDate);
        bool detail = false;
        if (!target && bare && !candidate.fromTitle)
            detail = (target = precedingDraft(drafts, candidate)) != nullptr;
        if (target) {
            target->parts.push_back(candidate);
            target->parts.back().detailOnly = detail;
        }
        else if ((!candidate.fromTitle && !candidate.mergeOnly) || drafts.empty())
            drafts.push_back(Draft{{candidate}});
    }
    return drafts;
}

const Quote* IncidentBuilder::quoteAround(qsizetype position) const
{
    for (const Quote& quote : m_quotes) {
        if (quote.start <= position && position < quote.end)
            return &quote;
    }
    return nullptr;
}

const ActorEntry* IncidentBuilder::claimantOf(int sentence, qsizetype position) const
{
    // "Four soldiers were killed, the military said, while the BLA claimed to have killed 15": each figure
    // belongs to the speech verb nearest it, and that verb to the actor named just before it (or just
    // after "according to"). Null when the report states the figure itself.
    static const QRegularExpression speech(
        QStringLiteral("\\b(?:said|says|claimed|claims|told|stated|announced|according to|put the)\\b"));
    const Sentence& s = m_mentions.sentences[size_t(sentence)];
    const QString words = m_text.mid(s.start, s.end - s.start).toString();
    qsizetype verbAt = -1;
    qsizetype verbEnd = -1;
    bool according = false;
    for (auto it = speech.globalMatch(words); it.hasNext();) {
        const auto m = it.next();
        const qsizetype at = s.start + m.capturedStart();
        if (verbAt < 0 || std::abs(at - position) < std::abs(verbAt - position)) {
            verbAt = at;
            verbEnd = s.start + m.capturedEnd();
            according = m.captured() == u"according to";
        }
    }
    if (verbAt < 0)
        return nullptr;
    const ActorMention* best = nullptr;
    for (const ActorMention& actor : m_mentions.actors) {
        if (actor.start < s.start || actor.end > s.end || actor.candidates.empty())
            continue;
        const bool fits = according ? actor.start >= verbEnd && actor.start - verbEnd < 40
                                    : actor.end <= verbAt && verbAt - actor.end < 40;
        if (fits && (!best || std::abs(actor.start - verbAt) < std::abs(best->start - verbAt)))
            best = &actor;
    }
    return best ? best->candidates.front() : nullptr;
}

IncidentBuilder::Draft* IncidentBuilder::precedingDraft(std::vector<Draft>& drafts, const Candidate& candidate)
{
    Draft* nearest = nullptr;
    int nearestClause = -1;
    for (Draft& draft : drafts) {
        for (const Candidate& part : draft.parts) {
            if (!part.fromTitle && part.clause < candidate.clause && part.clause > nearestClause &&
                candidate.paragraph - part.paragraph <= 2) {
                nearestClause = part.clause;
                nearest = &draft;
            }
        }
    }
    return nearest;
}

Incident IncidentBuilder::finish(const Draft& draft) const
{
    Incident incident;
    // Confidences are rule-of-thumb grades of how a value was found (see README, "Confidence"), so a
    // reviewer can start with what the engine guessed.
    auto evidence = [&](const QString& field, qsizetype start, qsizetype end, const QString& why = QString(),
                        double confidence = 0.9) {
        for (const Evidence& existing : incident.evidence) {
            if (existing.field == field && existing.start == start)
                return;
        }
        incident.evidence.append(Evidence{field, start, end, why, confidence});
    };

    // Event type: the most specific, highest-priority trigger.
    // Deaths make an event violent: arrests made in an operation that killed three are no "Arrests".
    bool anyKilled = false;
    for (const Candidate& part : draft.parts) {
        for (const CasualtyMention* c : part.casualties)
            anyKilled = anyKilled || (c->kind == CasualtyMention::Kind::Killed && c->high > 0 && !part.background);
    }
    auto nonViolent = [](const TriggerEntry& e) { return e.eventType == u"Strategic developments"; };
    const Candidate* typeSource = &draft.parts.front();
    for (const Candidate& part : draft.parts) {
        const TriggerEntry& a = *part.trigger->entry;
        const TriggerEntry& b = *typeSource->trigger->entry;
        if (anyKilled && nonViolent(a) && !nonViolent(b))
            continue;
        if (anyKilled && nonViolent(b) && !nonViolent(a)) {
            typeSource = &part;
            continue;
        }
        // A detail joined by proximity does not retype the event it adds to, only refines it within its
        // kind ("the bombings ... detonated explosive belts": a suicide bombing).
        if (part.detailOnly && !b.generic && a.eventType != b.eventType)
            continue;
        if ((b.generic && !a.generic) || (a.generic == b.generic && a.priority > b.priority))
            typeSource = &part;
    }
    const TriggerEntry& trigger = *typeSource->trigger->entry;
    incident.eventType = trigger.eventType;
    incident.subEventType = trigger.subEventType;
    evidence(QStringLiteral("event_type"), typeSource->trigger->start, typeSource->trigger->end,
             trigger.generic ? QStringLiteral("only a generic word (\u201C%1\u201D); type inferred from actors")
                                   .arg(m_text.mid(typeSource->trigger->start, typeSource->trigger->end - typeSource->trigger->start))
                             : QString(),
             trigger.generic ? 0.45 : 0.85);

    // Date: the most precise one found, the earliest mention first.
    const Candidate* dateSource = nullptr;
    for (const Candidate& part : draft.parts) {
        if (!part.resolved.isValid())
            continue;
        if (!dateSource || (dateSource->weakDate && !part.weakDate) ||
            (dateSource->weakDate == part.weakDate && part.resolved.precision < dateSource->resolved.precision))
            dateSource = &part;
    }
    if (dateSource) {
        incident.date = dateSource->resolved.date;
        incident.dateEnd = dateSource->resolved.dateEnd;
        incident.datePrecision = dateSource->resolved.precision;
        double confidence = dateSource->date->kind == DateMention::Kind::Full ? 0.95 : m_anchorInferred ? 0.6 : 0.85;
        if (dateSource->weakDate)
            confidence = 0.45; // the day of a statement, not necessarily of the event
        if (dateSource->dateOffsetDays != 0)
            confidence -= 0.1;
        if (dateSource->resolved.precision != DatePrecision::Day)
            confidence = std::min(confidence, 0.7);
        evidence(QStringLiteral("date"), dateSource->date->start, dateSource->date->end, dateSource->resolved.reasoning,
                 confidence);
    }

    // Place: where the telling first puts the event; a later, finer place only refines a province or
    // country (later sentences name where the wounded were taken, or where officials spoke).
    const Candidate* placeSource = nullptr;
    for (const Candidate& part : draft.parts) {
        if (!part.placeEntry || part.detailOnly)
            continue;
        const bool earlier = placeSource && placeSource->fromTitle && !part.fromTitle;
        if (!placeSource || earlier || (placeSource->precision >= 3 && part.precision < placeSource->precision))
            placeSource = &part;
    }
    if (placeSource) {
        const GazetteerEntry& entry = *placeSource->placeEntry;
        incident.place.name = entry.name;
        incident.place.admin1 = entry.kind == PlaceKind::Country ? QString() : entry.admin1;
        incident.place.country = entry.country;
        incident.place.lat = entry.lat;
        incident.place.lon = entry.lon;
        incident.place.geoPrecision = std::min(placeSource->precision, 3);
        if (placeSource->place)
            evidence(QStringLiteral("place"), placeSource->place->start, placeSource->place->end,
                     placeSource->place->fuzzy ? QStringLiteral("spelling matched as a transliteration of %1").arg(entry.name)
                                               : QString(),
                     placeSource->place->fuzzy ? 0.55 : placeSource->precision <= 1 ? 0.9
                                                    : placeSource->precision == 2  ? 0.75
                                                    : placeSource->precision == 3  ? 0.45
                                                                                   : 0.3);
    }
    if (!placeSource && incident.eventType == u"Strategic developments" && incident.subEventType != u"Arrests") {
        // A state's decision with no place named ("Pakistan recalled its ambassador") is coded at the
        // state's capital, as a national-level (province precision) location.
        static const QHash<QString, QString> capitals = {{QStringLiteral("PK"), QStringLiteral("Islamabad")},
                                                         {QStringLiteral("IR"), QStringLiteral("Tehran")},
                                                         {QStringLiteral("AF"), QStringLiteral("Kabul")}};
        for (const Candidate& part : draft.parts) {
            for (const RoleActor& actor : part.actors) {
                const ActorEntry* entry = actor.mention->candidates.front();
                // Only the state itself decides in its capital; its forces arrest people where they are.
                if (actor.role != ActorRole::Perpetrator || !capitals.contains(entry->country) || incident.place.hasCoordinates() ||
                    (entry->kind != u"state" && entry->kind != u"government"))
                    continue;
                for (const GazetteerEntry* capital : m_places.gazetteer().lookup(capitals.value(entry->country))) {
                    if (capital->country != entry->country)
                        continue;
                    incident.place = Place{capital->name, capital->admin1, capital->country, capital->lat, capital->lon, 3, false};
                    incident.evidence.append(Evidence{QStringLiteral("place"), actor.mention->start, actor.mention->end,
                                                      QStringLiteral("no place named: the capital of %1, the state acting").arg(entry->name),
                                                      0.3});
                    break;
                }
            }
        }
    }
    incident.place.outOfRegion = incident.place.liesOutsideRegion();

    // Actors: one entry per name and role; a named group replaces "unidentified" for the same role.
    // A shared alias ("military", "police") belongs to the state already named on the same side,
    // else to the country where it happened.
    QHash<ActorRole, QString> sideCountry;
    for (const Candidate& part : draft.parts) {
        for (const RoleActor& actor : part.actors) {
            if (actor.mention->candidates.size() == 1 && !actor.mention->candidates.front()->country.isEmpty())
                sideCountry.insert(actor.role, actor.mention->candidates.front()->country);
        }
    }
    for (const Candidate& part : draft.parts) {
        for (const RoleActor& actor : part.actors) {
            if (actor.role == ActorRole::Mentioned)
                continue;
            const QString country = sideCountry.value(actor.role, incident.place.country);
            const ActorEntry* entry = actor.mention->candidates.front();
            for (const ActorEntry* option : actor.mention->candidates) {
                if (!country.isEmpty() && option->country == country) {
                    entry = option;
                    break;
                }
            }
            bool known = false;
            for (const ActorRef& ref : incident.actors)
                known = known || ref.name == entry->name;
            if (known)
                continue;
            incident.actors.append(ActorRef{entry->name, actor.role, entry->kind, entry->country});
            evidence(QStringLiteral("actor"), actor.mention->start, actor.mention->end,
                     QStringLiteral("%1: %2").arg(entry->name, toString(actor.role)),
                     entry->name == u"Unidentified Armed Group" ? 0.6 : 0.8);
        }
    }
    auto hasNamed = [&](ActorRole role) {
        return std::any_of(incident.actors.begin(), incident.actors.end(), [&](const ActorRef& a) {
            return a.role == role && a.kind == u"militant" && a.name != u"Unidentified Armed Group";
        });
    };
    incident.actors.removeIf([&](const ActorRef& a) { return a.name == u"Unidentified Armed Group" && hasNamed(a.role); });

    // A detention whose victim's whereabouts are kept from the family is a forced disappearance (ACLED).
    if (incident.subEventType == u"Arrests" && saysWhereaboutsUnknown(draft)) {
        incident.eventType = QStringLiteral("Violence against civilians");
        incident.subEventType = QStringLiteral("Abduction/forced disappearance");
    }

    // A generic attack becomes a battle when security forces were its target, an attack on civilians
    // when civilians were (ACLED's rule for coding who fought whom).
    if (trigger.generic) {
        bool forcesTargeted = false, civiliansTargeted = false, statePerpetrator = false;
        for (const ActorRef& a : incident.actors) {
            if (a.role == ActorRole::Target && (a.kind == u"military" || a.kind == u"police"))
                forcesTargeted = true;
            if (a.role == ActorRole::Target && a.kind == u"civilians")
                civiliansTargeted = true;
            if (a.role == ActorRole::Perpetrator && (a.kind == u"state" || a.kind == u"military"))
                statePerpetrator = true;
        }
        if (forcesTargeted && !civiliansTargeted) {
            incident.eventType = QStringLiteral("Battles");
            incident.subEventType = QStringLiteral("Armed clash");
        } else if (statePerpetrator && !civiliansTargeted && trigger.subEventType != u"Air/drone strike") {
            incident.eventType = QStringLiteral("Battles");
            incident.subEventType = QStringLiteral("Armed clash");
        }
    }

    // Fatalities: a stated toll wins; otherwise the largest figure (a lead's "killing at least 95" over a
    // later "one child among the dead"), preferring what officials or the reporter say over an armed
    // group's own claim. Figures that differ are kept as claims, each with who says so.
    std::optional<int> injured, toll, attackers;
    struct Figure {
        const CasualtyMention* mention;
        QString claimant;
        bool groupClaim;
    };
    std::vector<Figure> figures;
    for (const Candidate& part : draft.parts) {
        if (part.background)
            continue; // "hundreds have been killed over the years" is no toll of this event
        for (const CasualtyMention* c : part.casualties) {
            evidence(c->kind == CasualtyMention::Kind::Killed ? QStringLiteral("fatalities") : QStringLiteral("injured"),
                     c->start, c->end);
            if (c->kind == CasualtyMention::Kind::Injured) {
                injured = std::max(injured.value_or(0), c->high);
                continue;
            }
            if (m_text.mid(c->start, c->end - c->start).contains(QStringLiteral("toll"), Qt::CaseInsensitive)) {
                toll = std::max(toll.value_or(0), c->high);
                continue;
            }
            if (c->perpetrators) {
                // "Several of the terrorists were killed" gives no count to add to the toll.
                static const QRegularExpression vague(QStringLiteral("\\b(?:several|some|many|dozens|scores|a number)\\b"),
                                                      QRegularExpression::CaseInsensitiveOption);
                if (!vague.match(m_text.mid(c->start, c->end - c->start).toString()).hasMatch())
                    attackers = std::max(attackers.value_or(0), c->high);
                continue;
            }
            QString claimant;
            bool groupClaim = false;
            // A quote's speaker counts when it is a name ("ISPR", "Jeeyand Baloch"), not a leftover word.
            if (const Quote* quote = quoteAround(c->start); quote && !quote->speaker.isEmpty() && quote->speaker.front().isUpper()) {
                claimant = quote->speaker;
                const ActorEntry* entry = ActorDictionary::builtIn().byName(claimant);
                groupClaim = entry && entry->kind == u"militant";
            } else if (const ActorEntry* entry = claimantOf(part.sentence, c->start)) {
                claimant = entry->name;
                groupClaim = entry->kind == u"militant";
            }
            figures.push_back(Figure{c, claimant, groupClaim});
        }
    }
    // The lead states the toll (news writing puts it first); later figures are often parts of it ("two
    // of them children"). The headline only when the body has none; a group's own claim last.
    const Figure* chosen = nullptr;
    auto rank = [&](const Figure& f) {
        const bool inTitle = m_titleStart >= 0 && f.mention->start >= m_titleStart && f.mention->end <= m_titleEnd;
        return (f.groupClaim ? 2 : 0) + (inTitle ? 1 : 0);
    };
    for (const Figure& f : figures) {
        if (!chosen || rank(f) < rank(*chosen) || (rank(f) == rank(*chosen) && f.mention->start < chosen->mention->start))
            chosen = &f;
    }
    // A group's boast is no toll when officials gave one of their own, even only of the attackers killed.
    const bool boastOnly = chosen && chosen->groupClaim;
    if (boastOnly && attackers)
        chosen = nullptr;
    if (toll) {
        incident.fatalities = toll;
    } else if (chosen || attackers) {
        incident.fatalities = (chosen ? chosen->mention->low : 0) + attackers.value_or(0);
        if (chosen && chosen->mention->high > chosen->mention->low)
            incident.fatalitiesHigh = chosen->mention->high + attackers.value_or(0);
    }
    // Claims compete when different claimants give different figures; one source's several figures are
    // usually parts of one toll ("seven killed, two of them children").
    QSet<int> distinct;
    QSet<QString> claimants;
    for (const Figure& f : figures) {
        distinct.insert(f.mention->high);
        claimants.insert(f.claimant);
    }
    if (claimants.size() < 2)
        distinct = QSet<int>{chosen ? chosen->mention->high : 0};
    // Disagreeing figures, or only an armed group's word for it, make the toll worth a second look.
    const double tollConfidence = toll                             ? 0.9
                                  : chosen && chosen->groupClaim  ? 0.4
                                  : distinct.size() > 1 || boastOnly ? 0.6
                                                                  : 0.9;
    for (Evidence& e : incident.evidence) {
        if (e.field == u"fatalities")
            e.confidence = tollConfidence;
    }
    if (distinct.size() > 1 || (boastOnly && attackers)) {
        // One claim per claimant: the figure they give first.
        QSet<QString> claimed;
        for (const Figure& f : figures) {
            if (claimed.contains(f.claimant))
                continue;
            claimed.insert(f.claimant);
            const Claim claim{QStringLiteral("fatalities"), m_text.mid(f.mention->start, f.mention->end - f.mention->start).toString(),
                              f.mention->low, f.mention->high, f.claimant.isEmpty() ? QStringLiteral("(the report)") : f.claimant,
                              f.mention->start, f.mention->end, 0};
            if (!incident.claims.contains(claim))
                incident.claims.append(claim);
        }
    }
    incident.injured = injured;
    if (!incident.fatalities) {
        // Nobody died: said outright near the event, or only injuries reported.
        static const QRegularExpression none(QStringLiteral(
            "\\bno (?:one|body) (?:was |were )?(?:killed|hurt|injured|harmed)|\\bno (?:casualties|loss of life|deaths|"
            "fatalities|injuries)\\b|\\bwithout (?:casualties|loss of life)|\\bescaped unhurt|\\bnobody was|"
            "\\bno reports? of (?:anyone|any one|anybody) (?:being )?(?:killed|hurt)|\\b(?:were|was) unhurt"),
            QRegularExpression::CaseInsensitiveOption);
        bool saidNone = false;
        for (const Candidate& part : draft.parts) {
            const Sentence& first = m_mentions.sentences[size_t(part.sentence)];
            // The sentence itself and the next two of its paragraph ("There were no casualties.").
            for (int i = part.sentence; i < int(m_mentions.sentences.size()) && i <= part.sentence + 2; ++i) {
                const Sentence& sentence = m_mentions.sentences[size_t(i)];
                if (sentence.paragraph != first.paragraph)
                    break;
                saidNone = saidNone || none.match(m_text.mid(sentence.start, sentence.end - sentence.start).toString()).hasMatch();
            }
        }
        if (saidNone || injured) {
            incident.fatalities = 0;
        } else if (isViolent(incident.eventType) || incident.subEventType == u"Protest with intervention" ||
                   incident.subEventType == u"Excessive force against protesters" ||
                   incident.subEventType == u"Looting/property destruction") {
            // ACLED codes a violent event with no deaths reported as 0, and so force used on protesters or
            // property destroyed; flagged, since it is an absence.
            incident.fatalities = 0;
            incident.evidence.append(Evidence{QStringLiteral("fatalities"), -1, -1,
                                              QStringLiteral("no deaths reported in the text"), 0.4});
        }
    }

    // Summary: the sentence that tells the most about the event (its own date, place, a specific word).
    const Candidate* summarySource = typeSource;
    int bestInfo = -1;
    for (const Candidate& part : draft.parts) {
        const int info = (part.trigger->entry->generic ? 0 : 2) + (part.date && !part.weakDate && !part.dateOffsetDays ? 2 : 0) +
                         (part.placeEntry ? 1 : 0) + int(part.actors.size() > 0);
        if (info > bestInfo) {
            bestInfo = info;
            summarySource = &part;
        }
    }
    const Sentence& s = m_mentions.sentences[size_t(summarySource->sentence)];
    QString summary = m_text.mid(s.start, s.end - s.start).toString().simplified();
    if (summary.size() > 300)
        summary = summary.left(297) + QStringLiteral("...");
    incident.summary = summary;

    double confidence = 0.35;
    confidence += trigger.generic ? 0.0 : 0.15;
    confidence += dateSource ? (dateSource->date->kind == DateMention::Kind::Full ? 0.2 : 0.12) : 0.0;
    confidence += placeSource ? (placeSource->precision == 1 ? 0.15 : 0.1) : 0.0;
    confidence += incident.actors.isEmpty() ? 0.0 : 0.1;
    if (placeSource && placeSource->place && placeSource->place->fuzzy)
        confidence -= 0.1;
    incident.confidence = std::clamp(confidence, 0.05, 0.95);
    return incident;
}

bool IncidentBuilder::placeAtDateline(Incident& incident) const
{
    if (m_datelinePlace.isEmpty())
        return false;
    const GazetteerEntry* chosen = nullptr;
    for (const GazetteerEntry* entry : m_places.gazetteer().lookup(m_datelinePlace)) {
        // A bureau city in the region; outside it ("TEHRAN", "ISLAMABAD") says where the story was filed.
        if (isFocusProvince(entry->admin1) && (!chosen || entry->population > chosen->population))
            chosen = entry;
    }
    if (!chosen)
        return false;
    incident.place = Place{chosen->name, chosen->admin1, chosen->country, chosen->lat, chosen->lon, 2, false};
    incident.evidence.append(Evidence{QStringLiteral("place"), m_datelineStart, m_datelineEnd,
                                      QStringLiteral("no place in the event's sentences: near the dateline city, %1")
                                          .arg(chosen->name),
                                      0.4});
    return true;
}

void IncidentBuilder::foldDatelineDuplicates(QList<Incident>& incidents, const QList<bool>& placedByDateline)
{
    // Descending, so removing `later` leaves the flags of the incidents before it in place.
    for (qsizetype j = incidents.size() - 1; j > 0; --j) {
        const Incident& later = incidents[j];
        if (!placedByDateline[j] || !later.date.isValid())
            continue;
        for (qsizetype i = 0; i < j; ++i) {
            Incident& kept = incidents[i];
            const bool sameDay = kept.date.isValid() && kept.date <= later.dateEnd && later.date <= kept.dateEnd;
            const bool sameKind = kept.eventType == later.eventType || (isViolent(kept.eventType) && isViolent(later.eventType));
            if (!sameDay || !sameKind || kept.place.name != later.place.name)
                continue;
            // The detail adds its evidence, actors and figures where the incident had none.
            for (const Evidence& e : later.evidence) {
                if (e.field != u"place" && e.field != u"event_type" && e.field != u"date")
                    kept.evidence.append(e);
            }
            for (const ActorRef& actor : later.actors) {
                if (!kept.actors.contains(actor))
                    kept.actors.append(actor);
            }
            if (!kept.fatalities || (*kept.fatalities == 0 && later.fatalities.value_or(0) > 0))
                kept.fatalities = later.fatalities;
            if (!kept.injured)
                kept.injured = later.injured;
            incidents.removeAt(j);
            break;
        }
    }
}

void IncidentBuilder::foldPlaceless(QList<Incident>& incidents)
{
    // An incident that no sentence places, in a report whose other incidents are placed, is a remark
    // about one of them ("the sit-in began on Friday against ..."): its evidence joins the incident told
    // before it instead of standing as an incident nobody can map.
    auto placed = [](const Incident& incident) { return !incident.place.name.isEmpty(); };
    if (std::none_of(incidents.begin(), incidents.end(), placed))
        return;
    for (qsizetype j = incidents.size() - 1; j >= 0; --j) {
        if (placed(incidents[j]))
            continue;
        qsizetype target = -1;
        for (qsizetype i = j - 1; i >= 0 && target < 0; --i)
            target = placed(incidents[i]) ? i : -1;
        for (qsizetype i = j + 1; i < incidents.size() && target < 0; ++i)
            target = placed(incidents[i]) ? i : -1;
        if (target < 0)
            continue;
        Incident& kept = incidents[target];
        for (const Evidence& e : incidents[j].evidence) {
            if (e.field == u"actor" || e.field == u"quote")
                kept.evidence.append(e);
        }
        incidents.removeAt(j);
    }
}

QList<Incident> IncidentBuilder::siblingsAtJoinedPlaces(const Incident& incident) const
{
    QList<Incident> siblings;
    const auto placeEvidence = std::find_if(incident.evidence.begin(), incident.evidence.end(),
                                            [](const Evidence& e) { return e.field == u"place" && e.start >= 0; });
    if (placeEvidence == incident.evidence.end() || incident.place.geoPrecision != 1)
        return siblings;
    qsizetype end = placeEvidence->end;
    for (const PlaceMention& next : m_mentions.places) {
        if (next.start < end || next.candidates.empty())
            continue;
        static const QRegularExpression joiner(QStringLiteral("^(?:,\\s*|\\s+and\\s+|,\\s+and\\s+)$"));
        if (!joiner.match(m_text.mid(end, next.start - end).toString()).hasMatch())
            break;
        const GazetteerEntry& entry = *next.candidates.front();
        if (entry.kind == PlaceKind::Country || entry.kind == PlaceKind::Province || entry.name == incident.place.name)
            break;
        Incident sibling = incident;
        sibling.place = Place{entry.name, entry.admin1, entry.country, entry.lat, entry.lon, 1, incident.place.outOfRegion};
        for (Evidence& e : sibling.evidence) {
            if (e.field == u"place" && e.start == placeEvidence->start) {
                e.start = next.start;
                e.end = next.end;
                e.reasoning = QStringLiteral("one of several places named together; one event per place");
            }
        }
        siblings.append(sibling);
        end = next.end;
    }
    return siblings;
}

QList<Incident> IncidentBuilder::build(const QDate& published, const QString& publishedReason,
                                       const std::optional<DateMention>& datelineDate, QStringList* warnings)
{
    std::vector<Candidate> candidates = makeCandidates();
    QString reason = publishedReason;
    QDate anchor = published;
    m_anchorInferred = !anchor.isValid();
    if (!anchor.isValid())
        anchor = inferAnchor(candidates, datelineDate, &reason, warnings);
    resolveDates(candidates, anchor, reason);
    if (qEnvironmentVariableIsSet("MAKRAN_DEBUG_EXTRACT")) {
        // Developer aid: how each clause was read, to see why incidents merged or not.
        std::fprintf(stderr, "anchor %s (%s)\n", qPrintable(anchor.toString(Qt::ISODate)), qPrintable(reason));
        for (const Candidate& c : candidates) {
            QStringList actors;
            for (const RoleActor& a : c.actors)
                actors << a.mention->candidates.front()->name + u'/' + toString(a.role);
            QStringList casualties;
            for (const CasualtyMention* m : c.casualties)
                casualties << QStringLiteral("%1%2%3:\"%4\"")
                                  .arg(m->kind == CasualtyMention::Kind::Killed ? QStringLiteral("k") : QStringLiteral("i"))
                                  .arg(m->low)
                                  .arg(m->perpetrators ? QStringLiteral("(att)") : QString())
                                  .arg(m_text.mid(m->start, m->end - m->start));
            std::fprintf(stderr, "s%d c%d [%s] %s date=%s%s place=%s p%d actors=%s cas=%s\n", c.sentence, c.clause,
                         qPrintable(c.trigger->entry->pattern), qPrintable(c.trigger->entry->subEventType),
                         c.date ? qPrintable(c.date->text + (c.weakDate ? QStringLiteral("(weak)") : QString())) : "-",
                         c.resolved.isValid() ? qPrintable(u'=' + c.resolved.date.toString(Qt::ISODate)) : "",
                         c.placeEntry ? qPrintable(c.placeEntry->name) : "-", c.precision, qPrintable(actors.join(u',')),
                         qPrintable(casualties.join(u' ')));
        }
    }

    QList<Incident> incidents;
    const std::vector<Draft> drafts = merge(candidates, true);
    if (qEnvironmentVariableIsSet("MAKRAN_DEBUG_EXTRACT")) {
        for (const Draft& draft : drafts) {
            QStringList parts;
            for (const Candidate& part : draft.parts)
                parts << QStringLiteral("s%1%2").arg(part.sentence).arg(part.detailOnly ? QStringLiteral("(detail)") : QString());
            std::fprintf(stderr, "draft: %s\n", qPrintable(parts.join(u' ')));
        }
    }
    QList<bool> placedByDateline; // beside incidents: placed only by the dateline
    for (const Draft& draft : drafts) {
        // A passing mention with neither time, place nor toll is background, not an incident.
        bool anchored = false;
        for (const Candidate& part : draft.parts)
            anchored = anchored || (part.resolved.isValid() && !part.weakDate) || part.placeEntry ||
                       !part.casualties.empty();
        if (!anchored)
            continue;
        Incident incident = finish(draft);
        const bool datelinePlaced = incident.place.name.isEmpty() && placeAtDateline(incident);
        if (!incident.date.isValid() && !incident.place.name.isEmpty() && anchor.isValid() && !datelinePlaced) {
            // Undated but reported: within the week before publication (ACLED's time_precision 2).
            incident.date = anchor.addDays(-6);
            incident.dateEnd = anchor;
            incident.datePrecision = DatePrecision::Week;
            incident.evidence.append(Evidence{QStringLiteral("date"), -1, -1,
                                              QStringLiteral("no date in the text: the week up to %1 (%2)")
                                                  .arg(anchor.toString(Qt::ISODate), reason),
                                              0.4});
        }
        incidents.append(incident);
        placedByDateline.append(datelinePlaced);
        // "rallies in Pasni and Jiwani": ACLED codes one event per place.
        for (const Incident& sibling : siblingsAtJoinedPlaces(incident)) {
            incidents.append(sibling);
            placedByDateline.append(false);
        }
    }
    foldDatelineDuplicates(incidents, placedByDateline);
    foldPlaceless(incidents);
    return incidents;
}

} // namespace makran
