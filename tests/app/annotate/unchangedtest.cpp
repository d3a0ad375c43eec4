// Asking for a value an incident already shows records nothing: no "2 -> 2" edit, no empty undo step.
#include "annotatefixture.h"

#include "annotate/annotationservice.h"

#include <QUndoStack>

#include <catch2/catch.hpp>

using namespace makran;

TEST_CASE("Annotate: setting a field to the value it already shows is reported unchanged and records nothing",
          "[annotate]")
{
    test::AnnotateFixture f;
    REQUIRE(f.ingest({f.shortPath}) == 1);
    const qint64 id = f.incidentIdsOf(f.shortPath).first();
    const auto before = f.annotated(id);
    REQUIRE(before);
    REQUIRE(before->incident.fatalities);
    const QString fatalities = QString::number(*before->incident.fatalities);
    QUndoStack stack;
    AnnotationService service(*f.annotations, &stack);
    QString error;

    REQUIRE(service.setField(id, QStringLiteral("fatalities"), fatalities, &error));
    CHECK(service.lastChanges() == QStringList{QStringLiteral("fatalities: %1 (unchanged)").arg(fatalities)});
    CHECK(stack.count() == 0);
    CHECK(f.annotations->records(*f.keyOf(id), true).empty());
    CHECK(service.history(id).isEmpty());

    // The default status is a value already shown too.
    REQUIRE(service.setStatus(id, QStringLiteral("unreviewed"), &error));
    CHECK(stack.count() == 0);
    CHECK(f.annotations->records(*f.keyOf(id), true).empty());

    // A real change is still one step; asking for it again is not another.
    const QString more = QString::number(*before->incident.fatalities + 1);
    REQUIRE(service.setField(id, QStringLiteral("fatalities"), more, &error));
    CHECK(stack.count() == 1);
    REQUIRE(service.setField(id, QStringLiteral("fatalities"), more, &error));
    CHECK(service.lastChanges() == QStringList{QStringLiteral("fatalities: %1 (unchanged)").arg(more)});
    CHECK(stack.count() == 1);
    // Back to the extracted value is a change (from the analyst's), recorded.
    REQUIRE(service.setField(id, QStringLiteral("fatalities"), fatalities, &error));
    CHECK(stack.count() == 2);
    CHECK(f.annotated(id)->incident.fatalities == before->incident.fatalities);
}
