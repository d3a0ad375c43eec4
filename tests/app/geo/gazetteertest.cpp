#include "geo/gazetteer.h"
#include "geo/basemap.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <cmath>

using makran::Gazetteer;
using makran::GazetteerEntry;
using makran::PlaceKind;

namespace {

const GazetteerEntry* findIn(QStringView name, QStringView country, PlaceKind kind)
{
    for (const GazetteerEntry* e : Gazetteer::builtIn().lookup(name)) {
        if (e->country == country && e->kind == kind)
            return e;
    }
    return nullptr;
}

// A town or city of that name in that country.
const GazetteerEntry* settlement(QStringView name, QStringView country)
{
    for (const GazetteerEntry* e : Gazetteer::builtIn().lookup(name)) {
        if (e->country == country && (e->kind == PlaceKind::City || e->kind == PlaceKind::Town))
            return e;
    }
    return nullptr;
}

const QByteArray kHeader = "id\tname\tvariants\tkind\tlat\tlon\tadmin1\tcountry\tpopulation\tsource\n";

} // namespace

TEST_CASE("Place names normalise spelling noise away", "[geo][gazetteer]")
{
    using makran::normalizePlaceName;
    CHECK(normalizePlaceName(u"Koh-e-Sabz") == QStringLiteral("koh e sabz"));
    CHECK(normalizePlaceName(u"  KOH  e   sabz ") == QStringLiteral("koh e sabz"));
    CHECK(normalizePlaceName(u"Koh\u2011e\u2013Sabz") == QStringLiteral("koh e sabz"));
    CHECK(normalizePlaceName(u"Sar\u0101v\u0101n") == QStringLiteral("saravan"));
    CHECK(normalizePlaceName(u"D.G. Khan") == QStringLiteral("dg khan"));
    CHECK(normalizePlaceName(u"Cote d\u2019Ivoire") == normalizePlaceName(u"Cote d'Ivoire"));
    CHECK(normalizePlaceName(u"Qasr-e Qand") == normalizePlaceName(u"qasr e qand"));
    // Arabic-script letter forms: Arabic yeh/kaf against Persian/Urdu ones, Urdu heh goal, ZWNJ.
    CHECK(normalizePlaceName(u"\u0632\u0627\u0647\u062f\u0627\u0646") ==
          normalizePlaceName(u"\u0632\u0627\u0647\u062f\u0627\u0646"));
    CHECK(normalizePlaceName(u"\u0643\u064a\u0686") == normalizePlaceName(u"\u06a9\u06cc\u0686"));
    CHECK(normalizePlaceName(u"\u06a9\u0648\u0626\u0679\u06c1") ==
          normalizePlaceName(u"\u06a9\u0648\u0626\u0679\u0647"));
    CHECK(normalizePlaceName(u"\u0646\u0648\u06a9\u200c\u0622\u0628\u0627\u062f") ==
          normalizePlaceName(u"\u0646\u0648\u06a9\u0627\u0628\u0627\u062f"));
    CHECK(normalizePlaceName(u"").isEmpty());
    CHECK(normalizePlaceName(u" - ' ").isEmpty());
}

TEST_CASE("Place kinds convert to and from text", "[geo][gazetteer]")
{
    for (PlaceKind k :
         {PlaceKind::Country, PlaceKind::Province, PlaceKind::District, PlaceKind::City, PlaceKind::Town,
          PlaceKind::Village, PlaceKind::Crossing, PlaceKind::Area, PlaceKind::Region})
        CHECK(makran::placeKindFromString(makran::toString(k)) == k);
    CHECK(makran::toString(PlaceKind::Crossing) == QStringLiteral("crossing"));
    CHECK(makran::isPlaceKind(u"Region"));
    CHECK_FALSE(makran::isPlaceKind(u"hamlet"));
}

