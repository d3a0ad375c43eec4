#pragma once

#include "extract/datefinder.h"

#include <QDate>
#include <QString>

#include <optional>

namespace makran {

// What a report says about itself: a header block ("Title: ...", "Source: ...", "Date: ..."), a title
// line, a "Published January 18, 2024" line, a press-release "Islamabad, 18 January 2024" line or a
// wire dateline "QUETTA, Jan 18 (Reuters) -".
struct ReportMetadata {
    QString title;
    QString source;
    QString url;
    QDate published;
    QString publishedEvidence; // the words the date came from
    qsizetype publishedStart = -1;
    qsizetype publishedEnd = -1;
    std::optional<DateMention> datelineWithoutYear; // "QUETTA, Jan 18 -": the year is still unknown
    QString datelinePlace;
    qsizetype datelineStart = -1; // the whole dateline ("QUETTA, Jan 18 (Reuters) -"): a bureau, not a scene
    qsizetype datelineEnd = -1;
    qsizetype titleStart = -1; // the title line; it restates the lead, so it adds no incident of its own
    qsizetype titleEnd = -1;
};

ReportMetadata readMetadata(QStringView text);

} // namespace makran
