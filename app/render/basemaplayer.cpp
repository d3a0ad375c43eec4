#include "render/basemaplayer.h"

#include "geo/basemap.h"
#include "geo/gazetteer.h"
#include "geo/webmercator.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace makran {

namespace {

constexpr int kMaxLevel = 15;
constexpr double kSimplifyPixels = 0.6; // a vertex closer than this to the last kept one adds nothing

bool isFocusCountry(const QString& cc)
{
    return cc == u"PK" || cc == u"IR";
}

QPen cosmetic(const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, width, style, Qt::FlatCap, Qt::BevelJoin); // round joins cost a curve per vertex
    pen.setCosmetic(true);
    return pen;
}

// Text with a halo, so labels read over borders on any fill. Drawn as offset copies of the text, which
// come from the glyph cache: stroking text outlines cost ~1 ms per label.
void drawHaloText(QPainter& painter, QPointF baseline, const QString& text, const QFont& font,
                  const QColor& fill, const QColor& halo)
{
    static const QPointF offsets[] = {{-1, -1}, {0, -1.3}, {1, -1},  {-1.3, 0},
                                      {1.3, 0}, {-1, 1},   {0, 1.3}, {1, 1}};
    painter.setFont(font);
    QColor soft = halo;
    soft.setAlphaF(std::min(1.0f, halo.alphaF() * 0.6f)); // the copies overlap; keep the sum near `halo`
    painter.setPen(soft);
    for (const QPointF& offset : offsets)
        painter.drawText(baseline + offset, text);
    painter.setPen(fill);
    painter.drawText(baseline, text);
}

bool collides(const QRectF& rect, const QList<QRectF>& taken)
{
    return std::any_of(taken.begin(), taken.end(),
                       [&rect](const QRectF& other) { return other.intersects(rect); });
}

} // namespace

struct BasemapLayer::Level {
    std::vector<QPainterPath> paths; // per feature, world pixels at this level
};

struct BasemapLayer::Town {
    QString name;
    double lat = 0;
    double lon = 0;
    int population = 0;
    bool city = false;
    bool focus = false; // in Balochistan or Sistan and Baluchestan
};

BasemapLayer::BasemapLayer() : BasemapLayer(Basemap::builtIn(), &Gazetteer::builtIn()) {}

BasemapLayer::BasemapLayer(const Basemap& basemap, const Gazetteer* gazetteer) : m_basemap(basemap)
{
    if (gazetteer) {
        for (const GazetteerEntry& entry : gazetteer->entries()) {
            if (entry.kind != PlaceKind::City && entry.kind != PlaceKind::Town)
                continue;
            m_towns.push_back({entry.name, entry.lat, entry.lon, entry.population,
                               entry.kind == PlaceKind::City, isFocusProvince(entry.admin1, entry.country)});
        }
    }
    // Label priority: the focus provinces' places, cities before towns, then by population; ties by
    // name for stable screenshots.
    std::sort(m_towns.begin(), m_towns.end(), [](const Town& a, const Town& b) {
        if (a.focus != b.focus)
            return a.focus;
        if (a.city != b.city)
            return a.city;
        if (a.population != b.population)
            return a.population > b.population;
        return a.name < b.name;
    });
}

BasemapLayer::~BasemapLayer() = default;

bool BasemapLayer::isEmpty() const
{
    return m_basemap.isEmpty();
}

bool BasemapLayer::isFocusProvince(const QString& admin1, const QString& countryCode)
{
    return (countryCode == u"PK" && admin1.compare(u"Balochistan", Qt::CaseInsensitive) == 0) ||
           (countryCode == u"IR" && admin1.compare(u"Sistan and Baluchestan", Qt::CaseInsensitive) == 0);
}

std::optional<QPointF> BasemapLayer::provinceLabel(const QString& admin1, const QString& countryCode) const
{
    if (admin1.isEmpty())
        return std::nullopt;
    const BasemapFeature* feature = m_basemap.admin1(admin1, countryCode);
    if (!feature)
        return std::nullopt;
    return feature->label;
}

QRectF BasemapLayer::focusRegion() const
{
    QRectF box;
    for (const auto& [name, cc] :
         {std::pair(u"Balochistan", u"PK"), std::pair(u"Sistan and Baluchestan", u"IR")}) {
        if (const BasemapFeature* feature = m_basemap.admin1(name, cc))
            box = box.isNull() ? feature->bounds : box.united(feature->bounds);
    }
    // Without a basemap, the two provinces' approximate extent.
    return box.isNull() ? QRectF(QPointF(58.0, 24.5), QPointF(70.5, 32.2)) : box;
}

