// IncidentCatalog::refresh: after an edit only the incidents it touched are read again, the typed
// signals say what changed, the selection stays, and the result is what a full reload would give.
// Also: the catalog keeps one AnnotationStore per store, and the free-text filter finds a merged
// incident by its absorbed report's words.
#include "annotate/annotationservice.h"
#include "annotate/annotationstore.h"
#include "state/incidentcatalog.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <functional>

#include <catch2/catch.hpp>

namespace makran {
namespace {

ExtractionResult report(const QString& word, const QString& place, const QString& admin1,
                        const QString& country, int fatalities)
{
    ExtractionResult result;
    result.report.title = word;
    result.report.text = QStringLiteral("Report %1: a clash near %2.").arg(word, place);
    result.report.contentHash = QString::fromLatin1(
        QCryptographicHash::hash(result.report.text.toUtf8(), QCryptographicHash::Sha256).toHex());
    Incident incident;
    incident.date = QDate(2024, 1, 16);
    incident.dateEnd = incident.date;
    incident.datePrecision = DatePrecision::Day;
    incident.eventType = QStringLiteral("Battles");
    incident.subEventType = QStringLiteral("Armed clash");
    incident.place.name = place;
    incident.place.admin1 = admin1;
    incident.place.country = country;
    incident.place.geoPrecision = 1;
    incident.fatalities = fatalities;
    incident.actors = {
        ActorRef{QStringLiteral("Levies"), ActorRole::Target, QStringLiteral("state"), QString()}};
    result.incidents = {incident};
    return result;
}

struct Fixture {
    QTemporaryDir dir;
    std::unique_ptr<Store> store;
    std::unique_ptr<AnnotationStore> annotations;
    qint64 panjgur = 0, turbat = 0, zahedan = 0;

    Fixture()
    {
        QString error;
        store = Store::open(dir.filePath(QStringLiteral("refresh.sqlite")), &error);
        REQUIRE(store);
        const auto add = [&](const ExtractionResult& extraction) {
            const auto result = store->importReport(extraction);
            REQUIRE(result.status == Store::ImportStatus::Imported);
            return store->loadIncidents().back().id;
        };
        panjgur = add(report(QStringLiteral("kilopanjgur"), QStringLiteral("Panjgur"),
                             QStringLiteral("Balochistan"), QStringLiteral("PK"), 2));
        turbat = add(report(QStringLiteral("limaturbat"), QStringLiteral("Turbat"),
                            QStringLiteral("Balochistan"), QStringLiteral("PK"), 4));
        zahedan = add(report(QStringLiteral("mikezahedan"), QStringLiteral("Zahedan"),
                             QStringLiteral("Sistan and Baluchestan"), QStringLiteral("IR"), 1));
        annotations = std::make_unique<AnnotationStore>(*store);
        REQUIRE(annotations->isReady());
    }
};

// What a view reads of an incident; the catalog after refresh() must equal a fresh reload on all of it.
void checkSame(const Incident& a, const Incident& b)
{
    CHECK(a.id == b.id);
    CHECK(a.reportId == b.reportId);
    CHECK(a.date == b.date);
    CHECK(a.dateEnd == b.dateEnd);
    CHECK(a.eventType == b.eventType);
    CHECK(a.place == b.place);
    CHECK(a.fatalities == b.fatalities);
    CHECK(a.fatalitiesHigh == b.fatalitiesHigh);
    CHECK(a.actors == b.actors);
    CHECK(a.sourceReportIds == b.sourceReportIds);
    CHECK(a.quotes == b.quotes);
    CHECK(a.evidence == b.evidence);
    CHECK(a.summary == b.summary);
}

void checkLikeReload(const IncidentCatalog& catalog, Store& store)
{
    IncidentCatalog fresh;
    fresh.filter().setFilter(catalog.filter().filter());
    fresh.setStore(&store);
    REQUIRE(catalog.all().size() == fresh.all().size());
    for (size_t i = 0; i < fresh.all().size(); ++i)
        checkSame(catalog.all()[i], fresh.all()[i]);
    CHECK(catalog.visibleIds() == fresh.visibleIds());
}

QList<qint64> idsIn(const QSignalSpy& spy, int call)
{
    return spy.at(call).at(0).value<QList<qint64>>();
}

int schemaStatements(Store& store, const std::function<void()>& work)
{
    int count = 0;
    const auto trace = [](unsigned, void* context, void* statement, void*) {
        const QByteArray sql(sqlite3_sql(static_cast<sqlite3_stmt*>(statement)));
        if (sql.contains("sqlite_master") || sql.contains("CREATE TABLE"))
            ++*static_cast<int*>(context);
        return 0;
    };
    sqlite3_trace_v2(store.database().handle(), SQLITE_TRACE_STMT, trace, &count);
    work();
    sqlite3_trace_v2(store.database().handle(), 0, nullptr, nullptr);
    return count;
}

} // namespace
} // namespace makran

using namespace makran;

