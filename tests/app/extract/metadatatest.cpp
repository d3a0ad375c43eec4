// What a report says about itself: wire datelines with and without a year, "Published ..." lines,
// header blocks and press-release place-date lines. Every text here was written for the test.
#include "extract/reportmetadata.h"

#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;
using makran::test::onlyIncident;

TEST_CASE("Metadata: a wire dateline with a year gives the publication date and the bureau", "[extract][metadata]")
{
    const QString text = QStringLiteral(
        "QUETTA, Jan 18, 2024 (Reuters) - Gunmen killed four labourers at a brick kiln in Kharan on Tuesday, "
        "officials said.\n");
    const ReportMetadata meta = readMetadata(text);
    CHECK(meta.published == QDate(2024, 1, 18));
    CHECK(meta.datelinePlace.compare(QStringLiteral("QUETTA"), Qt::CaseInsensitive) == 0);
    CHECK(meta.source == QStringLiteral("Reuters"));
    CHECK_FALSE(meta.datelineWithoutYear.has_value());
    REQUIRE(meta.datelineStart == 0);
    CHECK(text.mid(meta.datelineStart, meta.datelineEnd - meta.datelineStart).startsWith(QStringLiteral("QUETTA, Jan 18")));
    CHECK_FALSE(text.mid(meta.datelineStart, meta.datelineEnd - meta.datelineStart).contains(QStringLiteral("Gunmen")));
}

TEST_CASE("Metadata: a wire dateline without a year leaves the year open", "[extract][metadata]")
{
    const QString text = QStringLiteral(
        "QUETTA, Jan 18 (Reuters) - Gunmen killed four labourers at a brick kiln in Kharan on Tuesday, "
        "officials said.\n");
    const ReportMetadata meta = readMetadata(text);
    CHECK_FALSE(meta.published.isValid());
    CHECK(meta.datelinePlace.compare(QStringLiteral("QUETTA"), Qt::CaseInsensitive) == 0);
    CHECK(meta.source == QStringLiteral("Reuters"));
    REQUIRE(meta.datelineWithoutYear.has_value());
    CHECK(meta.datelineWithoutYear->month == 1);
    CHECK(meta.datelineWithoutYear->day == 18);
}

TEST_CASE("Metadata: a dateline without a year still anchors relative dates", "[extract][metadata]")
{
    // "on Tuesday" in a "Jan 18" dateline: the Tuesday on or before January 18 of the assumed year.
    const QString text = QStringLiteral(
        "QUETTA, Jan 18 (Reuters) - Gunmen killed four labourers at a brick kiln in Kharan on Tuesday, "
        "officials said.\n");
    const ExtractionResult result = extractText(text);
    const Incident incident = onlyIncident(result);
    INFO(describe(result));
    REQUIRE(incident.date.isValid());
    CHECK(incident.date.dayOfWeek() == Qt::Tuesday);
    CHECK(incident.date.month() == 1);
    CHECK(incident.date.day() >= 12);
    CHECK(incident.date.day() <= 18);
    CHECK(incident.date <= QDate::currentDate());
    // The dateline names a bureau, not the scene.
    CHECK(incident.place.name == QStringLiteral("Kharan"));
    // The missing year is said, not hidden.
    CHECK_FALSE(result.warnings.isEmpty());
}

TEST_CASE("Metadata: with a year in the dateline, weekdays resolve exactly", "[extract][metadata]")
{
    const ExtractionResult result = extractText(QStringLiteral(
        "QUETTA, Jan 18, 2024 (Reuters) - Gunmen killed four labourers at a brick kiln in Kharan on Tuesday, "
        "officials said.\n"));
    const Incident incident = onlyIncident(result);
    INFO(describe(result));
    CHECK(result.report.published == QDate(2024, 1, 18));
    CHECK(incident.date == QDate(2024, 1, 16)); // Thursday 18th -> Tuesday 16th
    CHECK(incident.place.name == QStringLiteral("Kharan"));
    CHECK(result.report.source == QStringLiteral("Reuters"));
}

TEST_CASE("Metadata: a \"Published ...\" line and a title line", "[extract][metadata]")
{
    const QString text = QStringLiteral(
        "Levies checkpost attacked in Washuk\n"
        "\n"
        "Published January 18, 2024\n"
        "\n"
        "Militants attacked a Levies checkpost in Washuk on Wednesday night, officials said.\n");
    const ReportMetadata meta = readMetadata(text);
    CHECK(meta.published == QDate(2024, 1, 18));
    CHECK(meta.title == QStringLiteral("Levies checkpost attacked in Washuk"));
    REQUIRE(meta.publishedStart >= 0);
    CHECK(text.mid(meta.publishedStart, meta.publishedEnd - meta.publishedStart).contains(QStringLiteral("January 18, 2024")));

    const ExtractionResult result = extractText(text);
    CHECK(result.report.title == QStringLiteral("Levies checkpost attacked in Washuk"));
    CHECK(result.report.published == QDate(2024, 1, 18));
    const Incident incident = onlyIncident(result);
    CHECK(incident.date == QDate(2024, 1, 17)); // the publication date itself is not the event date
}

