#pragma once

#include "model/incident.h"

#include <QList>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace makran {
class Store;
}

namespace makran::test {

// A small hand-made database, so GUI tests do not move when the extractor improves. The incidents:
enum FixtureId : qint64 {
    kPanjgurBattle = 1,  // Battles, Panjgur, 2024-01-18, 3 killed, one quote
    kTurbatBlast = 2,    // Explosions/Remote violence, Turbat, 2024-03-05; its report holds "zephyrword"
    kZahedanProtest = 3, // Protests, Zahedan (IR), November 2023 (month precision)
    kProvinceOnly = 4,   // Violence against civilians, Balochistan only (geo_precision 3), 2024-02-01
    kUndated = 5,        // Battles, Gwadar, no date
    kNowhere = 6,        // Strategic developments, 2024-02-10, no place at all
};
constexpr int kFixtureIncidents = 6;

// Writes the fixture into a new database at path; returns false with a message on failure.
bool writeFixtureDatabase(const QString& path, QString* error);
// Adds `count` incidents at one town (Panjgur), for the "thousands on one town" case.
bool addCrowdAtOneTown(const QString& path, int count, QString* error);

// Runs the event loop until predicate() or timeoutMs passes; returns predicate().
bool waitUntil(const std::function<bool()>& predicate, int timeoutMs = 5000);

} // namespace makran::test