TEST_CASE("Key towns of the region are found where they are", "[geo][gazetteer]")
{
    struct Expected {
        const char16_t* name;
        const char16_t* country;
        const char16_t* admin1;
        double lat;
        double lon;
    };
    const Expected expected[] = {
        {u"Quetta", u"PK", u"Balochistan", 30.18, 67.00},
        {u"Panjgur", u"PK", u"Balochistan", 26.97, 64.09},
        {u"Zahedan", u"IR", u"Sistan and Baluchestan", 29.50, 60.86},
        {u"Saravan", u"IR", u"Sistan and Baluchestan", 27.37, 62.33},
        {u"Turbat", u"PK", u"Balochistan", 26.00, 63.05},
        {u"Gwadar", u"PK", u"Balochistan", 25.12, 62.33},
        {u"Chabahar", u"IR", u"Sistan and Baluchestan", 25.29, 60.64},
        {u"Karachi", u"PK", u"Sindh", 24.86, 67.01},
        {u"Tehran", u"IR", u"Tehran", 35.69, 51.42},
        {u"Kandahar", u"AF", u"Kandahar", 31.61, 65.71},
    };
    for (const Expected& x : expected) {
        INFO(QString::fromUtf16(x.name).toStdString());
        const GazetteerEntry* e = settlement(x.name, x.country);
        REQUIRE(e);
        CHECK(e->admin1 == QString::fromUtf16(x.admin1));
        CHECK(std::abs(e->lat - x.lat) < 0.1);
        CHECK(std::abs(e->lon - x.lon) < 0.1);
    }
    const GazetteerEntry* quetta = settlement(u"Quetta", u"PK");
    CHECK(quetta->kind == PlaceKind::City);
    CHECK(quetta->population > 500000);
}

TEST_CASE("Spellings met in reporting resolve to the right place", "[geo][gazetteer]")
{
    const Gazetteer& g = Gazetteer::builtIn();
    const std::pair<const char16_t*, const char16_t*> spellings[] = {
        {u"Panjgoor", u"Panjgur"},
        {u"Sarawan", u"Saravan"},
        {u"Sarvan", u"Saravan"},
        {u"Koh-i-Sabz", u"Koh-e-Sabz"},
        {u"Kohesabz", u"Koh-e-Sabz"},
        {u"Zahidan", u"Zahedan"},
        {u"Chahbahar", u"Chabahar"},
        {u"Kech", u"Turbat"},
        {u"Iranshehr", u"Iranshahr"},
        {u"Kwatah", u"Quetta"},
        {u"Khaash", u"Khash"},
        {u"Mirjawa", u"Mirjaveh"},
        {u"Gawadar", u"Gwadar"},
        {u"Mashkhel", u"Mashkel"},
        {u"Nokkundi", u"Nok Kundi"},
        {u"Rasak", u"Rask"},
        {u"Basima", u"Besima"},
        {u"Killa Abdullah", u"Qila Abdullah"},
        {u"Dhadar", u"Dadhar"},
        {u"Fort Sandeman", u"Zhob"},
        {u"SARĀVĀN", u"Saravan"},
        {u"\u0632\u0627\u0647\u062f\u0627\u0646", u"Zahedan"},
        {u"\u06a9\u0648\u0626\u0679\u06c1", u"Quetta"},
        {u"\u067e\u0646\u062c\u06af\u0648\u0631", u"Panjgur"},
    };
    for (const auto& [spelling, name] : spellings) {
        INFO(QString::fromUtf16(spelling).toStdString());
        const auto hits = g.lookup(spelling);
        const bool found = std::any_of(hits.begin(), hits.end(), [&](const GazetteerEntry* e) {
            return e->name == QString::fromUtf16(name);
        });
        CHECK(found);
    }
    const char16_t* balochistan[] = {u"Balochistan", u"Baluchistan", u"Baluchestan", u"Balochestan"};
    for (const char16_t* s : balochistan) {
        INFO(QString::fromUtf16(s).toStdString());
        const GazetteerEntry* e = findIn(s, u"PK", PlaceKind::Province);
        REQUIRE(e);
        CHECK(e->name == QStringLiteral("Balochistan"));
    }
    const char16_t* sistan[] = {u"Sistan and Baluchestan", u"Sistan-Baluchestan",   u"Sistan-Baluchistan",
                                u"Sistan o Baluchestan",   u"Sistan-o-Baluchistan", u"Sistan va Baluchestan",
                                u"Siestan-Balochistan",    u"Seistan-Baluchistan",  u"Sistan and Balochistan",
                                u"Sistan-Balochistan",     u"sistan baluchestan"};
    for (const char16_t* s : sistan) {
        INFO(QString::fromUtf16(s).toStdString());
        const GazetteerEntry* e = findIn(s, u"IR", PlaceKind::Province);
        REQUIRE(e);
        CHECK(e->name == QStringLiteral("Sistan and Baluchestan"));
    }
    for (const char16_t* s : {u"KP", u"KPK", u"NWFP", u"Khyber Pakhtunkhwa"}) {
        const GazetteerEntry* e = findIn(s, u"PK", PlaceKind::Province);
        REQUIRE(e);
        CHECK(e->name == QStringLiteral("Khyber Pakhtunkhwa"));
    }
    for (const char16_t* s : {u"USA", u"US", u"America", u"United States"}) {
        const auto hits = g.lookup(s);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits.front()->country == QStringLiteral("US"));
    }
    REQUIRE_FALSE(g.lookup(u"Islamic Republic of Iran").empty());
    CHECK(g.lookup(u"Islamic Republic of Iran").front()->country == QStringLiteral("IR"));
}

