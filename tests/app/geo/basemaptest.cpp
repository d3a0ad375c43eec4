#include "geo/basemap.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtEndian>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>

using makran::Basemap;
using makran::BasemapFeature;

namespace {

QByteArray builtInBytes()
{
    QFile file(QStringLiteral(":/geo/basemap.bin"));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

void putU32(QByteArray& out, quint32 v)
{
    uchar raw[4];
    qToLittleEndian(v, raw);
    out.append(reinterpret_cast<const char*>(raw), 4);
}

void putF32(QByteArray& out, float f)
{
    quint32 bits = 0;
    std::memcpy(&bits, &f, 4);
    putU32(out, bits);
}

void putString(QByteArray& out, const QByteArray& utf8)
{
    uchar raw[2];
    qToLittleEndian(quint16(utf8.size()), raw);
    out.append(reinterpret_cast<const char*>(raw), 2);
    out.append(utf8);
}

// A one-province file: a 2x2 degree square with a 1x1 hole in its middle.
QByteArray squareWithHole()
{
    QByteArray out("MKBM");
    putU32(out, 1);
    putU32(out, 1);
    out.append(char(1));
    out.append("PK");
    putString(out, "Test Province");
    putString(out, "PK-TP");
    putF32(out, 60.25f);
    putF32(out, 20.25f);
    putU32(out, 2);
    putU32(out, 4);
    for (auto [x, y] : {std::pair{60.0f, 20.0f}, {62.0f, 20.0f}, {62.0f, 22.0f}, {60.0f, 22.0f}}) {
        putF32(out, x);
        putF32(out, y);
    }
    putU32(out, 4);
    for (auto [x, y] : {std::pair{60.5f, 20.5f}, {61.5f, 20.5f}, {61.5f, 21.5f}, {60.5f, 21.5f}}) {
        putF32(out, x);
        putF32(out, y);
    }
    return out;
}

} // namespace

TEST_CASE("The built-in basemap holds the focus countries and provinces", "[geo][basemap]")
{
    const Basemap& map = Basemap::builtIn();
    REQUIRE_FALSE(map.isEmpty());
    for (const char16_t* cc : {u"PK", u"IR", u"AF", u"IN", u"OM", u"AE", u"TM"})
        CHECK(map.country(cc) != nullptr);
    const BasemapFeature* balochistan = map.admin1(u"Balochistan", u"PK");
    REQUIRE(balochistan);
    CHECK(balochistan->code == QStringLiteral("PK-BA"));
    const BasemapFeature* sistan = map.admin1(u"Sistan and Baluchestan", u"IR");
    REQUIRE(sistan);
    CHECK(sistan->code == QStringLiteral("IR-13"));
    // Label points lie inside their own outline and bounds enclose every ring.
    for (const BasemapFeature& f : map.features()) {
        INFO(f.name.toStdString());
        CHECK(makran::featureContains(f, f.label.y(), f.label.x()));
        for (const QPolygonF& ring : f.rings)
            CHECK(f.bounds.adjusted(-1e-9, -1e-9, 1e-9, 1e-9).contains(ring.boundingRect()));
    }
    int provinces = 0;
    for (const BasemapFeature& f : map.features())
        provinces += f.layer == BasemapFeature::Layer::Admin1 ? 1 : 0;
    CHECK(provinces == 72); // 7 Pakistani, 31 Iranian, 34 Afghan
}

TEST_CASE("admin1At reverse-geocodes towns to their provinces", "[geo][basemap]")
{
    const Basemap& map = Basemap::builtIn();
    QString cc;
    CHECK(map.admin1At(30.18414, 67.00141, &cc) == QStringLiteral("Balochistan")); // Quetta
    CHECK(cc == QStringLiteral("PK"));
    CHECK(map.admin1At(29.4963, 60.8629, &cc) == QStringLiteral("Sistan and Baluchestan")); // Zahedan
    CHECK(cc == QStringLiteral("IR"));
    CHECK(map.admin1At(26.97186, 64.09459) == QStringLiteral("Balochistan"));            // Panjgur
    CHECK(map.admin1At(27.37089, 62.33096) == QStringLiteral("Sistan and Baluchestan")); // Saravan
    CHECK(map.admin1At(24.86, 67.01) == QStringLiteral("Sindh"));                        // Karachi
    CHECK(map.admin1At(31.55, 74.34) == QStringLiteral("Punjab"));                       // Lahore
    CHECK(map.admin1At(34.01, 71.58) == QStringLiteral("Khyber Pakhtunkhwa"));           // Peshawar
    CHECK(map.admin1At(33.0, 70.2) == QStringLiteral("Khyber Pakhtunkhwa")); // former FATA (North Waziristan)
    CHECK(map.admin1At(31.61, 65.71) == QStringLiteral("Kandahar"));
    CHECK(map.admin1At(30.96, 61.86) == QStringLiteral("Nimroz"));            // Zaranj
    CHECK(map.admin1At(25.12163, 62.32541) == QStringLiteral("Balochistan")); // Gwadar, on the coast
    CHECK_FALSE(map.admin1At(20.0, 63.0).has_value());                        // Arabian Sea
    CHECK_FALSE(map.admin1At(std::nan(""), 63.0).has_value());
    const BasemapFeature* oman = map.featureAt(23.6, 58.5, BasemapFeature::Layer::Country);
    REQUIRE(oman);
    CHECK(oman->countryCode == QStringLiteral("OM"));
}

TEST_CASE("The basemap format is read as documented", "[geo][basemap]")
{
    Basemap map;
    QString error;
    REQUIRE(map.loadData(squareWithHole(), &error));
    REQUIRE(map.features().size() == 1);
    const BasemapFeature& f = map.features().front();
    CHECK(f.layer == BasemapFeature::Layer::Admin1);
    CHECK(f.countryCode == QStringLiteral("PK"));
    CHECK(f.name == QStringLiteral("Test Province"));
    CHECK(f.code == QStringLiteral("PK-TP"));
    CHECK(f.label == QPointF(60.25, 20.25));
    CHECK(f.bounds == QRectF(60.0, 20.0, 2.0, 2.0));
    CHECK(map.admin1At(20.25, 60.25) == QStringLiteral("Test Province"));
    CHECK_FALSE(map.featureAt(21.0, 61.0, BasemapFeature::Layer::Admin1, 0.0)); // inside the hole
    CHECK(map.admin1(u"test province", u"pk") == &f);
    CHECK(map.country(u"PK") == nullptr);
}

TEST_CASE("Corrupt or truncated basemap data is rejected with a reason", "[geo][basemap]")
{
    const QByteArray good = builtInBytes();
    Basemap map;
    QString error;
    REQUIRE(map.loadData(squareWithHole(), &error));

    auto rejects = [&](const QByteArray& data) {
        error.clear();
        const bool ok = map.loadData(data, &error);
        const bool unchanged =
            map.features().size() == 1 && map.features().front().name == QStringLiteral("Test Province");
        return !ok && !error.isEmpty() && unchanged;
    };

    CHECK(rejects(QByteArray()));
    CHECK(rejects(QByteArray("MKB")));
    CHECK(rejects(QByteArray("GIF89a-not-a-basemap")));
    QByteArray wrongVersion = good;
    wrongVersion[4] = 2;
    CHECK(rejects(wrongVersion));
    CHECK(error.contains(QStringLiteral("version")));

    // Every prefix of a small file and many prefixes of the real one must fail cleanly.
    const QByteArray small = squareWithHole();
    for (qsizetype n = 0; n < small.size(); ++n)
        CHECK(rejects(small.left(n)));
    for (qsizetype n = 0; n < good.size(); n += 997)
        CHECK(rejects(good.left(n)));
    CHECK(rejects(good.left(good.size() - 1)));
    CHECK(rejects(good + QByteArray("x")));

    // Absurd counts must not be believed (nor allocated).
    QByteArray hugeFeatures = small;
    qToLittleEndian<quint32>(0xFFFFFFFFu, hugeFeatures.data() + 8);
    CHECK(rejects(hugeFeatures));
    QByteArray hugeRings = small;
    const qsizetype ringCountAt = 4 + 4 + 4 + 1 + 2 + 2 + 13 + 2 + 5 + 8;
    qToLittleEndian<quint32>(0x7FFFFFFFu, hugeRings.data() + ringCountAt);
    CHECK(rejects(hugeRings));
    QByteArray hugePoints = small;
    qToLittleEndian<quint32>(0x7FFFFFFFu, hugePoints.data() + ringCountAt + 4);
    CHECK(rejects(hugePoints));

    QByteArray badLayer = small;
    badLayer[12] = 7;
    CHECK(rejects(badLayer));
    QByteArray badCountry = small;
    badCountry[13] = 'p';
    CHECK(rejects(badCountry));
    QByteArray notANumber = small;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::memcpy(notANumber.data() + ringCountAt + 8, &nan, 4);
    CHECK(rejects(notANumber));
    QByteArray offTheGlobe = small;
    const float far = 1000.0f;
    std::memcpy(offTheGlobe.data() + ringCountAt + 12, &far, 4);
    CHECK(rejects(offTheGlobe));

    // Flipping bytes anywhere may be accepted or refused, but never crashes.
    for (qsizetype i = 0; i < good.size(); i += 61) {
        QByteArray damaged = good;
        damaged[i] = char(damaged[i] ^ 0x5A);
        Basemap scratch;
        QString reason;
        if (!scratch.loadData(damaged, &reason))
            CHECK_FALSE(reason.isEmpty());
    }
}

TEST_CASE("Loading a missing basemap file reports why", "[geo][basemap]")
{
    Basemap map;
    QString error;
    QTemporaryDir dir;
    CHECK_FALSE(map.loadFile(dir.filePath(QStringLiteral("absent.bin")), &error));
    CHECK(error.contains(QStringLiteral("absent.bin")));
    const QString path = dir.filePath(QStringLiteral("square.bin"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(squareWithHole());
    file.close();
    CHECK(map.loadFile(path, &error));
    CHECK(map.features().size() == 1);
}
