#pragma once

#include "annotate/annotatedincident.h"
#include "annotate/annotationstore.h"
#include "model/incident.h"
#include "store/store.h"

#include <QDateTime>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

namespace makran::test {

// A temporary database with reports imported by ImportJob and the real extractor: the shared seed (when
// present) and a short report written here, plus an AnnotationStore whose clock ticks one second per
// reading from 2024-05-01 10:00 UTC, so histories are predictable.
struct AnnotateFixture {
    AnnotateFixture();

    QTemporaryDir dir;
    QString dbPath;
    QString seedPath;  // empty when the seed folder is absent (tests needing it SKIP)
    QString shortPath;  // always written: a killing near Turbat
    QString gwadarPath; // always written: a protest in Gwadar
    std::unique_ptr<Store> store;
    std::unique_ptr<AnnotationStore> annotations;
    QDateTime clock;

    // ImportJob on files; returns how many were imported (not already present).
    int ingest(const QStringList& paths);
    // Drops the report (and with it its incidents) and stores a fresh extraction of the same file, as a new
    // engine version would; `change` may alter the extraction first to stand for that engine's differences.
    void reExtract(const QString& path, const std::function<void(ExtractionResult&)>& change = {});
    // Closes and reopens the database, as a new session would.
    void reopen();

    qint64 reportIdOf(const QString& path) const;
    QList<qint64> incidentIdsOf(const QString& path) const; // in ordinal order
    std::optional<QString> keyOf(qint64 incidentId) const { return annotations->keyOf(incidentId); }
    qint64 idOfKey(const QString& key) const;
    std::optional<AnnotatedIncident> annotated(qint64 incidentId) const; // also merged ones
};

// The short reports written by the tests: one killing near Turbat with a quoted police officer, one
// protest in Gwadar with a quoted organiser.
QString shortReportText();
QString gwadarReportText();

} // namespace makran::test
