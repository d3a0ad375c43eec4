#include "extract/rolespeakers.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <utility>
#include <vector>

namespace makran {

namespace {

// Words that name an office, a trade or a relation rather than a person.
bool isRoleWord(const QString& word)
{
    static const QSet<QString> words = {
        QStringLiteral("spokesperson"), QStringLiteral("spokesman"),   QStringLiteral("spokeswoman"),
        QStringLiteral("secretary"),    QStringLiteral("additional"),  QStringLiteral("superintendent"),
        QStringLiteral("senior"),       QStringLiteral("police"),      QStringLiteral("judge"),
        QStringLiteral("shopkeeper"),   QStringLiteral("resident"),    QStringLiteral("commander"),
        QStringLiteral("officer"),      QStringLiteral("official"),    QStringLiteral("minister"),
        QStringLiteral("chief"),        QStringLiteral("governor"),    QStringLiteral("deputy"),
        QStringLiteral("commissioner"), QStringLiteral("inspector"),   QStringLiteral("general"),
        QStringLiteral("director"),     QStringLiteral("coas"),        QStringLiteral("chairman"),
        QStringLiteral("head"),         QStringLiteral("leader"),      QStringLiteral("uncle"),
        QStringLiteral("father"),       QStringLiteral("mother"),      QStringLiteral("brother"),
        QStringLiteral("sister"),       QStringLiteral("relative"),    QStringLiteral("witness"),
        QStringLiteral("lawyer"),       QStringLiteral("prosecutor"),  QStringLiteral("trader"),
        QStringLiteral("driver"),       QStringLiteral("teacher"),     QStringLiteral("doctor"),
        QStringLiteral("superintendent"), QStringLiteral("ssp"),       QStringLiteral("dc"),
        QStringLiteral("dpo"),          QStringLiteral("igp"),         QStringLiteral("district"),
        QStringLiteral("provincial"),   QStringLiteral("foreign"),     QStringLiteral("office"),
        QStringLiteral("medical"),      QStringLiteral("of"),          QStringLiteral("for"),
        QStringLiteral("the"),          QStringLiteral("a"),           QStringLiteral("an"),
        QStringLiteral("brothers"),     QStringLiteral("army"),        QStringLiteral("staff"),
        QStringLiteral("activist"),     QStringLiteral("elder"),       QStringLiteral("cleric")};
    return words.contains(word);
}

QStringList wordsOf(const QString& phrase)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\w]+"));
    QStringList words = phrase.toLower().replace(QStringLiteral("'s"), QString()).split(nonWord, Qt::SkipEmptyParts);
    return words;
}

// "Spokesperson", "the Senior Superintendent of Police", "COAS", "brothers' uncle": a role, not a name.
bool isRole(const QString& speaker)
{
    const QStringList words = wordsOf(speaker);
    return !words.isEmpty() && std::all_of(words.begin(), words.end(), isRoleWord);
}

// The word of a role phrase to look for in the text: its last office word ("secretary", "spokesperson").
QString headOf(const QString& speaker)
{
    const QStringList words = wordsOf(speaker);
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
        if (*it != u"of" && *it != u"for" && *it != u"the" && *it != u"a" && *it != u"an" && *it != u"police")
            return *it;
    }
    return words.isEmpty() ? QString() : words.back();
}

// "took part", "terrorists belonged", "protesters had been", "and": words left from a sentence, no name.
bool isLeftoverWords(const QString& speaker)
{
    static const QRegularExpression verbs(QStringLiteral(
        "\\b(?:had|has|have|been|was|were|is|are|did|does|took|belonged|mention)\\b|\\d\\d?:\\d\\d|\\band$"));
    return !speaker.isEmpty() && (speaker.front().isLower() || speaker.front().isDigit()) && verbs.match(speaker).hasMatch();
}

// "Chief Minister Sarfraz Bugti" -> "Sarfraz Bugti": office words before a name are not part of it.
QString withoutOffice(const QString& name)
{
    static const QSet<QString> extra = {QStringLiteral("prime"),    QStringLiteral("caretaker"), QStringLiteral("interior"),
                                        QStringLiteral("home"),     QStringLiteral("federal"),   QStringLiteral("president"),
                                        QStringLiteral("senator"),  QStringLiteral("opposition"), QStringLiteral("former")};
    QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    while (words.size() > 2 && (isRoleWord(words.front().toLower()) || extra.contains(words.front().toLower())))
        words.removeFirst();
    return words.join(u' ');
}

const QString kName = QStringLiteral(
    "((?:(?:Maulana|Molvi|Molavi|Haji|Mir|Sardar|Qari|Mufti|Nawab)\\s+)?[A-Z][a-z'\\-]+(?:[ -](?:ul-|al-|ud-)?[A-Z][a-z'\\-]+){1,4})");

