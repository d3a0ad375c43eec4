#include "geo/basemap.h"

#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace makran {

namespace {

constexpr quint32 kVersion = 1;
// The smallest possible feature: layer, ISO2, two empty strings, label, ring count.
constexpr qsizetype kMinFeatureBytes = 1 + 2 + 2 + 2 + 8 + 4;
constexpr qsizetype kPointBytes = 8;

// Bounds-checked little-endian reader: every read says whether the bytes were there, so a
// truncated or hostile file can only ever fail, never read past the end or over-allocate.
class Reader {
  public:
    explicit Reader(const QByteArray& data) : m_data(data) {}

    qsizetype remaining() const { return m_data.size() - m_pos; }
    qsizetype position() const { return m_pos; }

    bool bytes(char* out, qsizetype n)
    {
        if (n < 0 || remaining() < n)
            return false;
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return true;
    }
    bool u8(quint8* out) { return bytes(reinterpret_cast<char*>(out), 1); }
    bool u16(quint16* out)
    {
        uchar raw[2];
        if (!bytes(reinterpret_cast<char*>(raw), 2))
            return false;
        *out = qFromLittleEndian<quint16>(raw);
        return true;
    }
    bool u32(quint32* out)
    {
        uchar raw[4];
        if (!bytes(reinterpret_cast<char*>(raw), 4))
            return false;
        *out = qFromLittleEndian<quint32>(raw);
        return true;
    }
    bool f32(float* out)
    {
        quint32 bits = 0;
        if (!u32(&bits))
            return false;
        std::memcpy(out, &bits, sizeof bits);
        return true;
    }
    bool utf8(QString* out)
    {
        quint16 length = 0;
        if (!u16(&length) || remaining() < length)
            return false;
        *out = QString::fromUtf8(m_data.constData() + m_pos, length);
        m_pos += length;
        return true;
    }

  private:
    const QByteArray& m_data;
    qsizetype m_pos = 0;
};

bool validLonLat(float lon, float lat)
{
    return std::isfinite(lon) && std::isfinite(lat) && lon >= -180.5f && lon <= 180.5f && lat >= -90.5f &&
           lat <= 90.5f;
}

bool fail(QString* error, const QString& reason)
{
    if (error)
        *error = reason;
    return false;
}

double segmentDistance(const QPointF& p, const QPointF& a, const QPointF& b)
{
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double length2 = dx * dx + dy * dy;
    double t = 0.0;
    if (length2 > 0.0)
        t = std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2, 0.0, 1.0);
    return std::hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy));
}

} // namespace

bool featureContains(const BasemapFeature& feature, double lat, double lon)
{
    if (!feature.bounds.contains(QPointF(lon, lat)))
        return false;
    bool inside = false;
    for (const QPolygonF& ring : feature.rings) {
        const qsizetype n = ring.size();
        for (qsizetype i = 0, j = n - 1; i < n; j = i++) {
            const QPointF& a = ring[i];
            const QPointF& b = ring[j];
            if ((a.y() > lat) != (b.y() > lat)) {
                const double crossX = (b.x() - a.x()) * (lat - a.y()) / (b.y() - a.y()) + a.x();
                if (lon < crossX)
                    inside = !inside;
            }
        }
    }
    return inside;
}

double distanceToFeature(const BasemapFeature& feature, double lat, double lon)
{
    const QPointF p(lon, lat);
    double best = std::numeric_limits<double>::infinity();
    for (const QPolygonF& ring : feature.rings) {
        const qsizetype n = ring.size();
        for (qsizetype i = 0, j = n - 1; i < n; j = i++)
            best = std::min(best, segmentDistance(p, ring[j], ring[i]));
    }
    return best;
}

bool Basemap::loadFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
    return loadData(file.readAll(), error);
}

