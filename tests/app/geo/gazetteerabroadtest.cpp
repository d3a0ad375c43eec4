// Places outside Balochistan and Sistan-Baluchestan (issue 4): reports mention background events in
// Iraq, Syria, the Gulf, Afghanistan and the rest of Pakistan and Iran, and the gazetteer must resolve
// them with their country and province so the extractor can keep them as out-of-region incidents.
#include "geo/gazetteer.h"

#include <catch2/catch.hpp>

#include <cmath>

using makran::Gazetteer;
using makran::GazetteerEntry;
using makran::PlaceKind;

namespace {

// The best settlement (city or town) of that name in that country, or nullptr.
const GazetteerEntry* settlementIn(QStringView name, QStringView country)
{
    for (const GazetteerEntry* e : Gazetteer::builtIn().lookup(name)) {
        if (e->country == country && (e->kind == PlaceKind::City || e->kind == PlaceKind::Town))
            return e;
    }
    return nullptr;
}

bool anyAbroad(QStringView name)
{
    for (const GazetteerEntry* e : Gazetteer::builtIn().lookup(name)) {
        if (e->country != QStringLiteral("PK") && e->country != QStringLiteral("IR") &&
            e->country != QStringLiteral("AF") && e->kind != PlaceKind::Country)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("Places named in passing abroad resolve with country and province", "[geo][gazetteer][abroad]")
{
    struct Expected {
        const char16_t* name;
        const char16_t* country;
        const char16_t* admin1;
        double lat;
        double lon;
    };
    // Reference positions to half a degree, from the cities' known locations.
    const Expected places[] = {
        {u"Erbil", u"IQ", u"Erbil", 36.19, 44.01},        {u"Irbil", u"IQ", u"Erbil", 36.19, 44.01},
        {u"Baghdad", u"IQ", u"Baghdad", 33.34, 44.40},    {u"Basra", u"IQ", u"Basra", 30.51, 47.78},
        {u"Idlib", u"SY", u"Idlib", 35.93, 36.63},        {u"Damascus", u"SY", u"Damascus", 33.51, 36.29},
        {u"Dubai", u"AE", u"Dubai", 25.26, 55.30},        {u"Muscat", u"OM", u"Muscat", 23.58, 58.41},
        {u"Doha", u"QA", u"Doha", 25.29, 51.53},          {u"Riyadh", u"SA", u"Riyadh", 24.69, 46.72},
        {u"Kabul", u"AF", u"Kabul", 34.53, 69.17},        {u"Besham", u"PK", u"Khyber Pakhtunkhwa", 34.93, 72.87},
        {u"Peshawar", u"PK", u"Khyber Pakhtunkhwa", 34.01, 71.58},
        {u"Karachi", u"PK", u"Sindh", 24.86, 67.01},      {u"Sanaa", u"YE", u"Sanaa City", 15.35, 44.21},
        {u"Beirut", u"LB", u"Beirut", 33.89, 35.50},      {u"Ankara", u"TR", u"Ankara", 39.92, 32.85},
        {u"New Delhi", u"IN", u"Delhi", 28.64, 77.22},    {u"Dushanbe", u"TJ", u"Dushanbe", 38.54, 68.78},
        {u"Ashgabat", u"TM", u"Ashgabat", 37.95, 58.38},  {u"Baku", u"AZ", u"Baku", 40.38, 49.89},
    };
    for (const Expected& want : places) {
        const QString name = QString::fromUtf16(want.name);
        INFO(name.toStdString());
        const GazetteerEntry* e = settlementIn(name, QString::fromUtf16(want.country));
        REQUIRE(e);
        CHECK(e->admin1 == QString::fromUtf16(want.admin1));
        CHECK(std::abs(e->lat - want.lat) < 0.5);
        CHECK(std::abs(e->lon - want.lon) < 0.5);
    }
}

TEST_CASE("National capitals worldwide are listed", "[geo][gazetteer][abroad]")
{
    const std::pair<const char16_t*, const char16_t*> capitals[] = {
        {u"London", u"GB"}, {u"Washington", u"US"}, {u"Beijing", u"CN"}, {u"Moscow", u"RU"}, {u"Cairo", u"EG"},
        {u"Hanoi", u"VN"},  {u"Singapore", u"SG"},  {u"Berlin", u"DE"},  {u"Tokyo", u"JP"},  {u"Tashkent", u"UZ"},
    };
    for (const auto& [name, country] : capitals) {
        INFO(QString::fromUtf16(name).toStdString());
        const GazetteerEntry* e = settlementIn(QString::fromUtf16(name), QString::fromUtf16(country));
        REQUIRE(e);
        CHECK(e->kind == PlaceKind::City);
        CHECK_FALSE(e->admin1.isEmpty());
    }
}

TEST_CASE("Arab governorates are provinces with their usual names", "[geo][gazetteer][abroad]")
{
    const Gazetteer& g = Gazetteer::builtIn();
    for (const char16_t* name : {u"Idlib Province", u"Idlib Governorate", u"Anbar", u"Nineveh", u"Deir ez-Zor"}) {
        INFO(QString::fromUtf16(name).toStdString());
        const auto hits = g.lookup(QString::fromUtf16(name));
        REQUIRE_FALSE(hits.empty());
        CHECK(hits.front()->kind == PlaceKind::Province);
    }
    REQUIRE(g.province(u"Erbil", u"IQ"));
    CHECK(g.province(u"Idlib", u"SY")->country == QStringLiteral("SY"));
    // A governorate named like a Pakistani town keeps its suffix, so "Karak" stays in Khyber Pakhtunkhwa.
    const auto karak = g.lookup(u"Karak");
    REQUIRE_FALSE(karak.empty());
    for (const GazetteerEntry* e : karak)
        CHECK(e->country == QStringLiteral("PK"));
    REQUIRE_FALSE(g.lookup(u"Karak Governorate").empty());
    CHECK(g.lookup(u"Karak Governorate").front()->country == QStringLiteral("JO"));
}

TEST_CASE("Pakistani and Iranian towns of 20000 people are listed everywhere", "[geo][gazetteer][abroad]")
{
    // Towns outside the provinces whose every place was already kept.
    const std::pair<const char16_t*, const char16_t*> towns[] = {
        {u"Abyek", u"Qazvin"}, {u"Shushtar", u"Khuzestan"}, {u"Nahavand", u"Hamadan"}, {u"Tonekabon", u"Mazandaran"},
    };
    for (const auto& [name, admin1] : towns) {
        INFO(QString::fromUtf16(name).toStdString());
        const GazetteerEntry* e = settlementIn(QString::fromUtf16(name), u"IR");
        REQUIRE(e);
        CHECK(e->admin1 == QString::fromUtf16(admin1));
    }
}

TEST_CASE("Foreign towns named like English words or people are left out", "[geo][gazetteer][abroad]")
{
    for (const char16_t* word : {u"Said", u"Of", u"Sur", u"Male", u"Hit", u"Mina", u"Bar", u"Deal", u"Wadi",
                                 u"Victoria", u"Batman", u"Mary", u"Hassan", u"Douglas"}) {
        INFO(QString::fromUtf16(word).toStdString());
        CHECK_FALSE(anyAbroad(QString::fromUtf16(word)));
    }
}