// The person named in the role at `head`, in the text before `before`: "Spokesperson Shafqat Ali Khan",
// "Senior Superintendent of Police (SSP) Naseerabad, Zahid Hussain Sherani", "Abdul Hadi, a shopkeeper".
QString personInRole(QStringView text, const QString& head, qsizetype before)
{
    if (head.isEmpty())
        return {};
    static const QRegularExpression after(
        QStringLiteral("^\\)?(?:\\s*\\([^)]{1,25}\\))?(?:\\s+[A-Z][a-z]+)?,?\\s+"
                       "(?:(?:General|Gen\\.|Lt\\.?|Major|Colonel|Col\\.|Brigadier|Dr\\.?|Mr\\.?|Justice|Judge)\\s+)?") + kName);
    static const QRegularExpression beforeRole(kName + QStringLiteral(",\\s+(?:the|a|an)\\s+[^,.;\"\u201C\u201D]{0,60}$"));
    const QString lowerText = text.left(before).toString().toLower();
    const QRegularExpression headWord(QStringLiteral("\\b") + QRegularExpression::escape(head) + QStringLiteral("\\b"));
    // Every mention of the office, read once; the twelve nearest the quote are tried, nearest first.
    std::vector<std::pair<qsizetype, qsizetype>> mentions;
    for (auto it = headWord.globalMatch(lowerText); it.hasNext();) {
        const QRegularExpressionMatch hit = it.next();
        mentions.emplace_back(hit.capturedStart(), hit.capturedEnd());
    }
    const size_t tries = std::min<size_t>(mentions.size(), 12);
    for (auto it = mentions.rbegin(); it != mentions.rbegin() + qsizetype(tries); ++it) {
        const auto [start, end] = *it;
        if (const auto m = after.match(text.mid(end, 90)); m.hasMatch() && !isRoleWord(m.captured(1).section(u' ', 0, 0).toLower()))
            return m.captured(1);
        const qsizetype from = std::max<qsizetype>(0, start - 110);
        if (const auto m = beforeRole.match(text.mid(from, start - from)); m.hasMatch() &&
                                                                          !isRoleWord(m.captured(1).section(u' ', 0, 0).toLower()))
            return m.captured(1);
    }
    return {};
}

// "Station House Officer Tump", "SSP Naseerabad", "DC Kech": a place named as the seat of an office.
bool isPostOf(QStringView text, const QString& place, qsizetype before)
{
    const QRegularExpression post(QStringLiteral("\\b(?:SHO|DSP|SP|SSP|DC|DPO|Officer|Commissioner|Superintendent)\\s+") +
                                  QRegularExpression::escape(place) + QStringLiteral("\\b"));
    return post.match(text.left(before)).hasMatch();
}

// "the statement", "the group's spokesman": the organisation named last before the quote.
QString issuingOrganisation(const std::vector<ActorMention>& actors, qsizetype before, bool militantOnly)
{
    const ActorEntry* found = nullptr;
    for (const ActorMention& actor : actors) {
        if (actor.start >= before)
            break;
        const ActorEntry* entry = actor.candidates.front();
        const bool speaks = entry->kind == u"militant" || (!militantOnly && (entry->kind == u"military" ||
                                                                            entry->kind == u"police" ||
                                                                            entry->kind == u"government"));
        if (speaks && entry->name != u"Unidentified Armed Group" && before - actor.start < 2500)
            found = entry;
    }
    return found ? found->name : QString();
}

// A quote nobody was found for, right after one whose speaker is known and with no other voice between:
// '"...," Musakhel told the agency. "...," he said.'
void inheritFromPreviousQuote(QStringView text, std::vector<Quote>& quotes)
{
    for (size_t i = 1; i < quotes.size(); ++i) {
        Quote& quote = quotes[i];
        const Quote& previous = quotes[i - 1];
        if (!quote.speaker.isEmpty() || previous.speaker.isEmpty() || previous.end > quote.start ||
            quote.start - previous.end > 160)
            continue;
        const QStringView between = text.mid(qsizetype(previous.end), qsizetype(quote.start - previous.end));
        if (between.contains(u'\n'))
            continue; // another paragraph may bring another voice
        // Only pronouns or the same speaker between: "he said", "she added", "Musakhel said".
        static const QRegularExpression otherVoice(QStringLiteral("\\b[A-Z][a-z]+\\s+(?:said|told|added)\\b"));
        const auto m = otherVoice.match(between);
        if (m.hasMatch() && !previous.speaker.contains(m.captured().section(u' ', 0, 0)))
            continue;
        quote.speaker = previous.speaker;
    }
}

