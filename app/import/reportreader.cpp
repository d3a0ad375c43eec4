#include "import/reportreader.h"

#include "import/htmltext.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

namespace makran {

namespace {

// Windows-1252 differs from Latin-1 only in 0x80-0x9F (curly quotes, dashes, euro...).
QString decodeWindows1252(const QByteArray& bytes)
{
    static const char16_t high[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    QString text(bytes.size(), Qt::Uninitialized);
    QChar* out = text.data();
    for (const char byte : bytes) {
        const auto code = static_cast<unsigned char>(byte);
        *out++ = (code >= 0x80 && code < 0xA0) ? QChar(high[code - 0x80]) : QChar(char16_t(code));
    }
    return text;
}

// Binary files carry NUL bytes or many control characters early on.
bool looksBinary(const QByteArray& bytes)
{
    const qsizetype probe = std::min<qsizetype>(bytes.size(), 8192);
    int control = 0;
    for (qsizetype i = 0; i < probe; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0)
            return true;
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
            ++control;
    }
    return probe > 0 && control * 20 > probe;
}

} // namespace

ReportReader::Result ReportReader::read(const QString& path)
{
    Result result;
    const QFileInfo info(path);
    if (!info.exists()) {
        result.error = QStringLiteral("file not found");
        return result;
    }
    if (!info.isFile()) {
        result.error = QStringLiteral("not a regular file");
        return result;
    }
    // Checked before reading so a huge file never enters memory.
    if (info.size() > kMaxFileBytes) {
        result.error = QStringLiteral("too large (%1 MB; the limit for one report is %2 MB)")
                           .arg(info.size() / (1024 * 1024))
                           .arg(kMaxFileBytes / (1024 * 1024));
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QStringLiteral("cannot be read (%1)").arg(file.errorString());
        return result;
    }
    return fromBytes(file.read(kMaxFileBytes + 1), path);
}

ReportReader::Result ReportReader::fromBytes(const QByteArray& bytes, const QString& path)
{
    Result result;
    if (bytes.trimmed().isEmpty()) {
        result.error = QStringLiteral("empty file");
        return result;
    }
    if (looksBinary(bytes)) {
        result.error = QStringLiteral("binary data, not a text or HTML report");
        return result;
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (utf8.hasError()) {
        text = decodeWindows1252(bytes);
        result.warnings << QStringLiteral("not valid UTF-8; decoded as Windows-1252");
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));

    Report report;
    report.path = path;
    report.source = QFileInfo(path).fileName();
    if (looksLikeHtml(text)) {
        HtmlText html = htmlToText(text);
        report.title = html.title;
        report.published = html.published;
        text = html.text;
    }
    if (text.trimmed().isEmpty()) {
        result.error = QStringLiteral("no readable text");
        return result;
    }
    report.text = text;
    report.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
    result.report = report;
    return result;
}

} // namespace makran
