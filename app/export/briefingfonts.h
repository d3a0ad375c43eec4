#pragma once

#include <QFont>
#include <QStringList>

namespace makran {

// Font families for briefings: the platform's general font for Latin text, then the bundled Noto Naskh
// Arabic (registered on first use) so Urdu and Persian names shape correctly even on machines without an
// Arabic-script font.
QStringList briefingFontFamilies();
QFont briefingFont(double pointSize);

} // namespace makran
