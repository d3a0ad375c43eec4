#include "extract/casualtyfinder.h"

#include "extract/datefinder.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <string_view>

namespace makran {

namespace {

enum class VerbKind { None, KilledPassive, KilledActive, InjuredPassive, InjuredActive, Toll };

// The lengths and first letters of a word list. The lists below are asked about every token of a
// report, and almost every token fails on these two before a hash would be computed.
class WordFilter {
public:
    void add(QStringView word)
    {
        m_lengths |= lengthBit(word.size());
        m_letters |= letterBit(word);
    }
    bool mayContain(QStringView key) const
    {
        return (m_lengths & lengthBit(key.size())) && (m_letters & letterBit(key));
    }

private:
    static quint64 lengthBit(qsizetype size) { return quint64(1) << std::min<qsizetype>(size, 63); }
    // 'a'..'z' each have a bit; an empty word and any other first character have one each.
    static quint32 letterBit(QStringView word)
    {
        if (word.isEmpty())
            return 1u << 26;
        const char16_t c = word.front().unicode();
        return c >= u'a' && c <= u'z' ? 1u << (c - u'a') : 1u << 27;
    }
    quint64 m_lengths = 0;
    quint32 m_letters = 0;
};

class WordSet {
public:
    WordSet(std::initializer_list<QString> words) : m_words(words)
    {
        for (const QString& word : words)
            m_filter.add(word);
    }
    bool contains(const QString& key) const { return m_filter.mayContain(key) && m_words.contains(key); }

private:
    QSet<QString> m_words;
    WordFilter m_filter;
};

// The verb lists as one table: a word in two lists has the kind of the list added first.
class VerbTable {
public:
    void add(VerbKind kind, std::initializer_list<QString> words)
    {
        for (const QString& word : words) {
            if (!m_kinds.contains(word))
                m_kinds.insert(word, kind);
            m_filter.add(word);
        }
    }
    VerbKind find(const QString& key) const
    {
        return m_filter.mayContain(key) ? m_kinds.value(key, VerbKind::None) : VerbKind::None;
    }

private:
    QHash<QString, VerbKind> m_kinds;
    WordFilter m_filter;
};

VerbTable makeVerbTable()
{
    VerbTable table;
    table.add(VerbKind::Toll, {QStringLiteral("toll")});
    table.add(VerbKind::KilledPassive,
              {QStringLiteral("killed"), QStringLiteral("dead"), QStringLiteral("died"), QStringLiteral("martyred"),
               QStringLiteral("slain"), QStringLiteral("perished"), QStringLiteral("lost"), QStringLiteral("bodies"),
               QStringLiteral("deaths"), QStringLiteral("fatalities"), QStringLiteral("executed"), QStringLiteral("shot"),
               QStringLiteral("gunned"), QStringLiteral("murdered"), QStringLiteral("succumbed"),
               QStringLiteral("embraced"), QStringLiteral("neutralised"), QStringLiteral("neutralized"),
               QStringLiteral("eliminated")});
    table.add(VerbKind::InjuredPassive,
              {QStringLiteral("injured"), QStringLiteral("wounded"), QStringLiteral("hurt"), QStringLiteral("injuries"),
               QStringLiteral("hospitalised"), QStringLiteral("hospitalized")});
    table.add(VerbKind::KilledActive, {QStringLiteral("killing"), QStringLiteral("killed"), QStringLiteral("kill"),
                                       QStringLiteral("kills"), QStringLiteral("claimed"), QStringLiteral("martyring")});
    table.add(VerbKind::InjuredActive, {QStringLiteral("injuring"), QStringLiteral("wounding"),
                                        QStringLiteral("injured"), QStringLiteral("wounded")});
    return table;
}

VerbKind verbKind(const QString& key)
{
    static const VerbTable table = makeVerbTable();
    return table.find(key);
}

// Security-force idiom for killing: "six terrorists were sent to hell".
bool isSentToHell(const std::vector<Token>& tokens, size_t v)
{
    return (tokens[v].key == u"sent" || tokens[v].key == u"dispatched") && v + 2 < tokens.size() &&
           tokens[v + 1].key == u"to" && tokens[v + 2].key == u"hell";
}

// Nouns for people, which let a head count stand far from its verb: "two brave sons of the soil,
// Naik X, age 31, resident of Y, and Sepoy Z, ..., embraced shahadat".
bool isPersonNoun(const QString& key)
{
    static const WordSet nouns = {
        QStringLiteral("sons"),      QStringLiteral("soldiers"),  QStringLiteral("personnel"), QStringLiteral("troops"),
        QStringLiteral("men"),       QStringLiteral("people"),    QStringLiteral("civilians"), QStringLiteral("officers"),
        QStringLiteral("policemen"), QStringLiteral("members"),   QStringLiteral("labourers"), QStringLiteral("laborers"),
        QStringLiteral("workers"),   QStringLiteral("children"),  QStringLiteral("women"),     QStringLiteral("passengers"),
        QStringLiteral("guards"),    QStringLiteral("brothers"),  QStringLiteral("persons"),   QStringLiteral("individuals"),
        QStringLiteral("son"),       QStringLiteral("soldier"),   QStringLiteral("officer"),   QStringLiteral("policeman"),
        QStringLiteral("man"),       QStringLiteral("woman"),     QStringLiteral("child"),     QStringLiteral("member"),
        QStringLiteral("guard"),     QStringLiteral("journalist"), QStringLiteral("driver"),    QStringLiteral("teacher"),
        QStringLiteral("boy"),       QStringLiteral("girl"),      QStringLiteral("boys"),      QStringLiteral("girls"),
        QStringLiteral("worker"),    QStringLiteral("labourer"),  QStringLiteral("passenger"), QStringLiteral("civilian")};
    return nouns.contains(key);
}

bool isAttackerWord(const QString& key)
{
    static const WordSet words = {QStringLiteral("attackers"), QStringLiteral("militants"),
                                        QStringLiteral("terrorists"), QStringLiteral("assailants"),
                                        QStringLiteral("terrorist"),  QStringLiteral("militant"),
                                        QStringLiteral("insurgents"), QStringLiteral("gunmen"),
                                        QStringLiteral("bombers"),    QStringLiteral("khawarij"),
                                        // the other armed side of a clash with the forces
                                        QStringLiteral("smugglers"),  QStringLiteral("traffickers"),
                                        QStringLiteral("kidnappers"), QStringLiteral("bandits"),
                                        QStringLiteral("dacoits"),    QStringLiteral("outlaws"),
                                        QStringLiteral("rebels"),     QStringLiteral("insurgent"),
                                        QStringLiteral("fighters"),   QStringLiteral("gunman")};
    return words.contains(key);
}

// Words that make a number something other than a head count ("2024", "40 km", "three days").
bool isUnitWord(const QString& key)
{
    static const WordSet units = {
        QStringLiteral("km"),      QStringLiteral("kilometres"), QStringLiteral("kilometers"), QStringLiteral("miles"),
        QStringLiteral("years"),   QStringLiteral("year"),       QStringLiteral("hours"),      QStringLiteral("hour"),
        QStringLiteral("days"),    QStringLiteral("day"),        QStringLiteral("weeks"),      QStringLiteral("months"),
        QStringLiteral("percent"), QStringLiteral("am"),         QStringLiteral("pm"),         QStringLiteral("minutes"),
        QStringLiteral("number"),  QStringLiteral("lot"),        QStringLiteral("few"),        QStringLiteral("series"),
        QStringLiteral("statement"), QStringLiteral("day's"),    QStringLiteral("week"),       QStringLiteral("month"),
        QStringLiteral("rockets"), QStringLiteral("mortars"),    QStringLiteral("vehicles"),   QStringLiteral("bases"),
        QStringLiteral("camps"),   QStringLiteral("kg"),         QStringLiteral("time"),       QStringLiteral("times")};
    return units.contains(key);
}

bool isSentenceBreak(QStringView text, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        const QChar c = text[i];
        if (c == u'.' || c == u';' || c == u'\n' || c == u'"' || c == u'\u201C' || c == u'\u201D')
            return true;
    }
    return false;
}

// False for a key parseNumberWord() certainly rejects: its numerals start with a digit and its words
// ("one" ... "hundreds", "a", "an", "single", "couple", "both") with one of these letters. Cheap enough
// to ask before the month and number lookups of every token that might end a figure.
bool mayBeNumberWord(const QString& key)
{
    if (key.isEmpty())
        return true;
    const char16_t c = key.front().unicode();
    if (c < u'a' || c > u'z')
        return true;
    return std::u16string_view(u"abcdefhnost").find(c) != std::u16string_view::npos;
}

struct Figure {
    int low = 0;
    int high = 0;
    size_t first = 0; // token index where the figure starts (qualifier included)
    size_t last = 0;  // token index of the last number word
};

// A figure starting at token i: "at least 9", "between five and seven", "9 to 12", "dozens".
std::optional<Figure> figureAt(const std::vector<Token>& tokens, size_t i)
{
    if (i >= tokens.size())
        return std::nullopt;
    Figure f;
    f.first = i;
    size_t at = i;
    static const WordSet qualifiers = {QStringLiteral("least"),  QStringLiteral("about"),
                                             QStringLiteral("around"), QStringLiteral("nearly"),
                                             QStringLiteral("some"),   QStringLiteral("over"),
                                             QStringLiteral("between"), QStringLiteral("approximately"),
                                             QStringLiteral("almost"), QStringLiteral("roughly"),
                                             QStringLiteral("all")};
    if (tokens[at].key == u"at" && at + 1 < tokens.size() && tokens[at + 1].key == u"least")
        at += 2;
    else if ((tokens[at].key == u"more" || tokens[at].key == u"less" || tokens[at].key == u"fewer") &&
             at + 1 < tokens.size() && tokens[at + 1].key == u"than")
        at += 2;
    else if (tokens[at].key == u"as" && at + 2 < tokens.size() && tokens[at + 1].key == u"many")
        at += 3;
    else if (tokens[at].key == u"up" && at + 1 < tokens.size() && tokens[at + 1].key == u"to")
        at += 2;
    else if (qualifiers.contains(tokens[at].key))
        at += 1;
    if (at >= tokens.size())
        return std::nullopt;
    const QString& key = tokens[at].key;
    if (key.size() == 4 && key.front().isDigit())
        return std::nullopt; // a year
    if (!mayBeNumberWord(key))
        return std::nullopt;
    // A day of a date ("March 13", "13 March") is not a head count.
    if ((at > 0 && monthFromName(tokens[at - 1].key) && tokens[at - 1].key.size() >= 3) ||
        (at + 1 < tokens.size() && monthFromName(tokens[at + 1].key) && tokens[at + 1].key.size() >= 3))
        return std::nullopt;
    if (at > 0 && (tokens[at - 1].key == u"aged" || tokens[at - 1].key == u"age"))
        return std::nullopt; // "Sepoy X, aged 21"
    auto value = parseNumberWord(key);
    if (!value)
        return std::nullopt;
    if ((key == u"a" || key == u"an") && at + 1 < tokens.size()) {
        const QString& next = tokens[at + 1].key;
        if (next == u"dozen")
            value = 12, ++at;
        else if (next == u"couple")
            value = 2, ++at;
        else if (isUnitWord(next) || next == u"number" || next.endsWith(u's'))
            return std::nullopt;
    }
    if (at + 1 < tokens.size() && isUnitWord(tokens[at + 1].key))
        return std::nullopt;
    f.low = f.high = *value;
    f.last = at;
    if (at + 2 < tokens.size() && (tokens[at + 1].key == u"to" || tokens[at + 1].key == u"and")) {
        if (auto high = parseNumberWord(tokens[at + 2].key); high && *high > *value && tokens[at + 2].key != u"a") {
            f.high = *high;
            f.last = at + 2;
        }
    }
    return f;
}

// Another head count joined to `figure` by "and" within a few words ("three soldiers and two
// civilians"), not one that includes it ("nine people, including two children").
bool isJoinedCount(QStringView text, const std::vector<Token>& tokens, size_t from, size_t to)
{
    bool sawAnd = false;
    for (size_t w = from; w < to; ++w) {
        if (tokens[w].key == u"and")
            sawAnd = true;
        if (tokens[w].key == u"including" || tokens[w].key == u"among" || tokens[w].key == u"of" ||
            tokens[w].key == u"or" || isAttackerWord(tokens[w].key) || verbKind(tokens[w].key) != VerbKind::None)
            return false; // a part of the count, or another verb's figure ("killed four and wounded eleven")
    }
    return sawAnd && !isSentenceBreak(text, tokens[from].start, tokens[to].start);
}

void addJoinedAfter(QStringView text, const std::vector<Token>& tokens, Figure& figure)
{
    for (size_t k = figure.last + 2; k < std::min(tokens.size(), figure.last + 6); ++k) {
        if (auto other = figureAt(tokens, k); other && isJoinedCount(text, tokens, figure.last + 1, k)) {
            figure.low += other->low;
            figure.high += other->high;
            figure.last = other->last;
            return;
        }
    }
}

void addJoinedBefore(QStringView text, const std::vector<Token>& tokens, Figure& figure)
{
    for (size_t back = 2; back <= 5 && back <= figure.first; ++back) {
        const size_t k = figure.first - back;
        if (auto other = figureAt(tokens, k); other && other->last < figure.first &&
                                              isJoinedCount(text, tokens, other->last + 1, figure.first)) {
            figure.low += other->low;
            figure.high += other->high;
            figure.first = other->first;
            return;
        }
    }
}

// The head count in the subject before a passive verb: "three soldiers were killed", "two children
// died", "nine dead", "Two members of the border guard of the Islamic Republic were martyred".
std::optional<Figure> subjectFigure(QStringView text, const std::vector<Token>& tokens, size_t v, bool* attackers)
{
    // Nouns ("bodies", "dead", "deaths") take their figure right before them; verbs reach further back,
    // and further still for a count of people ("two brave sons of the soil, Naik X, age 31, ...").
    const bool noun = tokens[v].key == u"bodies" || tokens[v].key == u"dead" || tokens[v].key == u"deaths" ||
                      tokens[v].key == u"fatalities";
    const size_t reach = noun ? 3 : 14;
    const size_t farReach = noun ? 3 : 45;
    // Scare quotes around the verb do not end the subject: six attackers had been "sent to hell".
    qsizetype verbStart = tokens[v].start;
    if (verbStart > 0 && (text[verbStart - 1] == u'"' || text[verbStart - 1] == u'\u201C'))
        --verbStart;
    for (size_t back = 1; back <= farReach && back <= v; ++back) {
        const size_t k = v - back;
        if (isSentenceBreak(text, tokens[k].end, verbStart))
            break;
        if (verbKind(tokens[k].key) != VerbKind::None && back > 1)
            break;
        // A figure ends on a number word ("a dozen" on "dozen", also one).
        if (!mayBeNumberWord(tokens[k].key))
            continue;
        // Start of a figure possibly with its qualifier.
        std::optional<Figure> figure;
        for (size_t q = k >= 2 ? k - 2 : 0; q <= k && !figure; ++q) {
            auto f = figureAt(tokens, q);
            if (f && f->last == k)
                figure = f;
        }
        if (!figure)
            continue;
        bool personFollows = false; // "two brave sons", "a border guard"
        for (size_t w = figure->last + 1; w < std::min(v, figure->last + 4); ++w)
            personFollows = personFollows || isPersonNoun(tokens[w].key);
        if (back > reach && !personFollows)
            continue;
        // "an improvised explosive device were ... killed": an article counts one only close by.
        const bool article = tokens[figure->first].key == u"a" || tokens[figure->first].key == u"an";
        if (article && back > 4 && !personFollows)
            continue;
        *attackers = false;
        for (size_t w = figure->last + 1; w < v; ++w)
            *attackers = *attackers || isAttackerWord(tokens[w].key);
        // "Three soldiers and two passers-by were martyred": the groups add up.
        if (!*attackers)
            addJoinedBefore(text, tokens, *figure);
        return figure;
    }
    return std::nullopt;
}

// "Muhammad Ayub Sasoli, who ran a shop, was shot dead", "the driver was killed": one person, named
// or described, dies. Not "no one was killed" and not "the attack was claimed".
bool isSingularDeath(QStringView text, const std::vector<Token>& tokens, size_t v, bool* attackers)
{
    const QString& verb = tokens[v].key;
    const QString next = v + 1 < tokens.size() ? tokens[v + 1].key : QString();
    const bool martyrdom = verb == u"embraced" && (next == u"shahadat" || next == u"martyrdom");
    if (v == 0 || (tokens[v - 1].key != u"was" && !martyrdom)) // "Sepoy X, 22, embraced shahadat"
        return false;
    const bool kills = verb == u"killed" || verb == u"martyred" || verb == u"slain" || verb == u"murdered" ||
                       verb == u"executed" || (verb == u"shot" && next == u"dead") ||
                       (verb == u"gunned" && next == u"down") ||
                       martyrdom;
    if (!kills)
        return false;
    *attackers = false;
    for (size_t back = 2; back <= 25 && back <= v; ++back) {
        const QString& key = tokens[v - back].key;
        if (isSentenceBreak(text, tokens[v - back].end, tokens[v - 1].start))
            break;
        if (key == u"no" || key == u"nobody" || key == u"none" || key == u"not" || key == u"never" || key == u"if")
            return false;
        if (key == u"attacker" || key == u"bomber" || key == u"assailant" || key == u"gunman" || isAttackerWord(key))
            *attackers = back <= 8;
    }
    return true;
}

// "X was killed along with an Iraqi militia commander", "... along with his two bodyguards": those who
// died with the one named.
void addCompanions(const std::vector<Token>& tokens, size_t v, Figure& figure)
{
    size_t k = v + 1;
    if (k < tokens.size() && (tokens[k].key == u"dead" || tokens[k].key == u"down" || tokens[k].key == u"shahadat"))
        ++k;
    if (k + 2 >= tokens.size() || tokens[k].key != u"along" || tokens[k + 1].key != u"with")
        return;
    k += 2;
    if (tokens[k].key == u"his" || tokens[k].key == u"her" || tokens[k].key == u"their")
        ++k;
    if (auto others = figureAt(tokens, k)) {
        figure.low += others->low;
        figure.high += others->high;
    } else if (k < tokens.size() && !tokens[k].key.endsWith(u's')) {
        figure.low += 1; // "along with his driver"
        figure.high += 1;
    }
}

} // namespace

