#include "annotatefixture.h"

#include "annotate/annotationservice.h"

#include <catch2/catch.hpp>

using namespace makran;

namespace {

bool listed(const AnnotationStore& annotations, qint64 id)
{
    for (const AnnotatedIncident& item : loadAnnotatedIncidents(annotations)) {
        if (item.incident.id == id)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("Annotate: merging hides an incident and unions its sources and quotes and splitting brings it back",
          "[annotate]")
{
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath, f.gwadarPath}) == 2);
    const qint64 turbat = f.incidentIdsOf(f.shortPath).first();
    const qint64 gwadar = f.incidentIdsOf(f.gwadarPath).first();
    const qint64 turbatReport = f.reportIdOf(f.shortPath);
    const qint64 gwadarReport = f.reportIdOf(f.gwadarPath);
    AnnotationService service(*f.annotations);
    QString error;

    REQUIRE(service.addNote(gwadar, QStringLiteral("belongs with the Turbat killing"), &error));
    REQUIRE(service.merge(turbat, gwadar, &error));
    CHECK(service.lastChanges() == QStringList{QStringLiteral("merged incident %1 into incident %2").arg(gwadar).arg(turbat)});
    CHECK_FALSE(listed(*f.annotations, gwadar));
    const auto kept = f.annotated(turbat);
    REQUIRE(kept);
    CHECK(kept->absorbedIds == QList<qint64>{gwadar});
    CHECK(kept->incident.sourceReportIds == (QList<qint64>{turbatReport, gwadarReport}));
    // The Gwadar organiser's words join, without offsets: they are not in the kept incident's own report.
    const auto organiser = std::find_if(kept->incident.quotes.begin(), kept->incident.quotes.end(),
                                        [](const Quote& q) { return q.speaker == u"Hussain Baloch"; });
    REQUIRE(organiser != kept->incident.quotes.end());
    CHECK(organiser->start == -1);
    CHECK(kept->incident.date == kept->extracted.date); // the kept incident's fields stay its own
    const auto hidden = f.annotated(gwadar);
    REQUIRE(hidden);
    CHECK(hidden->mergedIntoId == turbat);
    CHECK(hidden->notes.size() == 1); // annotations of the merged incident wait with it

    CHECK_FALSE(service.merge(turbat, turbat, &error));
    CHECK(error == QStringLiteral("merge: an incident cannot be merged into itself (incident %1)").arg(turbat));
    CHECK_FALSE(service.merge(turbat, gwadar, &error));
    CHECK(error == QStringLiteral("merge: incident %1 is already merged into incident %2").arg(gwadar).arg(turbat));
    CHECK_FALSE(service.merge(gwadar, turbat, &error));
    CHECK(error == QStringLiteral("merge: incident %1 is merged into incident %2; merge into that one instead")
                       .arg(gwadar)
                       .arg(turbat));
    CHECK_FALSE(service.merge(turbat, 99, &error));
    CHECK(error == QStringLiteral("no incident with id 99"));
    CHECK_FALSE(service.unmerge(gwadar, turbat, &error));
    CHECK(error == QStringLiteral("split: incident %1 is not merged into incident %2").arg(turbat).arg(gwadar));

    SECTION("split the merge")
    {
        REQUIRE(service.unmerge(turbat, gwadar, &error));
    }
    SECTION("separate the report that came with the merged incident")
    {
        CHECK_FALSE(service.separateReport(turbat, turbatReport, &error));
        CHECK(error == QStringLiteral("split: report %1 is the own report of incident %2 and cannot be separated from it")
                           .arg(turbatReport)
                           .arg(turbat));
        REQUIRE(service.separateReport(turbat, gwadarReport, &error));
    }
    CHECK(listed(*f.annotations, gwadar));
    const auto split = f.annotated(turbat);
    REQUIRE(split);
    CHECK(split->absorbedIds.isEmpty());
    CHECK(split->incident.sourceReportIds == QList<qint64>{turbatReport});
    CHECK(split->incident.quotes == split->extracted.quotes);
    CHECK(f.annotated(gwadar)->notes.size() == 1);
    const QList<HistoryEntry> history = service.history(gwadar);
    REQUIRE(history.size() == 3);
    CHECK(history[1].newValue == QStringLiteral("merged into incident %1").arg(turbat));
    CHECK(history[2].newValue == QStringLiteral("split off from incident %1").arg(turbat));
}

