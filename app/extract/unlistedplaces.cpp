#include "extract/unlistedplaces.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <string_view>

namespace makran {

namespace {

// Capitalised words that name kinds of area rather than one place ("the Border area", "Old City").
bool isGenericWord(QStringView word)
{
    static const QSet<QString> generic = {
        QStringLiteral("the"),     QStringLiteral("this"),   QStringLiteral("that"),   QStringLiteral("border"),
        QStringLiteral("tribal"),  QStringLiteral("city"),   QStringLiteral("old"),    QStringLiteral("new"),
        QStringLiteral("market"),  QStringLiteral("red"),    QStringLiteral("zone"),   QStringLiteral("general"),
        QStringLiteral("district"), QStringLiteral("county"), QStringLiteral("province"), QStringLiteral("coastal"),
        QStringLiteral("mountain"), QStringLiteral("mountainous"), QStringLiteral("remote"), QStringLiteral("same"),
        QStringLiteral("northern"), QStringLiteral("southern"), QStringLiteral("eastern"), QStringLiteral("western"),
        QStringLiteral("central"), QStringLiteral("residential"), QStringLiteral("industrial"), QStringLiteral("cantonment")};
    return generic.contains(word.toString().toLower());
}

const PlaceMention* knownAt(const std::vector<PlaceMention>& known, qsizetype from, qsizetype to)
{
    for (const PlaceMention& place : known) {
        if (place.start >= from && place.start < to && !place.candidates.empty())
            return &place;
    }
    return nullptr;
}

const PlaceMention* knownBefore(const std::vector<PlaceMention>& known, qsizetype at)
{
    const PlaceMention* last = nullptr;
    for (const PlaceMention& place : known) {
        if (place.end <= at && !place.candidates.empty() && place.candidates.front()->kind != PlaceKind::Country)
            last = &place;
    }
    return last;
}

// The tokens [firstToken, lastToken) the mention's text covers, as the place finder records them.
void setTokenSpan(PlaceMention& mention, const std::vector<Token>& tokens)
{
    const auto first = std::lower_bound(tokens.begin(), tokens.end(), mention.start,
                                        [](const Token& t, qsizetype at) { return t.start < at; });
    mention.firstToken = size_t(first - tokens.begin());
    mention.lastToken = mention.firstToken;
    while (mention.lastToken < tokens.size() && tokens[mention.lastToken].end <= mention.end)
        ++mention.lastToken;
}

bool isAsciiWordChar(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
}

// What a name and the space after it are made of ([\w'’-] and \s); anything outside ASCII is
// let through for the expression to judge.
bool mayBeInName(char16_t c)
{
    return isAsciiWordChar(c) || c == u'\'' || c == u'-' || c == u' ' || (c >= u'\t' && c <= u'\r') || c >= 0x80;
}

bool startsWithWord(QStringView text, qsizetype at, std::u16string_view word)
{
    return text.size() - at >= qsizetype(word.size()) &&
           std::u16string_view(text.utf16() + at, word.size()) == word;
}

// Every position the unlisted-place pattern can start at, sorted, and few others: the pattern tried
// at each position of the text was most of this finder's cost. A match starts at a word start (\b)
// with a word naming the locality ("area of", "village of", "general area") or with a capital
// from which only name characters lead to a locality word ("Gohar Kuh area").
std::vector<qsizetype> unlistedStarts(QStringView text)
{
    // The words naming a kind of locality, before the name ("area of"), after it ("Kuh area") or both.
    struct KindWord {
        std::u16string_view word;
        bool before;
        bool after;
    };
    static const KindWord kindWords[] = {
        {u"general", true, false},       {u"area", true, true},          {u"village", true, true},
        {u"town", true, false},          {u"heights", true, false},      {u"hills", true, true},
        {u"mountains", true, true},      {u"outskirts", true, false},    {u"valley", false, true},
        {u"locality", false, true},      {u"neighbourhood", false, true}, {u"neighborhood", false, true},
        {u"tehsil", false, true},        {u"sub-district", false, true}};
    // The words by first letter: most word starts have none to compare.
    static const auto kindWordsByLetter = [] {
        std::array<std::vector<const KindWord*>, 26> byLetter;
        for (const KindWord& kind : kindWords)
            byLetter[kind.word.front() - u'a'].push_back(&kind);
        return byLetter;
    }();
    std::vector<qsizetype> starts, capitals, kindsAfter;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        // Both kinds of word and capitals are ASCII letters; after a word character \b fails.
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')) || (i > 0 && isAsciiWordChar(text[i - 1].unicode())))
            continue;
        if (c <= u'Z') {
            capitals.push_back(i);
            continue;
        }
        for (const KindWord* kind : kindWordsByLetter[c - u'a']) {
            if (!startsWithWord(text, i, kind->word))
                continue;
            if (kind->before && (starts.empty() || starts.back() != i))
                starts.push_back(i);
            if (kind->after && (kindsAfter.empty() || kindsAfter.back() != i))
                kindsAfter.push_back(i);
        }
    }
    for (const qsizetype i : capitals) {
        const auto kind = std::upper_bound(kindsAfter.begin(), kindsAfter.end(), i);
        if (kind != kindsAfter.end() &&
            std::all_of(text.begin() + i, text.begin() + *kind, [](QChar c) { return mayBeInName(c.unicode()); }))
            starts.push_back(i);
    }
    std::sort(starts.begin(), starts.end());
    return starts;
}

// The matches globalMatch(re) would give, from `anchored` (the same expression behind \G, which PCRE's
// JIT runs) tried only where unlistedStarts() says one can begin. The expression matches no empty string, so a search goes on where
// a match ends. Text that is not valid UTF-16 takes globalMatch(), which checks it.
template <typename Found>
void forEachMatch(const QRegularExpression& re, const QRegularExpression& anchored, const QString& source,
                  Found found)
{
    if (!QStringView(source).isValidUtf16()) {
        for (auto it = re.globalMatch(source); it.hasNext();)
            found(it.next());
        return;
    }
    qsizetype next = 0;
    for (const qsizetype at : unlistedStarts(source)) {
        if (at < next)
            continue;
        const QRegularExpressionMatch m = anchored.match(source, at, QRegularExpression::NormalMatch,
                                                         QRegularExpression::DontCheckSubjectStringMatchOption);
        if (!m.hasMatch())
            continue;
        found(m);
        next = m.capturedEnd();
    }
}

// Whether `word` is written anywhere in `text` but at `at`.
bool occursElsewhere(QStringView text, QStringView word, qsizetype at)
{
    for (qsizetype i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        if (i != at)
            return true;
    }
    return false;
}

} // namespace

