#pragma once

#include <QString>
#include <QStringView>

#include <optional>
#include <vector>

namespace makran {

// A word of the report with its UTF-16 span; `key` is lower-cased with diacritics folded.
struct Token {
    qsizetype start = 0;
    qsizetype end = 0;
    QString key;
    bool capitalized = false; // first letter upper case
    bool allCaps = false;     // two or more letters, all upper case
};

// Words are runs of letters and digits with inner apostrophes; hyphens split words so "Koh-e-Sabz"
// and "Koh e Sabz" tokenize alike. A possessive "'s" is dropped so "Iran's" matches "Iran".
std::vector<Token> tokenize(QStringView text, qsizetype offset = 0);

// Lower case, diacritics removed, curly apostrophes straightened.
QString foldKey(QStringView word);

// A consonant skeleton for transliterated names: Balochistan, Baluchestan -> "blchstn";
// Panjgur, Panjgoor -> "pnjgr"; Saravan, Sarawan -> "srvn".
QString skeletonKey(QStringView foldedWord);

// "three" -> 3, "dozens" -> 12 (ACLED's convention), "21" -> 21; nullopt for other words.
std::optional<int> parseNumberWord(QStringView foldedWord);

// Converts a UTF-16 index into a Unicode code point index of the same text (the unit of every offset
// Makran stores and exports), and back.
qint64 toCodePointOffset(QStringView text, qsizetype utf16Index);
qsizetype toUtf16Offset(QStringView text, qint64 codePointIndex);

} // namespace makran
