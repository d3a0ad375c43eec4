#include "annotatefixture.h"

#include "annotate/annotationservice.h"
#include "annotate/incidentfields.h"

#include <catch2/catch.hpp>

using namespace makran;

namespace {

QString parseError(const QString& field, const QString& input)
{
    QString stored;
    QString error;
    CHECK_FALSE(IncidentFields::parse(field, input, &stored, &error));
    return error;
}

QString parsed(const QString& field, const QString& input)
{
    QString stored;
    QString error;
    INFO(field.toStdString() << "=" << input.toStdString() << ": " << error.toStdString());
    CHECK(IncidentFields::parse(field, input, &stored, &error));
    return stored;
}

qint64 rowCount(Store& store, const char* sql)
{
    auto query = store.database().prepare(sql);
    return query.step() ? query.int64(0) : -1;
}

} // namespace

TEST_CASE("Annotate: values that do not parse are refused with a message naming field and value", "[annotate]")
{
    CHECK(parseError(QStringLiteral("fatalities"), QStringLiteral("abc")) ==
          QStringLiteral("fatalities: 'abc' is not a whole number"));
    CHECK(parseError(QStringLiteral("fatalities"), QStringLiteral("-3")) == QStringLiteral("fatalities: '-3' is negative"));
    CHECK(parseError(QStringLiteral("injured"), QStringLiteral("2.5")) == QStringLiteral("injured: '2.5' is not a whole number"));
    CHECK(parseError(QStringLiteral("status"), QStringLiteral("maybe")) ==
          QStringLiteral("status: 'maybe' is not one of unreviewed, confirmed, disputed, rejected"));
    CHECK(parseError(QStringLiteral("date"), QStringLiteral("2024-13-01")) ==
          QStringLiteral("date: '2024-13-01' is not a date (YYYY-MM-DD)"));
    CHECK(parseError(QStringLiteral("date"), QStringLiteral("18/01/2024")) ==
          QStringLiteral("date: '18/01/2024' is not a date (YYYY-MM-DD)"));
    CHECK(parseError(QStringLiteral("date"), QString()) == QStringLiteral("date: '' is not a date (YYYY-MM-DD)"));
    CHECK(parseError(QStringLiteral("date_precision"), QStringLiteral("fortnight")) ==
          QStringLiteral("date_precision: 'fortnight' is not one of day, week, month, year, unknown"));
    CHECK(parseError(QStringLiteral("confidence"), QStringLiteral("1.5")) ==
          QStringLiteral("confidence: '1.5' is not a number from 0 to 1"));
    CHECK(parseError(QStringLiteral("lat"), QStringLiteral("95")) ==
          QStringLiteral("lat: '95' is not a latitude (a number from -90 to 90)"));
    CHECK(parseError(QStringLiteral("lon"), QStringLiteral("east")) ==
          QStringLiteral("lon: 'east' is not a longitude (a number from -180 to 180)"));
    CHECK(parseError(QStringLiteral("geo_precision"), QStringLiteral("5")).startsWith(
        QStringLiteral("geo_precision: '5' is not one of 0 (unknown), 1 (town)")));
    CHECK(parseError(QStringLiteral("event_type"), QStringLiteral("Fight")) ==
          QStringLiteral("event_type: 'Fight' is not one of Battles, Explosions/Remote violence, Violence against "
                         "civilians, Protests, Riots, Strategic developments"));
    CHECK(parseError(QStringLiteral("sub_event_type"), QStringLiteral("Skirmish"))
              .startsWith(QStringLiteral("sub_event_type: 'Skirmish' is not an ACLED sub-event type (one of: Armed clash, ")));
    CHECK(parseError(QStringLiteral("country"), QStringLiteral("Narnia")) ==
          QStringLiteral("country: 'Narnia' is not an ISO 3166-1 alpha-2 code or a known country name"));
    CHECK(parseError(QStringLiteral("admin1"), QStringLiteral("Atlantis")) ==
          QStringLiteral("admin1: 'Atlantis' is not a province in the gazetteer"));
    CHECK(parseError(QStringLiteral("place"), QStringLiteral("Xqzzy")).startsWith(
        QStringLiteral("place: 'Xqzzy' is not in the gazetteer")));
    CHECK(parseError(QStringLiteral("actors"), QStringLiteral("Jaish al-Adl:attacker")) ==
          QStringLiteral("actors: role 'attacker' of 'Jaish al-Adl' is not one of perpetrator, target, claimant, mentioned"));
    CHECK(parseError(QStringLiteral("actors"), QStringLiteral("[{\"role\": \"target\"}]")) ==
          QStringLiteral("actors: an actor has no name"));
    CHECK(parseError(QStringLiteral("actors"), QStringLiteral("[not json")).startsWith(
        QStringLiteral("actors: not a JSON list of {\"name\", \"role\"}")));
    CHECK(parseError(QStringLiteral("colour"), QStringLiteral("red")) ==
          QStringLiteral("unknown field 'colour' (one of: date, date_end, date_precision, event_type, sub_event_type, "
                         "place, admin1, country, lat, lon, geo_precision, actors, fatalities, fatalities_high, injured, "
                         "summary, confidence, status)"));
}