TEST_CASE("Annotate: a source report that is not the incident's own can be separated from it", "[annotate]")
{
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath, f.gwadarPath}) == 2);
    const qint64 turbat = f.incidentIdsOf(f.shortPath).first();
    const qint64 gwadarReport = f.reportIdOf(f.gwadarPath);
    // A store that linked a second report to the incident (as deduplication across reports would).
    auto source = f.store->database().prepare("INSERT INTO incident_sources(incident_id, report_id) VALUES (?, ?)");
    source.bind(1, turbat);
    source.bind(2, gwadarReport);
    REQUIRE(source.execute());
    REQUIRE(f.annotated(turbat)->incident.sourceReportIds.contains(gwadarReport));

    AnnotationService service(*f.annotations);
    QString error;
    CHECK_FALSE(service.separateReport(turbat, 4242, &error));
    CHECK(error == QStringLiteral("split: report 4242 is not a source of incident %1").arg(turbat));
    REQUIRE(service.separateReport(turbat, gwadarReport, &error));
    const auto item = f.annotated(turbat);
    CHECK_FALSE(item->incident.sourceReportIds.contains(gwadarReport));
    CHECK(item->detachedReportIds == QList<qint64>{gwadarReport});
    CHECK(item->extracted.sourceReportIds.contains(gwadarReport)); // the extraction is untouched
}

TEST_CASE("Annotate: links between incidents read from both sides", "[annotate]")
{
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath, f.gwadarPath}) == 2);
    const qint64 turbat = f.incidentIdsOf(f.shortPath).first();
    const qint64 gwadar = f.incidentIdsOf(f.gwadarPath).first();
    AnnotationService service(*f.annotations);
    QString error;

    CHECK_FALSE(service.link(gwadar, turbat, QStringLiteral("enemy of"), &error));
    CHECK(error == QStringLiteral("link: 'enemy of' is not one of retaliation-for, same-event-as, follow-up-to"));
    CHECK_FALSE(service.link(gwadar, gwadar, QStringLiteral("same-event-as"), &error));
    CHECK(error == QStringLiteral("link: an incident cannot be linked to itself (incident %1)").arg(gwadar));
    CHECK_FALSE(service.link(gwadar, 99, QStringLiteral("same-event-as"), &error));
    CHECK(error == QStringLiteral("no incident with id 99"));

    REQUIRE(service.link(gwadar, turbat, QStringLiteral("Retaliation_for"), &error));
    const auto from = f.annotated(gwadar);
    const auto to = f.annotated(turbat);
    REQUIRE(from->links.size() == 1);
    CHECK(from->links.first().label() == QStringLiteral("retaliation for"));
    CHECK(from->links.first().otherId == turbat);
    REQUIRE(to->links.size() == 1);
    CHECK(to->links.first().label() == QStringLiteral("retaliated by"));
    CHECK(to->links.first().otherId == gwadar);

    // Same event reads both ways: linking back is no change.
    REQUIRE(service.link(turbat, gwadar, QStringLiteral("same event as"), &error));
    REQUIRE(service.link(gwadar, turbat, QStringLiteral("same-event-as"), &error));
    CHECK(service.lastChanges().first().endsWith(QStringLiteral("(unchanged)")));
    REQUIRE(service.unlink(gwadar, turbat, QStringLiteral("same-event-as"), &error));
    CHECK(f.annotated(gwadar)->links.size() == 1);
    CHECK_FALSE(service.unlink(gwadar, turbat, QStringLiteral("follow-up-to"), &error));
    CHECK(error == QStringLiteral("unlink: incident %1 is not linked as follow-up to incident %2").arg(gwadar).arg(turbat));
}

