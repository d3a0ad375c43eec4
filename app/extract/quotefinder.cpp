#include "extract/quotefinder.h"

#include "extract/speakerresolver.h"

#include <QRegularExpression>

namespace makran {

namespace {

const QString kSpeechVerbs = QStringLiteral(
    "said|says|added|adds|told|stated|noted|warned|insisted|claimed|stressed|declared|announced|explained|"
    "asserted|remarked|wrote|tweeted|posted|argued|maintained|alleged|recalled|continued|asked|urged|"
    "vowed|pledged|observed|commented|affirmed|confirmed|reiterated|emphasised|emphasized|underlined|"
    "lamented|complained|demanded|charged|contended|concluded|cautioned|acknowledged|admitted|"
    "quoted|cried|shouted|whispered|recounted|describes|described|reported|put it");

bool isOpening(QStringView text, qsizetype i)
{
    const QChar c = text[i];
    if (c == u'\u201C' || c == u'\u00AB')
        return true;
    if (c != u'"')
        return false;
    // A straight quote opens when it follows the start, a space or an opening bracket or dash.
    return i == 0 || text[i - 1].isSpace() || text[i - 1] == u'(' || text[i - 1] == u'[' ||
           text[i - 1] == u'\u2014' || text[i - 1] == u'\u2013' || text[i - 1] == u':' || text[i - 1] == u'-';
}

bool isClosing(QStringView text, qsizetype i)
{
    const QChar c = text[i];
    if (c == u'\u201D' || c == u'\u00BB')
        return true;
    if (c != u'"')
        return false;
    return i + 1 >= text.size() || !text[i + 1].isLetterOrNumber();
}

struct RawQuote {
    qsizetype open;   // position of the opening mark
    qsizetype close;  // position of the closing mark (or the end of the last paragraph)
    QString text;     // the words, paragraph-continuation marks removed
    bool multiParagraph = false;
};

std::vector<RawQuote> scanQuotes(QStringView text)
{
    std::vector<RawQuote> quotes;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isOpening(text, i)) {
            ++i;
            continue;
        }
        RawQuote quote{i, -1, QString()};
        qsizetype j = i + 1;
        QString words;
        while (j < n) {
            if (text[j] == u'\n') {
                // A quote continued in the next paragraph re-opens it with a quote mark.
                qsizetype k = j;
                while (k < n && text[k].isSpace())
                    ++k;
                if (k < n && isOpening(text, k) && !words.trimmed().isEmpty()) {
                    words += u' ';
                    quote.multiParagraph = true;
                    j = k + 1;
                    continue;
                }
                break; // an unterminated quote ends with its paragraph
            }
            if (isClosing(text, j) && j > i + 1) {
                quote.close = j;
                break;
            }
            if (text[j] == u'\u201C' && j > i + 1)
                break; // a new curly opening without a close: the earlier mark was stray
            words += text[j];
            ++j;
        }
        if (quote.close < 0) {
            // Unterminated within its paragraph: keep it only if it spans the paragraph (a quote
            // whose closing mark the writer forgot), ending at the paragraph's end.
            quote.close = j;
        }
        quote.text = words;
        quotes.push_back(quote);
        i = std::max(quote.close + 1, i + 1);
    }
    return quotes;
}

int wordCount(QStringView text)
{
    int count = 0;
    bool inWord = false;
    for (QChar c : text) {
        const bool letter = c.isLetterOrNumber();
        if (letter && !inWord)
            ++count;
        inWord = letter;
    }
    return count;
}

// Titles and names in quote marks ("Army of Justice", "Marg Bar Sarmachar") are not speech.
bool looksLikeName(QStringView words)
{
    const QStringList parts = words.toString().split(u' ', Qt::SkipEmptyParts);
    if (parts.size() > 5)
        return false;
    for (const QString& part : parts) {
        if (part.size() > 3 && !part.front().isUpper())
            return false;
    }
    return true;
}

qsizetype paragraphStart(QStringView text, qsizetype at)
{
    const qsizetype nl = text.lastIndexOf(u'\n', at - 1);
    return nl < 0 ? 0 : nl + 1;
}

} // namespace

