#include "extract/speakerresolver.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

namespace makran {

namespace {

const QString kTitleWords = QStringLiteral(
    "minister|spokesperson|spokesman|spokeswoman|governor|commander|official|officer|chief|president|"
    "director|inspector|general|colonel|deputy|secretary|ambassador|senator|leader|prosecutor|"
    "superintendent|commissioner|police chief|head|envoy|analyst|lawmaker|mp|mna|mpa|activist|"
    "chairman|chairperson|founder|resident|shopkeeper|brother|sister|father|mother|son|daughter|wife|husband|"
    "cousin|uncle|relative|witness|doctor|surgeon|journalist|reporter|correspondent|cleric|elder|"
    "prime minister|interior minister|foreign minister|home minister|chief minister|coordinator|representative|"
    "driver|porter|mourner|protester|trader|teacher|schoolteacher|farmer|student|worker|villager|survivor|owner|"
    "manager|guard|policeman|engineer|labourer|neighbour|friend|imam|nurse|paramedic|lawyer|councillor|medic|"
    "ssp|sp|dig|igp|sho|dpo|commandant|sepoy|major|captain|brigadier|lieutenant|molvi|maulana|molavi");

// Words that make a capitalised name an organisation rather than a person.
bool hasOrganisationWord(QStringView name)
{
    static const QRegularExpression re(
        QStringLiteral("\\b(?:ministry|office|department|army|corps|front|committee|government|brigade|guards|police|"
                       "agency|council|party|forces?|movement|organi[sz]ation|group|base|command|headquarters|wing|"
                       "relations|liberation|jaish|taliban|state|republic|authority|court|commission|union|"
                       "association|league|tehreek|tehrik|statement|media|news|agency|television|radio)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(name.toString()).hasMatch();
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// Whitespace as QRegularExpression's \\s sees it in ASCII text.
bool isAsciiSpace(QChar c)
{
    return c == u' ' || (c >= u'\t' && c <= u'\r');
}

// A short word in lower case; ASCII (nearly every word) is lowered into a stack buffer and wrapped
// without a heap allocation, other text takes QString::toLower. The result is valid while the
// buffer is, so it is only for immediate lookups.
class LowerCased {
public:
    explicit LowerCased(QStringView word)
    {
        if (word.size() <= qsizetype(std::size(m_buffer)) && isAscii(word)) {
            for (qsizetype i = 0; i < word.size(); ++i) {
                const char16_t c = word[i].unicode();
                m_buffer[i] = c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
            }
            m_text = QString::fromRawData(reinterpret_cast<const QChar*>(m_buffer), word.size());
        } else {
            m_text = word.toString().toLower();
        }
    }
    LowerCased(const LowerCased&) = delete; // m_text may point into m_buffer
    LowerCased& operator=(const LowerCased&) = delete;
    operator const QString&() const { return m_text; }

private:
    char16_t m_buffer[24]; // the longest title, "interior minister", fits
    QString m_text;
};

const QStringList& titleList()
{
    static const QStringList titles = kTitleWords.split(u'|');
    return titles;
}

const QSet<QString>& titleSet()
{
    static const QSet<QString> titles(titleList().begin(), titleList().end());
    return titles;
}

// `text` is a title word or phrase ("minister", "Police Chief"), as "^(?:kTitleWords)$" would say.
// Only for ASCII text without line breaks, where case folding and '$' need no Unicode care.
bool isTitleAscii(QStringView text)
{
    return titleSet().contains(LowerCased(text));
}

// `text` ends with a title after the start or a space, as "(?:^|\\s)(?:kTitleWords)$" would say (ASCII
// text without a final line break only): the text after each of its last spaces is looked up, as far
// back as the longest title reaches.
bool endsWithTitleAscii(QStringView text)
{
    static const qsizetype longest = std::max_element(titleList().begin(), titleList().end(), [](const QString& a, const QString& b) {
                                         return a.size() < b.size();
                                     })->size();
    for (qsizetype start = text.size() - 1; start >= 0 && text.size() - start <= longest; --start) {
        if ((start == 0 || isAsciiSpace(text[start - 1])) && isTitleAscii(text.sliced(start)))
            return true;
    }
    return false;
}

// "police chief", "truck driver", "deputy governor for security affairs": a role held by a person.
bool namesRole(QStringView name)
{
    static const QRegularExpression end(QStringLiteral("(?:^|\\s)(?:") + kTitleWords + QStringLiteral(")$"),
                                        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression inside(QStringLiteral("(?:^|\\s)(?:") + kTitleWords + QStringLiteral(")\\s+(?:for|of)\\s"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QString text = name.toString();
    // The long alternation is tried at every position; plain ASCII names are compared by hand.
    const bool endsWithTitle = isAscii(text) && !text.endsWith(u'\n') ? endsWithTitleAscii(text)
                                                                      : end.match(text).hasMatch();
    return endsWithTitle || (!text.front().isUpper() && inside.match(text).hasMatch());
}

// The organisation named last before `position` whose name ends in `head` ("ministry" -> "Intelligence
// Ministry"), for "the ministry's statement" when the ministry was named in full earlier.
QString organisationWithHead(const QString& source, QStringView head, qsizetype position)
{
    // Capitalised runs of words, compiled once; the head is compared by hand.
    static const QRegularExpression run(QStringLiteral("\\b((?:[A-Z][\\w-]*\\s+){1,4}[A-Z][\\w-]*)\\b"));
    QString found;
    for (auto it = run.globalMatch(QStringView(source).left(position)); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (name.section(u' ', -1).compare(head, Qt::CaseInsensitive) == 0 && !name.startsWith(QStringLiteral("The ")))
            found = name;
    }
    return found;
}

// "statement", "release", "communiqu", "message", "post" and "handout" in the text, left to right and
// not overlapping: where a statement's issuer may be named. (A regular expression tried all six at
// every character; these words' first letters tell at once which one can start at a position.)
struct StatementWord {
    qsizetype start;
    qsizetype end;
};
// The one of the words below that can start with `c` (their first letters differ), or an empty view.
QStringView statementWordStartingWith(QChar c)
{
    static constexpr QStringView words[] = {u"statement", u"release", u"communiqu", u"message", u"post", u"handout"};
    switch (c.unicode()) {
    case u's': return words[0];
    case u'r': return words[1];
    case u'c': return words[2];
    case u'm': return words[3];
    case u'p': return words[4];
    case u'h': return words[5];
    default: return {};
    }
}

std::vector<StatementWord> statementWords(QStringView text)
{
    std::vector<StatementWord> hits;
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n;) {
        const QStringView word = statementWordStartingWith(text[i]);
        // The second letter rules out most starts before the full comparison.
        if (!word.isEmpty() && i + 1 < n && text[i + 1] == word[1] && text.sliced(i).startsWith(word)) {
            hits.push_back(StatementWord{i, i + word.size()});
            i += word.size();
        } else {
            ++i;
        }
    }
    return hits;
}

bool capitalAfterSpaces(QStringView text, qsizetype at)
{
    qsizetype i = at;
    while (i < text.size() && text[i].isSpace())
        ++i;
    return i > at && i < text.size() && text[i] >= u'A' && text[i] <= u'Z';
}

bool isDeterminer(QStringView word)
{
    return word.compare(u"the", Qt::CaseInsensitive) == 0 || word.compare(u"a", Qt::CaseInsensitive) == 0 ||
           word.compare(u"an", Qt::CaseInsensitive) == 0 || word.compare(u"its", Qt::CaseInsensitive) == 0 ||
           word.compare(u"his", Qt::CaseInsensitive) == 0 || word.compare(u"her", Qt::CaseInsensitive) == 0 ||
           word.compare(u"their", Qt::CaseInsensitive) == 0;
}

} // namespace

QString cleanSpeakerPhrase(QStringView phrase)
{
    QStringList words = phrase.toString().simplified().split(u' ', Qt::SkipEmptyParts);
    while (!words.isEmpty() && (isDeterminer(words.first()) || words.first().endsWith(u',')))
        words.removeFirst();
    for (QString& word : words) {
        if (word.endsWith(QStringLiteral("'s")) || word.endsWith(QStringLiteral("\u2019s")))
            continue;
        while (!word.isEmpty() && (word.back() == u',' || word.back() == u'.'))
            word.chop(1);
    }
    // A name after a title is the person: "Foreign Office spokesperson Mumtaz Zahra Baloch",
    // "Pakistan's Foreign Minister Jalil Abbas Jilani" -> the name.
    static const QRegularExpression titleRe(QStringLiteral("^(?:") + kTitleWords + QStringLiteral(")$"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (qsizetype i = words.size() - 2; i >= 0; --i) {
        // Words carry no spaces after simplified(): ASCII ones are looked up in a set instead.
        const bool title = isAscii(words[i]) ? isTitleAscii(words[i]) : titleRe.match(words[i]).hasMatch();
        if (!title)
            continue;
        const QStringList name = words.mid(i + 1);
        const bool capitalised = std::all_of(name.begin(), name.end(), [](const QString& w) {
            return !w.isEmpty() && w.front().isUpper();
        });
        if (capitalised)
            return name.join(u' ');
        break;
    }
    return words.join(u' ');
}

bool SpeakerResolver::isPersonReference(QStringView phrase)
{
    static const QRegularExpression re(QStringLiteral("^(?:he|she|they|him|her)$|^(?:the|a|an)\\s+(?:[\\w'\u2019-]+\\s+){0,3}(?:") + kTitleWords +
                                           QStringLiteral(")$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re.match(phrase.trimmed().toString()).hasMatch();
}

bool SpeakerResolver::isDocumentReference(QStringView phrase)
{
    static const QRegularExpression re(
        QStringLiteral("^(?:[Ii]t|[Tt]he\\s+(?:[a-z]+\\s+)?(?:statement|release|press release|communique|communiqu\u00e9|"
                       "ministry|office|department|group|organisation|organization|army|military|agency|"
                       "report|notification|post|message|handout|government|outfit|militants|movement|"
                       "spokesman's statement))$"),
        QRegularExpression::NoPatternOption);
    return re.match(phrase.trimmed().toString()).hasMatch();
}

SpeakerResolver::SpeakerResolver(QStringView text)
{
    const QString source = text.toString();
    // "Foreign Minister Jalil Abbas Jilani", "spokesperson Mumtaz Baloch", "Governor Mansour Bijar".
    // Words are looked up in a set of title words (one hash lookup per word, far cheaper than a long
    // alternation at every position); the name after a title is read with a short anchored expression,
    // and a capitalised word before it ("Foreign Minister") is picked up by hand.
    static const QSet<QString> titleWords = [] {
        QSet<QString> words;
        for (const QString& title : kTitleWords.split(u'|'))
            words.insert(title.section(u' ', -1));
        return words;
    }();
    static const QRegularExpression nameAfter(QStringLiteral("\\s+((?:[A-Z][\\w'\u2019-]+\\s+){0,3}[A-Z][\\w'\u2019-]+)"));
    static const QRegularExpression wordBefore(QStringLiteral("([A-Z][\\w-]*)\\s+$"));
    for (qsizetype i = 0; i < source.size();) {
        if (!source[i].isLetter()) {
            ++i;
            continue;
        }
        const qsizetype wordStart = i;
        while (i < source.size() && source[i].isLetter())
            ++i;
        if (i - wordStart < 2 || i - wordStart > 14 || !titleWords.contains(LowerCased(QStringView(source).mid(wordStart, i - wordStart))))
            continue;
        if (!capitalAfterSpaces(source, i))
            continue; // nameAfter needs white space and then a capital
        const auto m = nameAfter.match(source, i, QRegularExpression::NormalMatch,
                                       QRegularExpression::AnchorAtOffsetMatchOption);
        if (!m.hasMatch())
            continue;
        QString title = source.mid(wordStart, i - wordStart);
        const qsizetype from = std::max<qsizetype>(0, wordStart - 30);
        if (const auto before = wordBefore.match(source.mid(from, wordStart - from)); before.hasMatch())
            title = before.captured(1) + u' ' + title;
        QString name = m.captured(1);
        if (name.endsWith(QStringLiteral("'s")) || name.endsWith(QStringLiteral("\u2019s")))
            name.chop(2);
        const QStringList words = name.split(u' ');
        // Names are at most four capitalised words, none a common sentence word.
        static const QSet<QString> stop = {QStringLiteral("The"), QStringLiteral("On"), QStringLiteral("In"),
                                           QStringLiteral("Said"), QStringLiteral("Told")};
        if (stop.contains(words.first()))
            continue;
        QStringList kept;
        for (const QString& word : words) {
            if (!word.front().isUpper() || stop.contains(word))
                break;
            kept << word;
        }
        if (kept.isEmpty())
            continue;
        m_people.push_back(Person{kept.join(u' '), title.toLower(), wordStart});
    }
    // "the Foreign Office said in a statement", "ISPR said in a press release".
    static const QRegularExpression issuer(
        QStringLiteral("\\b((?:the\\s+)?[A-Z][\\w-]*(?:\\s+(?:of\\s+)?[A-Z][\\w-]*){0,5}|"
                       "the\\s+(?:[A-Z]\\w+\\s+)?\\w+(?:'s|\u2019s)\\s+(?:media|press)\\s+wing)\\s+"
                       "(?:said|says|stated|added|announced|claimed)\\s+in\\s+(?:a|an|its|the)\\s+(?:\\w+\\s+){0,2}"
                       "(?:statement|release|communiqu|message|post|handout)"));
    // "a statement issued by the Intelligence Ministry", "the ministry's statement", "ISPR issued a statement".
    static const QRegularExpression issuedBy(
        QStringLiteral("\\b(?:statement|release|communiqu\\w*)\\s+(?:issued|released|posted|published)?\\s*by\\s+"
                       "((?:the\\s+)?[A-Z][\\w-]*(?:\\s+(?:of\\s+)?[A-Z][\\w-]*){0,5})|"
                       "\\b((?:the\\s+)?[A-Z][\\w-]*(?:\\s+(?:of\\s+)?[A-Z][\\w-]*){0,5})(?:'s|\u2019s)\\s+(?:\\w+\\s+)?statement|"
                       "\\b((?:the\\s+)?[A-Z][\\w-]*(?:\\s+(?:of\\s+)?[A-Z][\\w-]*){0,5})\\s+(?:issued|released|posted)\\s+a\\s+statement"));
    // "a message sent to journalists by its spokesman Jeeyand Baloch", "an IRGC statement said",
    // "the ministry's statement" (the ministry named in full earlier).
    static const QRegularExpression sentBy(
        QStringLiteral("\\b(?:statement|message|release)\\s+(?:issued|released|posted|sent|emailed)(?:\\s+to\\s+[\\w\\s]{1,20}?)?\\s+by\\s+"
                       "(?:its|their|the\\s+group's)\\s+(?:spokes\\w+|leader|commander)\\s+([A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*){0,3})|"
                       "\\b(?:[Aa]n?|[Tt]he)\\s+([A-Z][\\w-]*(?:\\s+[A-Z][\\w-]*){0,3})\\s+statement\\b|"
                       "\\b[Tt]he\\s+(ministry|office|department|army|government|group|command|committee)(?:'s|\u2019s)\\s+(?:\\w+\\s+)?statement"));
    // The three expressions above start at every capitalised word, so they run only on windows around
    // the words they end or begin with (a few per report), not over the whole text.
    for (const StatementWord& hit : statementWords(source)) {
        const qsizetype from = std::max<qsizetype>(0, hit.start - 160);
        const qsizetype to = std::min<qsizetype>(source.size(), hit.end + 160);
        const QString window = source.mid(from, to - from);
        for (auto it = issuer.globalMatch(window); it.hasNext();) {
            const auto m = it.next();
            m_issuers.push_back(Mention{cleanSpeakerPhrase(m.captured(1)), false, from + m.capturedStart()});
        }
        for (auto it = issuedBy.globalMatch(window); it.hasNext();) {
            const auto m = it.next();
            const QString name =
                !m.captured(1).isEmpty() ? m.captured(1) : !m.captured(2).isEmpty() ? m.captured(2) : m.captured(3);
            m_issuers.push_back(Mention{cleanSpeakerPhrase(name), false, from + m.capturedStart()});
        }
        for (auto it = sentBy.globalMatch(window); it.hasNext();) {
            const auto m = it.next();
            QString name = !m.captured(1).isEmpty() ? m.captured(1) : m.captured(2);
            if (!m.captured(3).isEmpty())
                name = organisationWithHead(source, m.captured(3), from + m.capturedStart());
            if (!name.isEmpty())
                m_issuers.push_back(Mention{cleanSpeakerPhrase(name), !m.captured(1).isEmpty(), from + m.capturedStart()});
        }
    }
    // Overlapping windows find some issuers twice.
    std::sort(m_issuers.begin(), m_issuers.end(), [](const Mention& a, const Mention& b) {
        return a.position != b.position ? a.position < b.position : a.name < b.name;
    });
    m_issuers.erase(std::unique(m_issuers.begin(), m_issuers.end(),
                                [](const Mention& a, const Mention& b) { return a.position == b.position && a.name == b.name; }),
                    m_issuers.end());
}

void SpeakerResolver::noteSpeaker(const QString& name, qsizetype position)
{
    if (name.isEmpty())
        return;
    // People are named people ("Abdolkarim Baloch") or roles ("the police chief", "a truck driver");
    // organisations ("Intelligence Ministry", "ISPR") speak as "it" or "the statement".
    const bool issuer = std::any_of(m_issuers.begin(), m_issuers.end(),
                                    [&](const Mention& m) { return m.name == name && !m.person; });
    const bool person = isKnownPerson(name) || namesRole(name) ||
                        (name.split(u' ').size() >= 2 && !isDocumentReference(name) && name.front().isUpper() &&
                         !issuer && !hasOrganisationWord(name));
    m_spoken.push_back(Mention{name, person, position});
}

bool SpeakerResolver::isKnownPerson(const QString& name) const
{
    return std::any_of(m_people.begin(), m_people.end(), [&](const Person& p) { return p.name == name; });
}

QString SpeakerResolver::fullNameFor(QStringView shortName) const
{
    for (auto it = m_people.rbegin(); it != m_people.rend(); ++it) {
        if (it->name == shortName || it->name.endsWith(u' ' + shortName.toString()))
            return it->name;
    }
    return shortName.toString();
}

QString SpeakerResolver::lastPerson(qsizetype position, QStringView titleWord) const
{
    // Prefer a titled person whose title contains the word ("the minister" -> "Foreign Minister X").
    if (!titleWord.isEmpty()) {
        // Someone who has already spoken and holds that title is the likeliest referent.
        for (auto it = m_spoken.rbegin(); it != m_spoken.rend(); ++it) {
            if (it->position >= position || !it->person)
                continue;
            for (const Person& p : m_people) {
                if (p.name == it->name && p.title.contains(titleWord))
                    return p.name;
            }
        }
        for (auto it = m_people.rbegin(); it != m_people.rend(); ++it) {
            if (it->position < position && it->title.contains(titleWord))
                return it->name;
        }
        // "the deputy governor" with no governor named: the words themselves are the best answer.
        return QString();
    }
    for (auto it = m_spoken.rbegin(); it != m_spoken.rend(); ++it) {
        if (it->position < position && it->person)
            return it->name;
    }
    for (auto it = m_people.rbegin(); it != m_people.rend(); ++it) {
        if (it->position < position)
            return it->name;
    }
    return QString();
}

QString SpeakerResolver::lastIssuer(qsizetype position) const
{
    const Mention* best = nullptr;
    for (const Mention& m : m_issuers) {
        if (m.position < position && (!best || m.position > best->position))
            best = &m;
    }
    for (const Mention& m : m_spoken) {
        if (m.position < position && !m.person && (!best || m.position > best->position))
            best = &m;
    }
    if (!best) {
        // "The statement, issued by the Intelligence Ministry, said ...": named just after.
        for (const Mention& m : m_issuers) {
            if (m.position >= position && m.position - position < 400)
                return m.name;
        }
    }
    return best ? best->name : QString();
}

QString SpeakerResolver::resolve(QStringView phrase, qsizetype position)
{
    const QString trimmed = phrase.toString().simplified();
    if (trimmed.isEmpty())
        return QString();
    if (isDocumentReference(trimmed)) {
        const QString issuer = lastIssuer(position);
        if (!issuer.isEmpty())
            return issuer;
        // "the ministry" with nobody named before: keep the words, they still say who spoke.
        return trimmed.compare(u"it", Qt::CaseInsensitive) == 0 ? QString() : cleanSpeakerPhrase(trimmed);
    }
    if (isPersonReference(trimmed)) {
        const QStringList words = trimmed.split(u' ');
        const QString title = words.size() > 1 ? words.last().toLower() : QString();
        const QString person = lastPerson(position, title);
        return person.isEmpty() ? (title.isEmpty() ? QString() : cleanSpeakerPhrase(trimmed)) : person;
    }
    return fullNameFor(cleanSpeakerPhrase(trimmed));
}

} // namespace makran
