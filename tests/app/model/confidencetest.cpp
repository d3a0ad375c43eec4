#include "model/incident.h"

#include <catch2/catch.hpp>

using namespace makran;

TEST_CASE("Incident: a field's confidence is the weakest evidence behind it", "[model][confidence]")
{
    Incident incident;
    CHECK(incident.fieldConfidence(u"place") < 0); // no evidence, no confidence
    incident.evidence = {
        Evidence{QStringLiteral("place"), 10, 16, QStringLiteral("gazetteer: Turbat"), 0.9},
        Evidence{QStringLiteral("place"), 40, 55, QStringLiteral("near the border"), 0.35},
        Evidence{QStringLiteral("date"), 0, 8, QStringLiteral("dateline"), 0.95},
    };
    CHECK(incident.fieldConfidence(u"place") == Approx(0.35));
    CHECK(incident.fieldConfidence(u"date") == Approx(0.95));
    CHECK(incident.fieldConfidence(u"fatalities") < 0);
}

TEST_CASE("Incident: fields below the review threshold are listed once each", "[model][confidence]")
{
    Incident incident;
    incident.evidence = {
        Evidence{QStringLiteral("date"), 0, 8, QString(), kLowConfidence - 0.1},
        Evidence{QStringLiteral("date"), 20, 28, QString(), 0.2},
        Evidence{QStringLiteral("place"), 10, 16, QString(), kLowConfidence},
        Evidence{QStringLiteral("fatalities"), 30, 40, QString(), 0.1},
    };
    CHECK(incident.lowConfidenceFields() == QStringList{QStringLiteral("date"), QStringLiteral("fatalities")});
    incident.evidence.removeLast();
    incident.evidence.removeFirst();
    incident.evidence.removeFirst();
    CHECK(incident.lowConfidenceFields().isEmpty()); // exactly at the threshold is not low
}
