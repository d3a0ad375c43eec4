#include "render/mapstyle.h"

#include <QPalette>

namespace makran {

MapStyle MapStyle::lightStyle()
{
    MapStyle style;
    style.sea = QColor(0xB7, 0xD0, 0xE3);
    style.land = QColor(0xF1, 0xEE, 0xE8);
    style.neighbourLand = QColor(0xE2, 0xE0, 0xDB);
    style.focusLand = QColor(0xFB, 0xE6, 0xC4);
    style.countryBorder = QColor(0x8C, 0x84, 0x7A);
    style.provinceBorder = QColor(0xB9, 0xAF, 0xA3);
    style.focusBorder = QColor(0xA8, 0x5A, 0x1A);
    style.countryLabel = QColor(0x8A, 0x82, 0x78);
    style.provinceLabel = QColor(0x8C, 0x55, 0x25);
    style.townLabel = QColor(0x2E, 0x2E, 0x2E);
    style.labelHalo = QColor(255, 255, 255, 210);
    style.townDot = QColor(0x44, 0x44, 0x44);
    style.panel = QColor(255, 255, 255, 225);
    style.panelText = QColor(0x22, 0x22, 0x22);
    style.panelBorder = QColor(0, 0, 0, 60);
    style.markerOutline = QColor(0x20, 0x20, 0x20);
    style.selection = QColor(0x11, 0x11, 0x11);
    style.approximate = QColor(0x50, 0x50, 0x50);
    return style;
}

MapStyle MapStyle::darkStyle()
{
    MapStyle style;
    style.isDark = true;
    style.sea = QColor(0x17, 0x22, 0x2D);
    style.land = QColor(0x34, 0x37, 0x3C);
    style.neighbourLand = QColor(0x29, 0x2B, 0x2F);
    style.focusLand = QColor(0x4D, 0x3D, 0x2A);
    style.countryBorder = QColor(0x80, 0x84, 0x8A);
    style.provinceBorder = QColor(0x55, 0x59, 0x60);
    style.focusBorder = QColor(0xE0, 0xA0, 0x5C);
    style.countryLabel = QColor(0x9A, 0x9E, 0xA4);
    style.provinceLabel = QColor(0xE3, 0xB0, 0x7A);
    style.townLabel = QColor(0xE8, 0xE8, 0xE8);
    style.labelHalo = QColor(0, 0, 0, 190);
    style.townDot = QColor(0xD0, 0xD0, 0xD0);
    style.panel = QColor(0x20, 0x22, 0x26, 230);
    style.panelText = QColor(0xE6, 0xE6, 0xE6);
    style.panelBorder = QColor(255, 255, 255, 50);
    style.markerOutline = QColor(0x10, 0x10, 0x10);
    style.selection = QColor(0xFF, 0xFF, 0xFF);
    style.approximate = QColor(0xC8, 0xC8, 0xC8);
    return style;
}

MapStyle MapStyle::forPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? darkStyle() : lightStyle();
}

} // namespace makran
