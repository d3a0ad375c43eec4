#pragma once

#include "extract/textutil.h"

#include <vector>

namespace makran {

struct CasualtyMention {
    enum class Kind { Killed, Injured };
    Kind kind = Kind::Killed;
    int low = 0;
    int high = 0;
    qsizetype start = 0; // UTF-16 span of the figure and its verb
    qsizetype end = 0;
    bool perpetrators = false; // "five attackers were killed": counted, but said of the attackers
};

// Casualty figures in digits or words: "at least nine people were killed", "killing three soldiers",
// "the death toll rose to 12", "two children died", "five others were injured", "killed 4 and wounded 11".
std::vector<CasualtyMention> findCasualties(QStringView text, const std::vector<Token>& tokens);

} // namespace makran
