#include "extract/textutil.h"

#include <QHash>

namespace makran {

namespace {

bool isAsciiLetterOrDigit(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

bool isWordChar(QChar c)
{
    // Nearly every character of a report is ASCII; answer those without the Unicode tables.
    if (c.unicode() < 0x80)
        return isAsciiLetterOrDigit(c.unicode());
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

bool isJoiner(QChar c)
{
    return c == u'\'' || c == u'\u2019';
}

} // namespace

QString foldKey(QStringView word)
{
    // Most words are plain ASCII: lower-casing is all they need (normalisation is the slow path).
    bool ascii = true;
    for (QChar c : word)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        QString out(word.size(), Qt::Uninitialized);
        QChar* d = out.data();
        for (QChar c : word)
            *d++ = (c >= u'A' && c <= u'Z') ? QChar(c.unicode() + 32) : c;
        return out;
    }
    QString decomposed = word.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == u'\u2019' || c == u'\u2018')
            c = u'\'';
        out += c.toLower();
    }
    return out;
}

std::vector<Token> tokenize(QStringView text, qsizetype offset)
{
    std::vector<Token> tokens;
    tokens.reserve(size_t(text.size() / 6)); // English prose averages about six characters a word
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isWordChar(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < n && (isWordChar(text[i]) || (isJoiner(text[i]) && i + 1 < n && isWordChar(text[i + 1]) &&
                                                  i > start)))
            ++i;
        qsizetype end = i;
        // Drop a possessive "'s" so "Iran's" is the word "Iran".
        if (end - start > 2 && (text[end - 2] == u'\'' || text[end - 2] == u'\u2019') &&
            (text[end - 1] == u's' || text[end - 1] == u'S'))
            end -= 2;
        Token token;
        token.start = offset + start;
        token.end = offset + end;
        const QStringView word = text.mid(start, end - start);
        token.key = foldKey(word);
        token.capitalized = word.front().isUpper();
        int letters = 0;
        bool upper = true;
        for (QChar c : word) {
            if (c.isLetter()) {
                ++letters;
                upper = upper && c.isUpper();
            }
        }
        token.allCaps = letters >= 2 && upper;
        tokens.push_back(std::move(token));
    }
    return tokens;
}

QString skeletonKey(QStringView folded)
{
    QString s;
    s.reserve(folded.size());
    for (qsizetype i = 0; i < folded.size(); ++i) {
        QChar c = folded[i];
        if (!c.isLetter())
            continue;
        const QChar next = i + 1 < folded.size() ? folded[i + 1] : QChar();
        if (c == u'p' && next == u'h') {
            s += u'f';
            ++i;
            continue;
        }
        if ((c == u'k' || c == u'g') && next == u'h') {
            s += c;
            ++i;
            continue;
        }
        if (c == u'w')
            c = u'v';
        else if (c == u'q' || c == u'c')
            c = u'k';
        else if (c == u'z' && !s.isEmpty() && s.back() == u'd')
            continue;
        const bool vowel = c == u'a' || c == u'e' || c == u'i' || c == u'o' || c == u'u' || c == u'y';
        if (vowel && !s.isEmpty())
            continue;
        if (!s.isEmpty() && s.back() == c)
            continue;
        s += c;
    }
    return s;
}

std::optional<int> parseNumberWord(QStringView word)
{
    static const QHash<QString, int> words = {
        {QStringLiteral("one"), 1},       {QStringLiteral("two"), 2},        {QStringLiteral("three"), 3},
        {QStringLiteral("four"), 4},      {QStringLiteral("five"), 5},       {QStringLiteral("six"), 6},
        {QStringLiteral("seven"), 7},     {QStringLiteral("eight"), 8},      {QStringLiteral("nine"), 9},
        {QStringLiteral("ten"), 10},      {QStringLiteral("eleven"), 11},    {QStringLiteral("twelve"), 12},
        {QStringLiteral("thirteen"), 13}, {QStringLiteral("fourteen"), 14},  {QStringLiteral("fifteen"), 15},
        {QStringLiteral("sixteen"), 16},  {QStringLiteral("seventeen"), 17}, {QStringLiteral("eighteen"), 18},
        {QStringLiteral("nineteen"), 19}, {QStringLiteral("twenty"), 20},    {QStringLiteral("thirty"), 30},
        {QStringLiteral("forty"), 40},    {QStringLiteral("fifty"), 50},     {QStringLiteral("sixty"), 60},
        {QStringLiteral("hundred"), 100}, {QStringLiteral("dozen"), 12},     {QStringLiteral("dozens"), 12},
        {QStringLiteral("several"), 10},  {QStringLiteral("scores"), 20},    {QStringLiteral("hundreds"), 100},
        {QStringLiteral("a"), 1},         {QStringLiteral("an"), 1},         {QStringLiteral("single"), 1},
        {QStringLiteral("couple"), 2},    {QStringLiteral("both"), 2},
    };
    bool ok = false;
    const int value = word.toInt(&ok);
    if (ok)
        return value >= 0 && value < 100000 ? std::optional<int>(value) : std::nullopt;
    const auto it = words.constFind(word.toString());
    if (it != words.constEnd())
        return *it;
    // Hyphenated tens: "twenty-one".
    const qsizetype dash = word.indexOf(u'-');
    if (dash > 0) {
        const auto tens = words.constFind(word.left(dash).toString());
        const auto units = words.constFind(word.mid(dash + 1).toString());
        if (tens != words.constEnd() && units != words.constEnd() && *tens >= 20 && *units < 10)
            return *tens + *units;
    }
    return std::nullopt;
}

qint64 toCodePointOffset(QStringView text, qsizetype utf16Index)
{
    qint64 points = 0;
    const qsizetype limit = std::min(utf16Index, text.size());
    for (qsizetype i = 0; i < limit; ++i) {
        if (text[i].isLowSurrogate() && i > 0 && text[i - 1].isHighSurrogate())
            continue;
        ++points;
    }
    return points + (utf16Index > limit ? utf16Index - limit : 0);
}

qsizetype toUtf16Offset(QStringView text, qint64 codePointIndex)
{
    qint64 points = 0;
    qsizetype i = 0;
    while (i < text.size() && points < codePointIndex) {
        i += (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) ? 2 : 1;
        ++points;
    }
    return i;
}

} // namespace makran
