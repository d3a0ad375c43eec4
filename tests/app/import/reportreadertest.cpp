// ReportReader: what is not a report is rejected with a reason naming the problem; text that is not
// UTF-8 is decoded as Windows-1252 with a warning; HTML is reduced to its text with title and date.
#include "import/htmltext.h"
#include "import/reportreader.h"

#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <unistd.h>

using makran::ReportReader;
using makran::test::writeFile;

namespace {

QByteArray pngBytes()
{
    QByteArray bytes("\x89PNG\r\n\x1a\n", 8);
    bytes += QByteArray("\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00", 21);
    bytes += QByteArray(512, '\0');
    bytes += QByteArray("IDATx\x9c\xed\xc1\x01\x0d\x00\x00\x00", 13);
    return bytes;
}

} // namespace

TEST_CASE("ReportReader: empty and whitespace-only files are rejected as empty", "[import][reader]")
{
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.txt"));
    const QString blank = dir.filePath(QStringLiteral("blank.txt"));
    REQUIRE(writeFile(empty, QByteArray()));
    REQUIRE(writeFile(blank, QByteArray("  \n\t\r\n   \n\n")));
    for (const QString& path : {empty, blank}) {
        INFO(path.toStdString());
        const auto result = ReportReader::read(path);
        CHECK_FALSE(result.report);
        CHECK(result.error.contains(QStringLiteral("empty"), Qt::CaseInsensitive));
    }
    // HTML with no readable text is no report either.
    const QString hollow = dir.filePath(QStringLiteral("hollow.html"));
    REQUIRE(writeFile(hollow, QByteArray("<html><head><script>var a = 1;</script></head><body>  </body></html>")));
    const auto result = ReportReader::read(hollow);
    CHECK_FALSE(result.report);
    CHECK_FALSE(result.error.isEmpty());
}

TEST_CASE("ReportReader: a binary file is rejected as binary", "[import][reader]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("photo.txt")); // the name does not make it text
    REQUIRE(writeFile(path, pngBytes()));
    const auto result = ReportReader::read(path);
    CHECK_FALSE(result.report);
    CHECK(result.error.contains(QStringLiteral("binary"), Qt::CaseInsensitive));

    // Text with a single NUL in it is binary too (a UTF-16 file, a database page).
    const auto utf16 = ReportReader::fromBytes(QByteArray("T\0u\0r\0b\0a\0t\0", 12), path);
    CHECK_FALSE(utf16.report);
    CHECK(utf16.error.contains(QStringLiteral("binary"), Qt::CaseInsensitive));
}

TEST_CASE("ReportReader: a missing file is rejected as not found", "[import][reader]")
{
    QTemporaryDir dir;
    const auto result = ReportReader::read(dir.filePath(QStringLiteral("nowhere.txt")));
    CHECK_FALSE(result.report);
    CHECK(result.error.contains(QStringLiteral("not found"), Qt::CaseInsensitive));
    const auto folder = ReportReader::read(dir.path());
    CHECK_FALSE(folder.report);
    CHECK_FALSE(folder.error.isEmpty());
}

TEST_CASE("ReportReader: an unreadable file is rejected as unreadable", "[import][reader]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.txt"));
    REQUIRE(writeFile(path, QByteArray("Gunmen attacked a bus near Khuzdar on Monday.\n")));
    REQUIRE(QFile::setPermissions(path, QFileDevice::Permissions()));
    if (::access(QFile::encodeName(path).constData(), R_OK) == 0) {
        WARN("running with permission to read a mode-000 file (root?): the unreadable-file check is skipped");
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return;
    }
    const auto result = ReportReader::read(path);
    CHECK_FALSE(result.report);
    CHECK(result.error.contains(QStringLiteral("read"), Qt::CaseInsensitive));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

