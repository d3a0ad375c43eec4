#pragma once

#include "extract/phrasematcher.h"

#include <vector>

namespace makran {

class Gazetteer;
struct GazetteerEntry;

struct PlaceMention {
    qsizetype start = 0; // UTF-16 span
    qsizetype end = 0;
    size_t firstToken = 0;
    size_t lastToken = 0; // one past
    std::vector<const GazetteerEntry*> candidates;
    bool fuzzy = false;
    bool locative = false; // preceded by in/near/at/outside/... so it says where something happened
    bool near = false;     // "near X", "40 km from X", "outskirts of X": ACLED precision 2
    bool district = false; // "X district", "X county"
};

// Finds gazetteer names in a token stream: every spelling variant, connector words ignored
// ("Sistan-o-Baluchestan"), and consonant-skeleton matches for transliterated names.
class PlaceFinder {
public:
    explicit PlaceFinder(const Gazetteer& gazetteer);
    std::vector<PlaceMention> find(QStringView text, const std::vector<Token>& tokens) const;
    const Gazetteer& gazetteer() const { return m_gazetteer; }

private:
    const Gazetteer& m_gazetteer;
    PhraseMatcher m_matcher;
};

} // namespace makran
