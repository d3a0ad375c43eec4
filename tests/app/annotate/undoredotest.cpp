#include "annotatefixture.h"

#include "annotate/annotationcommands.h"
#include "annotate/annotationservice.h"
#include "annotate/incidentfields.h"

#include <catch2/catch.hpp>

#include <QUndoStack>

#include <functional>

using namespace makran;

namespace {

// Everything an analyst can see of the database's incidents, one line per fact, so a whole state compares
// at once and a difference reads in the failure message.
std::string snapshot(const AnnotationStore& annotations)
{
    QStringList lines;
    for (const AnnotatedIncident& item : loadAnnotatedIncidents(annotations)) {
        const QString id = QString::number(item.incident.id);
        for (const QString& field : IncidentFields::names()) {
            const QString value = field == u"status" ? item.status : IncidentFields::valueOf(item.incident, field);
            lines << id + u' ' + field + u'=' + value;
        }
        lines << id + QStringLiteral(" tags=") + item.tags.join(u',');
        for (const AnnotationNote& note : item.notes)
            lines << id + QStringLiteral(" note=") + note.text;
        for (const IncidentLink& link : item.links)
            lines << id + u' ' + link.label() + u' ' + QString::number(link.otherId);
        for (qint64 absorbed : item.absorbedIds)
            lines << id + QStringLiteral(" absorbed ") + QString::number(absorbed);
        for (qint64 report : item.incident.sourceReportIds)
            lines << id + QStringLiteral(" source ") + QString::number(report);
        for (const Quote& quote : item.incident.quotes)
            lines << id + QStringLiteral(" quote %1 [%2,%3) %4").arg(quote.text).arg(quote.start).arg(quote.end).arg(quote.speaker);
        for (const Evidence& evidence : item.incident.evidence)
            lines << id + QStringLiteral(" evidence %1 [%2,%3)").arg(evidence.field).arg(evidence.start).arg(evidence.end);
        for (const FieldOverride& edit : item.overrides)
            lines << id + QStringLiteral(" override %1 extracted=%2").arg(edit.field, edit.extractedValue);
    }
    return lines.join(u'\n').toStdString();
}

qint64 rowCount(Store& store, const char* sql)
{
    auto query = store.database().prepare(sql);
    return query.step() ? query.int64(0) : -1;
}

} // namespace

