// The briefing in PDF (read back with poppler's pdftotext), HTML and Markdown.
#include "exportfixture.h"

#include "export/briefingbuilder.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>

using namespace makran;
using makran::test::ExportFixture;

namespace {

// The PDF's text as poppler extracts it; empty (with a warning) when pdftotext is not installed.
QString pdfText(const QString& path)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty()) {
        WARN("pdftotext (poppler-utils) is not installed; the PDF's text is not checked");
        return QString();
    }
    QProcess process;
    process.start(pdftotext, {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    REQUIRE(process.waitForFinished(120000));
    INFO(process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    // Compatibility form: poppler reports ligatures ("ﬁ") and Arabic presentation forms as set.
    return QString::fromUtf8(process.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

// Letters only, in compatibility form: pdftotext may give Arabic-script letters as presentation forms
// and break lines anywhere, so compare the letters, not the layout.
QString letters(const QString& text)
{
    QString out;
    for (const QChar c : text.normalized(QString::NormalizationForm_KC)) {
        if (c.isLetterOrNumber())
            out += c;
    }
    return out;
}

} // namespace

TEST_CASE("briefing content cites a source for every statement", "[export][briefing]")
{
    ExportFixture fixture;
    const Briefing briefing = BriefingBuilder(fixture.request).build();
    CHECK(briefing.title == QStringLiteral("Makran weekly briefing"));
    CHECK(briefing.period == QStringLiteral("2024-01-15 to 2024-02-29"));
    CHECK(briefing.filter.contains(QStringLiteral("from 2024-01-01")));
    CHECK(briefing.filter.contains(QStringLiteral("Pakistan")));
    CHECK(briefing.notices.size() == 2); // one undated, one unlocated incident
    REQUIRE(briefing.incidents.size() == 5);
    // Chronological: the week of 15 January comes first, the undated incident last.
    CHECK(briefing.incidents.first().id == 2);
    CHECK(briefing.incidents.last().id == 5);
    for (const BriefingIncident& incident : briefing.incidents) {
        INFO("incident " << incident.id);
        for (const BriefingStatement& fact : incident.facts) {
            INFO(fact.label.toStdString());
            REQUIRE_FALSE(fact.sources.isEmpty());
            for (int number : fact.sources)
                CHECK((number >= 1 && number <= incident.sources.size()));
        }
        for (const BriefingQuote& quote : incident.quotes)
            CHECK_FALSE(quote.sources.isEmpty());
    }
    const BriefingIncident& panjgur = briefing.incidents.at(2);
    REQUIRE(panjgur.id == 1);
    // The date rests on the passage it was read from.
    const BriefingStatement& date = panjgur.facts.first();
    CHECK(date.label == QStringLiteral("Date"));
    const QString dateSource = panjgur.sources.at(date.sources.first() - 1);
    CHECK(dateSource.startsWith(
        QStringLiteral("Dawn, ‘Ten soldiers killed in Panjgur attack’, 2024-01-19, quote: “")));
    CHECK(dateSource.contains(QStringLiteral("On Thursday")));
    CHECK(panjgur.status == QStringLiteral("confirmed"));
    CHECK(panjgur.tags == QStringList{QStringLiteral("checkpost"), QStringLiteral("BLA")});
    // A second report is cited for "also reported by".
    CHECK(panjgur.sources.join(u'\n').contains(QStringLiteral("The Balochistan Post")));
}

TEST_CASE("pdf briefing holds the incidents, quotes, notes and page numbers", "[export][briefing][pdf]")
{
    ExportFixture fixture;
    const QByteArray bytes = fixture.exportBytes(ExportFormat::Pdf, QStringLiteral("b.pdf"));
    CHECK(bytes.startsWith("%PDF-"));
    const QString text = pdfText(fixture.path(QStringLiteral("b.pdf")));
    if (text.isEmpty())
        return;
    for (const char* expected : {"Makran weekly briefing",
                                 "Analyst A. Baloch",
                                 "2024-01-15 to 2024-02-29",
                                 "Map",
                                 "Timeline",
                                 "Incidents",
                                 "Panjgur",
                                 "Balochistan Liberation Army",
                                 "We will not allow terrorists to succeed",
                                 "ISPR spokesman",
                                 "Cross-checked against the ISPR press release.",
                                 "confirmed",
                                 "disputed",
                                 "Casualty figure differs in local reports.",
                                 "Jaish al-Adl",
                                 "Gwadar",
                                 "Page 1",
                                 "Page 2",
                                 "Page 3",
                                 "[1]",
                                 "Ten soldiers killed in Panjgur attack",
                                 "known to the week",
                                 "no coordinates"}) {
        INFO(expected);
        CHECK(text.contains(QString::fromUtf8(expected)));
    }
    // Urdu and Persian: the letters are in the text layer (shaped by the bundled Naskh font).
    const QString all = letters(text);
    for (const QString& arabicScript : {QStringLiteral("سراوان"), QStringLiteral("امنیت مردم اولویت ماست"),
                                        QStringLiteral("ہم اپنے حقوق کے لیے لڑیں گے")}) {
        INFO(arabicScript.toStdString());
        CHECK(all.contains(letters(arabicScript)));
    }
}

TEST_CASE("html briefing is one self-contained file with the same content", "[export][briefing][html]")
{
    ExportFixture fixture;
    const QString html = QString::fromUtf8(fixture.exportBytes(ExportFormat::Html, QStringLiteral("b.html")));
    CHECK(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    CHECK(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    CHECK(html.contains(QStringLiteral("src=\"data:image/png;base64,")));
    CHECK_FALSE(html.contains(QStringLiteral("<link")));
    CHECK_FALSE(html.contains(QStringLiteral("<script")));
    CHECK_FALSE(html.contains(QStringLiteral("src=\"http")));
    for (const QString& expected :
         {QStringLiteral("Makran weekly briefing"), QStringLiteral("We will not allow terrorists to succeed"),
          QStringLiteral("امنیت مردم اولویت ماست"), QStringLiteral("ہم اپنے حقوق کے لیے لڑیں گے"),
          QStringLiteral("Cross-checked against the ISPR press release."), QStringLiteral("<sup>[1]</sup>"),
          QStringLiteral("Sit-in in Gwadar, with &quot;quotes&quot;")}) {
        INFO(expected.toStdString());
        CHECK(html.contains(expected));
    }
}

TEST_CASE("markdown briefing has the same content", "[export][briefing][md]")
{
    ExportFixture fixture;
    const QString md = QString::fromUtf8(fixture.exportBytes(ExportFormat::Markdown, QStringLiteral("b.md")));
    CHECK(md.startsWith(QStringLiteral("# Makran weekly briefing\n")));
    CHECK(md.contains(QStringLiteral("| # | Date | Place | Event | Actors | Killed, injured | Status |")));
    CHECK(md.contains(QStringLiteral("![Map of the incidents](data:image/png;base64,")));
    for (const QString& expected :
         {QStringLiteral("We will not allow terrorists to succeed"), QStringLiteral("امنیت مردم اولویت ماست"),
          QStringLiteral("Analyst note: Cross-checked"), QStringLiteral("**Analyst status:** confirmed"),
          QStringLiteral("1. Dawn, ‘Ten soldiers killed in Panjgur attack’, 2024-01-19"),
          QStringLiteral(" \\[1\\]")}) {
        INFO(expected.toStdString());
        CHECK(md.contains(expected));
    }
}

TEST_CASE("briefings of an empty selection say so", "[export][briefing]")
{
    ExportFixture fixture;
    fixture.request.incidents.clear();
    CHECK(QString::fromUtf8(fixture.exportBytes(ExportFormat::Html, QStringLiteral("e.html")))
              .contains(QStringLiteral("No incidents")));
    CHECK(QString::fromUtf8(fixture.exportBytes(ExportFormat::Markdown, QStringLiteral("e.md")))
              .contains(QStringLiteral("No incidents")));
    fixture.exportBytes(ExportFormat::Pdf, QStringLiteral("e.pdf"));
    const QString text = pdfText(fixture.path(QStringLiteral("e.pdf")));
    if (!text.isEmpty()) {
        CHECK(text.contains(QStringLiteral("No incidents")));
        CHECK(text.contains(QStringLiteral("Page 1")));
    }
}
