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

// The characters isOpening() can accept.
bool isQuoteMark(QChar c)
{
    return c == u'"' || c == u'\u201C' || c == u'\u00AB' || c == u'\u2018';
}

bool isOpening(QStringView text, qsizetype i)
{
    const QChar c = text[i];
    if (c == u'\u201C' || c == u'\u00AB')
        return true;
    if (c != u'"' && c != u'\u2018') // British single quotes: \u2018 opens, \u2019 closes
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
        // Most characters are no quote mark at all: rule them out before looking at their neighbours.
        if (!isQuoteMark(text[i]) || !isOpening(text, i)) {
            ++i;
            continue;
        }
        RawQuote quote{i, -1, QString()};
        // A single quote closes only a single quote; inside double quotes \u2019 stays an apostrophe.
        const bool single = text[i] == u'\u2018';
        auto closes = [&](qsizetype at) {
            if (!single)
                return isClosing(text, at);
            return text[at] == u'\u2019' && (at + 1 >= n || !text[at + 1].isLetterOrNumber());
        };
        qsizetype j = i + 1;
        QString words;
        while (j < n) {
            if (text[j] == u'\n') {
                // A quote continued in the next paragraph re-opens it with a quote mark.
                qsizetype k = j;
                while (k < n && text[k].isSpace())
                    ++k;
                if (k < n && isOpening(text, k) && (text[k] == u'\u2018') == single && !words.trimmed().isEmpty()) {
                    words += u' ';
                    quote.multiParagraph = true;
                    j = k + 1;
                    continue;
                }
                break; // an unterminated quote ends with its paragraph
            }
            if (closes(j) && j > i + 1) {
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

bool isCapitalisedName(const QString& part)
{
    const QStringList words = part.trimmed().split(u' ', Qt::SkipEmptyParts);
    return words.size() >= 2 && words.size() <= 5 &&
           std::all_of(words.begin(), words.end(), [](const QString& w) { return w.front().isUpper(); });
}

// Appositions: "Rasheed's brother, Abdul Wahid" and "Mumtaz Baloch, a spokeswoman" both name the person;
// keep the part that is a name, else the first part ("A senior officer, speaking on condition ...").
void chooseApposition(QString& phrase, qsizetype& phraseStart)
{
    if (!phrase.contains(u','))
        return;
    const QStringList parts = phrase.split(u',');
    QString chosen = parts.first().trimmed();
    for (const QString& part : parts) {
        if (isCapitalisedName(part)) {
            chosen = part.trimmed();
            break;
        }
    }
    phraseStart += phrase.indexOf(chosen);
    phrase = chosen;
}

// "a shopkeeper who gave his name only as Yousef", "identified only as Karim": the name the speaker gave.
QRegularExpressionMatch givenName(const QString& words)
{
    static const QRegularExpression re(
        QStringLiteral("\\b(?:gave|giving|gives)\\s+(?:his|her|their)\\s+(?:first\\s+)?name\\s+(?:only\\s+)?as|"
                       "\\b(?:identified|named)\\s+(?:only\\s+)?as|\\basked\\s+to\\s+be\\s+(?:identified|called)\\s+"
                       "(?:only\\s+)?as"));
    static const QRegularExpression name(QStringLiteral("\\s+((?-i:[A-Z])[\\w'\u2019-]+(?:\\s+(?-i:[A-Z])[\\w'\u2019-]+){0,2})"));
    const auto m = re.match(words);
    if (!m.hasMatch())
        return {};
    return name.match(words, m.capturedEnd(), QRegularExpression::NormalMatch,
                      QRegularExpression::AnchorAtOffsetMatchOption);
}

// "Muhammad Ayub, a porter at the station, ..." opening a paragraph: the person a following quote
// paragraph without attribution belongs to.
QRegularExpressionMatch introducedPerson(const QString& paragraph)
{
    static const QRegularExpression re(
        QStringLiteral("^((?:[A-Z][\\w'\u2019-]+\\s+){1,3}[A-Z][\\w'\u2019-]+),\\s+(?:a|an|the|who)\\s"));
    return re.match(paragraph);
}

// A clause fragment ("is responsible for", "the decision was") or a denial ("No group") names nobody.
bool isNotASpeaker(const QString& phrase)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:is|was|were|are|be|been|has|have|had|did|does|no|none|nobody|not)\\b|"
                       "\\s(?:is|was|were|are)$|^(?:the\\s+)?(?:decision|move|attack|incident|report)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(phrase).hasMatch();
}

// Characters a word-class match ([\\w'\u2019.-], ",", ":") may consume; a superset of \\w also under
// Unicode rules, so a text without them cannot be part of a match.
bool mayBeInSpeakerClause(QChar c)
{
    return c.isLetterOrNumber() || c.isMark() || c.category() == QChar::Punctuation_Connector || c == u'\'' ||
           c == u'\u2019' || c == u'.' || c == u'-' || c == u',' || c == u':';
}

// Where the last `maxRuns` runs of white space of `text` begin, walking back from its end through
// characters `allowed` accepts (or white space); no match running to the end of the text with at most
// `maxRuns` white-space runs, through such characters only, can begin before it.
template <typename Allowed> qsizetype tailStart(QStringView text, qsizetype end, int maxRuns, Allowed allowed)
{
    int runs = 0;
    qsizetype i = end;
    for (; i > 0; --i) {
        const QChar c = text[i - 1];
        if (c.isSpace()) {
            const bool newRun = i == end || !text[i].isSpace();
            if (newRun && ++runs > maxRuns)
                break;
        } else if (!allowed(c)) {
            break;
        }
    }
    return i;
}

// Whether `clause` may end the way the beforeVerb expression needs: a speech verb followed by at most
// three words, "that", a comma or colon and white space. False means that expression cannot match;
// it runs at every position of the clause, which costs more than the rest of the quote search.
bool mayEndWithSpeechVerb(QStringView clause)
{
    static const QStringList verbs = kSpeechVerbs.split(u'|');
    qsizetype end = clause.size();
    while (end > 0 && (clause[end - 1].isSpace() || clause[end - 1] == u',' || clause[end - 1] == u':'))
        --end;
    // The verb lies within the last six white-space runs ("put it" has one, three words and "that"
    // one each, and one precedes the verb) among word characters only.
    const auto wordChar = [](QChar c) { return c.isLetterOrNumber() || c.isMark() || c == u'_'; };
    const QStringView tail = clause.sliced(0, end).sliced(tailStart(clause, end, 6, wordChar));
    if (std::any_of(tail.begin(), tail.end(), [](QChar c) { return c.unicode() >= 0x80; }))
        return true; // Unicode case folding: leave the answer to the expression
    // The tail is a few words long: compare at each position whose letter starts some verb.
    static const QString firstLetters = [] {
        QString letters;
        for (const QString& verb : verbs) {
            if (!letters.contains(verb.front()))
                letters += verb.front();
        }
        return letters;
    }();
    for (qsizetype i = 0; i < tail.size(); ++i) {
        if (!firstLetters.contains(tail[i].toLower()))
            continue;
        const QStringView rest = tail.sliced(i);
        for (const QString& verb : verbs) {
            if (rest.startsWith(verb, Qt::CaseInsensitive))
                return true;
        }
    }
    return false;
}

// beforeVerb's match ends at the clause's end and spans at most 26 runs of white space: after the
// subject's determiner and between its 14 words (14), before the verb part (1), "on|in" and two words
// (3), an auxiliary (1), "put it" (1), three words after the verb (3), "that" (1) and around the final
// comma (2). Where such a match can begin, with a margin for a final line break '$' may stop before.
qsizetype earliestBeforeVerbStart(QStringView clause)
{
    return tailStart(clause, clause.size(), 28, mayBeInSpeakerClause);
}

// The verbs of the anyVerb expression in findQuotes, for a test that needs no expression.
const QStringView kReportingVerbs[] = {u"said",      u"says",    u"told",   u"stated", u"claimed",
                                       u"announced", u"confirmed", u"alleged", u"insisted", u"warned",
                                       u"dismissed", u"rejected", u"denied",  u"described"};

// Whether one of `words` (exact case) starts right after a white-space character: one pass over the
// text, the starting letter checked before any comparison.
template <size_t N> bool hasWordAfterSpace(QStringView text, const QStringView (&words)[N])
{
    for (qsizetype i = 1; i < text.size(); ++i) {
        if (!text[i - 1].isSpace())
            continue;
        const QStringView rest = text.sliced(i);
        for (QStringView word : words) {
            if (word.front() == rest.front() && rest.startsWith(word))
                return true;
        }
    }
    return false;
}

bool isPronoun(QStringView word)
{
    return word.compare(u"it", Qt::CaseInsensitive) == 0 || word.compare(u"he", Qt::CaseInsensitive) == 0 ||
           word.compare(u"she", Qt::CaseInsensitive) == 0 || word.compare(u"they", Qt::CaseInsensitive) == 0;
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
        QStringLiteral("^[\\s,\u2014-]*(?!(?:and|but|or|while|which|as)\\s)((?:the\\s+|a\\s+|an\\s+)?[\\w'\u2019.-]+(?:,?\\s+[\\w'\u2019.-]+){0,13}?),?\\s+"
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
        QStringLiteral("^\\s*((?:[\\w'\u2019.()-]+,?\\s+){0,11}?[\\w'\u2019.()-]+),?\\s+(?:(?:on|in)\\s+\\w+\\s+)?(?:(?:also|had|has|further|later)\\s+)?(?:") +
            kSpeechVerbs + QStringLiteral(")\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression leadingAdverbial(
        QStringLiteral("^(?:(?:on|in|at|late|early|earlier|later|meanwhile|separately|however|(?-i:[A-Z])\\w+ing)\\b[^,]{0,70},\\s*)"),
        QRegularExpression::CaseInsensitiveOption);
    // Speech acts in sentences without quote marks, attributed in text order with the direct quotes so
    // "he said" or "the minister" can point back to whoever spoke last: "<speaker> said that <clause>"
    // is also indirect speech; "<speaker> said the guards fired" only names a speaker.
    struct PendingSpeech {
        Quote quote; // indirect speech, when isQuote
        QString subject;
        qsizetype at;
        bool isQuote;
    };
    std::vector<PendingSpeech> pending;
    static const QRegularExpression indirect(
        QStringLiteral("^(.{2,160}?)\\s+(?:(?:also|had|has|further|later)\\s+)?(?:said|told\\s+[\\w\\s]{1,30}?|stated|claimed|"
                       "announced|confirmed|added|alleged|insisted|warned)\\s+that\\s+(.{12,})$"));
    static const QRegularExpression speechAct(
        QStringLiteral("^(.{2,160}?)\\s+(?:(?:also|had|has|have|further|later|then)\\s+)?(?:said|says|told|stated|claimed|"
                       "announced|confirmed|alleged|insisted|warned|dismissed|rejected|denied|described)\\b"));
    static const QRegularExpression genericSubject(
        QStringLiteral("^(?:(?:the|some|many|other|several|local|two|three)\\s+)?(?:residents|officials|witnesses|police|"
                       "doctors|sources|people|locals|relatives|villagers|authorities|analysts|activists|reports|media|"
                       "others|they|critics|elders|families|medics|rescuers)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (const Sentence& sentence : sentences) {
        const QStringView s = text.mid(sentence.start, sentence.end - sentence.start);
        if (s.contains(u'"') || s.contains(u'\u201C') || s.contains(u'\u201D'))
            continue;
        // A cheap test first: most sentences have no speech verb, and the expressions below backtrack.
        static const QRegularExpression anyVerb(QStringLiteral(
            "\\s(?:said|says|told|stated|claimed|announced|confirmed|alleged|insisted|warned|dismissed|rejected|denied|described)\\b"));
        if (!hasWordAfterSpace(s, kReportingVerbs))
            continue; // anyVerb cannot match either
        const QString sentenceText = s.toString();
        if (!anyVerb.match(sentenceText).hasMatch())
            continue;
        QRegularExpressionMatch m;
        const bool isQuote = s.contains(u" that ") && (m = indirect.match(sentenceText)).hasMatch();
        if (!isQuote && !(m = speechAct.match(sentenceText)).hasMatch())
            continue;
        QString subject = m.captured(1);
        qsizetype subjectStart = sentence.start + m.capturedStart(1);
        if (const auto adv = leadingAdverbial.match(subject); adv.hasMatch()) {
            subjectStart += adv.capturedLength();
            subject = subject.mid(adv.capturedLength());
        }
        if (wordCount(subject) > 14)
            continue; // "Several of the wounded were in critical condition ..., doctors said"
        chooseApposition(subject, subjectStart);
        static const QRegularExpression adverbialTail(
            QStringLiteral("\\s+(?:on|in|at|during|late|early)\\s+.*$|,.*$"));
        subject.remove(adverbialTail);
        if (const auto lead = leadIn.match(subject); lead.hasMatch()) {
            subjectStart += lead.capturedLength();
            subject = subject.mid(lead.capturedLength());
        }
        if (subject.isEmpty() || wordCount(subject) > 11 || isNotASpeaker(subject) ||
            (!isQuote && genericSubject.match(subject).hasMatch()))
            continue;
        Quote quote;
        if (isQuote) {
            quote.indirect = true;
            quote.start = sentence.start + m.capturedStart(2);
            quote.end = sentence.end;
            while (quote.end > quote.start && (text[quote.end - 1] == u'.' || text[quote.end - 1].isSpace()))
                --quote.end;
            quote.text = text.mid(quote.start, quote.end - quote.start).toString();
            quote.speakerStart = subjectStart;
            quote.speakerEnd = subjectStart + subject.size();
        }
        pending.push_back(PendingSpeech{quote, subject, sentence.start, isQuote});
    }
    size_t nextPending = 0;
    struct SpokenAt {
        qsizetype at;
        QString speaker;
    };
    std::vector<SpokenAt> speechActs; // who spoke (in reported speech) where, for quote paragraphs after it
    auto attributeIndirectBefore = [&](qsizetype position) {
        for (; nextPending < pending.size() && pending[nextPending].at < position; ++nextPending) {
            PendingSpeech& p = pending[nextPending];
            const QString speaker = resolver.resolve(p.subject, p.at);
            resolver.noteSpeaker(speaker, p.at);
            if (!speaker.isEmpty())
                speechActs.push_back(SpokenAt{p.at, speaker});
            if (p.isQuote) {
                p.quote.speaker = speaker;
                result.push_back(p.quote);
            }
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
        static const QRegularExpression determinerFirst(QStringLiteral("^(?:the|a|an|one)\\s"),
                                                        QRegularExpression::CaseInsensitiveOption);
        if (verbFirst.hasMatch() &&
            (hasCapital(verbFirst.captured(1)) || determinerFirst.match(verbFirst.captured(1)).hasMatch())) {
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
            static const QRegularExpression sentenceEnd(QStringLiteral("[.!?]\\s")); // compiled once, not per quote
            const qsizetype sentenceStart = std::max<qsizetype>(0, before.lastIndexOf(sentenceEnd) + 1);
            qsizetype clauseOffset = sentenceStart;
            QString clause = before.mid(sentenceStart);
            // "In a statement posted online, Jaish al-Adl said ...": the subject follows the adverbial.
            if (const auto adv = leadingAdverbial.match(clause); adv.hasMatch()) {
                clauseOffset += adv.capturedLength();
                clause = clause.mid(adv.capturedLength());
            }
            // "... in what it described as": the pronoun right before the verb is the subject.
            static const QRegularExpression pronounBeforeVerb(
                QStringLiteral("\\b(it|he|she|they)\\s+(?:(?:also|had|has|then)\\s+)?(?:") + kSpeechVerbs +
                    QStringLiteral(")(?:\\s+\\w+){0,3}?(?:\\s+that)?\\s*[,:]?\\s*$"),
                QRegularExpression::CaseInsensitiveOption);
            if ((m = pronounBeforeVerb.match(clause)).hasMatch()) {
                phrase = m.captured(1);
                phraseStart = beforeStart + clauseOffset + m.capturedStart(1);
            } else if (mayEndWithSpeechVerb(clause) &&
                       (m = beforeVerb.match(clause, earliestBeforeVerbStart(clause))).hasMatch()) {
                phrase = m.captured(1);
                phraseStart = beforeStart + clauseOffset + m.capturedStart(1);
            } else if ((m = subjectOfVerb.match(clause)).hasMatch()) {
                // A fragment quoted inside reported speech: "Pakistan on Thursday said that its air
                // force conducted "precision military strikes"" -> the subject of "said".
                phrase = m.captured(1);
                phraseStart = beforeStart + clauseOffset + m.capturedStart(1);
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
        // "... in what it described as": a pronoun right before the verb is the subject.
        if (const qsizetype space = phrase.lastIndexOf(u' '); space > 0 && isPronoun(QStringView(phrase).mid(space + 1))) {
            phraseStart += space + 1;
            phrase = phrase.mid(space + 1);
        }
        chooseApposition(phrase, phraseStart);
        static const QRegularExpression oneOfThe(QStringLiteral("^one\\s+of\\s+the\\s+"),
                                                 QRegularExpression::CaseInsensitiveOption);
        if (const auto one = oneOfThe.match(phrase); one.hasMatch()) {
            phraseStart += one.capturedLength();
            phrase = phrase.mid(one.capturedLength());
        }
        static const QRegularExpression adverbial(
            QStringLiteral("(?<!spokesman|spokeswoman|spokesperson|official)\\s+(?:on|in|at|during|from|for|to|after)\\s+.*$"),
                                                  QRegularExpression::CaseInsensitiveOption);
        if (!SpeakerResolver::isDocumentReference(phrase))
            phrase.remove(adverbial);

        // A dateline's city in capitals ("QUETTA") is never the speaker; acronyms (ISPR, BLA) are short.
        if (!phrase.contains(u' ') && phrase.size() > 5 && phrase == phrase.toUpper())
            phrase.clear();
        if (isNotASpeaker(phrase))
            phrase.clear();
        QString speaker;
        const qsizetype clauseStart = std::max<qsizetype>(0, before.lastIndexOf(u'.') + 1);
        QRegularExpressionMatch named = givenName(after);
        qsizetype namedOffset = afterStart;
        if (!named.hasMatch()) {
            named = givenName(before.mid(clauseStart));
            namedOffset = beforeStart + clauseStart;
        }
        if (named.hasMatch()) {
            speaker = named.captured(1);
            phrase = speaker;
            phraseStart = namedOffset + named.capturedStart(1);
        }
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
        } else if (const qsizetype paragraph = paragraphStart(text, r.open); paragraph == r.open && paragraph > 1) {
            // A quote paragraph without attribution speaks for whoever the paragraph before had speak or
            // introduced ("ISPR said in a statement that ..." / "Muhammad Ayub, a porter, ...").
            const qsizetype previous = paragraphStart(text, paragraph - 2);
            for (auto it = speechActs.rbegin(); it != speechActs.rend() && speaker.isEmpty(); ++it) {
                if (it->at >= previous && it->at < paragraph)
                    speaker = it->speaker;
            }
            if (speaker.isEmpty()) {
                if (const auto intro = introducedPerson(source.mid(previous, paragraph - previous)); intro.hasMatch())
                    speaker = intro.captured(1);
            }
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