TEST_CASE("Annotate: typed values are stored in one canonical form", "[annotate]")
{
    CHECK(parsed(QStringLiteral("status"), QStringLiteral(" Confirmed ")) == QStringLiteral("confirmed"));
    CHECK(parsed(QStringLiteral("fatalities"), QStringLiteral("04")) == QStringLiteral("4"));
    CHECK(parsed(QStringLiteral("fatalities"), QString()).isEmpty()); // unknown
    CHECK(parsed(QStringLiteral("date"), QStringLiteral("2024-01-16")) == QStringLiteral("2024-01-16"));
    CHECK(parsed(QStringLiteral("event_type"), QStringLiteral("protests")) == QStringLiteral("Protests"));
    CHECK(parsed(QStringLiteral("sub_event_type"), QStringLiteral("air/drone strike")) == QStringLiteral("Air/drone strike"));
    CHECK(parsed(QStringLiteral("country"), QStringLiteral("pk")) == QStringLiteral("PK"));
    CHECK(parsed(QStringLiteral("country"), QStringLiteral("Iran")) == QStringLiteral("IR"));
    CHECK(parsed(QStringLiteral("confidence"), QStringLiteral("0.75")) == QStringLiteral("0.75"));

    const Place turbat = IncidentFields::placeFromStored(parsed(QStringLiteral("place"), QStringLiteral("Turbat")));
    CHECK(turbat.name == QStringLiteral("Turbat"));
    CHECK(turbat.admin1 == QStringLiteral("Balochistan"));
    CHECK(turbat.country == QStringLiteral("PK"));
    CHECK(turbat.hasCoordinates());
    CHECK(turbat.geoPrecision == 1);
    const Place province =
        IncidentFields::placeFromStored(parsed(QStringLiteral("place"), QStringLiteral("Sistan and Baluchestan")));
    CHECK(province.country == QStringLiteral("IR"));
    CHECK(province.geoPrecision == 3);
    CHECK(parsed(QStringLiteral("place"), QString()).isEmpty()); // no place

    const QList<ActorRef> actors = IncidentFields::actorsFromStored(
        parsed(QStringLiteral("actors"), QStringLiteral("jaish al-adl: perpetrator; Someone New")));
    REQUIRE(actors.size() == 2);
    CHECK(actors[0].name == QStringLiteral("Jaish al-Adl")); // the dictionary's spelling, kind and country
    CHECK(actors[0].role == ActorRole::Perpetrator);
    CHECK_FALSE(actors[0].kind.isEmpty());
    CHECK(actors[1].name == QStringLiteral("Someone New"));
    CHECK(actors[1].role == ActorRole::Mentioned);
    CHECK(IncidentFields::display(QStringLiteral("actors"), IncidentFields::actorsToStored(actors)) ==
          QStringLiteral("Jaish al-Adl (perpetrator), Someone New (mentioned)"));
    CHECK(IncidentFields::display(QStringLiteral("place"), IncidentFields::placeToStored(turbat)) ==
          QStringLiteral("Turbat (Balochistan, PK)"));
}

