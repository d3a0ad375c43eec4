#pragma once

#include "extract/textutil.h"

#include <QHash>
#include <QSet>

#include <vector>

namespace makran {

// Finds dictionary phrases (word sequences) in a token stream, longest first, without overlaps.
// A phrase word ending in '*' matches any word starting with it; a word "~" skips up to two words.
// Shared by the place, actor and event-trigger dictionaries.
class PhraseMatcher {
public:
    enum class Case { Any, FirstCapitalized, AllCaps };
    struct Match {
        size_t first = 0; // token index of the first word
        size_t last = 0;  // one past the last word
        std::vector<int> payloads; // every dictionary entry with this phrase
        bool fuzzy = false;        // matched by consonant skeleton, not spelling
    };

    // Words in `ignored` are skipped in both phrases and text ("Sistan-o-Baluchestan" = "Sistan Baluchestan").
    void setIgnoredWords(const QSet<QString>& ignored);
    // Also match transliteration variants by consonant skeleton, for capitalised names of >= minLetters.
    void setFuzzy(bool fuzzy, int minLetters = 5)
    {
        m_fuzzy = fuzzy;
        m_fuzzyMinLetters = minLetters;
    }
    // `fuzzy`: also index this phrase by skeleton (when fuzzy matching is on).
    void add(QStringView phrase, int payload, Case caseRule = Case::Any, bool fuzzy = true);
    std::vector<Match> findAll(const std::vector<Token>& tokens) const;
    bool isEmpty() const { return m_phrases.empty(); }

private:
    struct Phrase {
        QStringList words;
        Case caseRule = Case::Any;
        std::vector<int> payloads;
    };
    bool wordMatches(const QString& pattern, const Token& token) const;
    // Length in tokens of a match of `phrase` starting at token `at` (0 when none).
    size_t matchLength(const Phrase& phrase, const std::vector<size_t>& kept, size_t at,
                       const std::vector<Token>& tokens) const;
    bool isIgnored(const QString& key) const;
    void addFirstWord(const QString& word, int phrase);
    // Phrases whose first word is `key`, or is a "word*" pattern `key` can start with.
    const std::vector<int>* startingWith(const QString& key) const;
    const std::vector<int>* startingWithPrefixOf(const QString& key) const;

    std::vector<Phrase> m_phrases;
    QHash<QString, int> m_phraseIndex;             // words joined by ' ' -> phrase
    QHash<QString, std::vector<int>> m_byFirstWord; // first word, for phrases not starting with "word*"
    // One bit per first word of m_byFirstWord, at a cheap hash of it: most tokens start no phrase,
    // and a clear bit says so without the (far costlier) QHash lookup.
    static constexpr quint32 kFirstWordBits = 1 << 16;
    std::vector<quint64> m_firstWordBits = std::vector<quint64>(kFirstWordBits / 64);
    // Phrases starting with "word*", by the first (up to) three letters of its stem packed into one
    // integer: hashing an integer per token is far cheaper than building and hashing a string.
    QHash<quint64, std::vector<int>> m_byFirstPrefix;
    QHash<QString, std::vector<int>> m_bySkeleton;  // skeleton of the whole phrase
    QSet<QString> m_ignored;
    qsizetype m_longestIgnored = 0; // longer tokens need no set lookup
    bool m_fuzzy = false;
    int m_fuzzyMinLetters = 5;
};

} // namespace makran
