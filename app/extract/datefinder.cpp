#include "extract/datefinder.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <string_view>

namespace makran {

namespace {

const QString kMonths =
    QStringLiteral("(January|February|March|April|May|June|July|August|September|October|November|December|"
                   "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?");
const QString kWeekdays = QStringLiteral("(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)");

int weekdayFromName(QStringView name)
{
    static const QStringList names = {QStringLiteral("monday"),    QStringLiteral("tuesday"),
                                      QStringLiteral("wednesday"), QStringLiteral("thursday"),
                                      QStringLiteral("friday"),    QStringLiteral("saturday"),
                                      QStringLiteral("sunday")};
    return int(names.indexOf(name.toString().toLower())) + 1;
}

bool overlaps(const std::vector<DateMention>& found, qsizetype start, qsizetype end)
{
    for (const DateMention& m : found) {
        if (start < m.end && m.start < end)
            return true;
    }
    return false;
}

// Every expression below starts with \b. QRegularExpression's \w is ASCII only, so outside ASCII
// the expression is left to decide; this only rules out positions where \b certainly fails.
bool isAsciiWordChar(char16_t c)
{
    // A table: dateStarts() asks about every character of the text and the one before it.
    static constexpr auto table = [] {
        std::array<bool, 128> word{};
        for (char16_t ch = 0; ch < 128; ++ch)
            word[ch] = (ch >= u'a' && ch <= u'z') || (ch >= u'A' && ch <= u'Z') || (ch >= u'0' && ch <= u'9') || ch == u'_';
        return word;
    }();
    return c < 128 && table[c];
}

bool mayBeWordBoundary(QStringView text, qsizetype i)
{
    const char16_t c = text[i].unicode();
    const char16_t before = i > 0 ? text[i - 1].unicode() : u' ';
    return c >= 0x80 || before >= 0x80 || isAsciiWordChar(c) != isAsciiWordChar(before);
}

// The character as a caseless match compares it with a lower-case ASCII letter: PCRE also folds
// the long s and the Kelvin sign to 's' and 'k'.
char16_t foldCaseless(char16_t c)
{
    if (c >= u'A' && c <= u'Z')
        return char16_t(c + 32);
    if (c == 0x017F)
        return u's';
    if (c == 0x212A)
        return u'k';
    return c;
}

bool startsWithCaseless(QStringView text, qsizetype at, std::u16string_view word)
{
    if (text.size() - at < qsizetype(word.size()))
        return false;
    for (size_t k = 0; k < word.size(); ++k) {
        if (foldCaseless(text[at + qsizetype(k)].unicode()) != word[k])
            return false;
    }
    return true;
}

// The matches globalMatch() would return, found by trying `re` anchored at each of `starts` (sorted,
// every position where a match can begin) instead of at every position of the text. None of the
// expressions matches the empty string, so the next search starts where a match ends.
// An expression and the same expression anchored with \G: PCRE's JIT runs \G patterns, while a
// match() with AnchorAtOffsetMatchOption falls back to its much slower interpreter.
struct DateExpression {
    QRegularExpression scan;
    QRegularExpression anchored;
    DateExpression(const QString& pattern, QRegularExpression::PatternOptions options = {})
        : scan(pattern, options), anchored(QStringLiteral("\\G(?:") + pattern + u')', options)
    {
    }
};

// Each match() would check the whole rest of the text for valid UTF-16 again; it is checked once, and
// text that fails (a stray surrogate) takes globalMatch() as before.
template <typename Found>
void matchAt(const DateExpression& re, const QString& source, bool validUtf16,
             const std::vector<qsizetype>& starts, Found found)
{
    if (!validUtf16) {
        for (auto it = re.scan.globalMatch(source); it.hasNext();)
            found(it.next());
        return;
    }
    qsizetype next = 0;
    for (const qsizetype at : starts) {
        if (at < next)
            continue;
        const QRegularExpressionMatch m =
            re.anchored.match(source, at, QRegularExpression::NormalMatch,
                              QRegularExpression::DontCheckSubjectStringMatchOption);
        if (!m.hasMatch())
            continue;
        found(m);
        next = m.capturedEnd();
    }
}

// Where each expression of findDates() can begin, sorted: every position a match can start at, and
// few others. The expressions stay the judges; these lists only spare them the rest of the text.
struct DateStarts {
    std::vector<qsizetype> iso;         // a digit with '-' four places on
    std::vector<qsizetype> month;       // a month's first three letters
    std::vector<qsizetype> day;         // a digit followed only by letters and spaces up to a month
    std::vector<qsizetype> monthOnly;   // "in", "since", "last" ... followed likewise by a month
    std::vector<qsizetype> weekday;     // a weekday or a word that may precede one, any case
    std::vector<qsizetype> relative[5]; // the first words of each relative expression, any case
};

bool isPcreSpace(char16_t c)
{
    // \s, and anything outside ASCII to be safe.
    return c == u' ' || (c >= u'\t' && c <= u'\r') || c >= 0x80;
}

// The first letter of "in", "since", "during", "early", "late", "mid-", "last", "this" or "earlier", in
// either case.
bool isMonthOnlyInitial(char16_t c)
{
    switch (c) {
    case u'i': case u's': case u'd': case u'e': case u'l': case u'm': case u't':
    case u'I': case u'S': case u'D': case u'E': case u'L': case u'M': case u'T':
        return true;
    default:
        return false;
    }
}

// A month's first three letters, as the expressions write them, at `at`.
bool isMonthPrefixAt(QStringView text, qsizetype at)
{
    static const std::u16string_view monthPrefixes[] = {u"Jan", u"Feb", u"Mar", u"Apr", u"May", u"Jun",
                                                        u"Jul", u"Aug", u"Sep", u"Oct", u"Nov", u"Dec"};
    if (text.size() - at < 3)
        return false;
    const char16_t a = text[at].unicode(), b = text[at + 1].unicode(), c = text[at + 2].unicode();
    return std::any_of(std::begin(monthPrefixes), std::end(monthPrefixes), [&](std::u16string_view prefix) {
        return prefix[0] == a && prefix[1] == b && prefix[2] == c;
    });
}

DateStarts dateStarts(QStringView text)
{
    // Caseless first words: bits 0-4 the relative expressions, bit 5 the weekday expression.
    struct Word {
        std::u16string_view word;
        unsigned expressions;
    };
    static const Word words[] = {{u"earlier", 0b01101},    {u"today", 0b00001},     {u"this", 0b101101},
                                 {u"tonight", 0b00001},    {u"yesterday", 0b00010}, {u"last", 0b110110},
                                 {u"on", 0b100000},        {u"late", 0b100000},     {u"early", 0b100000},
                                 {u"past", 0b100000},      {u"monday", 0b100000},   {u"tuesday", 0b100000},
                                 {u"wednesday", 0b100000}, {u"thursday", 0b100000}, {u"friday", 0b100000},
                                 {u"saturday", 0b100000},  {u"sunday", 0b100000}};
    // The words by their first letter: most word starts have none to compare.
    static const auto wordsByLetter = [] {
        std::array<std::vector<const Word*>, 26> byLetter;
        for (const Word& w : words)
            byLetter[w.word.front() - u'a'].push_back(&w);
        return byLetter;
    }();
    DateStarts starts;
    std::vector<qsizetype> months; // every month prefix, at a word start or not ("inJanuary")
    std::vector<qsizetype> digits, lowerWords;
    const qsizetype n = text.size();
    char16_t before = u' ';
    for (qsizetype i = 0; i < n; before = text[i].unicode(), ++i) {
        const char16_t c = text[i].unicode();
        // Inside an ASCII word or between non-words no expression starts (the common case).
        if (c < 0x80 && before < 0x80 && isAsciiWordChar(c) == isAsciiWordChar(before) &&
            !(c >= u'A' && c <= u'Z'))
            continue;
        const bool boundary = mayBeWordBoundary(text, i);
        if (c >= u'A' && c <= u'Z' && isMonthPrefixAt(text, i)) {
            months.push_back(i);
            if (boundary)
                starts.month.push_back(i);
        }
        const char16_t folded = foldCaseless(c);
        if (!((folded >= u'a' && folded <= u'z') || (c >= u'0' && c <= u'9')) || !boundary)
            continue;
        if (c >= u'0' && c <= u'9') {
            digits.push_back(i);
            if (i + 4 < n && text[i + 4] == u'-')
                starts.iso.push_back(i);
            continue;
        }
        // "in", "since", "during", "early", "late", "mid-", "last", "this", "earlier", also capitalised at
        // the start of a sentence ("In March, a suicide bomber ...").
        if (isMonthOnlyInitial(c))
            lowerWords.push_back(i);
        unsigned expressions = 0;
        for (const Word* w : wordsByLetter[folded - u'a']) {
            if (startsWithCaseless(text, i, w->word))
                expressions |= w->expressions;
        }
        if (!expressions)
            continue;
        for (int r = 0; r < 5; ++r) {
            if (expressions & (1u << r))
                starts.relative[r].push_back(i);
        }
        if (expressions & (1u << 5))
            starts.weekday.push_back(i);
    }
    // Between a day (or "in", "since" ...) and its month there are only letters, '-' and spaces, so
    // the first month after the candidate must be reached through nothing else.
    auto reachesMonth = [&](qsizetype from, auto allowed) {
        const auto next = std::upper_bound(months.begin(), months.end(), from);
        if (next == months.end())
            return false;
        for (qsizetype i = from; i < *next; ++i) {
            if (!allowed(text[i].unicode()))
                return false;
        }
        return true;
    };
    const auto dayPart = [](char16_t c) { return isAsciiWordChar(c) || isPcreSpace(c); };
    const auto monthOnlyPart = [](char16_t c) {
        return (c >= u'a' && c <= u'z') || c == u'-' || isPcreSpace(c);
    };
    for (const qsizetype i : digits) {
        if (reachesMonth(i, dayPart))
            starts.day.push_back(i);
    }
    for (const qsizetype i : lowerWords) {
        if (i + 1 < n && reachesMonth(i + 1, monthOnlyPart))
            starts.monthOnly.push_back(i);
    }
    return starts;
}

QDate monthEnd(const QDate& first)
{
    return first.addMonths(1).addDays(-1);
}

} // namespace

namespace {

// The month of three ASCII letters in any case, without the allocation toLower() makes; 0 for none.
int monthFromAsciiPrefix(char16_t a, char16_t b, char16_t c)
{
    static const std::u16string_view prefixes[] = {u"jan", u"feb", u"mar", u"apr", u"may", u"jun",
                                                   u"jul", u"aug", u"sep", u"oct", u"nov", u"dec"};
    const auto lower = [](char16_t ch) { return ch >= u'A' && ch <= u'Z' ? char16_t(ch + 32) : ch; };
    const char16_t folded[] = {lower(a), lower(b), lower(c)};
    for (int m = 0; m < 12; ++m) {
        if (prefixes[m][0] == folded[0] && prefixes[m][1] == folded[1] && prefixes[m][2] == folded[2])
            return m + 1;
    }
    return 0;
}

} // namespace

int monthFromName(QStringView name)
{
    static const QStringList names = {QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"),
                                      QStringLiteral("apr"), QStringLiteral("may"), QStringLiteral("jun"),
                                      QStringLiteral("jul"), QStringLiteral("aug"), QStringLiteral("sep"),
                                      QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec")};
    if (name.size() < 3)
        return 0;
    const char16_t a = name[0].unicode(), b = name[1].unicode(), c = name[2].unicode();
    if (a < 0x80 && b < 0x80 && c < 0x80)
        return monthFromAsciiPrefix(a, b, c);
    // Unicode lower-casing can turn other characters into ASCII letters: the general rule decides.
    return int(names.indexOf(name.left(3).toString().toLower())) + 1;
}

QString weekdayName(int weekday)
{
    return QLocale::c().dayName(weekday, QLocale::LongFormat);
}

namespace {

// "on the 7th", "on the 14th": a day of the month the report is about, without the month's name.
void addDaysOfMonth(QStringView source, std::vector<DateMention>& found)
{
    for (qsizetype at = source.indexOf(u"the "); at >= 0; at = source.indexOf(u"the ", at + 4)) {
        // Only "on the 7th" ("the 12th day of the sit-in" counts days, not dates).
        if (at < 3 || source.mid(at - 3, 3).compare(u"on ", Qt::CaseInsensitive) != 0 ||
            (at > 3 && source[at - 4].isLetter()))
            continue;
        qsizetype i = at + 4;
        int day = 0;
        while (i < source.size() && source[i].isDigit() && i - (at + 4) < 2)
            day = day * 10 + source[i++].digitValue();
        if (day < 1 || day > 31 || i + 2 > source.size() || (i < source.size() && source[i].isDigit()))
            continue;
        const QStringView suffix = source.mid(i, 2);
        if (suffix != u"st" && suffix != u"nd" && suffix != u"rd" && suffix != u"th")
            continue;
        const qsizetype end = i + 2;
        if (end < source.size() && source[end].isLetterOrNumber())
            continue;
        // "the 7th of February" and "the 7th February" are the named-month patterns' to read.
        const QStringView after = source.mid(end, 12).trimmed();
        const qsizetype space = after.indexOf(u' ');
        const QStringView nextWord = space < 0 ? after : after.left(space);
        if (after.startsWith(u"of ") || monthFromName(nextWord) || nextWord.startsWith(u"day") ||
            nextWord == u"anniversary" || nextWord == u"time" || nextWord == u"consecutive")
            continue;
        if (overlaps(found, at, end))
            continue;
        DateMention d;
        d.kind = DateMention::Kind::MonthDay;
        d.day = day;
        d.month = 0; // the month of the anchor, or the one before
        d.start = at;
        d.end = end;
        d.text = source.mid(at, end - at).toString();
        found.push_back(d);
    }
}

} // namespace

std::vector<DateMention> findDates(QStringView text)
{
    std::vector<DateMention> found;
    const QString source = text.toString();
    auto add = [&](const QRegularExpressionMatch& m, DateMention mention) {
        if (overlaps(found, m.capturedStart(), m.capturedEnd()))
            return;
        mention.start = m.capturedStart();
        mention.end = m.capturedEnd();
        mention.text = m.captured();
        found.push_back(mention);
    };
    // A weekday written before a date ("Tuesday, January 16") is looked up by hand after a match:
    // an optional leading group in every expression would be tried at every position of the text.
    const QString weekdayPrefix = QStringLiteral("()");
    static const QRegularExpression weekdayBefore(kWeekdays + QStringLiteral(",?\\s+(?:the\\s+)?$"));
    auto weekdayJustBefore = [&](qsizetype at, qsizetype* start) {
        const qsizetype from = std::max<qsizetype>(0, at - 16);
        const auto m = weekdayBefore.match(source.mid(from, at - from));
        if (!m.hasMatch())
            return 0;
        *start = from + m.capturedStart();
        return weekdayFromName(m.captured(1));
    };

    // One pass collects where each expression can begin; the expressions then run anchored there.
    const DateStarts starts = dateStarts(text);
    const bool validUtf16 = text.isValidUtf16();

    // Longest forms first so that "Tuesday, January 16, 2024" is one mention.
    static const DateExpression iso(QStringLiteral("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"));
    matchAt(iso, source, validUtf16, starts.iso, [&](const QRegularExpressionMatch& m) {
        DateMention d;
        d.kind = DateMention::Kind::Full;
        d.year = m.captured(1).toInt();
        d.month = m.captured(2).toInt();
        d.day = m.captured(3).toInt();
        if (QDate(d.year, d.month, d.day).isValid())
            add(m, d);
    });
    static const DateExpression monthDayYear(
        weekdayPrefix + QStringLiteral("\\b") + kMonths +
        QStringLiteral("\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"));
    static const DateExpression dayMonthYear(weekdayPrefix +
                                             QStringLiteral("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?") +
                                             kMonths + QStringLiteral(",?\\s+(\\d{4})\\b"));
    static const DateExpression monthDay(
        weekdayPrefix + QStringLiteral("\\b") + kMonths +
        QStringLiteral("\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[,:]?\\s*\\d)"));
    static const DateExpression dayMonth(weekdayPrefix +
                                         QStringLiteral("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?") +
                                         kMonths + QStringLiteral("(?![\\w,]*\\s*\\d{4})"));
    struct Form {
        const DateExpression* re;
        int month, day, year;
        const std::vector<qsizetype>* starts;
    };
    const Form forms[] = {{&monthDayYear, 2, 3, 4, &starts.month},
                          {&dayMonthYear, 3, 2, 4, &starts.day},
                          {&monthDay, 2, 3, 0, &starts.month},
                          {&dayMonth, 3, 2, 0, &starts.day}};
    for (const Form& form : forms) {
        matchAt(*form.re, source, validUtf16, *form.starts, [&](const QRegularExpressionMatch& m) {
            DateMention d;
            d.kind = form.year ? DateMention::Kind::Full : DateMention::Kind::MonthDay;
            d.month = monthFromName(m.captured(form.month));
            d.day = m.captured(form.day).toInt();
            d.year = form.year ? m.captured(form.year).toInt() : 0;
            qsizetype weekdayStart = m.capturedStart();
            d.weekday = weekdayJustBefore(m.capturedStart(), &weekdayStart);
            if (d.month < 1 || d.day < 1 || d.day > 31)
                return;
            if (d.year && !QDate(d.year, d.month, d.day).isValid())
                return;
            add(m, d);
            if (d.weekday && !found.empty() && found.back().start == m.capturedStart()) {
                found.back().start = weekdayStart;
                found.back().text = source.mid(weekdayStart, m.capturedEnd() - weekdayStart);
            }
        });
    }
    static const DateExpression monthYear(QStringLiteral("\\b") + kMonths +
                                          QStringLiteral(",?\\s+(\\d{4})\\b"));
    matchAt(monthYear, source, validUtf16, starts.month, [&](const QRegularExpressionMatch& m) {
        DateMention d;
        d.kind = DateMention::Kind::MonthYear;
        d.month = monthFromName(m.captured(1));
        d.year = m.captured(2).toInt();
        if (d.month && d.year > 1900 && d.year < 2200)
            add(m, d);
    });
    static const DateExpression monthOnly(QStringLiteral(
        "\\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-|[Ii]n\\s+early|[Ii]n\\s+late|[Ii]n\\s+mid-|[Ll]ast|[Tt]his|"
        "[Ee]arlier\\s+in)\\s*"
        "(January|February|March|April|May|June|July|August|September|October|November|December)\\b(?!\\s*"
        "\\d)"));
    matchAt(monthOnly, source, validUtf16, starts.monthOnly, [&](const QRegularExpressionMatch& m) {
        DateMention d;
        d.kind = DateMention::Kind::Month;
        d.month = monthFromName(m.captured(1));
        add(m, d);
    });
    static const DateExpression weekday(QStringLiteral("\\b(?:(last|this|on|late|early|past)\\s+)?") +
                                            kWeekdays +
                                            QStringLiteral("(?:\\s+(?:morning|afternoon|evening|night))?\\b"),
                                        QRegularExpression::CaseInsensitiveOption);
    matchAt(weekday, source, validUtf16, starts.weekday, [&](const QRegularExpressionMatch& m) {
        if (!m.captured(2).front().isUpper())
            return;
        DateMention d;
        d.kind = DateMention::Kind::Weekday;
        d.weekday = weekdayFromName(m.captured(2));
        d.previousWeek = m.captured(1).compare(QStringLiteral("last"), Qt::CaseInsensitive) == 0;
        add(m, d);
    });
    struct Relative {
        DateExpression re;
        DateMention::Kind kind;
    };
    static const auto relative = [](const char16_t* pattern) {
        return DateExpression(QString::fromUtf16(pattern), QRegularExpression::CaseInsensitiveOption);
    };
    static const Relative relatives[] = {
        {relative(u"\\b(?:earlier\\s+)?today\\b|\\bthis\\s+(?:morning|afternoon|evening)\\b|\\btonight\\b|"
                  u"\\bearlier\\s+in\\s+the\\s+day\\b"),
         DateMention::Kind::Today},
        {relative(u"\\byesterday\\b|\\blast\\s+night\\b"), DateMention::Kind::Yesterday},
        {relative(u"\\blast\\s+week\\b|\\bearlier\\s+this\\s+week\\b|\\bthis\\s+week\\b"),
         DateMention::Kind::LastWeek},
        {relative(u"\\bearlier\\s+this\\s+month\\b|\\bthis\\s+month\\b"), DateMention::Kind::ThisMonth},
        {relative(u"\\blast\\s+month\\b"), DateMention::Kind::LastMonth},
    };
    for (size_t r = 0; r < std::size(relatives); ++r) {
        matchAt(relatives[r].re, source, validUtf16, starts.relative[r],
                [&](const QRegularExpressionMatch& m) {
                    DateMention d;
                    d.kind = relatives[r].kind;
                    // "this week" is the current week, "earlier this week" too; "last week" the one before.
                    d.previousWeek = m.captured().startsWith(QStringLiteral("last"), Qt::CaseInsensitive);
                    add(m, d);
                });
    }
    addDaysOfMonth(source, found);
    std::sort(found.begin(), found.end(),
              [](const DateMention& a, const DateMention& b) { return a.start < b.start; });
    return found;
}

ResolvedDate resolveDate(const DateMention& mention, const QDate& anchor, const QString& anchorReason)
{
    ResolvedDate r;
    const QString quoted = QStringLiteral("\u201C%1\u201D").arg(mention.text);
    switch (mention.kind) {
    case DateMention::Kind::Full:
        r.date = QDate(mention.year, mention.month, mention.day);
        r.dateEnd = r.date;
        r.precision = DatePrecision::Day;
        r.reasoning = QStringLiteral("%1 \u2192 %2: a full date").arg(quoted, r.date.toString(Qt::ISODate));
        return r;
    case DateMention::Kind::MonthYear:
        r.date = QDate(mention.year, mention.month, 1);
        r.dateEnd = monthEnd(r.date);
        r.precision = DatePrecision::Month;
        r.reasoning =
            QStringLiteral("%1 \u2192 the month %2").arg(quoted, r.date.toString(QStringLiteral("yyyy-MM")));
        return r;
    default:
        break;
    }
    if (!anchor.isValid())
        return r; // relative dates need an anchor
    switch (mention.kind) {
    case DateMention::Kind::MonthDay: {
        if (mention.month == 0) {
            // "on the 7th": the latest such day on or before the anchor.
            QDate date(anchor.year(), anchor.month(), std::min(mention.day, anchor.daysInMonth()));
            if (date > anchor || date.day() != mention.day) {
                const QDate previous = anchor.addMonths(-1);
                date = QDate(previous.year(), previous.month(), mention.day);
            }
            if (!date.isValid())
                return r;
            r.date = r.dateEnd = date;
            r.precision = DatePrecision::Day;
            r.reasoning = QStringLiteral("%1 \u2192 %2: the latest such day on or before %3 (%4)")
                              .arg(quoted, date.toString(Qt::ISODate), anchor.toString(Qt::ISODate), anchorReason);
            return r;
        }
        // The nearest such day not far after publication: reports speak of the recent past.
        QDate date(anchor.year(), mention.month, mention.day);
        if (date.isValid() && date > anchor.addDays(31))
            date = QDate(anchor.year() - 1, mention.month, mention.day);
        if (!date.isValid())
            return r;
        r.date = r.dateEnd = date;
        r.precision = DatePrecision::Day;
        r.reasoning = QStringLiteral("%1 \u2192 %2: year from %3")
                          .arg(quoted, date.toString(Qt::ISODate), anchorReason);
        return r;
    }
    case DateMention::Kind::Month: {
        QDate first(anchor.year(), mention.month, 1);
        if (first > anchor)
            first = first.addYears(-1); // "in November" read in January is last November
        r.date = first;
        r.dateEnd = std::min(monthEnd(first), anchor);
        r.precision = DatePrecision::Month;
        r.reasoning = QStringLiteral("%1 \u2192 %2 (%3)")
                          .arg(quoted, first.toString(QStringLiteral("yyyy-MM")), anchorReason);
        return r;
    }
    case DateMention::Kind::Weekday: {
        // The most recent such weekday on or before the anchor ("last Tuesday" skips the current week).
        int back = (anchor.dayOfWeek() - mention.weekday + 7) % 7;
        if (mention.previousWeek && back == 0)
            back = 7;
        r.date = r.dateEnd = anchor.addDays(-back);
        r.precision = DatePrecision::Day;
        r.reasoning = QStringLiteral("%1 \u2192 %2: the %3 on or before %4 (%5)")
                          .arg(quoted, r.date.toString(Qt::ISODate), weekdayName(mention.weekday),
                               anchor.toString(Qt::ISODate), anchorReason);
        return r;
    }
    case DateMention::Kind::Today:
        r.date = r.dateEnd = anchor;
        r.precision = DatePrecision::Day;
        r.reasoning =
            QStringLiteral("%1 \u2192 %2 (%3)").arg(quoted, anchor.toString(Qt::ISODate), anchorReason);
        return r;
    case DateMention::Kind::Yesterday:
        r.date = r.dateEnd = anchor.addDays(-1);
        r.precision = DatePrecision::Day;
        r.reasoning =
            QStringLiteral("%1 \u2192 %2: the day before %3 (%4)")
                .arg(quoted, r.date.toString(Qt::ISODate), anchor.toString(Qt::ISODate), anchorReason);
        return r;
    case DateMention::Kind::LastWeek: {
        const QDate monday = anchor.addDays(1 - anchor.dayOfWeek()).addDays(mention.previousWeek ? -7 : 0);
        r.date = monday;
        r.dateEnd = mention.previousWeek ? monday.addDays(6) : anchor;
        r.precision = DatePrecision::Week;
        r.reasoning =
            QStringLiteral("%1 \u2192 the week %2 to %3 (%4)")
                .arg(quoted, r.date.toString(Qt::ISODate), r.dateEnd.toString(Qt::ISODate), anchorReason);
        return r;
    }
    case DateMention::Kind::ThisMonth:
    case DateMention::Kind::LastMonth: {
        QDate first(anchor.year(), anchor.month(), 1);
        if (mention.kind == DateMention::Kind::LastMonth)
            first = first.addMonths(-1);
        r.date = first;
        r.dateEnd = mention.kind == DateMention::Kind::ThisMonth ? anchor : monthEnd(first);
        r.precision = DatePrecision::Month;
        r.reasoning =
            QStringLiteral("%1 \u2192 %2 to %3 (%4)")
                .arg(quoted, r.date.toString(Qt::ISODate), r.dateEnd.toString(Qt::ISODate), anchorReason);
        return r;
    }
    default:
        break;
    }
    return r;
}

} // namespace makran