bool Basemap::loadData(const QByteArray& data, QString* error)
{
    Reader in(data);
    char magic[4];
    if (!in.bytes(magic, 4) || std::memcmp(magic, "MKBM", 4) != 0)
        return fail(error, QStringLiteral("not a Makran basemap (bad magic)"));
    quint32 version = 0;
    quint32 count = 0;
    if (!in.u32(&version) || !in.u32(&count))
        return fail(error, QStringLiteral("truncated header"));
    if (version != kVersion)
        return fail(error, QStringLiteral("unsupported basemap version %1").arg(version));
    if (qsizetype(count) > in.remaining() / kMinFeatureBytes)
        return fail(error, QStringLiteral("feature count %1 exceeds the data size").arg(count));

    QList<BasemapFeature> features;
    features.reserve(qsizetype(count));
    for (quint32 f = 0; f < count; ++f) {
        const QString where = QStringLiteral("feature %1 at byte %2: ").arg(f).arg(in.position());
        BasemapFeature feature;
        quint8 layer = 0;
        char iso[2];
        float labelLon = 0;
        float labelLat = 0;
        quint32 ringCount = 0;
        if (!in.u8(&layer) || !in.bytes(iso, 2) || !in.utf8(&feature.name) || !in.utf8(&feature.code) ||
            !in.f32(&labelLon) || !in.f32(&labelLat) || !in.u32(&ringCount))
            return fail(error, where + QStringLiteral("truncated"));
        if (layer > 1)
            return fail(error, where + QStringLiteral("unknown layer %1").arg(layer));
        feature.layer = layer == 0 ? BasemapFeature::Layer::Country : BasemapFeature::Layer::Admin1;
        for (char c : iso) {
            if (c < 'A' || c > 'Z')
                return fail(error, where + QStringLiteral("country code is not two ASCII capitals"));
        }
        feature.countryCode = QString::fromLatin1(iso, 2);
        if (feature.name.isEmpty())
            return fail(error, where + QStringLiteral("empty name"));
        if (!validLonLat(labelLon, labelLat))
            return fail(error, where + QStringLiteral("label point out of range"));
        feature.label = QPointF(labelLon, labelLat);
        // Each ring needs at least its point count, so a larger ring count cannot be genuine.
        if (qsizetype(ringCount) > in.remaining() / 4)
            return fail(error, where + QStringLiteral("ring count %1 exceeds the data size").arg(ringCount));
        feature.rings.reserve(qsizetype(ringCount));
        double minX = std::numeric_limits<double>::infinity();
        double minY = minX;
        double maxX = -minX;
        double maxY = -minX;
        for (quint32 r = 0; r < ringCount; ++r) {
            quint32 pointCount = 0;
            if (!in.u32(&pointCount))
                return fail(error, where + QStringLiteral("truncated ring %1").arg(r));
            if (qsizetype(pointCount) > in.remaining() / kPointBytes)
                return fail(error,
                            where + QStringLiteral("ring %1 claims %2 points, more than the data holds")
                                        .arg(r)
                                        .arg(pointCount));
            if (pointCount < 3)
                return fail(error, where + QStringLiteral("ring %1 has fewer than 3 points").arg(r));
            QPolygonF ring;
            ring.reserve(qsizetype(pointCount));
            for (quint32 p = 0; p < pointCount; ++p) {
                float lon = 0;
                float lat = 0;
                in.f32(&lon); // sizes were checked above for the whole ring
                in.f32(&lat);
                if (!validLonLat(lon, lat))
                    return fail(error, where + QStringLiteral("coordinate out of range in ring %1").arg(r));
                ring.append(QPointF(lon, lat));
                minX = std::min(minX, double(lon));
                maxX = std::max(maxX, double(lon));
                minY = std::min(minY, double(lat));
                maxY = std::max(maxY, double(lat));
            }
            feature.rings.append(std::move(ring));
        }
        if (feature.rings.isEmpty())
            return fail(error, where + QStringLiteral("no rings"));
        feature.bounds = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
        features.append(std::move(feature));
    }
    if (in.remaining() != 0)
        return fail(error, QStringLiteral("%1 unexpected bytes after the last feature").arg(in.remaining()));
    m_features = std::move(features);
    return true;
}

const Basemap& Basemap::builtIn()
{
    static const Basemap instance = [] {
        Basemap basemap;
        QString error;
        if (!basemap.loadFile(QStringLiteral(":/geo/basemap.bin"), &error))
            qWarning("built-in basemap unavailable: %s", qUtf8Printable(error));
        return basemap;
    }();
    return instance;
}

const BasemapFeature* Basemap::admin1(QStringView name, QStringView countryCode) const
{
    for (const BasemapFeature& f : m_features) {
        if (f.layer == BasemapFeature::Layer::Admin1 &&
            f.countryCode.compare(countryCode, Qt::CaseInsensitive) == 0 &&
            f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

const BasemapFeature* Basemap::country(QStringView countryCode) const
{
    for (const BasemapFeature& f : m_features) {
        if (f.layer == BasemapFeature::Layer::Country &&
            f.countryCode.compare(countryCode, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

const BasemapFeature* Basemap::featureAt(double lat, double lon, BasemapFeature::Layer layer,
                                         double coastTolerance) const
{
    if (!std::isfinite(lat) || !std::isfinite(lon))
        return nullptr;
    const BasemapFeature* nearest = nullptr;
    double nearestDistance = coastTolerance;
    for (const BasemapFeature& f : m_features) {
        if (f.layer != layer)
            continue;
        if (featureContains(f, lat, lon))
            return &f;
        if (coastTolerance > 0 &&
            f.bounds.adjusted(-coastTolerance, -coastTolerance, coastTolerance, coastTolerance)
                .contains(QPointF(lon, lat))) {
            const double d = distanceToFeature(f, lat, lon);
            if (d <= nearestDistance) {
                nearestDistance = d;
                nearest = &f;
            }
        }
    }
    return nearest;
}

std::optional<QString> Basemap::admin1At(double lat, double lon, QString* countryCode) const
{
    const BasemapFeature* f = featureAt(lat, lon, BasemapFeature::Layer::Admin1);
    if (!f)
        return std::nullopt;
    if (countryCode)
        *countryCode = f->countryCode;
    return f->name;
}

} // namespace makran
