#include "extract/unlistedplaces.h"

#include <QRegularExpression>
#include <QSet>

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

} // namespace

std::vector<PlaceMention> findUnlistedPlaces(QStringView text, const std::vector<Token>& tokens,
                                             const std::vector<PlaceMention>& known, const Gazetteer& gazetteer,
                                             std::deque<GazetteerEntry>& storage)
{
    std::vector<PlaceMention> found;
    // A name (one to three capitalised words) with the word that says it is a locality.
    static const QRegularExpression pattern(QStringLiteral(
        "\\b(?:general\\s+area\\s+|(?:area|village|town|heights|hills|mountains|outskirts)\\s+of\\s+)"
        "((?:[A-Z][\\w'\u2019-]+\\s+){0,2}[A-Z][\\w'\u2019-]+)|"
        "\\b((?:[A-Z][\\w'\u2019-]+\\s+){0,2}[A-Z][\\w'\u2019-]+)\\s+(?:area|village|valley|locality|mountains|hills|"
        "neighbourhood|neighborhood|tehsil|sub-district)\\b"));
    // What locates it: "... area of Kalat", "..., District Kohlu", "... of Taftan county".
    static const QRegularExpression within(QStringLiteral(
        "^[\\s,]*(?:area\\s+)?(?:of|in|,)\\s+(?:[Dd]istrict\\s+)?(?:the\\s+)?[A-Z]|^,\\s+[Dd]istrict\\s+[A-Z]"));
    const QString source = text.toString();
    for (auto it = pattern.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
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
            continue;
        const qsizetype end = start + name.size();
        const PlaceMention* anchor = nullptr;
        if (within.match(source.mid(m.capturedEnd(), 24)).hasMatch() || group == 1)
            anchor = knownAt(known, m.capturedEnd(), m.capturedEnd() + 40);
        if (!anchor)
            anchor = knownBefore(known, start);
        if (!anchor)
            anchor = knownAt(known, end, end + 120);
        if (!anchor)
            continue;
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
    }
    // Once a report has introduced a locality, its other mentions ("a strike was observed in Dasht")
    // are the same place.
    const size_t introduced = found.size();
    for (size_t i = 0; i < introduced; ++i) {
        const QString name = found[i].candidates.front()->name;
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