TEST_CASE("Places that GeoNames lacks are present", "[geo][gazetteer]")
{
    for (const char16_t* name :
         {u"Mashkel", u"Mand", u"Koh-e-Sabz", u"Tump", u"Buleda", u"Hoshab", u"Parom", u"Besima",
          u"Jhal Jhao", u"Mashkai", u"Sui", u"Kahan", u"Bolan Pass", u"Wadh", u"Naal", u"Gichk"}) {
        INFO(QString::fromUtf16(name).toStdString());
        const auto hits = Gazetteer::builtIn().lookup(name);
        REQUIRE_FALSE(hits.empty());
        CHECK(hits.front()->country == QStringLiteral("PK"));
        CHECK(hits.front()->admin1 == QStringLiteral("Balochistan"));
    }
}

TEST_CASE("Pishin is two different towns", "[geo][gazetteer]")
{
    const auto hits = Gazetteer::builtIn().lookup(u"Pishin");
    REQUIRE(hits.size() == 2);
    QSet<QString> countries;
    for (const GazetteerEntry* e : hits)
        countries.insert(e->country + u'/' + e->admin1);
    CHECK(countries.contains(QStringLiteral("PK/Balochistan")));
    CHECK(countries.contains(QStringLiteral("IR/Sistan and Baluchestan")));
}

TEST_CASE("Districts, counties, crossings and regions are listed", "[geo][gazetteer]")
{
    for (const char16_t* d : {u"Kech",
                              u"Panjgur District",
                              u"Washuk District",
                              u"Awaran District",
                              u"Gwadar District",
                              u"Kharan District",
                              u"Chagai",
                              u"Kalat District",
                              u"Mastung District",
                              u"Khuzdar District",
                              u"Lasbela",
                              u"Hub District",
                              u"Ziarat District",
                              u"Harnai District",
                              u"Kohlu District",
                              u"Dera Bugti District",
                              u"Sibi District",
                              u"Kachhi",
                              u"Bolan District",
                              u"Nasirabad",
                              u"Jaffarabad",
                              u"Jhal Magsi",
                              u"Loralai District",
                              u"Musakhel District",
                              u"Barkhan District",
                              u"Zhob District",
                              u"Sherani",
                              u"Killa Saifullah District",
                              u"Killa Abdullah District",
                              u"Pishin District",
                              u"Nushki District",
                              u"Quetta District",
                              u"Duki District",
                              u"Sohbatpur District",
                              u"Surab District"}) {
        INFO(QString::fromUtf16(d).toStdString());
        CHECK(findIn(d, u"PK", PlaceKind::District) != nullptr);
    }
    for (const char16_t* c :
         {u"Zahedan County",     u"Zabol County",    u"Saravan County",   u"Khash County",
          u"Iranshahr County",   u"Chabahar County", u"Konarak County",   u"Sarbaz County",
          u"Rask County",        u"Nikshahr County", u"Mirjaveh County",  u"Hirmand",
          u"Zehak County",       u"Hamun",           u"Dalgan",           u"Fanuj County",
          u"Qasr-e Qand County", u"Sib and Suran",   u"Mehrestan County", u"Bampur County",
          u"Taftan County",      u"Lashar",          u"Dashtiari"}) {
        INFO(QString::fromUtf16(c).toStdString());
        CHECK(findIn(c, u"IR", PlaceKind::District) != nullptr);
    }
    for (const char16_t* x :
         {u"Taftan-Mirjaveh", u"Friendship Gate", u"Gabd", u"Rimdan", u"Mand-Pishin", u"Chedgi"}) {
        INFO(QString::fromUtf16(x).toStdString());
        CHECK(findIn(x, u"PK", PlaceKind::Crossing) != nullptr);
    }
    CHECK(findIn(u"Makran", u"PK", PlaceKind::Region) != nullptr);
    CHECK(findIn(u"Sistan", u"IR", PlaceKind::Region) != nullptr);
    CHECK(findIn(u"Rakhshan", u"PK", PlaceKind::Region) != nullptr);
}