const BasemapLayer::Level& BasemapLayer::level(int zoomLevel)
{
    auto it = m_levels.constFind(zoomLevel);
    if (it != m_levels.constEnd())
        return **it;
    auto level = std::make_shared<Level>();
    const QList<BasemapFeature>& features = m_basemap.features();
    level->paths.reserve(size_t(features.size()));
    for (const BasemapFeature& feature : features) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const QPolygonF& ring : feature.rings) {
            QPolygonF projected;
            projected.reserve(ring.size());
            for (const QPointF& point : ring) {
                const QPointF world = WebMercator::toWorld(point.y(), point.x(), double(zoomLevel));
                if (projected.isEmpty() ||
                    std::abs(world.x() - projected.last().x()) + std::abs(world.y() - projected.last().y()) >=
                        kSimplifyPixels)
                    projected << world;
            }
            if (projected.size() < 3 ||
                projected.boundingRect().width() + projected.boundingRect().height() < 1.0)
                continue; // an islet smaller than a pixel at this zoom
            path.addPolygon(projected);
            path.closeSubpath();
        }
        level->paths.push_back(std::move(path));
    }
    m_levels.insert(zoomLevel, level);
    return *level;
}

void BasemapLayer::paint(QPainter& painter, const MapCamera& camera, const MapStyle& style)
{
    const QRectF viewport(QPointF(0, 0), camera.viewport());
    painter.fillRect(viewport, style.sea);
    if (m_basemap.isEmpty())
        return;
    // Outlines come from the next finer integer level and are scaled down by at most 2x, so they
    // are never coarser than a pixel.
    const int zoomLevel = std::clamp(int(std::ceil(camera.zoom() - 1e-9)), 0, kMaxLevel);
    const Level& cached = level(zoomLevel);
    const double scale = std::exp2(camera.zoom() - zoomLevel);
    const QRectF visible = camera.visibleBox().adjusted(-1, -1, 1, 1);

    painter.save();
    painter.translate(-camera.worldTopLeft());
    painter.scale(scale, scale);
    const QList<BasemapFeature>& features = m_basemap.features();
    auto each = [&](auto&& draw) {
        for (qsizetype i = 0; i < features.size(); ++i) {
            if (features[i].bounds.intersects(visible))
                draw(features[i], cached.paths[size_t(i)]);
        }
    };
    painter.setPen(Qt::NoPen);
    each([&](const BasemapFeature& feature, const QPainterPath& path) {
        if (feature.layer != BasemapFeature::Layer::Country)
            return;
        painter.setBrush(isFocusCountry(feature.countryCode) ? style.land : style.neighbourLand);
        painter.drawPath(path);
    });
    each([&](const BasemapFeature& feature, const QPainterPath& path) {
        if (feature.layer == BasemapFeature::Layer::Admin1 &&
            isFocusProvince(feature.name, feature.countryCode)) {
            painter.setBrush(style.focusLand);
            painter.drawPath(path);
        }
    });
    painter.setBrush(Qt::NoBrush);
    painter.setPen(cosmetic(style.provinceBorder, 1.0));
    each([&](const BasemapFeature& feature, const QPainterPath& path) {
        if (feature.layer == BasemapFeature::Layer::Admin1)
            painter.drawPath(path);
    });
    painter.setPen(cosmetic(style.countryBorder, 1.0)); // 1 px takes the fast cosmetic stroker
    each([&](const BasemapFeature& feature, const QPainterPath& path) {
        if (feature.layer == BasemapFeature::Layer::Country)
            painter.drawPath(path);
    });
    painter.setPen(cosmetic(style.focusBorder, 2.0));
    each([&](const BasemapFeature& feature, const QPainterPath& path) {
        if (feature.layer == BasemapFeature::Layer::Admin1 &&
            isFocusProvince(feature.name, feature.countryCode))
            painter.drawPath(path);
    });
    painter.restore();
}