TEST_CASE("Annotate: selected text becomes a quote or the evidence of a field", "[annotate]")
{
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const qint64 id = f.incidentIdsOf(f.shortPath).first();
    const qint64 report = f.reportIdOf(f.shortPath);
    const QString text = f.store->report(report)->text;
    const qint64 start = text.indexOf(QStringLiteral("No group has claimed"));
    const qint64 end = start + QStringLiteral("No group has claimed responsibility").size();
    REQUIRE(start > 0);
    AnnotationService service(*f.annotations);
    service.setAuthor(QStringLiteral("carol"));
    QString error;

    CHECK_FALSE(service.addQuote(id, report, end, start, QString(), &error));
    CHECK(error == QStringLiteral("quote: %1..%2 is not a span of report %3 (0..%4)").arg(end).arg(start).arg(report).arg(text.size()));
    CHECK_FALSE(service.addQuote(id, 4242, 0, 5, QString(), &error));
    CHECK(error == QStringLiteral("quote: report 4242 is not a source of incident %1").arg(id));
    REQUIRE(service.addQuote(id, report, start, end, QStringLiteral("police"), &error));
    auto item = f.annotated(id);
    const Quote added{QStringLiteral("police"), QStringLiteral("No group has claimed responsibility"), start, end,
                      -1, -1, false, false};
    CHECK(item->incident.quotes.contains(added));
    CHECK_FALSE(item->extracted.quotes.contains(added));

    CHECK_FALSE(service.markEvidence(id, QStringLiteral("colour"), report, start, end, QString(), &error));
    CHECK(error.startsWith(QStringLiteral("evidence: unknown field 'colour' (one of: date, ")));
    REQUIRE(service.markEvidence(id, QStringLiteral("actors"), report, start, end, QStringLiteral("unclaimed"), &error));
    item = f.annotated(id);
    QList<Evidence> actorEvidence;
    for (const Evidence& evidence : item->incident.evidence) {
        if (evidence.field == u"actor")
            actorEvidence << evidence;
    }
    // The analyst's passage replaces the extractor's for that field.
    CHECK(actorEvidence == QList<Evidence>{Evidence{QStringLiteral("actor"), start, end, QStringLiteral("unclaimed")}});

    // Both survive a re-extraction (offsets are into the same text, found again by its hash).
    f.reExtract(f.shortPath);
    item = f.annotated(f.incidentIdsOf(f.shortPath).first());
    CHECK(item->incident.quotes.contains(added));
    CHECK(item->incident.evidence.contains(Evidence{QStringLiteral("actor"), start, end, QStringLiteral("unclaimed")}));
    const QList<HistoryEntry> history = service.history(item->incident.id);
    REQUIRE(history.size() == 2);
    CHECK(history[0].newValue == QStringLiteral("\u201cNo group has claimed responsibility\u201d (police, report %1)")
                                     .arg(f.reportIdOf(f.shortPath)));
    CHECK(history[1].describe().endsWith(
        QStringLiteral("carol: evidence actor: characters %1-%2 of report %3").arg(start).arg(end).arg(f.reportIdOf(f.shortPath))));
}

TEST_CASE("Annotate: the history lists every edit with author, time and old -> new", "[annotate]")
{
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const qint64 id = f.incidentIdsOf(f.shortPath).first();
    AnnotationService service(*f.annotations);
    service.setAuthor(QStringLiteral("dana"));
    QString error;
    const auto extracted = f.annotated(id)->extracted;
    REQUIRE(service.setField(id, QStringLiteral("fatalities"), QStringLiteral("3"), &error));
    REQUIRE(service.setField(id, QStringLiteral("fatalities"), QStringLiteral("5"), &error));
    REQUIRE(service.setTags(id, {QStringLiteral("labourers")}, &error));
    REQUIRE(service.revertField(id, QStringLiteral("fatalities"), &error));
    service.setAuthor(QStringLiteral("erin"));
    REQUIRE(service.setStatus(id, QStringLiteral("rejected"), &error));

    const QString before = extracted.fatalities ? QString::number(*extracted.fatalities) : QStringLiteral("(none)");
    const QList<HistoryEntry> history = service.history(id);
    QStringList lines;
    for (const HistoryEntry& entry : history)
        lines << entry.describe();
    CHECK(lines == QStringList{
                       QStringLiteral("2024-05-01 10:00:01 UTC dana: set fatalities: %1 -> 3").arg(before),
                       QStringLiteral("2024-05-01 10:00:02 UTC dana: set fatalities: 3 -> 5"),
                       QStringLiteral("2024-05-01 10:00:03 UTC dana: tags: (none) -> labourers"),
                       QStringLiteral("2024-05-01 10:00:04 UTC dana: set fatalities: 5 -> (the extracted value)"),
                       QStringLiteral("2024-05-01 10:00:05 UTC erin: set status: unreviewed -> rejected"),
                   });
    const auto item = f.annotated(id);
    CHECK(item->incident.fatalities == extracted.fatalities);
    CHECK_FALSE(item->overrideOf(u"fatalities"));
    CHECK(item->status == QStringLiteral("rejected"));
}
