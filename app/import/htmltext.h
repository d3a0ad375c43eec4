#pragma once

#include <QDate>
#include <QString>

namespace makran {

// Reduces an HTML page to its readable text: scripts, styles and navigation dropped, block elements
// become line breaks, entities decoded. Good enough for saved news articles; not a browser.
struct HtmlText {
    QString title;
    QString text;
    QDate published; // from <meta property="article:published_time"> or <time datetime>
};
HtmlText htmlToText(const QString& html);
bool looksLikeHtml(QStringView text);
QString decodeHtmlEntities(QStringView text);

} // namespace makran
