#include "export/briefingfonts.h"

#include <QFontDatabase>

namespace makran {

QStringList briefingFontFamilies()
{
    static const QStringList families = [] {
        QStringList list;
        const QString general = QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
        if (!general.isEmpty())
            list << general;
        const int id =
            QFontDatabase::addApplicationFont(QStringLiteral(":/fonts/NotoNaskhArabic-Regular.ttf"));
        const QStringList bundled = id >= 0 ? QFontDatabase::applicationFontFamilies(id) : QStringList();
        list << (bundled.isEmpty() ? QStringList{QStringLiteral("Noto Naskh Arabic")} : bundled);
        return list;
    }();
    return families;
}

QFont briefingFont(double pointSize)
{
    QFont font;
    font.setFamilies(briefingFontFamilies());
    font.setPointSizeF(pointSize);
    return font;
}

} // namespace makran
