#pragma once

#include <QColor>

class QPalette;

namespace makran {

// The basemap's colours. Light and dark variants follow the system palette so the map does not glare
// in a dark desktop; the two focus provinces always stand apart from their neighbours.
struct MapStyle {
    QColor sea;
    QColor land;          // Pakistan and Iran outside the focus provinces
    QColor neighbourLand; // every other country, muted
    QColor focusLand;     // Balochistan and Sistan and Baluchestan
    QColor countryBorder;
    QColor provinceBorder;
    QColor focusBorder;
    QColor countryLabel;
    QColor provinceLabel;
    QColor townLabel;
    QColor labelHalo;
    QColor townDot;
    QColor panel; // legend and scale bar background
    QColor panelText;
    QColor panelBorder;
    QColor markerOutline;
    QColor selection;   // ring around selected markers
    QColor approximate; // dashed halo of province-level incidents
    bool isDark = false;

    static MapStyle lightStyle();
    static MapStyle darkStyle();
    static MapStyle forPalette(const QPalette& palette);
};

} // namespace makran
