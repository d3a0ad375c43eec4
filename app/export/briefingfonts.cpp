#include "export/briefingfonts.h"

#include <QFontDatabase>
#include <QGuiApplication>

namespace makran {

namespace {

bool isArabicScript(QChar c)
{
    return c.script() == QChar::Script_Arabic;
}

bool isRtl(QChar c)
{
    const QChar::Direction direction = c.direction();
    return direction == QChar::DirR || direction == QChar::DirAL;
}

} // namespace

QString arabicScriptFamily()
{
    static const QString family = [] {
        const int id =
            QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/NotoNaskhArabic-Regular.ttf"));
        const QStringList families = id >= 0 ? QFontDatabase::applicationFontFamilies(id) : QStringList();
        return families.isEmpty() ? QStringLiteral("Noto Naskh Arabic") : families.first();
    }();
    return family;
}

QFont briefingFont(double pointSize)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPointSizeF(pointSize);
    return font;
}

QFont figureFont(double pixelSize)
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    font.setPixelSize(std::max(1, qRound(pixelSize)));
    return font;
}

QString markArabicScript(const QString& escapedHtml)
{
    QString out;
    qsizetype i = 0;
    const qsizetype n = escapedHtml.size();
    while (i < n) {
        if (!isArabicScript(escapedHtml.at(i))) {
            out += escapedHtml.at(i++);
            continue;
        }
        // The run goes on over spaces and punctuation between Arabic letters and ends at the last letter.
        qsizetype end = i;
        qsizetype j = i;
        while (j < n) {
            const QChar c = escapedHtml.at(j);
            if (isArabicScript(c))
                end = j + 1;
            else if (c.isLetter() || c == u'<' || c == u'&')
                break;
            ++j;
        }
        out += QStringLiteral("<span style=\"font-family:'%1'\">").arg(arabicScriptFamily());
        out += QStringView(escapedHtml).mid(i, end - i);
        out += QStringLiteral("</span>");
        i = end;
    }
    return out;
}

QString isolateRtl(const QString& text)
{
    for (const QChar c : text) {
        if (isRtl(c))
            // The trailing left-to-right mark does the same for renderers without isolate support (Qt's own
            // text layout among them), where neutrals after the name would otherwise join its run.
            return QChar(0x2068) + text + QChar(0x2069) + QChar(0x200E);
    }
    return text;
}

} // namespace makran