TEST_CASE("Annotate: the service refuses unknown incidents, fields and inconsistent values, recording nothing",
          "[annotate]")
{
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const QList<qint64> ids = f.incidentIdsOf(f.shortPath);
    REQUIRE_FALSE(ids.isEmpty());
    const qint64 id = ids.first();
    AnnotationService service(*f.annotations);
    QString error;

    CHECK_FALSE(service.setField(99, QStringLiteral("fatalities"), QStringLiteral("4"), &error));
    CHECK(error == QStringLiteral("no incident with id 99"));
    CHECK_FALSE(service.addNote(99, QStringLiteral("x"), &error));
    CHECK(error == QStringLiteral("no incident with id 99"));
    CHECK_FALSE(service.setField(id, QStringLiteral("colour"), QStringLiteral("red"), &error));
    CHECK(error.startsWith(QStringLiteral("unknown field 'colour' (one of: date, ")));
    CHECK_FALSE(service.setField(id, QStringLiteral("fatalities"), QStringLiteral("abc"), &error));
    CHECK(error == QStringLiteral("fatalities: 'abc' is not a whole number"));
    CHECK_FALSE(service.setStatus(id, QStringLiteral("maybe"), &error));
    CHECK(error == QStringLiteral("status: 'maybe' is not one of unreviewed, confirmed, disputed, rejected"));

    // Checked together: nothing of a batch is recorded when one value is wrong.
    CHECK_FALSE(service.setFields(id, {{QStringLiteral("fatalities"), QStringLiteral("5")},
                                       {QStringLiteral("fatalities_high"), QStringLiteral("3")}},
                                  &error));
    CHECK(error == QStringLiteral("fatalities_high: 3 is below fatalities 5"));
    CHECK_FALSE(service.setFields(id, {{QStringLiteral("date_precision"), QStringLiteral("week")},
                                       {QStringLiteral("date"), QStringLiteral("2024-03-11")},
                                       {QStringLiteral("date_end"), QStringLiteral("2024-03-10")}},
                                  &error));
    CHECK(error == QStringLiteral("date_end: 2024-03-10 is before date 2024-03-11"));
    CHECK_FALSE(service.setField(id, QStringLiteral("event_type"), QStringLiteral("Protests"), &error));
    CHECK(error.startsWith(QStringLiteral("sub_event_type: '")));
    CHECK(error.endsWith(QStringLiteral(", not of Protests (set event_type and sub_event_type together)")));
    CHECK_FALSE(service.addNote(id, QStringLiteral("   "), &error));
    CHECK(error == QStringLiteral("note: the text is empty"));
    CHECK_FALSE(service.addTags(id, {QStringLiteral("a;b")}, &error));
    CHECK(error == QStringLiteral("tag: 'a;b' may not contain ';' or ','"));
    CHECK_FALSE(service.setPlace(id, Place{QStringLiteral("Nowhere"), {}, {}, 95.0, 60.0, 1, false}, &error));
    CHECK(error == QStringLiteral("place: latitude 95 is not between -90 and 90"));
    CHECK(rowCount(*f.store, "SELECT count(*) FROM incident_edits") == 0);
    CHECK(rowCount(*f.store, "SELECT count(*) FROM annotation_notes") == 0);
    CHECK(rowCount(*f.store, "SELECT count(*) FROM annotation_tags") == 0);

    // Both together pass; a day-precision date moves its end along.
    REQUIRE(service.setFields(id, {{QStringLiteral("event_type"), QStringLiteral("Protests")},
                                   {QStringLiteral("sub_event_type"), QStringLiteral("Peaceful protest")},
                                   {QStringLiteral("date"), QStringLiteral("2024-03-11")}},
                              &error));
    const auto after = f.annotated(id);
    REQUIRE(after);
    CHECK(after->incident.eventType == QStringLiteral("Protests"));
    if (after->incident.datePrecision == DatePrecision::Day)
        CHECK(after->incident.dateEnd == QDate(2024, 3, 11));

    // An empty value says "unknown" and is an edit of its own; restoring the extracted value is another.
    REQUIRE(service.setField(id, QStringLiteral("fatalities"), QString(), &error));
    const auto cleared = f.annotated(id);
    CHECK_FALSE(cleared->incident.fatalities);
    REQUIRE(cleared->overrideOf(u"fatalities"));
    CHECK(cleared->overrideOf(u"fatalities")->analystValue.isEmpty());
    REQUIRE(service.revertField(id, QStringLiteral("fatalities"), &error));
    const auto restored = f.annotated(id);
    CHECK(restored->incident.fatalities == restored->extracted.fatalities);
    CHECK_FALSE(restored->overrideOf(u"fatalities"));
    CHECK(rowCount(*f.store, "SELECT count(*) FROM incident_edits WHERE field = 'fatalities' AND value = ''") == 1);
    CHECK(rowCount(*f.store, "SELECT count(*) FROM incident_edits WHERE field = 'fatalities' AND value IS NULL") == 1);
}