TEST_CASE("ReportReader: Windows-1252 text is decoded with a warning", "[import][reader]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("word-export.txt"));
    // 0x93/0x94 are curly double quotes, 0x92 a right single quote, 0x96 an en dash, 0xE9 e-acute.
    const QByteArray bytes = "Levies official said \x93the road to Mand is closed\x94 \x96 the caf\xe9 owner\x92s "
                             "account.\r\nSecond line.\r\n";
    REQUIRE(writeFile(path, bytes));
    const auto result = ReportReader::read(path);
    REQUIRE(result.report);
    const QString text = result.report->text;
    CHECK(text.contains(QStringLiteral("\u201Cthe road to Mand is closed\u201D")));
    CHECK(text.contains(QStringLiteral("\u2013 the caf\u00E9 owner\u2019s")));
    CHECK_FALSE(text.contains(QChar(0xFFFD)));
    CHECK_FALSE(text.contains(u'\r')); // line ends normalised
    CHECK(text.contains(QStringLiteral("account.\nSecond line.")));
    REQUIRE(result.warnings.size() == 1);
    CHECK((result.warnings.first().contains(QStringLiteral("UTF-8")) ||
           result.warnings.first().contains(QStringLiteral("1252"))));

    // Plain Latin-1 (no 0x80-0x9F bytes) is decoded the same way.
    const auto latin1 = ReportReader::fromBytes(QByteArray("Qu\xe9tta \xe0 Gwadar, 12\xb0 C."), path);
    REQUIRE(latin1.report);
    CHECK(latin1.report->text == QStringLiteral("Qu\u00E9tta \u00E0 Gwadar, 12\u00B0 C."));
    CHECK(latin1.warnings.size() == 1);

    // Valid UTF-8 gets no warning and keeps its characters.
    const auto utf8 = ReportReader::fromBytes(QStringLiteral("\u201CKoh-e-Sabz\u201D \u062A\u0631\u0628\u062A").toUtf8(), path);
    REQUIRE(utf8.report);
    CHECK(utf8.warnings.isEmpty());
    CHECK(utf8.report->text == QStringLiteral("\u201CKoh-e-Sabz\u201D \u062A\u0631\u0628\u062A"));
}

TEST_CASE("ReportReader: a byte-order mark is not part of the text", "[import][reader]")
{
    const auto result = ReportReader::fromBytes(QByteArray("\xEF\xBB\xBFQuetta, 18 January 2024\n"), QStringLiteral("bom.txt"));
    REQUIRE(result.report);
    CHECK(result.report->text.startsWith(QStringLiteral("Quetta")));
    CHECK(result.warnings.isEmpty());
}

TEST_CASE("ReportReader: a 50 MB file is rejected as too large without being read", "[import][reader]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.txt"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        // Text at the start, then a sparse tail: were it read, it would be called binary instead.
        REQUIRE(file.write("Blast in Quetta. Three people were injured.\n") > 0);
        REQUIRE(file.resize(50LL * 1024 * 1024));
    }
    QElapsedTimer timer;
    timer.start();
    const auto result = ReportReader::read(path);
    const qint64 elapsed = timer.elapsed();
    CHECK_FALSE(result.report);
    INFO(result.error.toStdString());
    CHECK(result.error.contains(QStringLiteral("too large"), Qt::CaseInsensitive));
    CHECK(result.error.contains(QStringLiteral("50")));  // says how large it is
    CHECK(result.error.contains(QStringLiteral("8")));   // and what the limit is
    CHECK(elapsed < 1000);
}

TEST_CASE("ReportReader: the size limit is 8 MB exactly", "[import][reader]")
{
    QTemporaryDir dir;
    QByteArray line = "Protesters staged a sit-in outside the Gwadar port for the ninth day.\n";
    QByteArray bytes;
    bytes.reserve(ReportReader::kMaxFileBytes + 1);
    while (bytes.size() + line.size() <= ReportReader::kMaxFileBytes)
        bytes += line;
    bytes += QByteArray(ReportReader::kMaxFileBytes - bytes.size(), '.');
    REQUIRE(bytes.size() == ReportReader::kMaxFileBytes);
    const QString atLimit = dir.filePath(QStringLiteral("limit.txt"));
    REQUIRE(writeFile(atLimit, bytes));
    const auto accepted = ReportReader::read(atLimit);
    CHECK(accepted.report);
    CHECK(accepted.error.isEmpty());

    bytes += '\n';
    const QString over = dir.filePath(QStringLiteral("over.txt"));
    REQUIRE(writeFile(over, bytes));
    const auto rejected = ReportReader::read(over);
    CHECK_FALSE(rejected.report);
    CHECK(rejected.error.contains(QStringLiteral("too large"), Qt::CaseInsensitive));
}

