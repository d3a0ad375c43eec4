// IncidentCatalog over a real Store: what the filter lets through, by date range, type, actor, province,
// country and free text, and how the shared selection follows.
#include "state/incidentcatalog.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

#include <algorithm>

namespace makran {
namespace {

struct Spec {
    QString key; // a word that is only in this report, to find the incident again
    QDate date;  // invalid: undated
    DatePrecision precision;
    QString eventType;
    QString actor;
    QString placeName;
    QString admin1;
    QString country;
};

ExtractionResult reportFor(const Spec& spec)
{
    ExtractionResult result;
    result.report.title = spec.key;
    result.report.text = QStringLiteral("Report %1: an incident near %2 involving %3.")
                             .arg(spec.key, spec.placeName, spec.actor);
    result.report.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(result.report.text.toUtf8(), QCryptographicHash::Sha256).toHex());
    Incident incident;
    incident.date = spec.date;
    incident.dateEnd = spec.precision == DatePrecision::Week ? spec.date.addDays(6) : spec.date;
    incident.datePrecision = spec.date.isValid() ? spec.precision : DatePrecision::Unknown;
    incident.eventType = spec.eventType;
    incident.subEventType = QStringLiteral("Other");
    incident.place.name = spec.placeName;
    incident.place.admin1 = spec.admin1;
    incident.place.country = spec.country;
    incident.place.geoPrecision = 1;
    incident.actors = {ActorRef{spec.actor, ActorRole::Perpetrator, QStringLiteral("militant"), QString()}};
    result.incidents = {incident};
    return result;
}

const QString kBattles = QStringLiteral("Battles");
const QString kProtests = QStringLiteral("Protests");
const QString kExplosions = QStringLiteral("Explosions/Remote violence");
const QString kBalochistan = QStringLiteral("Balochistan");
const QString kSistan = QStringLiteral("Sistan and Baluchestan");

QList<Spec> specs()
{
    return {
        {QStringLiteral("alphaquetta"), QDate(2024, 1, 10), DatePrecision::Day, kBattles,
         QStringLiteral("Baloch Liberation Army"), QStringLiteral("Quetta"), kBalochistan, QStringLiteral("PK")},
        {QStringLiteral("bravozahedan"), QDate(2024, 1, 16), DatePrecision::Day, kExplosions,
         QStringLiteral("Jaish al-Adl"), QStringLiteral("Zahedan"), kSistan, QStringLiteral("IR")},
        {QStringLiteral("charliegwadar"), QDate(2024, 2, 20), DatePrecision::Day, kProtests,
         QStringLiteral("Protesters"), QStringLiteral("Gwadar"), kBalochistan, QStringLiteral("PK")},
        {QStringLiteral("deltaundated"), QDate(), DatePrecision::Unknown, kBattles,
         QStringLiteral("Jaish al-Adl"), QStringLiteral("Saravan"), kSistan, QStringLiteral("IR")},
        {QStringLiteral("echoturbat"), QDate(2023, 12, 30), DatePrecision::Day, kExplosions,
         QStringLiteral("Balochistan Liberation Front"), QStringLiteral("Turbat"), kBalochistan, QStringLiteral("PK")},
    };
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    QHash<QString, qint64> idByKey;

    Fixture()
    {
        QString error;
        store = Store::open(dir.filePath(QStringLiteral("catalog.sqlite")), &error);
        REQUIRE(store);
        for (const Spec& spec : specs()) {
            const auto result = store->importReport(reportFor(spec));
            REQUIRE(result.status == Store::ImportStatus::Imported);
        }
        for (const Incident& incident : store->loadIncidents())
            idByKey.insert(store->report(incident.reportId)->title, incident.id);
        REQUIRE(idByKey.size() == 5);
    }

    QStringList visibleKeys(const IncidentCatalog& catalog) const
    {
        QStringList keys;
        for (qint64 id : catalog.visibleIds())
            keys << idByKey.key(id);
        keys.sort();
        return keys;
    }
};

QStringList keys(std::initializer_list<const char*> names)
{
    QStringList list;
    for (const char* name : names)
        list << QString::fromLatin1(name);
    list.sort();
    return list;
}

} // namespace
} // namespace makran

using namespace makran;

TEST_CASE("IncidentCatalog: loads every incident of the store and shows all without a filter", "[state][catalog]")
{
    Fixture f;
    IncidentCatalog catalog;
    QSignalSpy reloaded(&catalog, &IncidentCatalog::reloaded);
    QSignalSpy visible(&catalog, &IncidentCatalog::visibleChanged);
    catalog.setStore(f.store.get());
    CHECK(reloaded.count() == 1);
    CHECK(visible.count() >= 1);
    CHECK(catalog.all().size() == 5);
    CHECK(catalog.visibleIds().size() == 5);
    for (qint64 id : f.idByKey) {
        REQUIRE(catalog.byId(id));
        CHECK(catalog.byId(id)->id == id);
        CHECK(catalog.isVisible(id));
    }
    CHECK_FALSE(catalog.byId(99999));

    catalog.setStore(nullptr);
    CHECK(catalog.all().empty());
    CHECK(catalog.visibleIds().isEmpty());
}

