#include "extract/mentions.h"

#include <QRegularExpression>
#include <QSet>

namespace makran {

std::vector<ActorMention> findActors(QStringView text, const std::vector<Token>& tokens,
                                     const ActorDictionary& dictionary)
{
    std::vector<ActorMention> mentions;
    const auto& entries = dictionary.entries();
    for (const PhraseMatcher::Match& match : dictionary.matcher().findAll(tokens)) {
        ActorMention mention;
        mention.firstToken = match.first;
        mention.lastToken = match.last;
        mention.start = tokens[match.first].start;
        mention.end = tokens[match.last - 1].end;
        for (int payload : match.payloads) {
            const ActorEntry* entry = &entries[size_t(payload)];
            if (std::find(mention.candidates.begin(), mention.candidates.end(), entry) == mention.candidates.end())
                mention.candidates.push_back(entry);
        }
        // "Iran's" (the tokenizer dropped "'s") or an adjective such as "Iranian", "Pakistani".
        const qsizetype after = mention.end;
        mention.possessive = (after < text.size() && (text[after] == u'\'' || text[after] == u'\u2019')) ||
                             tokens[match.last - 1].key.endsWith(QStringLiteral("ian")) ||
                             tokens[match.last - 1].key.endsWith(QStringLiteral("ani")) ||
                             tokens[match.last - 1].key.endsWith(QStringLiteral("ghan"));
        mentions.push_back(std::move(mention));
    }
    return mentions;
}

std::vector<TriggerMention> findTriggers(const std::vector<Token>& tokens, const TriggerDictionary& dictionary)
{
    std::vector<TriggerMention> mentions;
    const auto& entries = dictionary.entries();
    for (const PhraseMatcher::Match& match : dictionary.matcher().findAll(tokens)) {
        const TriggerEntry* best = nullptr;
        for (int payload : match.payloads) {
            const TriggerEntry* entry = &entries[size_t(payload)];
            if (!best || entry->priority > best->priority)
                best = entry;
        }
        mentions.push_back(TriggerMention{tokens[match.first].start, tokens[match.last - 1].end, match.first, best});
    }
    return mentions;
}

namespace {

bool isAsciiWordChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
}

// Every match of the hypothetical expression below begins with one of these words, standing alone
// between \\b boundaries: text with none of them cannot match. One pass over the words (ASCII \\w runs,
// as \\b sees them) of ASCII text; other text goes to the expression (Unicode case folding).
bool mayBeHypothetical(QStringView text)
{
    static const QSet<QString> firstWords = {
        QStringLiteral("would"),    QStringLiteral("could"),      QStringLiteral("might"),   QStringLiteral("may"),
        QStringLiteral("should"),   QStringLiteral("will"),       QStringLiteral("shall"),   QStringLiteral("if"),
        QStringLiteral("unless"),   QStringLiteral("threaten"),   QStringLiteral("threatens"), QStringLiteral("threatened"),
        QStringLiteral("vow"),      QStringLiteral("vows"),       QStringLiteral("vowed"),   QStringLiteral("plan"),
        QStringLiteral("plans"),    QStringLiteral("planned"),    QStringLiteral("warn"),    QStringLiteral("warns"),
        QStringLiteral("warned"),   QStringLiteral("reserve"),    QStringLiteral("reserves"), QStringLiteral("risk"),
        QStringLiteral("fear"),     QStringLiteral("fears"),      QStringLiteral("aimed"),   QStringLiteral("intended"),
        QStringLiteral("attempt"),  QStringLiteral("attempts"),   QStringLiteral("attempted"),
    };
    constexpr qsizetype longest = 10; // "threatened"
    if (std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x80; }))
        return true;
    char16_t lower[longest];
    for (qsizetype i = 0; i < text.size();) {
        if (!isAsciiWordChar(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && isAsciiWordChar(text[i]))
            ++i;
        if (i - start < 2 || i - start > longest)
            continue;
        for (qsizetype k = start; k < i; ++k) {
            const char16_t c = text[k].unicode();
            lower[k - start] = c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
        }
        if (firstWords.contains(QString::fromRawData(reinterpret_cast<const QChar*>(lower), i - start)))
            return true;
    }
    return false;
}

} // namespace

