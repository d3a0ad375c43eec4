#pragma once

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringView>

#include <optional>

namespace makran {

// One country or province outline. Coordinates are degrees with x = longitude, y = latitude.
struct BasemapFeature {
    enum class Layer { Country, Admin1 };
    Layer layer = Layer::Country;
    QString countryCode;    // ISO 3166-1 alpha-2; "XX" for disputed or unassigned land
    QString name;           // "Balochistan", "Sistan and Baluchestan", "Pakistan", ...
    QString code;           // ISO 3166-2 ("PK-BA", "IR-13"), "" when unknown or for countries
    QPointF label;          // a point inside the largest part, for placing the name
    QList<QPolygonF> rings; // outer rings and holes alike, filled with the even-odd rule
    QRectF bounds;          // of all rings
};

// The offline basemap: Natural Earth countries of the wider region and the provinces of
// Pakistan, Iran and Afghanistan, built by resources/scripts/make_basemap.py.
//
// File format "basemap.bin", little-endian:
//   char[4] "MKBM"; u32 version (= 1); u32 featureCount; then per feature:
//   u8 layer (0 country, 1 admin1); char[2] ISO2 country code (ASCII);
//   u16 byteLength + UTF-8 name; u16 byteLength + UTF-8 code ("" if none);
//   f32 labelLon; f32 labelLat; u32 ringCount; per ring: u32 pointCount, then pointCount x (f32 lon, f32
//   lat).
// Rings are stored without repeating the first point; holes are rings like any other (even-odd fill).
class Basemap {
  public:
    // Both return false with a reason in *error (if given) on unreadable or malformed input;
    // the previously loaded features are then kept unchanged.
    bool loadFile(const QString& path, QString* error);
    bool loadData(const QByteArray& data, QString* error);

    // The basemap compiled in at :/geo/basemap.bin, loaded on first use and immutable afterwards.
    static const Basemap& builtIn();

    const QList<BasemapFeature>& features() const { return m_features; }
    bool isEmpty() const { return m_features.isEmpty(); }

    // Exact (case-insensitive) name match within a country, e.g. admin1(u"Balochistan", u"PK").
    const BasemapFeature* admin1(QStringView name, QStringView countryCode) const;
    const BasemapFeature* country(QStringView countryCode) const;

    // The feature of the layer whose polygon contains the point. Points just off a coastline or
    // border (within coastTolerance degrees of the nearest edge) go to the nearest feature, since
    // the outlines are generalised to about 1 km.
    const BasemapFeature* featureAt(double lat, double lon, BasemapFeature::Layer layer,
                                    double coastTolerance = kCoastTolerance) const;

    // Reverse geocoding to a province name ("Balochistan"), optionally with its country code.
    std::optional<QString> admin1At(double lat, double lon, QString* countryCode = nullptr) const;

    static constexpr double kCoastTolerance = 0.05;

  private:
    QList<BasemapFeature> m_features;
};

// Even-odd containment over all rings of a feature (outer rings and holes).
bool featureContains(const BasemapFeature& feature, double lat, double lon);
// Shortest distance in degrees from the point to any ring edge of the feature.
double distanceToFeature(const BasemapFeature& feature, double lat, double lon);

} // namespace makran
