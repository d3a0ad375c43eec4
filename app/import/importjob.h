#pragma once

#include "store/store.h"

#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace makran {

class AutoMerger;
class Extractor;
struct AutoMerge;

struct FileImportResult {
    enum class Outcome { Imported, AlreadyPresent, Rejected };
    QString path;
    Outcome outcome = Outcome::Rejected;
    QString reason; // for Rejected: why, in words a user understands
    QStringList warnings;
    int incidents = 0;
    int merged = 0; // of those, how many were merged into the same event reported earlier
};

struct ImportSummary {
    QList<FileImportResult> files;
    bool cancelled = false;
    int count(FileImportResult::Outcome outcome) const;
    int incidents() const;
    int merged() const;
};

// Imports files and folders (recursively) into a store, one transaction per report (or per ACLED event
// for ACLED-format CSV files). Used by the CLI,
// the GUI's import dialog and drag-and-drop alike.
//
// A report's incidents that other reports already described are merged into those (see AutoMerger) in
// the report's own transaction: a report is stored with its merges or not at all, and one that cannot
// be is rejected with the reason while the rest of the import goes on. ACLED rows are not merged: ACLED
// has already made each row one event.
class ImportJob {
public:
    // Called before each file; return false to cancel (files already imported stay imported).
    using Progress = std::function<bool(int done, int total, const QString& currentPath)>;

    ImportJob(Store& store, const Extractor& extractor);
    ~ImportJob();
    ImportSummary run(const QStringList& paths, const Progress& progress = {});
    void setAutoMerge(bool on) { m_autoMerge = on; } // on unless turned off

    // Expands folders into the report files beneath them (sorted); unreadable entries are returned as
    // rejections so the caller can report them.
    static QStringList collectFiles(const QStringList& paths, QList<FileImportResult>* rejected);
    // README, licence, JSON/TSV tables, databases, scripts and hidden files beside reports in a folder.
    static bool isCompanionFile(const QFileInfo& info);

private:
    FileImportResult importFile(const QString& path);
    // Store::importReport() with the report's automatic merges in its transaction (when turned on);
    // mergeError says why when merging is what failed.
    Store::ImportResult storeWithMerges(const ExtractionResult& extraction, QList<AutoMerge>* merges,
                                        QString* mergeError);
    FileImportResult importAcledCsv(const QString& path); // each row is an event with its own source
    Store& m_store;
    const Extractor& m_extractor;
    bool m_autoMerge = true;
    std::unique_ptr<AutoMerger> m_merger;
};

} // namespace makran
