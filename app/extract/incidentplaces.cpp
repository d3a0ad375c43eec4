// Where an event happened: which place mention a clause's event is placed at, and which mentions name
// somewhere else (a home, a destination, the sources' city, a backdrop, a part of a name).
#include "extract/incidentbuilder.h"

#include "geo/gazetteer.h"

#include <QRegularExpression>

namespace makran {

namespace {

int precisionOf(const GazetteerEntry& entry, const PlaceMention& mention)
{
    switch (entry.kind) {
    case PlaceKind::Country:
        return 4;
    case PlaceKind::Province:
        return 3;
    case PlaceKind::District:
    case PlaceKind::Area:
    case PlaceKind::Region:
        return 2;
    default:
        return mention.near || mention.district ? 2 : 1;
    }
}

double kindWeight(PlaceKind kind)
{
    switch (kind) {
    case PlaceKind::Province: return 1.0;
    case PlaceKind::Country: return 0.95;
    case PlaceKind::City: return 0.8;
    case PlaceKind::District: return 0.7;
    case PlaceKind::Town: return 0.6;
    case PlaceKind::Crossing: return 0.5;
    case PlaceKind::Region:
    case PlaceKind::Area: return 0.4;
    case PlaceKind::Village: return 0.3;
    }
    return 0.0;
}

} // namespace

bool IncidentBuilder::isActorNotPlace(const PlaceMention& place) const
{
    // "Islamabad's sovereignty", "Pakistan's retaliatory strikes", "Balochistan Liberation Front" name
    // actors; "in Pakistan", "inside Iran" name places.
    const QString prev = place.firstToken > 0 ? m_mentions.tokens[place.firstToken - 1].key : QString();
    const bool locative = prev == u"in" || prev == u"inside" || prev == u"into" || prev == u"within" ||
                          prev == u"across" || prev == u"near" || prev == u"at";
    for (const ActorMention& actor : m_mentions.actors) {
        if (place.start < actor.end && actor.start < place.end) {
            if (actor.end - actor.start > place.end - place.start)
                return true; // the place is part of a longer name
            return !locative;
        }
    }
    return false;
}

bool IncidentBuilder::isSomeonesHome(const PlaceMention& place) const
{
    // "Naik Sher Dil, resident of District Lakki Marwat", "a native of Kech", "hailing from Awaran":
    // where a person comes from, not where the event happened.
    size_t k = place.firstToken;
    if (k > 0 && (m_mentions.tokens[k - 1].key == u"district" || m_mentions.tokens[k - 1].key == u"tehsil"))
        --k;
    if (k < 2)
        return false;
    const QString& prev = m_mentions.tokens[k - 1].key;
    const QString& before = m_mentions.tokens[k - 2].key;
    if (((prev == u"of" || prev == u"in") && (before == u"resident" || before == u"native")) ||
        (prev == u"from" && (before == u"hailing" || before == u"hailed" || before == u"hails")))
        return true;
    // "Two officials in Quetta, the provincial capital, described a gunfight": where the sources sit.
    if (prev == u"in" && (before == u"officials" || before == u"official" || before == u"sources" ||
                          before == u"source" || before == u"correspondent" || before == u"reporters" ||
                          before == u"journalists"))
        return true;
    // "Sergeant X, 20, from Zabol": an age, then the hometown.
    if (prev == u"from" && !before.isEmpty() && before.front().isDigit())
        return true;
    // "seven men from the eastern province of Punjab", "labourers from Multan": their home.
    static const QSet<QString> people = {QStringLiteral("men"),       QStringLiteral("people"),
                                         QStringLiteral("labourers"), QStringLiteral("laborers"),
                                         QStringLiteral("workers"),   QStringLiteral("passengers"),
                                         QStringLiteral("travellers"), QStringLiteral("natives"),
                                         QStringLiteral("residents"), QStringLiteral("settlers"),
                                         QStringLiteral("migrants"),  QStringLiteral("pilgrims"),
                                         QStringLiteral("man"),       QStringLiteral("woman"),
                                         QStringLiteral("youth"),     QStringLiteral("boy"),
                                         QStringLiteral("girl"),      QStringLiteral("shepherd"),
                                         QStringLiteral("farmer"),    QStringLiteral("student"),
                                         QStringLiteral("students"),  QStringLiteral("driver"),
                                         QStringLiteral("drivers"),   QStringLiteral("labourer"),
                                         QStringLiteral("fishermen"), QStringLiteral("fisherman"),
                                         QStringLiteral("trader"),    QStringLiteral("traders"),
                                         QStringLiteral("families"),  QStringLiteral("family"),
                                         QStringLiteral("teacher"),   QStringLiteral("worker")};
    for (size_t back = 1; back <= 6 && back < k; ++back) {
        const Token& word = m_mentions.tokens[k - back];
        if (word.key == u"from")
            return people.contains(m_mentions.tokens[k - back - 1].key);
        if (word.capitalized && back > 1)
            return false;
    }
    return false;
}

bool IncidentBuilder::isDestination(const PlaceMention& place) const
{
    // "flown to the Combined Military Hospital in Quetta": where the wounded were treated.
    if (place.firstToken >= 2 && m_mentions.tokens[place.firstToken - 1].key == u"in") {
        const QString& before = m_mentions.tokens[place.firstToken - 2].key;
        if (before == u"hospital" || before == u"hospitals" || before == u"mortuary" || before == u"morgue")
            return true;
    }
    // "the Peshawar-bound Jaffar Express": a train's destination.
    if (place.lastToken < m_mentions.tokens.size() && m_mentions.tokens[place.lastToken].key == u"bound")
        return true;
    // "waiting to board the Jaffar Express to Peshawar", "travelling from Quetta toward Taftan": where
    // people were going, not where it happened.
    const size_t k = place.firstToken;
    if (k < 2)
        return false;
    const QString& prev = m_mentions.tokens[k - 1].key;
    if (prev != u"to" && prev != u"toward" && prev != u"towards" && prev != u"for")
        return false;
    static const QSet<QString> travel = {
        QStringLiteral("board"),     QStringLiteral("bound"),    QStringLiteral("heading"),   QStringLiteral("headed"),
        QStringLiteral("travelling"), QStringLiteral("traveling"), QStringLiteral("route"),   QStringLiteral("way"),
        QStringLiteral("express"),   QStringLiteral("train"),    QStringLiteral("bus"),       QStringLiteral("buses"),
        QStringLiteral("coach"),     QStringLiteral("coaches"),  QStringLiteral("flight"),    QStringLiteral("leaving"),
        QStringLiteral("departing"), QStringLiteral("going"),    QStringLiteral("returning"), QStringLiteral("road"),
        QStringLiteral("highway"),   QStringLiteral("from"),      QStringLiteral("convoy"),
        QStringLiteral("journey"),   QStringLiteral("driving"),  QStringLiteral("moving"),    QStringLiteral("vehicles")};
    for (size_t back = 2; back <= 6 && back <= k; ++back) {
        if (travel.contains(m_mentions.tokens[k - back].key))
            return true;
    }
    return false;
}

bool IncidentBuilder::isBackdrop(const PlaceMention& place) const
{
    // "tension over the war in Gaza", "the conflict in Syria": a setting named, not where this happened.
    const size_t k = place.firstToken;
    if (k < 2)
        return false;
    const QString& prev = m_mentions.tokens[k - 1].key;
    const QString& before = m_mentions.tokens[k - 2].key;
    return (prev == u"in" || prev == u"over" || prev == u"with") &&
           (before == u"war" || before == u"conflict" || before == u"crisis" || before == u"tensions" ||
            before == u"tension" || before == u"situation" || before == u"wars");
}

const GazetteerEntry* IncidentBuilder::chooseEntry(const PlaceMention& mention, int sentence) const
{
    if (mention.candidates.size() == 1)
        return mention.candidates.front();
    // Countries named in the same sentence weigh most: "Pishin, in Iran's Sarbaz county".
    QSet<QString> sentenceCountries;
    const Sentence& s = m_mentions.sentences[size_t(sentence)];
    for (const PlaceMention& other : m_mentions.places) {
        if (&other != &mention && other.start >= s.start && other.end <= s.end && other.candidates.size() == 1)
            sentenceCountries.insert(other.candidates.front()->country);
    }
    for (const ActorMention& actor : m_mentions.actors) {
        if (actor.start >= s.start && actor.end <= s.end && actor.candidates.size() == 1 &&
            actor.candidates.front()->kind == u"state")
            sentenceCountries.insert(actor.candidates.front()->country);
    }
    const GazetteerEntry* best = nullptr;
    double bestScore = -1e9;
    for (const GazetteerEntry* entry : mention.candidates) {
        double score = kindWeight(entry->kind) + std::log10(entry->population + 1.0) / 10.0;
        if (sentenceCountries.contains(entry->country))
            score += 4;
        if (m_reportCountries.contains(entry->country))
            score += 2;
        if (m_reportAdmin1.contains(entry->admin1))
            score += 2;
        if (isFocusProvince(entry->admin1))
            score += 1.5;
        if (mention.fuzzy)
            score -= entry->name.size() > 0 ? 0.0 : 1.0;
        if (score > bestScore) {
            bestScore = score;
            best = entry;
        }
    }
    return best;
}

void IncidentBuilder::choosePlace(Candidate& candidate, const Clause& clause) const
{
    auto insideActor = [&](const PlaceMention& place) { return isActorNotPlace(place); };
    auto pick = [&](qsizetype from, qsizetype to) {
        const PlaceMention* best = nullptr;
        const GazetteerEntry* bestEntry = nullptr;
        int bestRank = 1 << 20;
        for (const PlaceMention& place : m_mentions.places) {
            if (place.start < from || place.end > to || insideActor(place) || isSomeonesHome(place) || isBackdrop(place) ||
                isDestination(place))
                continue;
            // "Israel's war", "Pakistan's Balochistan province": a possessive country or province names an
            // owner, not a place ("Quetta's Joint Road" still places the event in Quetta).
            const bool possessive = place.end < m_text.size() && (m_text[place.end] == u'\'' || m_text[place.end] == u'\u2019');
            if (possessive && !place.candidates.empty() &&
                (place.candidates.front()->kind == PlaceKind::Country || place.candidates.front()->kind == PlaceKind::Province))
                continue;
            const GazetteerEntry* entry = chooseEntry(place, candidate.sentence);
            if (!entry)
                continue;
            const int precision = precisionOf(*entry, place);
            if (precision == 4 && !place.locative)
                continue; // a country named in passing is not where the event happened
            // Said-where words first, then precision, then the finer kind ("the Bhag area of Kachhi
            // district" is Bhag); a country only if nothing finer is named.
            const bool settlement = entry->kind != PlaceKind::District && entry->kind != PlaceKind::Province &&
                                    entry->kind != PlaceKind::Country && entry->kind != PlaceKind::Region;
            const int rank = ((place.locative ? 0 : 10) + precision) * 2 + (settlement ? 0 : 1);
            if (rank < bestRank) {
                bestRank = rank;
                best = &place;
                bestEntry = entry;
            }
        }
        if (best) {
            candidate.place = best;
            candidate.placeEntry = bestEntry;
            candidate.precision = precisionOf(*bestEntry, *best);
        }
        return best != nullptr;
    };
    if (pick(eventStart(clause, *candidate.trigger), clause.end))
        return;
    if (clause.relation != Clause::Relation::Same)
        return;
    // The rest of the sentence, where it shares this clause's time ("... in Kech, killing three").
    for (const Clause& other : m_mentions.clauses) {
        if (other.sentence == clause.sentence && &other != &clause && other.relation == Clause::Relation::Same &&
            pick(other.start, other.end))
            return;
    }
    // "Kharan, Monday 10 February. Gunmen shot dead a teacher in the town.": the item's header.
    if (const Sentence* header = paragraphHeader(clause.sentence); header && pick(header->start, header->end))
        return;
    // "Pakistani territory", "Iranian soil": a state adjective naming a country as the place.
    for (const ActorMention& actor : m_mentions.actors) {
        if (actor.start < clause.start || actor.end > clause.end || actor.lastToken >= m_mentions.tokens.size())
            continue;
        const QString& next = m_mentions.tokens[actor.lastToken].key;
        if ((next == u"territory" || next == u"soil") && actor.candidates.front()->kind == u"state") {
            const GazetteerEntry* country = m_places.gazetteer().country(actor.candidates.front()->country);
            if (country) {
                candidate.placeEntry = country;
                candidate.precision = 4;
                return;
            }
        }
    }
}

} // namespace makran