TEST_CASE("IncidentCatalog: refresh after a field edit updates that incident only and keeps the selection",
          "[state][catalog][refresh]")
{
    Fixture f;
    IncidentCatalog catalog;
    catalog.setStore(f.store.get(), f.annotations.get());
    catalog.selection().selectMany({f.panjgur, f.turbat});
    AnnotationService service(*f.annotations);
    QString error;
    REQUIRE(service.setField(f.turbat, QStringLiteral("fatalities"), QStringLiteral("9"), &error));
    CHECK(catalog.byId(f.turbat)->fatalities == 4); // not read yet

    QSignalSpy reloaded(&catalog, &IncidentCatalog::reloaded);
    QSignalSpy changed(&catalog, &IncidentCatalog::incidentsChanged);
    QSignalSpy visible(&catalog, &IncidentCatalog::visibleChanged);
    QSignalSpy selection(&catalog.selection(), &SelectionState::changed);
    catalog.refresh({f.turbat});
    CHECK(reloaded.count() == 0);
    REQUIRE(changed.count() == 1);
    CHECK(idsIn(changed, 0) == QList<qint64>{f.turbat});
    CHECK(visible.count() == 0); // the same incidents pass the filter
    CHECK(selection.count() == 0);
    CHECK(catalog.byId(f.turbat)->fatalities == 9);
    CHECK(catalog.selection().selected() == (QList<qint64>{f.panjgur, f.turbat}));
    checkLikeReload(catalog, *f.store);

    SECTION("an edit that moves an incident out of the filter signals visibleChanged and drops it from the "
            "selection")
    {
        catalog.filter().setCountry(QStringLiteral("PK"));
        REQUIRE(service.setField(f.turbat, QStringLiteral("place"), QStringLiteral("Zahedan"), &error));
        catalog.refresh({f.turbat});
        CHECK(changed.count() == 2);
        CHECK(visible.count() == 2); // the filter change, then the edit
        CHECK(catalog.visibleIds() == QList<qint64>{f.panjgur});
        CHECK(catalog.selection().selected() == QList<qint64>{f.panjgur});
        checkLikeReload(catalog, *f.store);
    }
}

TEST_CASE("IncidentCatalog: refresh follows a merge and its split for both incidents",
          "[state][catalog][refresh]")
{
    Fixture f;
    IncidentCatalog catalog;
    catalog.setStore(f.store.get(), f.annotations.get());
    catalog.selection().selectMany({f.panjgur, f.turbat});
    AnnotationService service(*f.annotations);
    QString error;
    QSignalSpy changed(&catalog, &IncidentCatalog::incidentsChanged);
    QSignalSpy visible(&catalog, &IncidentCatalog::visibleChanged);

    REQUIRE(service.merge(f.panjgur, f.turbat, &error));
    catalog.refresh({f.panjgur, f.turbat});
    REQUIRE(changed.count() == 1);
    CHECK(idsIn(changed, 0).contains(f.panjgur));
    CHECK(idsIn(changed, 0).contains(f.turbat));
    CHECK(visible.count() == 1);
    CHECK(catalog.all().size() == 2);
    CHECK_FALSE(catalog.byId(f.turbat));
    REQUIRE(catalog.byId(f.panjgur));
    CHECK(catalog.byId(f.panjgur)->sourceReportIds.size() == 2);
    CHECK(catalog.selection().selected() == QList<qint64>{f.panjgur});
    CHECK(catalog.selection().current() == f.panjgur);
    checkLikeReload(catalog, *f.store);

    REQUIRE(service.unmerge(f.panjgur, f.turbat, &error));
    catalog.refresh({f.panjgur, f.turbat});
    CHECK(changed.count() == 2);
    CHECK(visible.count() == 2);
    CHECK(catalog.all().size() == 3);
    REQUIRE(catalog.byId(f.turbat));
    CHECK(catalog.byId(f.panjgur)->sourceReportIds.size() == 1);
    CHECK(catalog.visibleIds() == (QList<qint64>{f.panjgur, f.turbat, f.zahedan})); // id order, as loaded
    checkLikeReload(catalog, *f.store);
}

TEST_CASE("IncidentCatalog: holds one AnnotationStore per store instead of making one per reload",
          "[state][catalog]")
{
    Fixture f;
    IncidentCatalog catalog;
    // Making an AnnotationStore checks the annotation tables (and creates them when missing).
    CHECK(schemaStatements(*f.store, [&] { catalog.setStore(f.store.get()); }) > 0);
    CHECK(schemaStatements(*f.store, [&] { catalog.reload(); }) == 0);
    CHECK(schemaStatements(*f.store, [&] { catalog.reload(); }) == 0);
    IncidentCatalog shared;
    CHECK(schemaStatements(*f.store, [&] { shared.setStore(f.store.get(), f.annotations.get()); }) == 0);
    CHECK(shared.all().size() == 3);
}

TEST_CASE("IncidentCatalog: the text filter finds a merged incident by words only in its absorbed report",
          "[state][catalog][filter]")
{
    Fixture f;
    AnnotationService service(*f.annotations);
    QString error;
    REQUIRE(service.merge(f.panjgur, f.turbat, &error));
    IncidentCatalog catalog;
    catalog.setStore(f.store.get(), f.annotations.get());
    catalog.filter().setText(QStringLiteral("limaturbat")); // a word of the absorbed report only
    CHECK(catalog.visibleIds() == QList<qint64>{f.panjgur});
    catalog.filter().setText(QStringLiteral("kilopanjgur"));
    CHECK(catalog.visibleIds() == QList<qint64>{f.panjgur});
    catalog.filter().setText(QStringLiteral("limaturbat clash"));
    CHECK(catalog.visibleIds() == QList<qint64>{f.panjgur});
    catalog.filter().setText(QStringLiteral("mikezahedan"));
    CHECK(catalog.visibleIds() == QList<qint64>{f.zahedan});
    catalog.filter().setText(QStringLiteral("limaturbat mikezahedan")); // every word in one report
    CHECK(catalog.visibleIds().isEmpty());
}
