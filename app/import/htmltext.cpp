#include "import/htmltext.h"

#include <QRegularExpression>

namespace makran {

namespace {

const QHash<QString, QChar>& namedEntities()
{
    static const QHash<QString, QChar> entities = {
        {QStringLiteral("amp"), u'&'},      {QStringLiteral("lt"), u'<'},       {QStringLiteral("gt"), u'>'},
        {QStringLiteral("quot"), u'"'},     {QStringLiteral("apos"), u'\''},    {QStringLiteral("nbsp"), u' '},
        {QStringLiteral("rsquo"), u'\u2019'}, {QStringLiteral("lsquo"), u'\u2018'},
        {QStringLiteral("rdquo"), u'\u201D'}, {QStringLiteral("ldquo"), u'\u201C'},
        {QStringLiteral("ndash"), u'\u2013'}, {QStringLiteral("mdash"), u'\u2014'},
        {QStringLiteral("hellip"), u'\u2026'},
    };
    return entities;
}

QString attribute(const QString& tag, const QString& name)
{
    const QRegularExpression re(name + QStringLiteral("\\s*=\\s*([\"'])(.*?)\\1"),
                                QRegularExpression::CaseInsensitiveOption);
    const auto match = re.match(tag);
    return match.hasMatch() ? match.captured(2) : QString();
}

} // namespace

bool looksLikeHtml(QStringView text)
{
    const QStringView head = text.left(2048).trimmed();
    return head.startsWith(u"<!doctype html", Qt::CaseInsensitive) || head.startsWith(u"<html", Qt::CaseInsensitive) ||
           (head.startsWith(u'<') && head.contains(u"<body", Qt::CaseInsensitive));
}

QString decodeHtmlEntities(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'&') {
            out += text[i];
            continue;
        }
        const qsizetype semi = text.indexOf(u';', i);
        if (semi < 0 || semi - i > 10) {
            out += text[i];
            continue;
        }
        const QStringView name = text.mid(i + 1, semi - i - 1);
        bool ok = false;
        if (name.startsWith(u'#')) {
            const uint code = name.startsWith(u"#x", Qt::CaseInsensitive) ? name.mid(2).toUInt(&ok, 16)
                                                                           : name.mid(1).toUInt(&ok, 10);
            if (ok && code > 0 && code <= 0x10FFFF) {
                out += QString::fromUcs4(reinterpret_cast<const char32_t*>(&code), 1);
                i = semi;
                continue;
            }
        } else if (auto it = namedEntities().constFind(name.toString().toLower()); it != namedEntities().constEnd()) {
            out += *it;
            i = semi;
            continue;
        }
        out += text[i];
    }
    return out;
}

HtmlText htmlToText(const QString& html)
{
    HtmlText result;
    static const QRegularExpression titleRe(QStringLiteral("<title[^>]*>(.*?)</title>"),
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    if (const auto m = titleRe.match(html); m.hasMatch())
        result.title = decodeHtmlEntities(m.captured(1)).simplified();

    static const QRegularExpression metaRe(QStringLiteral("<meta[^>]+>|<time[^>]+>"),
                                           QRegularExpression::CaseInsensitiveOption);
    for (auto it = metaRe.globalMatch(html); it.hasNext() && !result.published.isValid();) {
        const QString tag = it.next().captured();
        QString value;
        if (tag.startsWith(QStringLiteral("<time"), Qt::CaseInsensitive))
            value = attribute(tag, QStringLiteral("datetime"));
        else if (attribute(tag, QStringLiteral("property")).contains(QStringLiteral("published_time")) ||
                 attribute(tag, QStringLiteral("name")).contains(QStringLiteral("date"), Qt::CaseInsensitive))
            value = attribute(tag, QStringLiteral("content"));
        if (value.size() >= 10)
            result.published = QDate::fromString(value.left(10), Qt::ISODate);
    }

    QString body = html;
    static const QRegularExpression dropRe(
        QStringLiteral("<(script|style|noscript|nav|header|footer|aside|form|svg|head)\\b.*?</\\1\\s*>|<!--.*?-->"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    body.remove(dropRe);
    static const QRegularExpression blockRe(
        QStringLiteral("</?(p|div|br|h[1-6]|li|tr|article|section|blockquote)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    body.replace(blockRe, QStringLiteral("\n"));
    static const QRegularExpression tagRe(QStringLiteral("<[^>]*>"));
    body.remove(tagRe);
    body = decodeHtmlEntities(body);

    QStringList paragraphs;
    for (const QString& line : body.split(QLatin1Char('\n'))) {
        const QString clean = line.simplified();
        if (!clean.isEmpty())
            paragraphs << clean;
    }
    result.text = paragraphs.join(QLatin1Char('\n'));
    return result;
}

} // namespace makran
