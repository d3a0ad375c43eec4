#include "extract/datefinder.h"

#include <QLocale>
#include <QRegularExpression>

namespace makran {

namespace {

const QString kMonths = QStringLiteral(
    "(January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?");
const QString kWeekdays = QStringLiteral("(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)");

int weekdayFromName(QStringView name)
{
    static const QStringList names = {QStringLiteral("monday"),   QStringLiteral("tuesday"),
                                      QStringLiteral("wednesday"), QStringLiteral("thursday"),
                                      QStringLiteral("friday"),   QStringLiteral("saturday"),
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

QDate monthEnd(const QDate& first)
{
    return first.addMonths(1).addDays(-1);
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
    return int(names.indexOf(name.left(3).toString().toLower())) + 1;
}

QString weekdayName(int weekday)
{
    return QLocale::c().dayName(weekday, QLocale::LongFormat);
}

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

    // Longest forms first so that "Tuesday, January 16, 2024" is one mention.
    static const QRegularExpression iso(QStringLiteral("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"));
    for (auto it = iso.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        DateMention d;
        d.kind = DateMention::Kind::Full;
        d.year = m.captured(1).toInt();
        d.month = m.captured(2).toInt();
        d.day = m.captured(3).toInt();
        if (QDate(d.year, d.month, d.day).isValid())
            add(m, d);
    }
    static const QRegularExpression monthDayYear(weekdayPrefix + QStringLiteral("\\b") + kMonths +
                                                 QStringLiteral("\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"));
    static const QRegularExpression dayMonthYear(
        weekdayPrefix + QStringLiteral("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?") + kMonths +
        QStringLiteral(",?\\s+(\\d{4})\\b"));
    static const QRegularExpression monthDay(weekdayPrefix + QStringLiteral("\\b") + kMonths +
                                             QStringLiteral("\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*[,:]?\\s*\\d)"));
    static const QRegularExpression dayMonth(weekdayPrefix +
                                             QStringLiteral("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?") +
                                             kMonths + QStringLiteral("(?![\\w,]*\\s*\\d{4})"));
    struct Form {
        const QRegularExpression* re;
        int month, day, year;
    };
    const Form forms[] = {{&monthDayYear, 2, 3, 4}, {&dayMonthYear, 3, 2, 4}, {&monthDay, 2, 3, 0},
                          {&dayMonth, 3, 2, 0}};
    for (const Form& form : forms) {
        for (auto it = form.re->globalMatch(source); it.hasNext();) {
            const auto m = it.next();
            DateMention d;
        d.kind = form.year ? DateMention::Kind::Full : DateMention::Kind::MonthDay;
            d.month = monthFromName(m.captured(form.month));
            d.day = m.captured(form.day).toInt();
            d.year = form.year ? m.captured(form.year).toInt() : 0;
            qsizetype weekdayStart = m.capturedStart();
            d.weekday = weekdayJustBefore(m.capturedStart(), &weekdayStart);
            if (d.month < 1 || d.day < 1 || d.day > 31)
                continue;
            if (d.year && !QDate(d.year, d.month, d.day).isValid())
                continue;
            add(m, d);
            if (d.weekday && !found.empty() && found.back().start == m.capturedStart()) {
                found.back().start = weekdayStart;
                found.back().text = source.mid(weekdayStart, m.capturedEnd() - weekdayStart);
            }
        }
    }
    static const QRegularExpression monthYear(QStringLiteral("\\b") + kMonths + QStringLiteral(",?\\s+(\\d{4})\\b"));
    for (auto it = monthYear.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        DateMention d;
        d.kind = DateMention::Kind::MonthYear;
        d.month = monthFromName(m.captured(1));
        d.year = m.captured(2).toInt();
        if (d.month && d.year > 1900 && d.year < 2200)
            add(m, d);
    }
    static const QRegularExpression monthOnly(
        QStringLiteral("\\b(?:in|since|during|early|late|mid-|in\\s+early|in\\s+late|in\\s+mid-|last|this|earlier\\s+in)\\s*"
                       "(January|February|March|April|May|June|July|August|September|October|November|December)\\b(?!\\s*\\d)"));
    for (auto it = monthOnly.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        DateMention d;
        d.kind = DateMention::Kind::Month;
        d.month = monthFromName(m.captured(1));
        add(m, d);
    }
    static const QRegularExpression weekday(
        QStringLiteral("\\b(?:(last|this|on|late|early|past)\\s+)?") + kWeekdays +
        QStringLiteral("(?:\\s+(?:morning|afternoon|evening|night))?\\b"),
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = weekday.globalMatch(source); it.hasNext();) {
        const auto m = it.next();
        if (!m.captured(2).front().isUpper())
            continue;
        DateMention d;
        d.kind = DateMention::Kind::Weekday;
        d.weekday = weekdayFromName(m.captured(2));
        d.previousWeek = m.captured(1).compare(QStringLiteral("last"), Qt::CaseInsensitive) == 0;
        add(m, d);
    }
    struct Relative {
        QRegularExpression re;
        DateMention::Kind kind;
    };
    static const auto relative = [](const char16_t* pattern) {
        return QRegularExpression(QString::fromUtf16(pattern), QRegularExpression::CaseInsensitiveOption);
    };
    static const Relative relatives[] = {
        {relative(u"\\b(?:earlier\\s+)?today\\b|\\bthis\\s+(?:morning|afternoon|evening)\\b|\\btonight\\b|"
                  u"\\bearlier\\s+in\\s+the\\s+day\\b"),
         DateMention::Kind::Today},
        {relative(u"\\byesterday\\b|\\blast\\s+night\\b"), DateMention::Kind::Yesterday},
        {relative(u"\\blast\\s+week\\b|\\bearlier\\s+this\\s+week\\b|\\bthis\\s+week\\b"), DateMention::Kind::LastWeek},
        {relative(u"\\bearlier\\s+this\\s+month\\b|\\bthis\\s+month\\b"), DateMention::Kind::ThisMonth},
        {relative(u"\\blast\\s+month\\b"), DateMention::Kind::LastMonth},
    };
    for (const Relative& rel : relatives) {
        for (auto it = rel.re.globalMatch(source); it.hasNext();) {
            const auto m = it.next();
            DateMention d;
        d.kind = rel.kind;
            // "this week" is the current week, "earlier this week" too; "last week" the one before.
            d.previousWeek = m.captured().startsWith(QStringLiteral("last"), Qt::CaseInsensitive);
            add(m, d);
        }
    }
    std::sort(found.begin(), found.end(), [](const DateMention& a, const DateMention& b) { return a.start < b.start; });
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
        r.reasoning = QStringLiteral("%1 \u2192 the month %2").arg(quoted, r.date.toString(QStringLiteral("yyyy-MM")));
        return r;
    default:
        break;
    }
    if (!anchor.isValid())
        return r; // relative dates need an anchor
    switch (mention.kind) {
    case DateMention::Kind::MonthDay: {
        // The nearest such day not far after publication: reports speak of the recent past.
        QDate date(anchor.year(), mention.month, mention.day);
        if (date.isValid() && date > anchor.addDays(31))
            date = QDate(anchor.year() - 1, mention.month, mention.day);
        if (!date.isValid())
            return r;
        r.date = r.dateEnd = date;
        r.precision = DatePrecision::Day;
        r.reasoning = QStringLiteral("%1 \u2192 %2: year from %3").arg(quoted, date.toString(Qt::ISODate), anchorReason);
        return r;
    }
    case DateMention::Kind::Month: {
        QDate first(anchor.year(), mention.month, 1);
        if (first > anchor)
            first = first.addYears(-1); // "in November" read in January is last November
        r.date = first;
        r.dateEnd = std::min(monthEnd(first), anchor);
        r.precision = DatePrecision::Month;
        r.reasoning = QStringLiteral("%1 \u2192 %2 (%3)").arg(quoted, first.toString(QStringLiteral("yyyy-MM")), anchorReason);
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
        r.reasoning = QStringLiteral("%1 \u2192 %2 (%3)").arg(quoted, anchor.toString(Qt::ISODate), anchorReason);
        return r;
    case DateMention::Kind::Yesterday:
        r.date = r.dateEnd = anchor.addDays(-1);
        r.precision = DatePrecision::Day;
        r.reasoning = QStringLiteral("%1 \u2192 %2: the day before %3 (%4)")
                          .arg(quoted, r.date.toString(Qt::ISODate), anchor.toString(Qt::ISODate), anchorReason);
        return r;
    case DateMention::Kind::LastWeek: {
        const QDate monday = anchor.addDays(1 - anchor.dayOfWeek()).addDays(mention.previousWeek ? -7 : 0);
        r.date = monday;
        r.dateEnd = mention.previousWeek ? monday.addDays(6) : anchor;
        r.precision = DatePrecision::Week;
        r.reasoning = QStringLiteral("%1 \u2192 the week %2 to %3 (%4)")
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
        r.reasoning = QStringLiteral("%1 \u2192 %2 to %3 (%4)")
                          .arg(quoted, r.date.toString(Qt::ISODate), r.dateEnd.toString(Qt::ISODate), anchorReason);
        return r;
    }
    default:
        break;
    }
    return r;
}

} // namespace makran
