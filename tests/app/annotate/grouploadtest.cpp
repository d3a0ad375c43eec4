// An incident read on its own (with the incidents merged or linked with it), as the window does after
// each edit, is the same as read among all of them.
#include "annotatefixture.h"

#include "annotate/annotationservice.h"
#include "annotate/incidentfields.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace makran;

TEST_CASE("Annotate: an incident read with its merge and link group equals the same incident read among all",
          "[annotate]")
{
    test::AnnotateFixture f;
    QStringList paths{f.shortPath, f.gwadarPath};
    if (!f.seedPath.isEmpty())
        paths << f.seedPath;
    REQUIRE(f.ingest(paths) == paths.size());
    const qint64 turbat = f.incidentIdsOf(f.shortPath).first();
    const qint64 gwadar = f.incidentIdsOf(f.gwadarPath).first();
    AnnotationService service(*f.annotations);
    QString error;
    REQUIRE(service.setField(turbat, QStringLiteral("fatalities"), QStringLiteral("5"), &error));
    REQUIRE(service.addNote(gwadar, QStringLiteral("same day"), &error));
    REQUIRE(service.merge(turbat, gwadar, &error));
    if (!f.seedPath.isEmpty()) {
        const qint64 seed = f.incidentIdsOf(f.seedPath).first();
        REQUIRE(service.link(seed, gwadar, QStringLiteral("follow-up-to"), &error));
        REQUIRE(service.setTags(seed, {QStringLiteral("seed")}, &error));
    }

    const std::vector<AnnotatedIncident> all = loadAnnotatedIncidents(*f.annotations, true);
    for (const AnnotatedIncident& expected : all) {
        INFO("incident " << expected.incident.id);
        const std::vector<AnnotatedIncident> group =
            loadAnnotatedIncidents(*f.annotations, QList<qint64>{expected.incident.id});
        const auto found = std::find_if(group.begin(), group.end(), [&](const AnnotatedIncident& item) {
            return item.incident.id == expected.incident.id;
        });
        REQUIRE(found != group.end());
        CHECK(found->key == expected.key);
        CHECK(found->mergedIntoId == expected.mergedIntoId);
        CHECK(found->absorbedIds == expected.absorbedIds);
        CHECK(found->status == expected.status);
        CHECK(found->tags == expected.tags);
        CHECK(found->notes.size() == expected.notes.size());
        CHECK(found->overrides.size() == expected.overrides.size());
        REQUIRE(found->links.size() == expected.links.size());
        for (qsizetype i = 0; i < found->links.size(); ++i)
            CHECK(found->links[i].otherId == expected.links[i].otherId);
        for (const QString& field : IncidentFields::names())
            CHECK(IncidentFields::valueOf(found->incident, field) ==
                  IncidentFields::valueOf(expected.incident, field));
        CHECK(found->incident.sourceReportIds == expected.incident.sourceReportIds);
        CHECK(found->incident.quotes == expected.incident.quotes);
        CHECK(found->incident.evidence == expected.incident.evidence);
        CHECK(found->incident.claims == expected.incident.claims);
    }
    CHECK(loadAnnotatedIncidents(*f.annotations, QList<qint64>{999999}).empty());
}