TEST_CASE("IncidentCatalog: filters by date range, type, actor, province, country and text", "[state][catalog]")
{
    Fixture f;
    IncidentCatalog catalog;
    catalog.setStore(f.store.get());
    FilterState& filter = catalog.filter();

    SECTION("a bounded date range excludes undated incidents and those outside it")
    {
        filter.setDateRange(QDate(2024, 1, 1), QDate(2024, 1, 31));
        CHECK(f.visibleKeys(catalog) == keys({"alphaquetta", "bravozahedan"}));
        filter.setDateRange(QDate(2024, 1, 16), QDate(2024, 1, 16)); // inclusive
        CHECK(f.visibleKeys(catalog) == keys({"bravozahedan"}));
        filter.setDateRange(QDate(2024, 1, 11), QDate());             // open end
        CHECK(f.visibleKeys(catalog) == keys({"bravozahedan", "charliegwadar"}));
        filter.clearDateRange();
        CHECK(catalog.visibleIds().size() == 5);
    }
    SECTION("event type")
    {
        filter.setEventTypes({kExplosions});
        CHECK(f.visibleKeys(catalog) == keys({"bravozahedan", "echoturbat"}));
        filter.setEventTypes({kExplosions, kProtests});
        CHECK(f.visibleKeys(catalog) == keys({"bravozahedan", "charliegwadar", "echoturbat"}));
    }
    SECTION("actor: a case-insensitive part of the name")
    {
        filter.setActor(QStringLiteral("al-adl"));
        CHECK(f.visibleKeys(catalog) == keys({"bravozahedan", "deltaundated"}));
        filter.setActor(QStringLiteral("LIBERATION"));
        CHECK(f.visibleKeys(catalog) == keys({"alphaquetta", "echoturbat"}));
        filter.setActor(QStringLiteral("Taliban"));
        CHECK(catalog.visibleIds().isEmpty());
    }
    SECTION("province and country")
    {
        filter.setAdmin1(kSistan);
        CHECK(f.visibleKeys(catalog) == keys({"bravozahedan", "deltaundated"}));
        filter.setAdmin1(QString());
        filter.setCountry(QStringLiteral("PK"));
        CHECK(f.visibleKeys(catalog) == keys({"alphaquetta", "charliegwadar", "echoturbat"}));
    }
    SECTION("free text through the store's full-text index, combined with fields")
    {
        filter.setText(QStringLiteral("charliegwadar"));
        CHECK(f.visibleKeys(catalog) == keys({"charliegwadar"}));
        CHECK(catalog.lastError().isEmpty());
        filter.setText(QStringLiteral("Jaish"));
        CHECK(f.visibleKeys(catalog) == keys({"bravozahedan", "deltaundated"}));
        filter.setDateRange(QDate(2024, 1, 1), QDate(2024, 12, 31));
        CHECK(f.visibleKeys(catalog) == keys({"bravozahedan"}));
        filter.setText(QStringLiteral("nosuchword"));
        CHECK(catalog.visibleIds().isEmpty());
        filter.setText(QStringLiteral("\"(Jaish AND*"));
        CHECK(catalog.lastError().isEmpty());
    }
}

TEST_CASE("IncidentCatalog: a filter change drops hidden incidents from the selection", "[state][catalog]")
{
    Fixture f;
    IncidentCatalog catalog;
    catalog.setStore(f.store.get());
    const qint64 quetta = f.idByKey.value(QStringLiteral("alphaquetta"));
    const qint64 zahedan = f.idByKey.value(QStringLiteral("bravozahedan"));
    catalog.selection().selectMany({quetta, zahedan});
    QSignalSpy visible(&catalog, &IncidentCatalog::visibleChanged);
    catalog.filter().setCountry(QStringLiteral("IR"));
    CHECK(visible.count() == 1);
    CHECK(catalog.selection().selected() == QList<qint64>{zahedan});
    CHECK(catalog.selection().current() == zahedan);
}

TEST_CASE("IncidentCatalog: reload picks up newly imported incidents under the current filter", "[state][catalog]")
{
    Fixture f;
    IncidentCatalog catalog;
    catalog.setStore(f.store.get());
    catalog.filter().setCountry(QStringLiteral("IR"));
    REQUIRE(catalog.visibleIds().size() == 2);
    const Spec extra{QStringLiteral("foxtrotchabahar"), QDate(2024, 3, 1), DatePrecision::Day, kBattles,
                     QStringLiteral("IRGC"), QStringLiteral("Chabahar"), kSistan, QStringLiteral("IR")};
    REQUIRE(f.store->importReport(reportFor(extra)).status == Store::ImportStatus::Imported);
    CHECK(catalog.visibleIds().size() == 2); // not yet reloaded
    QSignalSpy reloaded(&catalog, &IncidentCatalog::reloaded);
    catalog.reload();
    CHECK(reloaded.count() == 1);
    CHECK(catalog.all().size() == 6);
    CHECK(catalog.visibleIds().size() == 3);
}