TEST_CASE("Metadata: other spellings of the published line", "[extract][metadata]")
{
    CHECK(readMetadata(u"Bus attacked\n\nPublished: 5 March 2023\n\nText follows here.\n").published == QDate(2023, 3, 5));
    CHECK(readMetadata(u"Bus attacked\n\nPublished on March 5, 2023 10:41 PKT\n\nText follows.\n").published ==
          QDate(2023, 3, 5));
    CHECK(readMetadata(u"Bus attacked\n\nUpdated 2023-03-05\n\nText follows here.\n").published == QDate(2023, 3, 5));
}

TEST_CASE("Metadata: a header block of fields", "[extract][metadata]")
{
    const QString text = QStringLiteral(
        "Title: Shutter-down strike in Panjgur\n"
        "Source: Makran Weekly\n"
        "Date: 18 January 2024\n"
        "URL: https://example.org/panjgur-strike\n"
        "\n"
        "Traders observed a shutter-down strike in Panjgur on Tuesday against the closure of the border.\n");
    const ReportMetadata meta = readMetadata(text);
    CHECK(meta.title == QStringLiteral("Shutter-down strike in Panjgur"));
    CHECK(meta.source == QStringLiteral("Makran Weekly"));
    CHECK(meta.url == QStringLiteral("https://example.org/panjgur-strike"));
    CHECK(meta.published == QDate(2024, 1, 18));

    const ExtractionResult result = extractText(text);
    CHECK(result.report.title == QStringLiteral("Shutter-down strike in Panjgur"));
    CHECK(result.report.source == QStringLiteral("Makran Weekly"));
    CHECK(result.report.url == QStringLiteral("https://example.org/panjgur-strike"));
    const Incident incident = onlyIncident(result);
    INFO(describe(result));
    CHECK(incident.date == QDate(2024, 1, 16));
    CHECK(incident.place.name == QStringLiteral("Panjgur"));
}

TEST_CASE("Metadata: a press-release place and date line", "[extract][metadata]")
{
    const QString text = QStringLiteral(
        "Press Release\n"
        "\n"
        "Islamabad, 18 January 2024\n"
        "\n"
        "The Ministry of Foreign Affairs condemns the attack on a Frontier Corps convoy in Turbat on Tuesday.\n");
    const ReportMetadata meta = readMetadata(text);
    CHECK(meta.published == QDate(2024, 1, 18));
    const ExtractionResult result = extractText(text);
    CHECK(result.report.published == QDate(2024, 1, 18));
    INFO(describe(result));
    REQUIRE_FALSE(result.incidents.isEmpty());
    // Islamabad is where the release was issued; the attack was in Turbat on the 16th.
    CHECK(result.incidents.first().place.name == QStringLiteral("Turbat"));
    CHECK(result.incidents.first().date == QDate(2024, 1, 16));
}

TEST_CASE("Metadata: a date given by the caller wins over the text", "[extract][metadata]")
{
    const ExtractionResult result = extractText(QStringLiteral("Published January 18, 2024\n\n"
                                                               "Gunmen attacked a bank in Kharan on Monday.\n"),
                                                QDate(2024, 2, 1));
    CHECK(result.report.published == QDate(2024, 2, 1));
    const Incident incident = onlyIncident(result);
    CHECK(incident.date == QDate(2024, 1, 29)); // the Monday before Thursday 1 February
}

TEST_CASE("Metadata: a date line with the same day in the Iranian calendar dates the report", "[extract][metadata]")
{
    for (const QString& line : {QStringLiteral("Wednesday, 5 June 2024 | 16 Khordad 1403"),
                                QStringLiteral("Wednesday, 16 Khordad 1403 (5 June 2024)")}) {
        INFO(line.toStdString());
        const ReportMetadata meta = readMetadata(QStringLiteral("Provincial News Agency\n") + line +
                                                 QStringLiteral("\n\nTwo guards killed near Rask\n\nBody text."));
        CHECK(meta.published == QDate(2024, 6, 5));
    }
}

TEST_CASE("Metadata: a labelled date line dates the report", "[extract][metadata]")
{
    const ReportMetadata meta = readMetadata(QStringLiteral(
        "Rights Campaign\nMonthly report \u2013 Saturday, 1 April 2023\n\nWhat happened in March\n\nBody text."));
    CHECK(meta.published == QDate(2023, 4, 1));
}

TEST_CASE("Metadata: a date line with the time it was filed dates the report", "[extract][metadata]")
{
    const ReportMetadata meta = readMetadata(QStringLiteral(
        "Militants storm a post near Mashkel\n\nOctober 12, 2023 09:40 PKT\n\nQUETTA, Oct 12 (Wire) - Body text."));
    CHECK(meta.published == QDate(2023, 10, 12));
}