TEST_CASE("Every province and country has one entry", "[geo][gazetteer]")
{
    const Gazetteer& g = Gazetteer::builtIn();
    const makran::Basemap& map = makran::Basemap::builtIn();
    for (const makran::BasemapFeature& f : map.features()) {
        INFO(f.name.toStdString());
        if (f.layer == makran::BasemapFeature::Layer::Admin1) {
            const GazetteerEntry* p = g.province(f.name, f.countryCode);
            REQUIRE(p);
            CHECK(p->kind == PlaceKind::Province);
            CHECK(p->admin1 == f.name);
        } else if (f.countryCode != QStringLiteral("XX")) {
            REQUIRE(g.country(f.countryCode));
        }
    }
    CHECK(g.province(u"Baluchistan", u"PK")->name == QStringLiteral("Balochistan"));
    CHECK(g.province(u"Balochistan", u"IR") == nullptr);
    CHECK(g.country(u"ir")->name == QStringLiteral("Iran"));
    int countries = 0;
    for (const GazetteerEntry& e : g.entries())
        countries += e.kind == PlaceKind::Country ? 1 : 0;
    CHECK(countries > 200);
}

TEST_CASE("Gazetteer rows are well formed", "[geo][gazetteer]")
{
    const Gazetteer& g = Gazetteer::builtIn();
    REQUIRE(g.entries().size() > 1000);
    QSet<int> ids;
    for (const GazetteerEntry& e : g.entries()) {
        INFO(e.name.toStdString());
        CHECK(e.id > 0);
        CHECK_FALSE(ids.contains(e.id));
        ids.insert(e.id);
        CHECK(g.byId(e.id) == &e);
        CHECK(e.country.size() == 2);
        CHECK(e.admin1.isEmpty() == (e.kind == PlaceKind::Country));
    }
    CHECK(g.byId(-5) == nullptr);
}

TEST_CASE("Every Pakistani and Iranian place lies in its province", "[geo][gazetteer][basemap]")
{
    // The outlines are generalised to about 1 km, so points on a coast or border may sit just
    // outside; a swapped latitude and longitude would land hundreds of kilometres away.
    constexpr double tolerance = 0.1;
    const makran::Basemap& map = makran::Basemap::builtIn();
    for (const GazetteerEntry& e : Gazetteer::builtIn().entries()) {
        if ((e.country != QStringLiteral("PK") && e.country != QStringLiteral("IR")) ||
            e.kind == PlaceKind::Country)
            continue;
        INFO(e.name.toStdString() << " (" << e.lat << ", " << e.lon << ") " << e.admin1.toStdString());
        const makran::BasemapFeature* province = map.admin1(e.admin1, e.country);
        REQUIRE(province);
        if (makran::featureContains(*province, e.lat, e.lon))
            continue;
        const double distance = makran::distanceToFeature(*province, e.lat, e.lon);
        if (distance <= tolerance)
            continue;
        // Natural Earth's South Khorasan predates the 2013 transfer of Tabas county and draws the
        // Razavi Khorasan line further south than GeoNames' current provinces.
        const auto actual = map.admin1At(e.lat, e.lon);
        const bool knownBoundaryLag =
            e.admin1 == QStringLiteral("South Khorasan") &&
            (actual == QStringLiteral("Razavi Khorasan") || actual == QStringLiteral("Yazd")) &&
            distance < 1.5;
        CHECK(knownBoundaryLag);
    }
}

TEST_CASE("Autocomplete ranks likely places first", "[geo][gazetteer]")
{
    const Gazetteer& g = Gazetteer::builtIn();
    const auto zah = g.search(u"Zah", 5);
    REQUIRE_FALSE(zah.empty());
    CHECK(zah.front()->name == QStringLiteral("Zahedan"));
    CHECK(zah.size() <= 5);
    const auto bal = g.search(u"balo", 10);
    REQUIRE_FALSE(bal.empty());
    CHECK(bal.front()->name == QStringLiteral("Balochistan"));
    const auto pak = g.search(u"Pakistan", 3);
    REQUIRE_FALSE(pak.empty());
    CHECK(pak.front()->kind == PlaceKind::Country);
    CHECK(g.search(u"", 10).empty());
    CHECK(g.search(u"Qu", 0).empty());
    CHECK(g.search(u"zzzzqqq", 10).empty());
    const auto many = g.search(u"S", 1000);
    QSet<int> seen;
    for (const GazetteerEntry* e : many) {
        CHECK_FALSE(seen.contains(e->id));
        seen.insert(e->id);
    }
}

