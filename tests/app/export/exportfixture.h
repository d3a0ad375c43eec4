#pragma once

#include "export/exporter.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QTemporaryDir>

namespace makran::test {

// Five incidents covering what exports must handle: day, week, month and multi-day dates, an undated and
// unlocated incident, Urdu and Persian text, quotes, evidence, several sources and analysts' annotations.
struct ExportFixture {
    ExportFixture();
    QHash<qint64, Report> reports;
    ExportRequest request;
    QTemporaryDir dir;

    QString path(const QString& name) const { return dir.filePath(name); }
    // Exports in the format and returns the file's bytes; fails the test when the export fails.
    QByteArray exportBytes(ExportFormat format, const QString& name, QStringList* warnings = nullptr);
};

// An RFC 4180 reader written for the tests, independent of the code under test.
QList<QStringList> parseCsvForTest(const QByteArray& bytes);

// n synthetic incidents (for volume tests), spread over the region and over a year.
QList<Incident> syntheticIncidents(int n);

} // namespace makran::test
