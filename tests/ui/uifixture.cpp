#include "uifixture.h"

#include "store/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QThread>

namespace makran::test {

namespace {

QString hashOf(const QString& text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Incident makeIncident(const QString& type, const QString& place, const QString& admin1,
                      const QString& country, std::optional<double> lat, std::optional<double> lon,
                      int precision, const QDate& date)
{
    Incident incident;
    incident.eventType = type;
    incident.place.name = place;
    incident.place.admin1 = admin1;
    incident.place.country = country;
    incident.place.lat = lat;
    incident.place.lon = lon;
    incident.place.geoPrecision = precision;
    incident.date = date;
    incident.dateEnd = date;
    incident.datePrecision = date.isValid() ? DatePrecision::Day : DatePrecision::Unknown;
    incident.confidence = 0.8;
    return incident;
}

ExtractionResult reportWith(const QString& title, const QString& text, QList<Incident> incidents)
{
    ExtractionResult result;
    result.report.title = title;
    result.report.source = QStringLiteral("fixture");
    result.report.published = QDate(2024, 3, 6);
    result.report.text = text;
    result.report.contentHash = hashOf(text);
    result.incidents = std::move(incidents);
    for (const Incident& incident : result.incidents)
        result.quotes << incident.quotes;
    return result;
}

} // namespace

bool writeFixtureDatabase(const QString& path, QString* error)
{
    std::unique_ptr<Store> store = Store::open(path, error);
    if (!store)
        return false;

    const QString panjgurText =
        QStringLiteral("Gunmen attacked a Frontier Corps post in Panjgur on Thursday, 18 January 2024, "
                       "killing three soldiers. "
                       "\"We repulsed the attack and the area is under control,\" said the ISPR spokesman.");
    Incident battle =
        makeIncident(QStringLiteral("Battles"), QStringLiteral("Panjgur"), QStringLiteral("Balochistan"),
                     QStringLiteral("PK"), 26.96, 64.09, 1, QDate(2024, 1, 18));
    battle.fatalities = 3;
    battle.summary = QStringLiteral("Gunmen attacked an FC post in Panjgur; three soldiers killed.");
    battle.actors = {ActorRef{QStringLiteral("Frontier Corps"), ActorRole::Target, QStringLiteral("military"),
                              QStringLiteral("PK")}};
    const QString quoted = QStringLiteral("We repulsed the attack and the area is under control,");
    const qint64 quoteStart = panjgurText.indexOf(quoted);
    battle.quotes = {Quote{QStringLiteral("ISPR spokesman"), quoted, quoteStart, quoteStart + quoted.size(),
                           panjgurText.indexOf(QStringLiteral("ISPR")), panjgurText.size() - 1, false,
                           false}};
    const qint64 dateStart = panjgurText.indexOf(QStringLiteral("Thursday"));
    battle.evidence = {
        Evidence{QStringLiteral("date"), dateStart, dateStart + 8, QStringLiteral("Thursday -> 2024-01-18")},
        Evidence{QStringLiteral("place"), panjgurText.indexOf(QStringLiteral("Panjgur")),
                 panjgurText.indexOf(QStringLiteral("Panjgur")) + 7, QStringLiteral("gazetteer: Panjgur")}};

    Incident blast =
        makeIncident(QStringLiteral("Explosions/Remote violence"), QStringLiteral("Turbat"),
                     QStringLiteral("Balochistan"), QStringLiteral("PK"), 26.00, 63.05, 1, QDate(2024, 3, 5));
    blast.fatalities = 12;
    Incident protest = makeIncident(QStringLiteral("Protests"), QStringLiteral("Zahedan"),
                                    QStringLiteral("Sistan and Baluchestan"), QStringLiteral("IR"), 29.50,
                                    60.86, 1, QDate(2023, 11, 1));
    protest.dateEnd = QDate(2023, 11, 30);
    protest.datePrecision = DatePrecision::Month;
    Incident province = makeIncident(QStringLiteral("Violence against civilians"),
                                     QStringLiteral("Balochistan"), QStringLiteral("Balochistan"),
                                     QStringLiteral("PK"), std::nullopt, std::nullopt, 3, QDate(2024, 2, 1));
    Incident undated =
        makeIncident(QStringLiteral("Battles"), QStringLiteral("Gwadar"), QStringLiteral("Balochistan"),
                     QStringLiteral("PK"), 25.12, 62.33, 1, QDate());
    Incident nowhere = makeIncident(QStringLiteral("Strategic developments"), QString(), QString(), QString(),
                                    std::nullopt, std::nullopt, 0, QDate(2024, 2, 10));

    const QList<ExtractionResult> reports = {
        reportWith(QStringLiteral("FC post attacked in Panjgur"), panjgurText, {battle}),
        reportWith(
            QStringLiteral("Blast in Turbat"),
            QStringLiteral(
                "A roadside bomb exploded in Turbat on 5 March 2024; the zephyrword device killed twelve."),
            {blast}),
        reportWith(
            QStringLiteral("Protests in Zahedan"),
            QStringLiteral("Residents of Zahedan protested throughout November 2023 over water shortages."),
            {protest}),
        reportWith(
            QStringLiteral("Killings in Balochistan"),
            QStringLiteral(
                "Two labourers were killed somewhere in Balochistan, officials said on 1 February 2024."),
            {province}),
        reportWith(QStringLiteral("Clash near Gwadar"),
                   QStringLiteral("A clash near Gwadar was reported; no date was given."), {undated}),
        reportWith(QStringLiteral("Statement"),
                   QStringLiteral("A statement on 10 February 2024 announced new measures."), {nowhere}),
    };
    for (const ExtractionResult& report : reports) {
        const Store::ImportResult result = store->importReport(report);
        if (result.status != Store::ImportStatus::Imported) {
            if (error)
                *error = result.error;
            return false;
        }
    }
    return true;
}

bool addCrowdAtOneTown(const QString& path, int count, QString* error)
{
    std::unique_ptr<Store> store = Store::open(path, error);
    if (!store)
        return false;
    QList<Incident> incidents;
    for (int i = 0; i < count; ++i)
        incidents << makeIncident(QStringLiteral("Protests"), QStringLiteral("Panjgur"),
                                  QStringLiteral("Balochistan"), QStringLiteral("PK"), 26.96, 64.09, 1,
                                  QDate(2022, 1, 1).addDays(i % 700));
    const Store::ImportResult result = store->importReport(
        reportWith(QStringLiteral("Crowd"), QStringLiteral("crowd %1").arg(count), incidents));
    if (result.status != Store::ImportStatus::Imported && error)
        *error = result.error;
    return result.status == Store::ImportStatus::Imported;
}

bool waitUntil(const std::function<bool()>& predicate, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!predicate() && timer.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return predicate();
}

} // namespace makran::test
