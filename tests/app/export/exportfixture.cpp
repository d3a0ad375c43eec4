#include "exportfixture.h"

#include <catch2/catch.hpp>

#include <QFile>

namespace makran::test {

namespace {

Evidence evidenceFor(const QString& text, const QString& field, const QString& words)
{
    const qsizetype at = text.indexOf(words);
    REQUIRE(at >= 0);
    return Evidence{field, at, at + words.size(), QString()};
}

Quote quoteIn(const QString& text, const QString& speaker, const QString& words)
{
    const qsizetype at = text.indexOf(words);
    REQUIRE(at >= 0);
    return Quote{speaker, words, at, at + words.size(), -1, -1, false, false};
}

} // namespace

ExportFixture::ExportFixture()
{
    // MAKRAN_KEEP_EXPORTS=1 keeps the files for a look (the path is printed).
    if (!qEnvironmentVariableIsEmpty("MAKRAN_KEEP_EXPORTS")) {
        dir.setAutoRemove(false);
        WARN("exports kept in " << dir.path().toStdString());
    }
    Report dawn{
        1,
        QStringLiteral("Ten soldiers killed in Panjgur attack"),
        QStringLiteral("Dawn"),
        QStringLiteral("https://example.org/dawn/panjgur"),
        QDate(2024, 1, 19),
        QStringLiteral("QUETTA: On Thursday, militants of the Balochistan Liberation Army attacked a "
                       "checkpost in Panjgur, killing ten soldiers and injuring three. "
                       "“We will not allow terrorists to succeed,” an ISPR spokesman said. "
                       "Iranian strikes near Panjgur earlier in the week had killed seven, officials said."),
        QStringLiteral("hash-dawn"),
        QString()};
    Report bbc{2,
               QStringLiteral("حمله در سراوان"),
               QStringLiteral("BBC Persian"),
               QString(),
               QDate(2024, 1, 22),
               QStringLiteral("در هفته گذشته در سراوان دو غیرنظامی کشته شدند. "
                              "فرماندار گفت: «امنیت مردم اولویت ماست» و جیش العدل مسئولیت را پذیرفت."),
               QStringLiteral("hash-bbc"),
               QString()};
    Report news{
        3,
        QStringLiteral("Gwadar sit-in continues"),
        QStringLiteral("The Balochistan Post"),
        QString(),
        QDate(2024, 2, 20),
        QStringLiteral(
            "Hundreds joined the sit-in in Gwadar in February. "
            "ہم اپنے حقوق کے لیے لڑیں گے, a speaker of the Baloch Yakjehti Committee told the crowd."),
        QStringLiteral("hash-news"),
        QString()};
    reports.insert(dawn.id, dawn);
    reports.insert(bbc.id, bbc);
    reports.insert(news.id, news);

    Incident panjgur;
    panjgur.id = 1;
    panjgur.reportId = 1;
    panjgur.date = panjgur.dateEnd = QDate(2024, 1, 18);
    panjgur.datePrecision = DatePrecision::Day;
    panjgur.eventType = QStringLiteral("Battles");
    panjgur.subEventType = QStringLiteral("Armed clash");
    panjgur.place = Place{QStringLiteral("Panjgur"),
                          QStringLiteral("Balochistan"),
                          QStringLiteral("PK"),
                          26.9644,
                          64.0903,
                          1,
                          false};
    panjgur.actors = {ActorRef{QStringLiteral("Balochistan Liberation Army"), ActorRole::Perpetrator,
                               QStringLiteral("militant"), QString()},
                      ActorRef{QStringLiteral("Pakistan Army"), ActorRole::Target, QStringLiteral("military"),
                               QStringLiteral("PK")}};
    panjgur.fatalities = 10;
    panjgur.injured = 3;
    panjgur.summary = QStringLiteral("BLA militants attacked a checkpost in Panjgur, killing ten soldiers, "
                                     "injuring three.");
    panjgur.quotes = {quoteIn(dawn.text, QStringLiteral("ISPR spokesman"),
                              QStringLiteral("We will not allow terrorists to succeed,"))};
    panjgur.evidence = {
        evidenceFor(dawn.text, QStringLiteral("date"), QStringLiteral("On Thursday")),
        evidenceFor(dawn.text, QStringLiteral("place"), QStringLiteral("Panjgur")),
        evidenceFor(dawn.text, QStringLiteral("actor"), QStringLiteral("Balochistan Liberation Army")),
        evidenceFor(dawn.text, QStringLiteral("fatalities"), QStringLiteral("killing ten soldiers"))};
    panjgur.confidence = 0.9;
    panjgur.sourceReportIds = {1, 3};

    Incident saravan;
    saravan.id = 2;
    saravan.reportId = 2;
    saravan.date = QDate(2024, 1, 15);
    saravan.dateEnd = QDate(2024, 1, 21);
    saravan.datePrecision = DatePrecision::Week;
    saravan.eventType = QStringLiteral("Violence against civilians");
    saravan.subEventType = QStringLiteral("Attack");
    saravan.place = Place{QStringLiteral("سراوان"),
                          QStringLiteral("Sistan and Baluchestan"),
                          QStringLiteral("IR"),
                          27.3709,
                          62.3341,
                          2,
                          false};
    saravan.actors = {ActorRef{QStringLiteral("Jaish al-Adl"), ActorRole::Perpetrator,
                               QStringLiteral("militant"), QString()},
                      ActorRef{QStringLiteral("Civilians (Iran)"), ActorRole::Target,
                               QStringLiteral("civilians"), QString()}};
    saravan.fatalities = 2;
    saravan.summary = QStringLiteral("Two civilians were killed in Saravan; Jaish al-Adl claimed it.");
    saravan.quotes = {
        quoteIn(bbc.text, QStringLiteral("فرماندار"), QStringLiteral("امنیت مردم اولویت ماست"))};
    saravan.evidence = {evidenceFor(bbc.text, QStringLiteral("place"), QStringLiteral("سراوان"))};
    saravan.confidence = 0.7;
    saravan.sourceReportIds = {2};

    Incident gwadar;
    gwadar.id = 3;
    gwadar.reportId = 3;
    gwadar.date = QDate(2024, 2, 1);
    gwadar.dateEnd = QDate(2024, 2, 29);
    gwadar.datePrecision = DatePrecision::Month;
    gwadar.eventType = QStringLiteral("Protests");
    gwadar.subEventType = QStringLiteral("Peaceful protest");
    gwadar.place = Place{QStringLiteral("Gwadar"),
                         QStringLiteral("Balochistan"),
                         QStringLiteral("PK"),
                         25.1264,
                         62.3225,
                         1,
                         false};
    gwadar.actors = {ActorRef{QStringLiteral("Protesters (Pakistan)"), ActorRole::Perpetrator,
                              QStringLiteral("protesters"), QString()},
                     ActorRef{QStringLiteral("Baloch Yakjehti Committee"), ActorRole::Perpetrator,
                              QStringLiteral("political"), QString()}};
    gwadar.fatalities = 0;
    gwadar.summary = QStringLiteral("Sit-in in Gwadar, with \"quotes\", commas, and\na line break.");
    gwadar.quotes = {quoteIn(news.text, QStringLiteral("Baloch Yakjehti Committee"),
                             QStringLiteral("ہم اپنے حقوق کے لیے لڑیں گے"))};
    gwadar.confidence = 0.8;
    gwadar.sourceReportIds = {3};

    Incident strikes;
    strikes.id = 4;
    strikes.reportId = 1;
    strikes.date = QDate(2024, 1, 16);
    strikes.dateEnd = QDate(2024, 1, 18);
    strikes.datePrecision = DatePrecision::Day;
    strikes.eventType = QStringLiteral("Explosions/Remote violence");
    strikes.subEventType = QStringLiteral("Air/drone strike");
    strikes.place = Place{QStringLiteral("Panjgur"),
                          QStringLiteral("Balochistan"),
                          QStringLiteral("PK"),
                          26.9644,
                          64.0903,
                          2,
                          false};
    strikes.actors = {
        ActorRef{QStringLiteral("Military Forces of Iran"), ActorRole::Perpetrator,
                 QStringLiteral("military"), QStringLiteral("IR")},
        ActorRef{QStringLiteral("Jaish al-Adl"), ActorRole::Target, QStringLiteral("militant"), QString()}};
    strikes.fatalities = 7;
    strikes.summary = QStringLiteral("Iranian strikes near Panjgur over three days killed seven.");
    strikes.confidence = 0.6;
    strikes.sourceReportIds = {1};

    Incident arrests;
    arrests.id = 5;
    arrests.reportId = 3;
    arrests.eventType = QStringLiteral("Strategic developments");
    arrests.subEventType = QStringLiteral("Arrests");
    arrests.place.admin1 = QStringLiteral("Balochistan");
    arrests.place.country = QStringLiteral("PK");
    arrests.summary =
        QStringLiteral("Police arrested organisers of the sit-in (date and place not reported).");
    arrests.sourceReportIds = {3};

    request.incidents = {panjgur, saravan, gwadar, strikes, arrests};
    request.reportLookup = [this](qint64 id) -> std::optional<Report> {
        auto it = reports.constFind(id);
        return it == reports.constEnd() ? std::nullopt : std::optional<Report>(*it);
    };
    request.title = QStringLiteral("Makran weekly briefing");
    request.author = QStringLiteral("Analyst A. Baloch");
    request.generatedAt = QDateTime(QDate(2024, 3, 1), QTime(9, 30), Qt::UTC);
    request.filter.from = QDate(2024, 1, 1);
    request.filter.country = QStringLiteral("PK");
    request.statusById = {{1, QStringLiteral("confirmed")}, {2, QStringLiteral("disputed")}};
    request.notesById = {{1, {QStringLiteral("Cross-checked against the ISPR press release.")}},
                         {2, {QStringLiteral("Casualty figure differs in local reports.")}}};
    request.tagsById = {{1, {QStringLiteral("checkpost"), QStringLiteral("BLA")}}};
}

QByteArray ExportFixture::exportBytes(ExportFormat format, const QString& name, QStringList* warnings)
{
    QString error;
    const bool ok = exportIncidents(format, request, path(name), &error, warnings);
    INFO(error.toStdString());
    REQUIRE(ok);
    QFile file(path(name));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

QList<QStringList> parseCsvForTest(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += c;
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r') {
            continue;
        } else if (c == u'\n') {
            row << field;
            field.clear();
            rows << row;
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

QList<Incident> syntheticIncidents(int n)
{
    static const QStringList types = {QStringLiteral("Battles"),
                                      QStringLiteral("Explosions/Remote violence"),
                                      QStringLiteral("Violence against civilians"),
                                      QStringLiteral("Protests"),
                                      QStringLiteral("Riots"),
                                      QStringLiteral("Strategic developments")};
    QList<Incident> incidents;
    incidents.reserve(n);
    for (int i = 0; i < n; ++i) {
        Incident incident;
        incident.id = i + 1;
        incident.reportId = i % 50 + 1;
        incident.date = incident.dateEnd = QDate(2023, 1, 1).addDays(i % 365);
        incident.datePrecision = DatePrecision::Day;
        incident.eventType = types.at(i % types.size());
        incident.place = Place{QStringLiteral("Place %1").arg(i % 97),
                               QStringLiteral("Balochistan"),
                               QStringLiteral("PK"),
                               25.0 + (i % 800) * 0.01,
                               61.0 + (i % 900) * 0.01,
                               1,
                               false};
        incident.actors = {ActorRef{QStringLiteral("Group %1").arg(i % 13), ActorRole::Perpetrator,
                                    QStringLiteral("militant"), QString()}};
        incident.fatalities = i % 5;
        incident.summary = QStringLiteral("Synthetic incident %1.").arg(i + 1);
        incident.quotes = {Quote{QStringLiteral("Speaker %1").arg(i % 7), QStringLiteral("Words %1").arg(i),
                                 -1, -1, -1, -1, false, false}};
        incident.sourceReportIds = {incident.reportId};
        incidents << incident;
    }
    return incidents;
}

} // namespace makran::test
