#pragma once

#include <QStringView>

#include <vector>

namespace makran {

struct Sentence {
    qsizetype start = 0;
    qsizetype end = 0;
    int paragraph = 0; // index of the paragraph (text between blank or line breaks)
};

// Splits text into sentences at . ! ? followed by space and an upper-case letter, digit or quote,
// and at line breaks; knows common abbreviations (Mr., Lt. Gen., Jan., No.) and initials.
std::vector<Sentence> splitSentences(QStringView text);

} // namespace makran