// '... condemned what he called "a cowardly and inhuman act"': the person the sentence is about.
void creditNamedSubject(QStringView text, std::vector<Quote>& quotes)
{
    static const QRegularExpression called(QStringLiteral("\\bwhat (?:he|she|they|it) (?:called|described as|termed)\\s*[\"\u201C]?$"));
    static const QRegularExpression name(kName);
    for (Quote& quote : quotes) {
        if (!quote.speaker.isEmpty())
            continue;
        const qsizetype start = qsizetype(quote.start);
        const qsizetype from = std::max<qsizetype>(0, start - 200);
        const QString before = text.mid(from, start - from).toString();
        if (!called.match(before).hasMatch())
            continue;
        const qsizetype sentenceStart = std::max(before.lastIndexOf(QStringLiteral(". ")), before.lastIndexOf(u'\n')) + 1;
        QString last;
        for (auto it = name.globalMatch(QStringView(before).mid(sentenceStart)); it.hasNext();)
            last = it.next().captured(1);
        last = withoutOffice(last);
        if (!last.isEmpty() && !isRoleWord(last.section(u' ', 0, 0).toLower()))
            quote.speaker = last;
    }
}

// '"...," said his son, Naseer Ahmed': the name in apposition after an inverted "said".
void creditInvertedApposition(QStringView text, std::vector<Quote>& quotes)
{
    static const QRegularExpression inverted(QStringLiteral("^[\\s,.\u2019\u201D\"]*(?:said|added|says)\\s+(?:his|her|their|the)\\s+"
                                                            "[a-z][a-z\\s'-]{1,30},\\s+") + kName);
    for (Quote& quote : quotes) {
        if (!quote.speaker.isEmpty())
            continue;
        const auto m = inverted.match(text.mid(qsizetype(quote.end), 90));
        if (m.hasMatch())
            quote.speaker = m.captured(1);
    }
}

} // namespace

void resolveRoleSpeakers(QStringView text, const std::vector<ActorMention>& actors,
                         const std::vector<PlaceMention>& places, const QString& reportSource, std::vector<Quote>& quotes)
{
    for (Quote& quote : quotes) {
        if (isLeftoverWords(quote.speaker)) {
            quote.speaker.clear();
            continue;
        }
        const QString lower = quote.speaker.toLower();
        const qsizetype at = qsizetype(quote.start);
        if (lower == u"statement" || lower == u"group's statement" || lower == u"group's spokesman" ||
            lower == u"group\u2019s spokesman" || lower == u"group's spokesperson") {
            // A report that is itself a statement ("Public statement – 29 November 2024") speaks for its outlet.
            const QStringView header = text.left(300);
            const bool reportIsStatement = header.contains(QStringLiteral("statement"), Qt::CaseInsensitive) ||
                                           header.contains(QStringLiteral("press release"), Qt::CaseInsensitive);
            if (lower == u"statement" && reportIsStatement && !reportSource.isEmpty())
                quote.speaker = reportSource;
            else if (const QString org = issuingOrganisation(actors, at, lower.startsWith(u"group")); !org.isEmpty())
                quote.speaker = org;
            continue;
        }
        // "A resident of a village near Mand, who gave his name only as Qadir, said ...".
        static const QRegularExpression onlyAs(QStringLiteral(",?\\s+who gave (?:his|her) name (?:only )?as ([A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?)"));
        if (const qsizetype named = text.left(at).lastIndexOf(quote.speaker); named >= 0) {
            if (const auto m = onlyAs.match(text.mid(named + quote.speaker.size(), 80));
                m.hasMatch() && m.capturedStart() == 0) {
                quote.speaker = m.captured(1);
                continue;
            }
        }
        // "Station House Officer Tump, Abdul Ghafoor Dashti, told ...": a place read as the speaker names
        // the post of the person after it.
        const bool placeName = !quote.speaker.isEmpty() && quote.speaker.front().isUpper() &&
                               std::any_of(places.begin(), places.end(), [&](const PlaceMention& place) {
                                   return place.end - place.start == quote.speaker.size() &&
                                          text.mid(place.start, place.end - place.start) == quote.speaker;
                               }) &&
                               isPostOf(text, quote.speaker, at);
        if (!isRole(quote.speaker) && !placeName)
            continue;
        // The whole role phrase first ("Senior Superintendent of Police (SSP) Naseerabad, Zahid Hussain
        // Sherani"), then its office word.
        static const QRegularExpression article(QStringLiteral("^(?:the|a|an) "));
        QString person = placeName ? QString() : personInRole(text, quote.speaker.toLower().remove(article), at);
        if (person.isEmpty())
            person = personInRole(text, placeName ? quote.speaker.toLower() : headOf(quote.speaker), at);
        if (!person.isEmpty())
            quote.speaker = person;
    }
    creditNamedSubject(text, quotes);
    creditInvertedApposition(text, quotes);
    inheritFromPreviousQuote(text, quotes);
}

} // namespace makran