std::vector<Quote> findQuotes(QStringView text, const std::vector<Sentence>& sentences,
                              const std::vector<NamedGroup>& groups)
{
    std::vector<Quote> result;
    SpeakerResolver resolver(text);
    const QString source = text.toString();

    static const QRegularExpression afterVerbFirst(
        QStringLiteral("^[\\s,\u2014-]*(?:") + kSpeechVerbs +
            QStringLiteral(")\\s+((?:the\\s+|a\\s+|an\\s+)?[\\w'\u2019.-]+(?:\\s+(?!in\\b|on\\b|at\\b|during\\b|while\\b|after\\b|before\\b|when\\b|who\\b|adding\\b)[\\w'\u2019.-]+){0,6})"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression afterSpeakerFirst(
        QStringLiteral("^[\\s,\u2014-]*((?:the\\s+|a\\s+|an\\s+)?[\\w'\u2019.-]+(?:,?\\s+[\\w'\u2019.-]+){0,13}?),?\\s+"
                       "(?:(?:had|has|have|also|later|then|further|earlier|once)\\s+)?(?:") +
            kSpeechVerbs + QStringLiteral(")\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression afterAccording(
        QStringLiteral("^[\\s,\u2014-]*according\\s+to\\s+((?:the\\s+|a\\s+)?[\\w'\u2019.-]+(?:\\s+[\\w'\u2019.-]+){0,6})"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression beforeVerb(
        QStringLiteral("((?:the\\s+|a\\s+|an\\s+)?[\\w'\u2019.-]+(?:,?\\s+[\\w'\u2019.-]+){0,13}?),?\\s+"
                       "(?:(?:on|in)\\s+\\w+\\s+(?:\\w+\\s+)?)?(?:(?:had|has|have|also|later|then|further)\\s+)?(?:") +
            kSpeechVerbs + QStringLiteral(")(?:\\s+\\w+){0,3}?(?:\\s+that)?\\s*[,:]?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);

    static const QRegularExpression leadIn(QStringLiteral("^.*\\b(?:and|but|while|as|which|who|that)\\s+(?=(?-i:[a-z]))"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression subjectOfVerb(
        QStringLiteral("^\\s*((?:[\\w'\u2019.-]+\\s+){0,7}?[\\w'\u2019.-]+)\\s+(?:(?:on|in)\\s+\\w+\\s+)?(?:(?:also|had|has|further|later)\\s+)?(?:") +
            kSpeechVerbs + QStringLiteral(")\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression leadingAdverbial(
        QStringLiteral("^(?:(?:on|in|at|late|early|earlier|later|meanwhile|separately|however|(?-i:[A-Z])\\w+ing)\\b[^,]{0,70},\\s*)"),
        QRegularExpression::CaseInsensitiveOption);
    struct PendingIndirect {
        Quote quote;
        QString subject;
        qsizetype at;
    };
    std::vector<PendingIndirect> pending;
    // Indirect speech in sentences without quote marks, attributed in text order with the direct
    // quotes so "the minister" can point back to someone who spoke indirectly: "<speaker> said that <clause>".
    static const QRegularExpression indirect(
        QStringLiteral("^(.{2,120}?)\\s+(?:(?:also|had|has|further|later)\\s+)?(?:said|told\\s+[\\w\\s]{1,30}?|stated|claimed|"
                       "announced|confirmed|added|alleged|insisted|warned)\\s+that\\s+(.{12,})$"));
    for (const Sentence& sentence : sentences) {
        const QStringView s = text.mid(sentence.start, sentence.end - sentence.start);
        if (s.contains(u'"') || s.contains(u'\u201C') || s.contains(u'\u201D') || !s.contains(u" that "))
            continue;
        const auto m = indirect.match(s.toString());
        if (!m.hasMatch())
            continue;
        QString subject = m.captured(1);
        qsizetype subjectStart = sentence.start + m.capturedStart(1);
        if (const auto adv = leadingAdverbial.match(subject); adv.hasMatch()) {
            subjectStart += adv.capturedLength();
            subject = subject.mid(adv.capturedLength());
        }
        static const QRegularExpression adverbialTail(
            QStringLiteral("\\s+(?:on|in|at|during|late|early)\\s+.*$|,.*$"));
        subject.remove(adverbialTail);
        if (const auto lead = leadIn.match(subject); lead.hasMatch()) {
            subjectStart += lead.capturedLength();
            subject = subject.mid(lead.capturedLength());
        }
        if (subject.isEmpty() || wordCount(subject) > 8)
            continue;
        Quote quote;
        quote.indirect = true;
        quote.start = sentence.start + m.capturedStart(2);
        quote.end = sentence.end;
        while (quote.end > quote.start && (text[quote.end - 1] == u'.' || text[quote.end - 1].isSpace()))
            --quote.end;
        quote.text = text.mid(quote.start, quote.end - quote.start).toString();
        quote.speakerStart = subjectStart;
        quote.speakerEnd = subjectStart + subject.size();
        pending.push_back(PendingIndirect{quote, subject, sentence.start});
    }
    size_t nextPending = 0;
    auto attributeIndirectBefore = [&](qsizetype position) {
        for (; nextPending < pending.size() && pending[nextPending].at < position; ++nextPending) {
            PendingIndirect& p = pending[nextPending];
            p.quote.speaker = resolver.resolve(p.subject, p.at);
            resolver.noteSpeaker(p.quote.speaker, p.at);
            result.push_back(p.quote);
        }
    };
    const std::vector<RawQuote> raw = scanQuotes(text);
    for (size_t q = 0; q < raw.size(); ++q) {
        const RawQuote& r = raw[q];
        attributeIndirectBefore(r.open);
        const QString words = r.text.trimmed();
        if (wordCount(words) < 3 || looksLikeName(words))
            continue;
        Quote quote;
        quote.start = r.open + 1;
        while (quote.start < r.close && text[quote.start].isSpace())
            ++quote.start;
        quote.end = r.close;
        while (quote.end > quote.start && text[quote.end - 1].isSpace())
            --quote.end;
        // Trailing punctuation inside the marks belongs to the sentence, not the speaker's words.
        while (quote.end > quote.start && (text[quote.end - 1] == u',' ))
            --quote.end;
        quote.text = r.multiParagraph ? words : text.mid(quote.start, quote.end - quote.start).toString();
        if (quote.text.endsWith(u','))
            quote.text.chop(1);

        // The words after the quote, up to the end of the sentence or the next quote.
        const qsizetype afterStart = r.close + 1;
        qsizetype afterEnd = afterStart;
        const qsizetype nextOpen = q + 1 < raw.size() ? raw[q + 1].open : text.size();
        while (afterEnd < text.size() && afterEnd < nextOpen && afterEnd - afterStart < 160 &&
               text[afterEnd] != u'\n' && text[afterEnd] != u'.' && text[afterEnd] != u';')
            ++afterEnd;
        const QString after = source.mid(afterStart, afterEnd - afterStart);
        // The words before it, back to the paragraph start or the previous quote.
        qsizetype beforeStart = paragraphStart(text, r.open);
        if (q > 0 && raw[q - 1].close + 1 > beforeStart && raw[q - 1].close < r.open)
            beforeStart = raw[q - 1].close + 1;
        const QString before = source.mid(beforeStart, r.open - beforeStart);

        QString phrase;
        qsizetype phraseStart = -1;
        QRegularExpressionMatch m;
        const QRegularExpressionMatch verbFirst = afterVerbFirst.match(after);
        // "said Abdul Karim", "said the spokesman", "said police chief Akbar Jamaldini".
        const auto hasCapital = [](const QString& phrase) {
            return std::any_of(phrase.begin(), phrase.end(), [](QChar c) { return c.isUpper(); });
        };
        if (verbFirst.hasMatch() && (hasCapital(verbFirst.captured(1)) ||
                                     verbFirst.captured(1).startsWith(QStringLiteral("the "), Qt::CaseInsensitive))) {
            m = verbFirst;
            phrase = m.captured(1);
            phraseStart = afterStart + m.capturedStart(1);
        } else if ((m = afterSpeakerFirst.match(after)).hasMatch()) {
            phrase = m.captured(1);
            phraseStart = afterStart + m.capturedStart(1);
        } else if ((m = afterAccording.match(after)).hasMatch()) {
            phrase = m.captured(1);
            phraseStart = afterStart + m.capturedStart(1);
        } else {
            // Attribution before the quote: the subject of the last speech verb in the clause.
            const qsizetype sentenceStart = std::max<qsizetype>(0, before.lastIndexOf(QRegularExpression(
                                                                       QStringLiteral("[.!?]\\s"))) + 1);
            const QString clause = before.mid(sentenceStart);
            if ((m = beforeVerb.match(clause)).hasMatch()) {
                phrase = m.captured(1);
                phraseStart = beforeStart + sentenceStart + m.capturedStart(1);
            } else if ((m = subjectOfVerb.match(clause)).hasMatch()) {
                // A fragment quoted inside reported speech: "Pakistan on Thursday said that its air
                // force conducted "precision military strikes"" -> the subject of "said".
                phrase = m.captured(1);
                phraseStart = beforeStart + sentenceStart + m.capturedStart(1);
            }
        }
        // A phrase may begin with a clause the regex swallowed ("and the minister"); keep its tail.
        if (const auto lead = leadIn.match(phrase); lead.hasMatch()) {
            phraseStart += lead.capturedLength();
            phrase = phrase.mid(lead.capturedLength());
        }
        if (const auto adv = leadingAdverbial.match(phrase); adv.hasMatch()) {
            phraseStart += adv.capturedLength();
            phrase = phrase.mid(adv.capturedLength());
        }
        // Appositions: "Rasheed's brother, Abdul Wahid" and "Mumtaz Baloch, a spokeswoman" both name
        // the person; keep the part that is a name, else the first part.
        if (phrase.contains(u',')) {
            const QStringList parts = phrase.split(u',');
            QString chosen = parts.first().trimmed();
            for (const QString& part : parts) {
                const QStringList words = part.trimmed().split(u' ', Qt::SkipEmptyParts);
                const bool name = words.size() >= 2 && std::all_of(words.begin(), words.end(), [](const QString& w) {
                                      return w.front().isUpper();
                                  });
                if (name) {
                    chosen = part.trimmed();
                    break;
                }
            }
            phraseStart += phrase.indexOf(chosen);
            phrase = chosen;
        }
        static const QRegularExpression adverbial(QStringLiteral("\\s+(?:on|in|at|during|from|for|to|after)\\s+.*$"),
                                                  QRegularExpression::CaseInsensitiveOption);
        if (!SpeakerResolver::isDocumentReference(phrase))
            phrase.remove(adverbial);

        // A dateline's city in capitals ("QUETTA") is never the speaker; acronyms (ISPR, BLA) are short.
        if (!phrase.contains(u' ') && phrase.size() > 5 && phrase == phrase.toUpper())
            phrase.clear();
        QString speaker;
        static const QRegularExpression groupReference(
            QStringLiteral("^(?:the|a)\\s+(?:\\w+\\s+)?(?:group|outfit|organisation|organization|militants)$"),
            QRegularExpression::CaseInsensitiveOption);
        if (groupReference.match(phrase).hasMatch()) {
            // "the group said": the armed group named last before the quote.
            for (auto it = groups.rbegin(); it != groups.rend() && speaker.isEmpty(); ++it) {
                if (it->position < r.open)
                    speaker = it->name;
            }
        }
        if (!speaker.isEmpty()) {
            quote.speakerStart = phraseStart;
            quote.speakerEnd = phraseStart + phrase.size();
        } else if (!phrase.isEmpty()) {
            speaker = resolver.resolve(phrase, r.open);
            quote.speakerStart = phraseStart;
            quote.speakerEnd = phraseStart + phrase.size();
        } else if (!result.empty() && result.back().end >= paragraphStart(text, r.open) - 2 &&
                   result.back().end < r.open) {
            // An unattributed quote right after an attributed one continues the same voice.
            speaker = result.back().speaker;
        }
        quote.speaker = speaker;
        resolver.noteSpeaker(speaker, r.open);
        const QChar last = quote.text.isEmpty() ? QChar() : quote.text.back();
        const bool fullSentence = last == u'.' || last == u'!' || last == u'?' || quote.text.front().isUpper();
        quote.partial = !fullSentence && !r.multiParagraph;
        result.push_back(quote);
    }

    attributeIndirectBefore(text.size());
    std::sort(result.begin(), result.end(), [](const Quote& a, const Quote& b) { return a.start < b.start; });
    return result;
}

} // namespace makran