std::vector<PlaceMention> findUnlistedPlaces(QStringView text, const std::vector<Token>& tokens,
                                             const std::vector<PlaceMention>& known, const Gazetteer& gazetteer,
                                             std::deque<GazetteerEntry>& storage)
{
    std::vector<PlaceMention> found;
    // A name (one to three capitalised words) with the word that says it is a locality.
    static const QString patternText = QStringLiteral(
        "\\b(?:general\\s+area\\s+|(?:area|village|town|heights|hills|mountains|outskirts)\\s+of\\s+)"
        "((?:[A-Z][\\w'\u2019-]+\\s+){0,2}[A-Z][\\w'\u2019-]+)|"
        "\\b((?:[A-Z][\\w'\u2019-]+\\s+){0,2}[A-Z][\\w'\u2019-]+)\\s+(?:area|village|valley|locality|mountains|hills|"
        "neighbourhood|neighborhood|tehsil|sub-district)\\b");
    static const QRegularExpression pattern(patternText);
    static const QRegularExpression anchoredPattern(QStringLiteral("\\G(?:") + patternText + u')');
    // What locates it: "... area of Kalat", "..., District Kohlu", "... of Taftan county".
    static const QRegularExpression within(QStringLiteral(
        "^[\\s,]*(?:area\\s+)?(?:of|in|,)\\s+(?:[Dd]istrict\\s+)?(?:the\\s+)?[A-Z]|^,\\s+[Dd]istrict\\s+[A-Z]"));
    const QString source = text.toString();
    forEachMatch(pattern, anchoredPattern, source, [&](const QRegularExpressionMatch& m) {
        const int group = m.capturedStart(1) >= 0 ? 1 : 2;
        QString name = m.captured(group);
        qsizetype start = m.capturedStart(group);
        // Drop leading generic words ("The Gohar Kuh" -> "Gohar Kuh").
        while (name.contains(u' ') && isGenericWord(name.section(u' ', 0, 0))) {
            const qsizetype cut = name.indexOf(u' ') + 1;
            start += cut;
            name = name.mid(cut);
        }
        if (isGenericWord(name) || !gazetteer.lookup(name).empty() || knownAt(known, start, start + name.size()))
            return;
        const qsizetype end = start + name.size();
        const PlaceMention* anchor = nullptr;
        if (within.match(source.mid(m.capturedEnd(), 24)).hasMatch() || group == 1)
            anchor = knownAt(known, m.capturedEnd(), m.capturedEnd() + 40);
        if (!anchor)
            anchor = knownBefore(known, start);
        if (!anchor)
            anchor = knownAt(known, end, end + 120);
        if (!anchor)
            return;
        const GazetteerEntry& near = *anchor->candidates.front();
        GazetteerEntry entry;
        entry.name = name;
        entry.kind = PlaceKind::Area;
        entry.lat = near.lat;
        entry.lon = near.lon;
        entry.admin1 = near.admin1;
        entry.country = near.country;
        storage.push_back(entry);
        PlaceMention mention;
        mention.start = start;
        mention.end = end;
        mention.candidates = {&storage.back()};
        mention.locative = true;
        setTokenSpan(mention, tokens);
        mention.near = true;
        found.push_back(mention);
    });
    // Once a report has introduced a locality, its other mentions ("a strike was observed in Dasht")
    // are the same place.
    const size_t introduced = found.size();
    for (size_t i = 0; i < introduced; ++i) {
        const QString name = found[i].candidates.front()->name;
        if (!occursElsewhere(source, name, found[i].start))
            continue; // its one mention is the introduction: no expression to build and run
        const QRegularExpression again(QStringLiteral("\\b") + QRegularExpression::escape(name) + QStringLiteral("\\b"));
        for (auto it = again.globalMatch(source); it.hasNext();) {
            const auto m = it.next();
            const bool taken = std::any_of(found.begin(), found.end(), [&](const PlaceMention& p) {
                return p.start < m.capturedEnd() && m.capturedStart() < p.end;
            });
            if (taken || knownAt(known, m.capturedStart(), m.capturedEnd()))
                continue;
            PlaceMention mention = found[i];
            mention.start = m.capturedStart();
            mention.end = m.capturedEnd();
            static const QRegularExpression locative(QStringLiteral("\\b(?:in|near|at|outside|from|around)\\s+(?:the\\s+)?$"),
                                                     QRegularExpression::CaseInsensitiveOption);
            const qsizetype from = std::max<qsizetype>(0, mention.start - 16);
            mention.locative = locative.match(source.mid(from, mention.start - from)).hasMatch();
            setTokenSpan(mention, tokens);
            found.push_back(mention);
        }
    }
    return found;
}

} // namespace makran
