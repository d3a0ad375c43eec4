// When an event happened: the date each clause's event takes, the anchor that resolves relative dates,
// and the shifts ("a day after", "Two days later") between events.
#include "extract/incidentbuilder.h"

#include <QRegularExpression>

#include <cstdio>

namespace makran {

void IncidentBuilder::chooseDate(Candidate& candidate, const Clause& clause, size_t clauseIndex) const
{
    static const QRegularExpression speech(
        QStringLiteral("\\b(?:said|says|told|stated|announced|claimed|added|stressed|noted|reported|confirmed|"
                       "alleged|insisted|warned)\\b"));
    // "On Wednesday, the minister told ... that the attack ...", "... killing all eight assailants, the
    // military said Thursday": the day of the telling, not of the event.
    auto isTellingDay = [&](const DateMention& date) {
        if (date.end <= candidate.trigger->start) {
            // "said in a statement on Saturday that a team had attacked ...": the date of the saying.
            static const QRegularExpression saidOn(QStringLiteral(
                "\\b(?:said|says|told\\s+\\w+|stated|announced|reported|confirmed|added|claimed)"
                "(?:\\s+in\\s+(?:a|an|its|his|her|their)\\s+\\w+(?:\\s+\\w+)?)?\\s*,?\\s+(?:on\\s+|late\\s+|early\\s+)?$"));
            const qsizetype from = std::max<qsizetype>(0, date.start - 60);
            return speech.match(m_text.mid(date.end, candidate.trigger->start - date.end).toString()).hasMatch() ||
                   saidOn.match(m_text.mid(from, date.start - from).toString()).hasMatch();
        }
        static const QRegularExpression saidThen(
            QStringLiteral("\\b(?:said|says|told\\s+\\w+|stated|announced|reported|confirmed|added)\\s+(?:on\\s+|late\\s+|early\\s+)?$"));
        const qsizetype from = std::max(candidate.trigger->end, date.start - 40);
        return saidThen.match(m_text.mid(from, date.start - from).toString()).hasMatch();
    };
    // Of several dates in the clause the one nearest the event word wins, a following one more easily
    // ("gave different accounts on Wednesday of a strike carried out late on Tuesday"), and the event's
    // day over the day of the telling.
    const DateMention* nearest = nullptr;
    qsizetype nearestDistance = 0;
    bool nearestIsTelling = false;
    for (const DateMention& date : m_mentions.dates) {
        if (date.start < clause.start || date.end > clause.end)
            continue;
        const qsizetype distance = date.start >= candidate.trigger->end ? (date.start - candidate.trigger->end) / 2
                                                                        : candidate.trigger->start - date.end;
        const bool telling = isTellingDay(date);
        if (!nearest || (nearestIsTelling && !telling) || (nearestIsTelling == telling && distance < nearestDistance)) {
            nearest = &date;
            nearestDistance = distance;
            nearestIsTelling = telling;
        }
    }
    if (nearest) {
        candidate.date = nearest;
        candidate.weakDate = nearestIsTelling;
        // "stopped two buses late Thursday, checked their cards and shot dead seven, officials said Friday":
        // the event's day told in an earlier clause beats the day of the telling.
        if (candidate.weakDate) {
            Candidate borrowed = candidate;
            borrowed.date = nullptr;
            borrowed.weakDate = false;
            if (borrowEarlierClauseDate(borrowed, clause, clauseIndex) && borrowed.date)
                candidate = borrowed;
        }
        return;
    }
    if (borrowEarlierClauseDate(candidate, clause, clauseIndex))
        return;
    // "Two days later, Pakistan carried out its own strikes": days after the event told before.
    static const QRegularExpression later(QStringLiteral(
        "^(?:(a|one|two|three|four|five|six|seven|\\d)\\s+days?\\s+later|the\\s+(?:next|following)\\s+day|the\\s+day\\s+after)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const Sentence& sentence = m_mentions.sentences[size_t(clause.sentence)];
    if (clause.start == sentence.start) {
        if (const auto m = later.match(m_text.mid(sentence.start, 40)); m.hasMatch()) {
            candidate.daysAfterPrevious = m.captured(1).isEmpty() ? 1 : parseNumberWord(m.captured(1).toLower()).value_or(1);
            return;
        }
    }
    // A round-up item opens with a short header ("Zabol, Sunday 7 September."): its date is the date of
    // what the paragraph tells.
    if (const Sentence* header = paragraphHeader(clause.sentence)) {
        for (const DateMention& date : m_mentions.dates) {
            if (date.start >= header->start && date.end <= header->end) {
                candidate.date = &date;
                return;
            }
        }
    }
    // "The IRGC says it killed four ... | The Quds Base said on Saturday that the terrorists were intercepted
    // near Mirjaveh on Friday evening.": a lead without a day takes it from the next sentence when that one
    // tells no event of its own.
    if (!candidate.daysAfterPrevious) {
        if (const DateMention* next = dateOfFollowingDetail(clause.sentence))
            candidate.date = next;
    }
}

const DateMention* IncidentBuilder::dateOfFollowingDetail(int sentenceIndex) const
{
    const size_t next = size_t(sentenceIndex) + 1;
    if (next >= m_mentions.sentences.size())
        return nullptr;
    const Sentence& own = m_mentions.sentences[size_t(sentenceIndex)];
    const Sentence& following = m_mentions.sentences[next];
    if (following.paragraph - own.paragraph > 1)
        return nullptr;
    if (following.paragraph != own.paragraph && following.end - following.start < 60)
        return nullptr; // the header of the next round-up item ("Nushki, Thursday 20 February.")
    for (const TriggerMention& trigger : m_mentions.triggers) {
        if (trigger.start >= following.start && trigger.end <= following.end)
            return nullptr; // it tells an event of its own
    }
    static const QRegularExpression saidOn(QStringLiteral(
        "\\b(?:said|says|told\\s+\\w+|stated|announced|reported|confirmed|added)(?:\\s+in\\s+(?:a|an|its|his|her|their)\\s+\\w+)?"
        "\\s*,?\\s+(?:on\\s+|late\\s+|early\\s+)?$"));
    for (const DateMention& date : m_mentions.dates) {
        if (date.start < following.start || date.end > following.end)
            continue;
        if (quoteAround(date.start))
            continue;
        const qsizetype from = std::max(following.start, date.start - 60);
        if (saidOn.match(m_text.mid(from, date.start - from).toString()).hasMatch())
            continue; // the day of the saying
        return &date;
    }
    return nullptr;
}

bool IncidentBuilder::borrowEarlierClauseDate(Candidate& candidate, const Clause& clause, size_t clauseIndex) const
{
    // No date of its own: borrow the previous clause's, shifted by "a day after" relations.
    int offset = 0;
    const Clause* current = &clause;
    for (size_t i = clauseIndex; i > 0; --i) {
        const Clause& previous = m_mentions.clauses[i - 1];
        if (previous.sentence != clause.sentence)
            break;
        if (current->relation == Clause::Relation::Earlier) {
            candidate.dateUnknownEarlier = true;
            return true;
        }
        if (current->relation == Clause::Relation::DaysBefore)
            offset += current->days;
        for (const DateMention& date : m_mentions.dates) {
            if (date.start >= previous.start && date.end <= previous.end) {
                candidate.date = &date;
                candidate.dateOffsetDays = offset;
                return true;
            }
        }
        current = &previous;
    }
    // "The killings came a day after a suicide bomber rammed ...": the day counts back from the event the
    // report leads with (resolved later, once every candidate has its date).
    if (current->relation == Clause::Relation::DaysBefore || offset > 0) {
        candidate.dateOffsetDays = offset > 0 ? offset : current->days;
        candidate.offsetFromLead = true;
        return true;
    }
    return false;
}

const Sentence* IncidentBuilder::paragraphHeader(int sentence) const
{
    const Sentence& own = m_mentions.sentences[size_t(sentence)];
    for (int s = sentence - 1; s >= 0; --s) {
        const Sentence& header = m_mentions.sentences[size_t(s)];
        if (header.paragraph != own.paragraph)
            break;
        if (m_text.mid(header.start, header.end - header.start).count(u' ') > 8)
            continue;
        const bool hasTrigger = std::any_of(m_mentions.triggers.begin(), m_mentions.triggers.end(), [&](const TriggerMention& t) {
            return t.start >= header.start && t.end <= header.end;
        });
        if (!hasTrigger)
            return &header;
    }
    return nullptr;
}

QDate IncidentBuilder::inferAnchor(std::vector<Candidate>& candidates, const std::optional<DateMention>& datelineDate,
                                   QString* reason, QStringList* warnings) const
{
    const QDate today = QDate::currentDate();
    // Pairs of a weekday and a month-day known to be the same day.
    struct Pair {
        int weekday, month, day;
        QString why;
    };
    std::vector<Pair> pairs;
    for (size_t i = 0; i < m_mentions.dates.size(); ++i) {
        const DateMention& date = m_mentions.dates[i];
        if (date.kind == DateMention::Kind::MonthDay && date.month && date.weekday)
            pairs.push_back({date.weekday, date.month, date.day, QStringLiteral("\u201C%1\u201D").arg(date.text)});
        // "on Tuesday evening (June 4)": the day in brackets is the weekday's.
        if (date.kind == DateMention::Kind::Weekday && i + 1 < m_mentions.dates.size()) {
            const DateMention& next = m_mentions.dates[i + 1];
            const QStringView between = m_text.mid(date.end, next.start - date.end).trimmed();
            if (next.kind == DateMention::Kind::MonthDay && next.month && !next.weekday &&
                (between == u"(" || between == u"," || between == u"\u2013" || between == u"-"))
                pairs.push_back({date.weekday, next.month, next.day,
                                 QStringLiteral("\u201C%1 (%2)\u201D").arg(date.text, next.text)});
        }
    }
    for (const Draft& draft : merge(candidates, false)) {
        const DateMention* weekday = nullptr;
        const DateMention* monthDay = nullptr;
        for (const Candidate& part : draft.parts) {
            if (!part.date || part.dateOffsetDays || part.weakDate)
                continue;
            if (part.date->kind == DateMention::Kind::Weekday && !part.date->previousWeek)
                weekday = part.date;
            if (part.date->kind == DateMention::Kind::MonthDay)
                monthDay = part.date;
        }
        if (qEnvironmentVariableIsSet("MAKRAN_DEBUG_EXTRACT")) {
            QStringList parts;
            for (const Candidate& part : draft.parts)
                parts << QString::number(part.clause);
            std::fprintf(stderr, "pre-merge draft: %s weekday=%d monthday=%d\n", qPrintable(parts.join(u' ')),
                         weekday ? weekday->weekday : 0, monthDay ? monthDay->day : 0);
        }
        if (weekday && monthDay)
            pairs.push_back({weekday->weekday, monthDay->month, monthDay->day,
                             QStringLiteral("\u201C%1\u201D and \u201C%2\u201D describe the same event")
                                 .arg(weekday->text, monthDay->text)});
    }
    // The year in which most pairs fall on their weekday; among equals one the text names ("in 2024"),
    // then the latest not in the future. Pairs are matched by merging, which can be wrong, so one
    // contrary pair must not outvote the rest.
    QSet<int> namedYears;
    static const QRegularExpression yearRe(QStringLiteral("\\b(19[89]\\d|20\\d\\d)\\b"));
    for (auto it = yearRe.globalMatch(m_text.toString()); it.hasNext();)
        namedYears.insert(it.next().captured(1).toInt());
    int year = 0;
    int bestScore = 0;
    QString pairReason;
    for (int y = today.year(); y >= today.year() - 40 && !pairs.empty(); --y) {
        int matched = 0;
        const Pair* first = nullptr;
        for (const Pair& pair : pairs) {
            const QDate date(y, pair.month, pair.day);
            if (date.isValid() && date.dayOfWeek() == pair.weekday && date <= today) {
                ++matched;
                first = first ? first : &pair;
            }
        }
        const int score = matched * 4 + (namedYears.contains(y) ? 2 : 0);
        if (matched && score > bestScore) {
            bestScore = score;
            year = y;
            pairReason = first->why;
        }
    }
    QDate pinnedDate;
    if (datelineDate) {
        const int y = year ? year : today.year();
        QDate date(y, datelineDate->month, datelineDate->day);
        if (date > today)
            date = date.addYears(-1);
        *reason = year ? QStringLiteral("dated %1 in the dateline, year %2 because %3")
                             .arg(datelineDate->text).arg(y).arg(pairReason)
                       : QStringLiteral("dated %1 in the dateline; no year stated, the latest past one assumed")
                             .arg(datelineDate->text);
        if (!year && warnings)
            warnings->append(QStringLiteral("the dateline has no year; assumed %1").arg(date.year()));
        return date;
    }
    if (!year) {
        // Without weekday evidence the latest full date in the text is the best anchor there is.
        QDate latest;
        for (const DateMention& date : m_mentions.dates) {
            if (date.kind == DateMention::Kind::Full) {
                const QDate d(date.year, date.month, date.day);
                if (!latest.isValid() || d > latest)
                    latest = d;
            }
        }
        if (latest.isValid()) {
            *reason = QStringLiteral("no publication date; the latest date in the text, %1, taken as the anchor")
                          .arg(latest.toString(Qt::ISODate));
            return latest;
        }
        return QDate();
    }
    // Find the monthday that the pairs pinned, then place the other weekdays in the shortest window.
    for (const Pair& pair : pairs) {
        const QDate date(year, pair.month, pair.day);
        if (date.isValid() && date.dayOfWeek() == pair.weekday) {
            pinnedDate = date;
            break;
        }
    }
    QDate bestAnchor = pinnedDate;
    int bestSpan = 1 << 20;
    for (int shift = 0; shift < 7; ++shift) {
        const QDate anchor = pinnedDate.addDays(shift);
        QDate low = pinnedDate, high = pinnedDate;
        for (const DateMention& date : m_mentions.dates) {
            if (date.kind != DateMention::Kind::Weekday)
                continue;
            const QDate resolved = resolveDate(date, anchor, QString()).date;
            low = std::min(low, resolved);
            high = std::max(high, resolved);
        }
        const int span = int(low.daysTo(high)) + shift; // prefer the earliest anchor among equals
        if (span < bestSpan) {
            bestSpan = span;
            bestAnchor = high > anchor ? anchor : std::max(high, pinnedDate);
        }
    }
    *reason = QStringLiteral("no publication date; year %1 because %2 (%3 %4 was a %5), the report taken as "
                             "written on %6, the latest weekday it names")
                  .arg(year)
                  .arg(pairReason, QLocale::c().monthName(pinnedDate.month()), QString::number(pinnedDate.day()),
                       weekdayName(pinnedDate.dayOfWeek()), bestAnchor.toString(Qt::ISODate));
    if (warnings)
        warnings->append(QStringLiteral("no publication date; inferred %1 from weekdays").arg(bestAnchor.toString(Qt::ISODate)));
    return bestAnchor;
}

void IncidentBuilder::resolveDates(std::vector<Candidate>& candidates, const QDate& anchor, const QString& reason) const
{
    const Candidate* lead = nullptr;
    const Candidate* previous = nullptr; // the last event dated to the day
    for (Candidate& candidate : candidates) {
        if (candidate.offsetFromLead && !candidate.date && lead)
            candidate.date = lead->date; // shifted below by its "a day after"
        if (candidate.daysAfterPrevious && !candidate.date && previous) {
            candidate.date = previous->date;
            candidate.dateOffsetDays = previous->dateOffsetDays - candidate.daysAfterPrevious;
        }
        if (!candidate.date)
            continue;
        QString contextReason;
        const QDate contextAnchor = yearContext(*candidate.date, anchor, &contextReason);
        candidate.resolved = contextAnchor.isValid() ? resolveDate(*candidate.date, contextAnchor, contextReason)
                                                     : resolveDate(*candidate.date, anchor, reason);
        if (!lead && candidate.resolved.isValid() && !candidate.weakDate && !candidate.dateOffsetDays &&
            candidate.resolved.precision == DatePrecision::Day && !candidate.background)
            lead = &candidate;
        if (candidate.resolved.isValid() && candidate.dateOffsetDays) {
            candidate.resolved.date = candidate.resolved.date.addDays(-candidate.dateOffsetDays);
            candidate.resolved.dateEnd = candidate.resolved.dateEnd.addDays(-candidate.dateOffsetDays);
            candidate.resolved.reasoning += QStringLiteral("; %1 day(s) %2 that")
                                                .arg(std::abs(candidate.dateOffsetDays))
                                                .arg(candidate.dateOffsetDays > 0 ? QStringLiteral("before")
                                                                                  : QStringLiteral("after"));
        }
        if (candidate.resolved.isValid() && candidate.resolved.precision == DatePrecision::Day && !candidate.weakDate)
            previous = &candidate;
    }
}

QDate IncidentBuilder::yearContext(const DateMention& date, const QDate& anchor, QString* why) const
{
    // "... erupted into open conflict in January 2024. On 16 January, Iran launched ...": a day without a
    // year takes the year named just before it, in a look back, rather than the publication's.
    if (date.kind != DateMention::Kind::MonthDay || date.month == 0)
        return {};
    const DateMention* named = nullptr;
    for (const DateMention& other : m_mentions.dates) {
        if (other.start >= date.start)
            break;
        if ((other.kind == DateMention::Kind::MonthYear || other.kind == DateMention::Kind::Full) &&
            date.start - other.end < 400)
            named = &other;
    }
    if (!named || named->year == anchor.year() || named->year > anchor.year())
        return {};
    *why = QStringLiteral("year from \u201C%1\u201D just before it").arg(named->text);
    return QDate(named->year, 12, 31);
}

} // namespace makran
