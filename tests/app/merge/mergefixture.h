#pragma once

#include "annotate/annotatedincident.h"
#include "annotate/annotationstore.h"
#include "import/importjob.h"
#include "store/store.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <vector>

namespace makran::test {

// Short reports written for these tests. Two outlets on one attack on a Levies post in Panjgur (the
// second a day later, spelling it Panjgoor, crediting the home department); two bombings on one day in
// Turbat and in Kharan; a weekly round-up that retells the Panjgur and Turbat attacks beside a protest.
QString panjgurWireText();
QString panjgoorPaperText();
QString turbatBlastText();
QString kharanBlastText();
QString weeklyRoundupText();

// A temporary database; reports are written into its folder and imported with ImportJob (which merges).
struct MergeFixture {
    MergeFixture();

    QTemporaryDir dir;
    QString dbPath;
    std::unique_ptr<Store> store;
    std::unique_ptr<AnnotationStore> annotations;

    QString write(const QString& name, const QString& text); // returns the path
    ImportSummary ingest(const QStringList& paths);
    // Drops a report and its incidents, as before a re-extraction by a new engine version.
    void dropReport(const QString& path);

    qint64 reportIdOf(const QString& path) const;
    QList<qint64> incidentIdsOf(const QString& path) const; // in ordinal order
    std::vector<AnnotatedIncident> listed() const;          // as the views show them
    const AnnotatedIncident* listedWith(const std::vector<AnnotatedIncident>& all, qint64 incidentId) const;
    qint64 mergeRows() const; // rows in annotation_merges, undone or not
};

} // namespace makran::test