TEST_CASE("Annotate: undo and redo walk every state back and forth", "[annotate]")
{
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath, f.gwadarPath}) == 2);
    const qint64 turbat = f.incidentIdsOf(f.shortPath).first();
    const qint64 gwadar = f.incidentIdsOf(f.gwadarPath).first();
    const qint64 turbatReport = f.reportIdOf(f.shortPath);
    const QString text = f.store->report(turbatReport)->text;
    // Words the extractor did not take as a quote, so adding them changes what the incident shows.
    const qint64 quoteStart = text.indexOf(QStringLiteral("Unidentified gunmen shot dead"));
    const qint64 quoteEnd = text.indexOf(QStringLiteral(" at a construction site"));
    const qint64 placeStart = text.indexOf(QStringLiteral("Kech district"));
    REQUIRE(quoteStart > 0); // the text is ASCII: UTF-16 indexes are code point offsets
    REQUIRE(quoteEnd > quoteStart);

    QUndoStack stack;
    AnnotationService service(*f.annotations, &stack);
    service.setAuthor(QStringLiteral("alice"));
    QString error;
    using Step = std::function<bool()>;
    const QList<std::pair<QString, Step>> steps = {
        {QStringLiteral("Set place of incident %1").arg(turbat),
         [&] { return service.setField(turbat, QStringLiteral("place"), QStringLiteral("Panjgur"), &error); }},
        {QStringLiteral("Set status of incident %1").arg(turbat),
         [&] { return service.setStatus(turbat, QStringLiteral("confirmed"), &error); }},
        {QStringLiteral("Add note to incident %1").arg(turbat),
         [&] { return service.addNote(turbat, QStringLiteral("police statement only"), &error); }},
        {QStringLiteral("Set tags of incident %1").arg(turbat),
         [&] { return service.addTags(turbat, {QStringLiteral("labourers"), QStringLiteral("kech")}, &error); }},
        {QStringLiteral("Set fatalities, fatalities_high of incident %1").arg(turbat),
         [&] {
             return service.setFields(turbat, {{QStringLiteral("fatalities"), QStringLiteral("3")},
                                               {QStringLiteral("fatalities_high"), QStringLiteral("5")}},
                                      &error);
         }},
        {QStringLiteral("Restore extracted place of incident %1").arg(turbat),
         [&] { return service.revertField(turbat, QStringLiteral("place"), &error); }},
        {QStringLiteral("Set tags of incident %1").arg(turbat),
         [&] { return service.removeTags(turbat, {QStringLiteral("KECH")}, &error); }},
        {QStringLiteral("Link incident %1 to incident %2 (follow-up to)").arg(gwadar).arg(turbat),
         [&] { return service.link(gwadar, turbat, QStringLiteral("follow up to"), &error); }},
        {QStringLiteral("Merge incident %1 into incident %2").arg(gwadar).arg(turbat),
         [&] { return service.merge(turbat, gwadar, &error); }},
        {QStringLiteral("Add quote to incident %1").arg(turbat),
         [&] { return service.addQuote(turbat, turbatReport, quoteStart, quoteEnd, QStringLiteral("police"), &error); }},
        {QStringLiteral("Mark evidence for place of incident %1").arg(turbat),
         [&] { return service.markEvidence(turbat, QStringLiteral("place"), turbatReport, placeStart, placeStart + 13,
                                           QString(), &error); }},
        {QStringLiteral("Split incident %1 off incident %2").arg(gwadar).arg(turbat),
         [&] { return service.unmerge(turbat, gwadar, &error); }},
    };

    QList<std::string> states{snapshot(*f.annotations)};
    for (const auto& [label, step] : steps) {
        INFO(label.toStdString() << ": " << error.toStdString());
        REQUIRE(step());
        CHECK(stack.undoText() == label);
        states << snapshot(*f.annotations);
        CHECK(states.last() != states[states.size() - 2]); // every step changes what the analyst sees
    }
    REQUIRE(stack.count() == steps.size());

    // Back, one state at a time, to the extraction as it was.
    for (qsizetype i = steps.size(); i > 0; --i) {
        INFO("undoing step " << i << ": " << steps[i - 1].first.toStdString());
        stack.undo();
        CHECK(f.annotations->lastError().isEmpty());
        CHECK(snapshot(*f.annotations) == states[i - 1]);
    }
    CHECK_FALSE(stack.canUndo());
    // And forward again.
    for (qsizetype i = 1; i <= steps.size(); ++i) {
        INFO("redoing step " << i << ": " << steps[i - 1].first.toStdString());
        stack.redo();
        CHECK(snapshot(*f.annotations) == states[i]);
    }
    CHECK_FALSE(stack.canRedo());

    // Undo three, then a new edit: the redo tail is gone, the undone rows stay in the history.
    stack.undo();
    stack.undo();
    stack.undo();
    CHECK(snapshot(*f.annotations) == states[steps.size() - 3]);
    REQUIRE(service.setStatus(turbat, QStringLiteral("disputed"), &error));
    CHECK_FALSE(stack.canRedo());
    stack.undo();
    CHECK(snapshot(*f.annotations) == states[steps.size() - 3]);

    // Nothing was deleted: every redo wrote rows, every undo marked them.
    CHECK(rowCount(*f.store, "SELECT count(*) FROM incident_edits") ==
          rowCount(*f.store, "SELECT count(*) FROM incident_edits WHERE superseded = 1") +
              rowCount(*f.store, "SELECT count(*) FROM incident_edits WHERE superseded = 0"));
    CHECK(rowCount(*f.store, "SELECT count(*) FROM annotation_notes") == 2); // written, undone, redone
    CHECK(rowCount(*f.store, "SELECT count(*) FROM annotation_notes WHERE superseded = 1") == 1);
    const QList<HistoryEntry> history = service.history(turbat);
    const auto undoneNotes = std::count_if(history.begin(), history.end(), [](const HistoryEntry& e) {
        return e.action == u"note" && e.undone && e.undoneBy == u"alice" && e.undoneAt.isValid();
    });
    CHECK(undoneNotes == 1);
    const auto disputed = std::find_if(history.begin(), history.end(), [](const HistoryEntry& e) {
        return e.action == u"set" && e.field == u"status" && e.newValue == u"disputed";
    });
    REQUIRE(disputed != history.end());
    CHECK(disputed->oldValue == QStringLiteral("confirmed"));
    CHECK(disputed->undone);
}

TEST_CASE("Annotate: a command records its author and the time of each redo", "[annotate]")
{
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const qint64 id = f.incidentIdsOf(f.shortPath).first();
    const QString key = *f.keyOf(id);

    // Commands can run without a stack, owned by the caller, as the CLI does.
    AddNoteCommand note(*f.annotations, QStringLiteral("bob"), QStringLiteral("Add note"), key, QStringLiteral("seen"));
    note.redo();
    REQUIRE(note.succeeded());
    REQUIRE(note.rows().size() == 1);
    note.undo();
    REQUIRE(note.succeeded());
    note.redo();
    REQUIRE(note.rows().size() == 1);

    const QList<HistoryEntry> history = AnnotationHistory::of(*f.annotations, key);
    REQUIRE(history.size() == 2);
    // The fixture's clock: 10:00:01 for the first redo, 10:00:02 for the undo, 10:00:03 for the redo.
    CHECK(history[0].describe() ==
          QStringLiteral("2024-05-01 10:00:01 UTC bob: note: seen [undone by bob 2024-05-01 10:00:02 UTC]"));
    CHECK(history[1].describe() == QStringLiteral("2024-05-01 10:00:03 UTC bob: note: seen"));
}