std::vector<CasualtyMention> findCasualties(QStringView text, const std::vector<Token>& tokens)
{
    std::vector<CasualtyMention> found;
    auto add = [&](const Figure& figure, CasualtyMention::Kind kind, size_t verb, bool attackers) {
        CasualtyMention m;
        m.kind = kind;
        m.low = figure.low;
        m.high = figure.high;
        m.start = tokens[std::min(figure.first, verb)].start;
        m.end = tokens[std::max(figure.last, verb)].end;
        m.perpetrators = attackers;
        for (const CasualtyMention& other : found) {
            if (other.start == m.start && other.kind == m.kind)
                return;
        }
        found.push_back(m);
    };
    for (size_t v = 0; v < tokens.size(); ++v) {
        const VerbKind kind = isSentToHell(tokens, v) ? VerbKind::KilledPassive : verbKind(tokens[v].key);
        if (kind == VerbKind::None)
            continue;
        // "recovered from the killed terrorists": a participle used as an adjective reports no deaths.
        if (v > 0 && (tokens[v - 1].key == u"the" || tokens[v - 1].key == u"those") && kind != VerbKind::Toll &&
            v + 1 < tokens.size() && (isAttackerWord(tokens[v + 1].key) || isPersonNoun(tokens[v + 1].key)))
            continue;
        const bool injured = kind == VerbKind::InjuredPassive || kind == VerbKind::InjuredActive;
        const auto casualtyKind = injured ? CasualtyMention::Kind::Injured : CasualtyMention::Kind::Killed;
        if (kind == VerbKind::Toll) {
            // "the death toll rose to 12", "toll stands at nine"
            // "The death toll from Saturday's suicide bombing at the main station rose to 26".
            for (size_t k = v + 1; k < std::min(tokens.size(), v + 16); ++k) {
                if (isSentenceBreak(text, tokens[v].end, tokens[k].start))
                    break;
                if (auto figure = figureAt(tokens, k)) {
                    add(*figure, CasualtyMention::Kind::Killed, v, false);
                    break;
                }
            }
            continue;
        }
        // Active: "killing three soldiers", "killed at least 9", "shot dead 4", "wounding 11".
        static const WordSet activeForms = {
            QStringLiteral("killing"), QStringLiteral("killed"), QStringLiteral("kill"), QStringLiteral("kills"),
            QStringLiteral("claimed"), QStringLiteral("martyring"), QStringLiteral("martyred"), QStringLiteral("injuring"), QStringLiteral("wounding"),
            QStringLiteral("injured"), QStringLiteral("wounded"), QStringLiteral("shot"), QStringLiteral("gunned")};
        if (activeForms.contains(tokens[v].key)) {
            size_t k = v + 1;
            if (k < tokens.size() && (tokens[k].key == u"dead" || tokens[k].key == u"down"))
                ++k;
            if (k < tokens.size() && (tokens[k].key == u"the" && k + 2 < tokens.size() && tokens[k + 1].key == u"lives" &&
                                      tokens[k + 2].key == u"of"))
                k += 3;
            if (auto figure = figureAt(tokens, k); figure && !isSentenceBreak(text, tokens[v].end, tokens[k].start)) {
                const bool attackers = figure->last + 1 < tokens.size() && isAttackerWord(tokens[figure->last + 1].key);
                // "killing three soldiers and two civilians": the groups add up.
                Figure total = *figure;
                if (!attackers)
                    addJoinedAfter(text, tokens, total);
                add(total, casualtyKind, v, attackers);
                continue;
            }
        }
        // "who might be behind the killing": a killing named as a noun has no head count before it.
        const bool nominal = v > 0 && tokens[v].key.endsWith(u"ing") &&
                             (tokens[v - 1].key == u"the" || tokens[v - 1].key == u"this" || tokens[v - 1].key == u"that" ||
                              tokens[v - 1].key == u"his" || tokens[v - 1].key == u"her" || tokens[v - 1].key == u"their");
        // Passive: "three soldiers were killed", "two children died", "nine dead".
        if (!nominal && (kind == VerbKind::KilledPassive || kind == VerbKind::InjuredPassive || kind == VerbKind::KilledActive)) {
            bool attackers = false;
            if (auto figure = subjectFigure(text, tokens, v, &attackers))
                add(*figure, casualtyKind, v, attackers);
            else if (kind == VerbKind::KilledPassive && isSingularDeath(text, tokens, v, &attackers)) {
                Figure one{1, 1, v - 1, v - 1};
                addCompanions(tokens, v, one);
                add(one, casualtyKind, v, attackers);
            }
        }
    }
    return found;
}

} // namespace makran
