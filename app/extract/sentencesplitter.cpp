#include "extract/sentencesplitter.h"

#include <QSet>
#include <QString>

namespace makran {

namespace {

bool isAbbreviation(QStringView word)
{
    static const QSet<QString> abbreviations = {
        QStringLiteral("mr"),   QStringLiteral("mrs"),  QStringLiteral("ms"),   QStringLiteral("dr"),
        QStringLiteral("lt"),   QStringLiteral("col"),  QStringLiteral("gen"),  QStringLiteral("maj"),
        QStringLiteral("capt"), QStringLiteral("brig"), QStringLiteral("sgt"),  QStringLiteral("no"),
        QStringLiteral("st"),   QStringLiteral("jan"),  QStringLiteral("feb"),  QStringLiteral("mar"),
        QStringLiteral("apr"),  QStringLiteral("jun"),  QStringLiteral("jul"),  QStringLiteral("aug"),
        QStringLiteral("sep"),  QStringLiteral("sept"), QStringLiteral("oct"),  QStringLiteral("nov"),
        QStringLiteral("dec"),  QStringLiteral("vs"),   QStringLiteral("etc"),  QStringLiteral("approx"),
        QStringLiteral("govt"), QStringLiteral("dept"), QStringLiteral("insp"), QStringLiteral("supt"),
        QStringLiteral("e.g"),  QStringLiteral("i.e"),  QStringLiteral("u.s"),  QStringLiteral("u.n"),
        QStringLiteral("sr"),   QStringLiteral("jr"),   QStringLiteral("prof"), QStringLiteral("hon"),
    };
    if (word.size() == 1 && word.front().isUpper())
        return true; // an initial, "Abdul M. Khan"
    return abbreviations.contains(word.toString().toLower());
}

bool isClosingMark(QChar c)
{
    return c == u'"' || c == u'\u201D' || c == u'\'' || c == u'\u2019' || c == u')' || c == u'\u00BB';
}

} // namespace

std::vector<Sentence> splitSentences(QStringView text)
{
    std::vector<Sentence> sentences;
    int paragraph = 0;
    size_t lineFirstSentence = 0;
    qsizetype start = 0;
    const qsizetype n = text.size();
    auto flush = [&](qsizetype end) {
        qsizetype s = start;
        while (s < end && text[s].isSpace())
            ++s;
        qsizetype e = end;
        while (e > s && text[e - 1].isSpace())
            --e;
        if (e > s)
            sentences.push_back(Sentence{s, e, paragraph});
        start = end;
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (c == u'\n') {
            flush(i);
            start = i + 1;
            // Paragraphs count lines with text: a blank line between paragraphs is no paragraph.
            if (sentences.size() > lineFirstSentence)
                ++paragraph;
            lineFirstSentence = sentences.size();
            continue;
        }
        if (c != u'.' && c != u'!' && c != u'?' && c != u'\u06D4')
            continue;
        qsizetype j = i + 1;
        while (j < n && isClosingMark(text[j]))
            ++j;
        if (j < n && !text[j].isSpace())
            continue; // "3.5", "U.S.A"
        qsizetype k = j;
        while (k < n && text[k] == u' ')
            ++k;
        if (k < n && text[k] != u'\n' && !(text[k].isUpper() || text[k].isDigit() || text[k] == u'"' ||
                                           text[k] == u'\u201C' || text[k] == u'\u2018' || !text[k].isLetter()))
            continue; // followed by a lower-case word: not a boundary
        if (c == u'.') {
            qsizetype w = i;
            while (w > 0 && (text[w - 1].isLetter() || text[w - 1] == u'.'))
                --w;
            if (isAbbreviation(text.mid(w, i - w)))
                continue;
        }
        flush(j);
    }
    flush(n);
    return sentences;
}

} // namespace makran
