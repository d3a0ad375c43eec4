#include "extract/reportmetadata.h"

#include <QRegularExpression>

namespace makran {

namespace {

// "Wednesday, 5 June 2024 | 16 Khordad 1403", "Thursday, 27 Aban 1400 (18 November 2021)": the same day
// in another calendar beside the Gregorian date, on a short line of its own; or the time it was filed
// ("October 12, 2023 09:40 PKT").
bool isCalendarAside(const QString& line, const DateMention& date)
{
    if (line.size() > 70)
        return false;
    const QString rest = line.left(date.start) + line.mid(date.end);
    // "Monthly report – Saturday, 1 April 2023": a short label, then the date.
    // (A "Date:" field of a header block is read with the other fields.)
    static const QRegularExpression label(QStringLiteral("^[A-Z][A-Za-z ]{2,30}\\s*[\u2013\u2014|-]\\s*$"));
    if (date.end >= line.trimmed().size() && label.match(line.left(date.start)).hasMatch() &&
        !line.startsWith(QStringLiteral("Published"), Qt::CaseInsensitive) &&
        !line.startsWith(QStringLiteral("Updated"), Qt::CaseInsensitive))
        return true;
    if (!std::any_of(rest.begin(), rest.end(), [](QChar c) { return c.isDigit(); }))
        return false; // no second date: "Published Wednesday, 12 February 2025" is read as a published line
    static const QRegularExpression aside(QStringLiteral(
        "^[\\s|()\\[\\],/:\u2013\u2014-]*(?:[A-Z][A-Za-z]+\\s*,?\\s*|\\d{1,4}\\s*[:.]?\\s*)*[\\s|()\\[\\],/:\u2013\u2014-]*$"));
    return aside.match(rest).hasMatch();
}

// Every full date findDates() reads has a four-digit year, and its \d is ASCII only: text without
// four ASCII digits in a row has no full date, and is not worth the search.
bool mayHaveFullDate(QStringView text)
{
    int run = 0;
    for (const QChar c : text) {
        run = c >= u'0' && c <= u'9' ? run + 1 : 0;
        if (run == 4)
            return true;
    }
    return false;
}

struct Line {
    qsizetype start;
    QString text;
};

std::vector<Line> leadingLines(QStringView text, int count)
{
    std::vector<Line> lines;
    qsizetype start = 0;
    while (start < text.size() && int(lines.size()) < count) {
        qsizetype end = text.indexOf(u'\n', start);
        if (end < 0)
            end = text.size();
        lines.push_back(Line{start, text.mid(start, end - start).toString()});
        start = end + 1;
    }
    return lines;
}

// A full date found at the start of `text`, or an invalid date.
QDate fullDateIn(const QString& text, qsizetype* matchEnd = nullptr)
{
    if (!mayHaveFullDate(text))
        return QDate();
    for (const DateMention& mention : findDates(text)) {
        if (mention.kind == DateMention::Kind::Full) {
            if (matchEnd)
                *matchEnd = mention.end;
            return QDate(mention.year, mention.month, mention.day);
        }
    }
    return QDate();
}

} // namespace

ReportMetadata readMetadata(QStringView text)
{
    ReportMetadata meta;
    const std::vector<Line> lines = leadingLines(text, 12);
    static const QRegularExpression headerField(
        QStringLiteral("^\\s*(Title|Headline|Source|Outlet|Publication|Date|Published|Dated|URL|Link)\\s*:\\s*(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression publishedLine(
        QStringLiteral("^\\s*(?:Published|Posted|Updated|First published|Issue of|Issued|Edition of|Released)\\s*(?:on|:)?\\s*(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression placeDateLine(
        QStringLiteral("^\\s*[A-Z][A-Za-z .'/-]{2,40},\\s*(?:[A-Z][a-z]+day,?\\s*)?((?:\\d{1,2}\\s+\\w+|\\w+\\s+\\d{1,2}),?\\s+\\d{4})\\s*$"));
    static const QRegularExpression dateline(
        QStringLiteral("^\\s*([A-Z][A-Z .'-]{2,30}(?:,\\s*[A-Z][A-Za-z]+)?),?\\s+"
                       "((?:[A-Z][a-z]+day,?\\s+)?(?:[A-Z][a-z]{2,8}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+[A-Z][a-z]{2,8})"
                       "(?:,?\\s+\\d{4})?)\\s*(?:\\(([^)]{2,40})\\))?\\s*[-\u2013\u2014:]"));

    // A bare date line near the top ("8 February 2023", "Saturday, 21 May 2022") is the publication date;
    // a short line above it names the outlet.
    size_t bodyFrom = 0;
    for (size_t i = 0; i < std::min<size_t>(lines.size(), 6); ++i) {
        const QString trimmed = lines[i].text.trimmed();
        if (!mayHaveFullDate(trimmed))
            continue; // the line must be one full date (or one beside another calendar's)
        std::vector<DateMention> dates = findDates(trimmed);
        if (dates.size() > 1) // "Thursday, 27 Aban 1400 (18 November 2021)": the weekday is the other calendar's
            std::erase_if(dates, [](const DateMention& d) { return d.kind == DateMention::Kind::Weekday; });
        if (dates.size() != 1 || dates.front().kind != DateMention::Kind::Full ||
            (dates.front().text.size() + 2 < trimmed.size() && !isCalendarAside(trimmed, dates.front())))
            continue;
        const DateMention& d = dates.front();
        meta.published = QDate(d.year, d.month, d.day);
        meta.publishedEvidence = trimmed;
        meta.publishedStart = lines[i].start;
        meta.publishedEnd = lines[i].start + lines[i].text.size();
        for (size_t j = 0; j < i; ++j) {
            const QString above = lines[j].text.trimmed();
            if (!above.isEmpty() && above.size() < 60 && !above.endsWith(u'.') && meta.source.isEmpty())
                meta.source = above;
        }
        bodyFrom = i + 1;
        break;
    }

    bool inHeader = bodyFrom == 0;
    int firstBodyLine = -1;
    for (size_t i = bodyFrom; i < lines.size(); ++i) {
        const Line& line = lines[i];
        if (line.text.trimmed().isEmpty()) {
            inHeader = false;
            continue;
        }
        if (inHeader) {
            const auto field = headerField.match(line.text);
            if (field.hasMatch()) {
                const QString key = field.captured(1).toLower();
                const QString value = field.captured(2).trimmed();
                if (key == u"title" || key == u"headline")
                    meta.title = value;
                else if (key == u"source" || key == u"outlet" || key == u"publication")
                    meta.source = value;
                else if (key == u"url" || key == u"link")
                    meta.url = value;
                else if (!meta.published.isValid()) {
                    meta.published = fullDateIn(value);
                    meta.publishedEvidence = value;
                    meta.publishedStart = line.start + field.capturedStart(2);
                    meta.publishedEnd = line.start + field.capturedEnd(2);
                }
                continue;
            }
        }
        inHeader = false;
        if (!meta.published.isValid()) {
            if (const auto m = publishedLine.match(line.text); m.hasMatch()) {
                qsizetype end = 0;
                meta.published = fullDateIn(m.captured(1), &end);
                if (meta.published.isValid()) {
                    meta.publishedEvidence = m.captured(1).left(end);
                    meta.publishedStart = line.start + m.capturedStart(1);
                    meta.publishedEnd = meta.publishedStart + end;
                    continue;
                }
            }
            if (const auto m = placeDateLine.match(line.text); m.hasMatch()) {
                meta.published = fullDateIn(m.captured(1));
                if (meta.published.isValid()) {
                    meta.publishedEvidence = m.captured(0).trimmed();
                    meta.publishedStart = line.start + m.capturedStart(0);
                    meta.publishedEnd = line.start + m.capturedEnd(0);
                    continue;
                }
            }
        }
        if (const auto m = dateline.match(line.text); m.hasMatch() && meta.datelinePlace.isEmpty()) {
            meta.datelinePlace = m.captured(1).trimmed();
            meta.datelineStart = line.start + m.capturedStart(0);
            meta.datelineEnd = line.start + m.capturedEnd(0);
            if (!m.captured(3).isEmpty() && meta.source.isEmpty())
                meta.source = m.captured(3).trimmed();
            const std::vector<DateMention> dates = findDates(m.captured(2));
            if (!dates.empty() && !meta.published.isValid()) {
                DateMention date = dates.front();
                date.start += line.start + m.capturedStart(2);
                date.end += line.start + m.capturedStart(2);
                if (date.kind == DateMention::Kind::Full) {
                    meta.published = QDate(date.year, date.month, date.day);
                    meta.publishedEvidence = date.text;
                    meta.publishedStart = date.start;
                    meta.publishedEnd = date.end;
                } else if (date.kind == DateMention::Kind::MonthDay) {
                    meta.datelineWithoutYear = date;
                }
            }
        }
        // "ZAHIDAN (SNA) — ...": a bureau and an agency without a date is a dateline too.
        static const QRegularExpression agencyDateline(
            QStringLiteral("^\\s*([A-Z][A-Z .'-]{2,30})\\s*\\(([A-Z][A-Za-z ]{1,30})\\)\\s*[-\u2013\u2014:]"));
        if (const auto m = agencyDateline.match(line.text); m.hasMatch() && meta.datelinePlace.isEmpty()) {
            meta.datelinePlace = m.captured(1).trimmed();
            meta.datelineStart = line.start + m.capturedStart(0);
            meta.datelineEnd = line.start + m.capturedEnd(0);
            if (meta.source.isEmpty())
                meta.source = m.captured(2).trimmed();
        }
        if (firstBodyLine < 0)
            firstBodyLine = int(i);
        // A title: the first body line, short, not a sentence, followed by a blank line or more text.
        if (meta.title.isEmpty() && int(i) == firstBodyLine) {
            const QString trimmed = line.text.trimmed();
            const bool sentence = trimmed.endsWith(u'.') || trimmed.size() > 160;
            if (!sentence && !dateline.match(line.text).hasMatch() && i + 1 < lines.size()) {
                meta.title = trimmed;
                meta.titleStart = line.start;
                meta.titleEnd = line.start + line.text.size();
            }
        }
    }
    return meta;
}

} // namespace makran
