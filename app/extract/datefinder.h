#pragma once

#include "model/incident.h"

#include <QDate>
#include <QString>

#include <vector>

namespace makran {

// A date expression as written, before it is anchored to a calendar.
struct DateMention {
    enum class Kind {
        Full,      // January 16, 2024 / 16 Jan 2024 / 2024-01-16
        MonthDay,  // January 16 (year unknown), optionally with a weekday: "Tuesday, January 16"
        MonthYear, // January 2024
        Month,     // "in April": a month of the publication year (or the year before)
        Weekday,   // on Tuesday, Tuesday night, last Tuesday
        Today,     // today, this morning, tonight
        Yesterday,
        LastWeek,  // last week
        ThisMonth, // earlier this month
        LastMonth,
    };
    Kind kind = Kind::Full;
    qsizetype start = 0; // UTF-16 span in the report text
    qsizetype end = 0;
    int year = 0;
    int month = 0;
    int day = 0;
    int weekday = 0;      // 1 Monday .. 7 Sunday, 0 when not stated
    bool previousWeek = false; // "last Tuesday"
    QString text;
};

std::vector<DateMention> findDates(QStringView text);

// A date anchored to the calendar, with the reasoning shown to the analyst.
struct ResolvedDate {
    QDate date;
    QDate dateEnd;
    DatePrecision precision = DatePrecision::Unknown;
    QString reasoning;
    bool isValid() const { return date.isValid(); }
};

// Anchors a mention against the report's publication date (which may itself be an estimate).
ResolvedDate resolveDate(const DateMention& mention, const QDate& anchor, const QString& anchorReason);

QString weekdayName(int weekday);
int monthFromName(QStringView name); // "Jan", "january" -> 1; 0 when not a month

} // namespace makran