QList<QRectF> BasemapLayer::paintLabels(QPainter& painter, const MapCamera& camera, const MapStyle& style,
                                        const QList<QRectF>& occupied)
{
    QList<QRectF> taken = occupied;
    const QRectF viewport(QPointF(0, 0), camera.viewport());
    const double zoom = camera.zoom();
    painter.save();
    const QFont base = painter.font(); // drawing a label changes the painter's font

    // Provinces first (the region is what the analyst is here for), then countries, then towns.
    QFont provinceFont = base;
    provinceFont.setPixelSize(12);
    provinceFont.setItalic(true);
    QFont focusFont = provinceFont;
    focusFont.setPixelSize(14);
    focusFont.setBold(true);
    focusFont.setLetterSpacing(QFont::AbsoluteSpacing, 0.5);
    QFont countryFont = base;
    countryFont.setPixelSize(zoom < 5 ? 12 : 14);
    countryFont.setLetterSpacing(QFont::AbsoluteSpacing, 2.0);
    countryFont.setCapitalization(QFont::AllUppercase);

    // Tries each offset from the anchor in turn and keeps the first place where the label is free.
    auto placeCentred = [&](const QString& text, QPointF anchor, const QFont& font, const QColor& colour,
                            std::initializer_list<QPointF> offsets) {
        const QFontMetricsF metrics(font);
        const double width = metrics.horizontalAdvance(text);
        for (const QPointF& offset : offsets) {
            const QPointF at = anchor + offset;
            const QRectF box(at.x() - width / 2 - 2, at.y() - metrics.ascent() / 2 - 2, width + 4,
                             metrics.height() + 4);
            if (!viewport.contains(box) || collides(box, taken))
                continue;
            taken << box;
            drawHaloText(painter, QPointF(box.left() + 2, box.top() + 2 + metrics.ascent()), text, font,
                         colour, style.labelHalo);
            return;
        }
    };
    for (const BasemapFeature& feature : m_basemap.features()) {
        if (feature.layer != BasemapFeature::Layer::Admin1 ||
            !isFocusProvince(feature.name, feature.countryCode))
            continue;
        // Below the label point: province-level incidents are drawn on the point itself.
        placeCentred(feature.name, camera.toScreen(feature.label.y(), feature.label.x()), focusFont,
                     style.provinceLabel, {QPointF(0, 30), QPointF(0, -30), QPointF(0, 55), QPointF(0, -55)});
    }
    if (zoom >= 5.5) {
        for (const BasemapFeature& feature : m_basemap.features()) {
            if (feature.layer == BasemapFeature::Layer::Admin1 &&
                !isFocusProvince(feature.name, feature.countryCode))
                placeCentred(feature.name, camera.toScreen(feature.label.y(), feature.label.x()),
                             provinceFont, style.countryLabel, {QPointF(0, 0), QPointF(0, 20)});
        }
    }
    if (zoom < 8.5) {
        for (const BasemapFeature& feature : m_basemap.features()) {
            if (feature.layer == BasemapFeature::Layer::Country)
                placeCentred(feature.name, camera.toScreen(feature.label.y(), feature.label.x()), countryFont,
                             style.countryLabel, {QPointF(0, 0), QPointF(0, 24), QPointF(0, -24)});
        }
    }

    // Towns thin out with zoom: only the larger places when zoomed out, then whatever fits.
    const int minPopulation = zoom < 5   ? 1'000'000
                              : zoom < 6 ? 200'000
                              : zoom < 7 ? 50'000
                              : zoom < 8 ? 10'000
                                         : 0;
    QFont townFont = base;
    townFont.setPixelSize(11);
    QFont cityFont = townFont;
    cityFont.setPixelSize(12);
    cityFont.setBold(true);
    const QRectF visible = camera.visibleBox();
    int placed = 0;
    const int budget = int(viewport.width() * viewport.height() / 9000.0); // keeps the map readable
    for (const Town& town : m_towns) {
        if (placed >= budget)
            break;
        if (town.population < minPopulation && !(town.city && zoom >= 6))
            continue;
        if (!visible.contains(QPointF(town.lon, town.lat)))
            continue;
        const QFont& font = town.city ? cityFont : townFont;
        const QFontMetricsF metrics(font);
        const QPointF at = camera.toScreen(town.lat, town.lon);
        const double width = metrics.horizontalAdvance(town.name);
        const QRectF dot(at.x() - 3, at.y() - 3, 6, 6); // may lie under a marker; only its name must be free
        // Right of the dot, else left, above, below, then further out.
        const QList<QPointF> corners = {QPointF(at.x() + 5, at.y() - metrics.height() / 2),
                                        QPointF(at.x() - 5 - width, at.y() - metrics.height() / 2),
                                        QPointF(at.x() - width / 2, at.y() - 4 - metrics.height()),
                                        QPointF(at.x() - width / 2, at.y() + 4),
                                        // further out, for a town ringed by its own incidents
                                        QPointF(at.x() + 18, at.y() - metrics.height() / 2),
                                        QPointF(at.x() - 18 - width, at.y() - metrics.height() / 2)};
        for (const QPointF& corner : corners) {
            const QRectF box(corner, QSizeF(width, metrics.height()));
            if (!viewport.contains(box) || collides(box, taken))
                continue;
            taken << box << dot;
            painter.setPen(QPen(style.labelHalo, 1.5));
            painter.setBrush(style.townDot);
            painter.drawEllipse(at, town.city ? 3.0 : 2.2, town.city ? 3.0 : 2.2);
            drawHaloText(painter, QPointF(box.left(), box.top() + metrics.ascent()), town.name, font,
                         style.townLabel, style.labelHalo);
            ++placed;
            break;
        }
    }
    painter.restore();
    return taken;
}

} // namespace makran