bool isHypothetical(QStringView words)
{
    // "may" only in lower case: "May 21" is a date.
    static const QRegularExpression hypothetical(
        QStringLiteral("\\b(?:would|could|might|(?-i:may)|should|will|shall|if|unless|threaten(?:s|ed)?\\s+to|vow(?:s|ed)?\\s+to|"
                       "plan(?:s|ned)?\\s+to|warn(?:s|ed)?\\s+of|reserves?\\s+the\\s+right|risk\\s+of|fears?\\s+of|"
                       "aimed\\s+at\\s+preventing|intended\\s+to|attempt(?:s|ed)?\\s+to)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return mayBeHypothetical(words) && hypothetical.match(words.toString()).hasMatch();
}

namespace {

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

// Every connector the clause expression below finds ends with one of these words, after white space or
// a comma and before white space: a sentence without one has a single clause. Checked in one pass, as
// most sentences have none, where the expression tries its alternatives at every space.
bool mayHaveConnector(QStringView sentence)
{
    static const QStringView words[] = {u"after",    u"before", u"wake",  u"following", u"retaliation", u"response",
                                        u"since",    u"but",    u"while", u"whereas",   u";"};
    const auto isConnectorWord = [&](QStringView word) {
        const QChar first = word.front().toLower();
        return std::any_of(std::begin(words), std::end(words), [&](QStringView w) {
            return w.size() == word.size() && w.front() == first && w.compare(word, Qt::CaseInsensitive) == 0;
        });
    };
    if (std::any_of(sentence.begin(), sentence.end(), [](QChar c) { return c.unicode() >= 0x80; }))
        return true; // Unicode case folding: leave the answer to the expression
    const qsizetype n = sentence.size();
    for (qsizetype i = 1; i < n; ++i) {
        if (!sentence[i - 1].isSpace() && sentence[i - 1] != u',')
            continue;
        qsizetype end = i;
        if (sentence[i] == u';')
            end = i + 1;
        else
            while (end < n && isAsciiLetter(sentence[end]))
                ++end;
        if (end > i && end < n && sentence[end].isSpace() && isConnectorWord(sentence.sliced(i, end - i)))
            return true;
    }
    return false;
}

} // namespace

std::vector<Clause> splitClauses(QStringView text, const std::vector<Sentence>& sentences)
{
    static const QRegularExpression connector(
        QStringLiteral("(?:,\\s*|\\s+)(?:"
                       "(?<days>a|one|two|three|four|five|six|seven|\\d)\\s+days?\\s+(?<dir>after|before)|"
                       "(?<earlier>(?:hours|days|weeks|minutes|shortly|soon|months|a\\s+week|two\\s+weeks)\\s+after|"
                       "in\\s+the\\s+wake\\s+of|following|in\\s+(?:retaliation|response)\\s+(?:for|to)|after|since)|"
                       "(?<same>but|while|whereas|;))\\s+"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression numberWord(QStringLiteral("^(?:a|one)$"), QRegularExpression::CaseInsensitiveOption);
    std::vector<Clause> clauses;
    for (size_t s = 0; s < sentences.size(); ++s) {
        const Sentence& sentence = sentences[s];
        const QString body = text.mid(sentence.start, sentence.end - sentence.start).toString();
        Clause current{sentence.start, sentence.end, int(s)};
        if (!mayHaveConnector(body)) {
            clauses.push_back(current);
            continue;
        }
        for (auto it = connector.globalMatch(body); it.hasNext();) {
            const auto m = it.next();
            const qsizetype at = sentence.start + m.capturedStart();
            if (at <= current.start)
                continue;
            Clause next{sentence.start + m.capturedEnd(), sentence.end, int(s)};
            if (!m.captured(QStringLiteral("days")).isEmpty()) {
                const QString count = m.captured(QStringLiteral("days"));
                const int days = numberWord.match(count).hasMatch() ? 1 : parseNumberWord(count.toLower()).value_or(1);
                const bool after = m.captured(QStringLiteral("dir")).compare(QStringLiteral("after"), Qt::CaseInsensitive) == 0;
                next.relation = Clause::Relation::DaysBefore;
                next.days = after ? days : -days;
            } else if (!m.captured(QStringLiteral("earlier")).isEmpty()) {
                next.relation = Clause::Relation::Earlier;
            }
            current.end = at;
            clauses.push_back(current);
            current = next;
        }
        clauses.push_back(current);
    }
    return clauses;
}

} // namespace makran