TEST_CASE("Bad gazetteer text is refused with the line at fault", "[geo][gazetteer]")
{
    Gazetteer g;
    QString error;
    REQUIRE(g.loadTsv(
        kHeader + "7\tTestabad\tTest Abad|Tst\tvillage\t27.5\t64.5\tBalochistan\tPK\t\tunit test\n", &error));
    REQUIRE(g.entries().size() == 1);
    CHECK(g.lookup(u"test-abad").size() == 1);

    auto refuses = [&](const QByteArray& text, const QString& fragment) {
        error.clear();
        const bool ok = g.loadTsv(text, &error);
        INFO(error.toStdString());
        return !ok && error.contains(fragment) && g.entries().size() == 1;
    };
    CHECK(refuses("", QStringLiteral("header")));
    CHECK(refuses("name\tkind\n", QStringLiteral("header")));
    CHECK(refuses(kHeader + "1\tX\t\thamlet\t1\t1\tA\tPK\t\t\n", QStringLiteral("line 2")));
    CHECK(refuses(kHeader + "1\tX\t\ttown\t91\t1\tA\tPK\t\t\n", QStringLiteral("coordinates")));
    CHECK(refuses(kHeader + "1\tX\t\ttown\tabc\t1\tA\tPK\t\t\n", QStringLiteral("coordinates")));
    CHECK(refuses(kHeader + "1\tX\t\ttown\t1\t1\tA\tPAK\t\t\n", QStringLiteral("country")));
    CHECK(refuses(kHeader + "1\tX\t\ttown\t1\t1\tA\tPK\n", QStringLiteral("columns")));
    CHECK(refuses(kHeader + "x\tX\t\ttown\t1\t1\tA\tPK\t\t\n", QStringLiteral("id")));
    CHECK(refuses(kHeader + "1\tX\t\ttown\t1\t1\tA\tPK\t-4\t\n", QStringLiteral("population")));
    CHECK(refuses(kHeader + "1\tX\t\ttown\t1\t1\tA\tPK\t\t\n1\tY\t\ttown\t1\t1\tA\tPK\t\t\n",
                  QStringLiteral("duplicate")));
    CHECK(refuses(kHeader + "1\t\t\ttown\t1\t1\tA\tPK\t\t\n", QStringLiteral("name")));

    // Windows line ends, a byte order mark and comments are fine.
    CHECK(g.loadTsv("\xEF\xBB\xBF" + QByteArray(kHeader).replace("\n", "\r\n") +
                        "# note\r\n\r\n"
                        "3\tA\t\ttown\t1\t1\tA\tPK\t12\t\r\n",
                    &error));
    CHECK(g.entries().front().population == 12);
}

TEST_CASE("Users extend the gazetteer from their own file", "[geo][gazetteer]")
{
    Gazetteer g;
    QString error;
    QTemporaryDir dir;
    const QString builtIn = dir.filePath(QStringLiteral("base.tsv"));
    {
        QFile source(QStringLiteral(":/geo/gazetteer.tsv"));
        REQUIRE(source.open(QIODevice::ReadOnly));
        QFile copy(builtIn);
        REQUIRE(copy.open(QIODevice::WriteOnly));
        copy.write(source.readAll());
    }
    REQUIRE(g.loadFile(builtIn, &error));
    const size_t before = g.entries().size();
    const GazetteerEntry* quetta = settlement(u"Quetta", u"PK");
    REQUIRE(quetta);

    const QString user = dir.filePath(QStringLiteral("mine.tsv"));
    {
        QFile file(user);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(kHeader);
        file.write(
            "\tKill Kaur\tKil Kaur|Killi Kaur\tvillage\t26.20\t63.30\tBalochistan\tPK\t\tanalyst note\n");
        file.write(QByteArray::number(quetta->id) +
                   "\tQuetta\tKwatah|Shal|Quetta "
                   "City\tcity\t30.18414\t67.00141\tBalochistan\tPK\t2275699\tcorrected\n");
    }
    REQUIRE(g.mergeFile(user, &error));
    CHECK(g.entries().size() == before + 1);
    const auto added = g.lookup(u"killi kaur");
    REQUIRE(added.size() == 1);
    CHECK(added.front()->kind == PlaceKind::Village);
    CHECK(added.front()->id > 0);
    CHECK(g.byId(quetta->id)->population == 2275699);
    CHECK(g.lookup(u"Quetta City").size() == 1);

    CHECK_FALSE(g.mergeFile(dir.filePath(QStringLiteral("missing.tsv")), &error));
    CHECK_FALSE(g.mergeTsv(kHeader + "\tBad\t\ttown\t1\t1000\tA\tPK\t\t\n", &error));
    CHECK(g.entries().size() == before + 1);
}
