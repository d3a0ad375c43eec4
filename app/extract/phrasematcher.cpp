#include "extract/phrasematcher.h"

namespace makran {

namespace {

// The first (up to) three UTF-16 units of a word and their count, packed into one integer; words
// that share their first three letters (or are equal, when shorter) share the packed value.
quint64 packedPrefix(QStringView word)
{
    const qsizetype n = std::min<qsizetype>(3, word.size());
    quint64 packed = quint64(n) << 48;
    for (qsizetype i = 0; i < n; ++i)
        packed |= quint64(word[i].unicode()) << (16 * (2 - i));
    return packed;
}

// FNV-1a over the UTF-16 units: a few instructions per letter.
quint32 cheapHash(QStringView word)
{
    quint32 hash = 2166136261u;
    for (QChar c : word) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return hash;
}

} // namespace

void PhraseMatcher::setIgnoredWords(const QSet<QString>& ignored)
{
    m_ignored = ignored;
    m_longestIgnored = 0;
    for (const QString& word : ignored)
        m_longestIgnored = std::max(m_longestIgnored, word.size());
}

void PhraseMatcher::addFirstWord(const QString& word, int phrase)
{
    m_byFirstWord[word].push_back(phrase);
    const quint32 bit = cheapHash(word) % kFirstWordBits;
    m_firstWordBits[bit / 64] |= quint64(1) << (bit % 64);
}

bool PhraseMatcher::isIgnored(const QString& key) const
{
    return key.size() <= m_longestIgnored && m_ignored.contains(key);
}

const std::vector<int>* PhraseMatcher::startingWith(const QString& key) const
{
    const quint32 bit = cheapHash(key) % kFirstWordBits;
    if (!(m_firstWordBits[bit / 64] & (quint64(1) << (bit % 64))))
        return nullptr; // no first word has this hash, so none is equal to key
    const auto it = m_byFirstWord.constFind(key);
    return it == m_byFirstWord.constEnd() ? nullptr : &*it;
}

const std::vector<int>* PhraseMatcher::startingWithPrefixOf(const QString& key) const
{
    if (m_byFirstPrefix.isEmpty())
        return nullptr;
    const auto it = m_byFirstPrefix.constFind(packedPrefix(key));
    return it == m_byFirstPrefix.constEnd() ? nullptr : &*it;
}

void PhraseMatcher::add(QStringView phrase, int payload, Case caseRule, bool fuzzy)
{
    QStringList words;
    for (const Token& token : tokenize(phrase)) {
        if (!isIgnored(token.key))
            words << token.key;
    }
    // tokenize() drops '*' and '~'; restore them from the raw phrase.
    const QStringList raw = phrase.toString().split(u' ', Qt::SkipEmptyParts);
    if (phrase.contains(u'*') || phrase.contains(u'~')) {
        words.clear();
        for (const QString& part : raw) {
            if (part == u"~" ) {
                words << part;
                continue;
            }
            const bool prefix = part.endsWith(u'*');
            const QStringView stem = QStringView(part).left(part.size() - (prefix ? 1 : 0));
            const std::vector<Token> inner = tokenize(stem);
            for (size_t i = 0; i < inner.size(); ++i)
                words << inner[i].key + (prefix && i + 1 == inner.size() ? QStringLiteral("*") : QString());
        }
    }
    if (words.isEmpty())
        return;
    const QString joined = words.join(u' ');
    int index = m_phraseIndex.value(joined, -1);
    if (index < 0) {
        index = int(m_phrases.size());
        m_phrases.push_back(Phrase{words, caseRule, {}});
        m_phraseIndex.insert(joined, index);
        const QString& first = words.first();
        if (first.endsWith(u'*'))
            m_byFirstPrefix[packedPrefix(QStringView(first).chopped(1))].push_back(index);
        else
            addFirstWord(first, index);
        if (m_fuzzy && fuzzy) {
            QString skeleton;
            int letters = 0;
            for (const QString& word : words) {
                skeleton += skeletonKey(word) + u' ';
                letters += int(word.size());
            }
            // Short skeletons collide with English words ("Foreign" ~ "Fareghan").
            if (letters >= m_fuzzyMinLetters && skeleton.size() >= 5)
                m_bySkeleton[skeleton].push_back(index);
        }
    }
    m_phrases[size_t(index)].payloads.push_back(payload);
}

bool PhraseMatcher::wordMatches(const QString& pattern, const Token& token) const
{
    if (pattern.endsWith(u'*'))
        return token.key.startsWith(QStringView(pattern).left(pattern.size() - 1));
    return token.key == pattern;
}

size_t PhraseMatcher::matchLength(const Phrase& phrase, const std::vector<size_t>& kept, size_t at,
                                  const std::vector<Token>& tokens) const
{
    size_t pos = at;
    for (qsizetype w = 0; w < phrase.words.size(); ++w) {
        const QString& word = phrase.words[w];
        if (word == u"~") {
            // Skip up to two words, then the next pattern word must match.
            if (w + 1 >= phrase.words.size())
                return 0;
            const QString& next = phrase.words[w + 1];
            size_t found = 0;
            for (size_t skip = 0; skip <= 2 && pos + skip < kept.size(); ++skip) {
                if (wordMatches(next, tokens[kept[pos + skip]])) {
                    found = pos + skip + 1;
                    break;
                }
            }
            if (!found)
                return 0;
            pos = found;
            ++w;
            continue;
        }
        if (pos >= kept.size() || !wordMatches(word, tokens[kept[pos]]))
            return 0;
        ++pos;
    }
    const Token& first = tokens[kept[at]];
    if (phrase.caseRule == Case::FirstCapitalized && !first.capitalized)
        return 0;
    if (phrase.caseRule == Case::AllCaps && !first.allCaps)
        return 0;
    return pos - at;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::findAll(const std::vector<Token>& tokens) const
{
    std::vector<Match> matches;
    if (m_phrases.empty())
        return matches;
    std::vector<size_t> kept; // indices of tokens that are not ignored
    kept.reserve(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
        if (!isIgnored(tokens[i].key))
            kept.push_back(i);
    }
    size_t at = 0;
    while (at < kept.size()) {
        const Token& token = tokens[kept[at]];
        size_t bestLength = 0;
        const Phrase* best = nullptr;
        auto consider = [&](const std::vector<int>* candidates) {
            if (!candidates)
                return;
            for (int index : *candidates) {
                const Phrase& phrase = m_phrases[size_t(index)];
                const size_t length = matchLength(phrase, kept, at, tokens);
                if (length > bestLength) {
                    bestLength = length;
                    best = &phrase;
                }
            }
        };
        // Exact first words before "word*" patterns: on equal length the first candidate wins.
        consider(startingWith(token.key));
        consider(startingWithPrefixOf(token.key));

        bool fuzzy = false;
        if (!best && m_fuzzy && token.capitalized) {
            // Longest run of capitalised words whose skeleton is a known name.
            QString skeleton;
            for (size_t length = 1; length <= 4 && at + length <= kept.size(); ++length) {
                const Token& word = tokens[kept[at + length - 1]];
                if (!word.capitalized)
                    break;
                skeleton += skeletonKey(word.key) + u' ';
                auto it = m_bySkeleton.constFind(skeleton);
                if (it != m_bySkeleton.constEnd() && word.key.size() >= 4) {
                    bestLength = length;
                    best = &m_phrases[size_t(it->front())];
                    fuzzy = true;
                }
            }
        }
        if (!best) {
            ++at;
            continue;
        }
        Match match;
        match.first = kept[at];
        match.last = kept[at + bestLength - 1] + 1;
        match.payloads = best->payloads;
        match.fuzzy = fuzzy;
        if (fuzzy) {
            // Every phrase with the same skeleton is a candidate reading.
            QString skeleton;
            for (size_t i = 0; i < bestLength; ++i)
                skeleton += skeletonKey(tokens[kept[at + i]].key) + u' ';
            match.payloads.clear();
            for (int index : m_bySkeleton.value(skeleton))
                match.payloads.insert(match.payloads.end(), m_phrases[size_t(index)].payloads.begin(),
                                      m_phrases[size_t(index)].payloads.end());
        }
        matches.push_back(std::move(match));
        at += bestLength;
    }
    return matches;
}

} // namespace makran
