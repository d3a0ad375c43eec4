#pragma once

#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace makran {

class AutoMerger;
class Store;
class Extractor;

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
// After each report, its incidents that other reports already described are merged into those (see
// AutoMerger). ACLED rows are not: ACLED has already made each row one event.
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
    FileImportResult importAcledCsv(const QString& path); // each row is an event with its own source
    Store& m_store;
    const Extractor& m_extractor;
    bool m_autoMerge = true;
    std::unique_ptr<AutoMerger> m_merger;
};

} // namespace makran
