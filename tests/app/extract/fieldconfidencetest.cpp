// Per-field confidence: what the engine guessed is flagged, what the text states plainly is not.
// Invented reports.
#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;
using makran::test::onlyIncident;

TEST_CASE("Confidence: a plain report leaves nothing flagged", "[extract][confidence]")
{
    const Incident incident = onlyIncident(extractText(
        QStringLiteral("A roadside bomb killed three Frontier Corps soldiers in Turbat on 12 March 2025."), QDate(2025, 3, 13)));
    CHECK(incident.fieldConfidence(u"date") >= 0.9);
    CHECK(incident.fieldConfidence(u"place") >= 0.85);
    CHECK(incident.fieldConfidence(u"event_type") > kLowConfidence);
    CHECK(incident.fieldConfidence(u"fatalities") > kLowConfidence);
    CHECK(incident.lowConfidenceFields().isEmpty());
}

TEST_CASE("Confidence: generic words and province-only places are flagged", "[extract][confidence]")
{
    const ExtractionResult result = extractText(
        QStringLiteral("Two people were killed in an attack in Balochistan on Monday, officials said."), QDate(2025, 3, 13));
    INFO(describe(result));
    const Incident incident = onlyIncident(result);
    CHECK(incident.place.geoPrecision == 3);
    CHECK(incident.lowConfidenceFields().contains(QStringLiteral("place")));
    CHECK(incident.lowConfidenceFields().contains(QStringLiteral("event_type")));
    CHECK_FALSE(incident.lowConfidenceFields().contains(QStringLiteral("fatalities")));
}

TEST_CASE("Confidence: a date resting on a guessed year is less sure than a dated report", "[extract][confidence]")
{
    const QString text = QStringLiteral("Gunmen shot dead a Levies sepoy in Kharan on Tuesday, March 11.");
    const Incident guessed = onlyIncident(extractText(text));
    const Incident dated = onlyIncident(extractText(text, QDate(2025, 3, 12)));
    REQUIRE(guessed.fieldConfidence(u"date") >= 0);
    CHECK(guessed.fieldConfidence(u"date") < dated.fieldConfidence(u"date"));
}