TEST_CASE("ReportReader: an HTML page becomes its text, title and publication date", "[import][reader][html]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("article.html"));
    const QByteArray html = R"HTML(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Levies post attacked in Mashkel &amp; Washuk</title>
<meta property="article:published_time" content="2024-02-07T06:30:00+05:00">
<style>p { color: red; } .hidden-css-marker {}</style>
<script>var trackerMarker = "<p>not text</p>"; if (a < b) { run(); }</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/world">NavMarker</a></nav>
<header>HeaderMarker</header>
<article>
<h1>Levies post attacked</h1>
<p>Gunmen attacked a <b>Levies</b> post in Mashkel on Tuesday, killing two personnel.</p>
<p>An official said &ldquo;the attackers fled towards the border&rdquo; &amp; could not be traced.</p>
<!-- CommentMarker -->
<script type="text/javascript">document.write("ScriptMarker");</script>
</article>
<footer>FooterMarker &copy; 2024</footer>
</body>
</html>
)HTML";
    REQUIRE(writeFile(path, html));
    const auto result = ReportReader::read(path);
    REQUIRE(result.report);
    const makran::Report& report = *result.report;
    CHECK(report.title == QStringLiteral("Levies post attacked in Mashkel & Washuk"));
    CHECK(report.published == QDate(2024, 2, 7));
    const QString& text = report.text;
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Gunmen attacked a Levies post in Mashkel on Tuesday, killing two personnel.")));
    CHECK(text.contains(
        QStringLiteral("An official said \u201Cthe attackers fled towards the border\u201D & could not be traced.")));
    for (const char* marker : {"<", ">", "trackerMarker", "ScriptMarker", "hidden-css-marker", "color: red",
                               "NavMarker", "HeaderMarker", "FooterMarker", "CommentMarker", "&amp;", "&ldquo;"}) {
        INFO(marker);
        CHECK_FALSE(text.contains(QString::fromLatin1(marker)));
    }
    // Paragraphs stay apart: the two sentences are not run together on one line.
    CHECK(text.indexOf(u'\n', text.indexOf(QStringLiteral("personnel."))) <
          text.indexOf(QStringLiteral("An official")));
}

TEST_CASE("htmlToText: the publication date from <time datetime> or a date meta name", "[import][html]")
{
    const auto timeTag = makran::htmlToText(QStringLiteral(
        "<html><body><article><time datetime=\"2023-11-04T10:00\">4 Nov</time><p>Text.</p></article></body></html>"));
    CHECK(timeTag.published == QDate(2023, 11, 4));
    const auto metaName = makran::htmlToText(QStringLiteral(
        "<html><head><meta name=\"publish-date\" content=\"2022-05-21\"></head><body><p>Text.</p></body></html>"));
    CHECK(metaName.published == QDate(2022, 5, 21));
    const auto none = makran::htmlToText(QStringLiteral("<html><body><p>No date here.</p></body></html>"));
    CHECK_FALSE(none.published.isValid());
    CHECK(makran::decodeHtmlEntities(u"&#x1F6A8; &#8220;x&#8221; &lt;b&gt; &unknown; & alone") ==
          QStringLiteral("\U0001F6A8 \u201Cx\u201D <b> &unknown; & alone"));
}

TEST_CASE("ReportReader: plain text that mentions tags is not treated as HTML", "[import][reader][html]")
{
    const QByteArray text = "Quetta, 18 January 2024\n\nThe <b> tag and a <p> appear in this sentence about HTML.\n";
    const auto result = ReportReader::fromBytes(text, QStringLiteral("plain.txt"));
    REQUIRE(result.report);
    CHECK(result.report->text.contains(QStringLiteral("The <b> tag and a <p> appear")));
    CHECK(result.report->source == QStringLiteral("plain.txt"));
    CHECK(result.report->contentHash.size() == 64);
}
