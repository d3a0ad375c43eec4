#pragma once

#include <QFileInfo>
#include <QString>
#include <QStringList>

#include <functional>

namespace makran {

class Store;
class Extractor;

struct FileImportResult {
    enum class Outcome { Imported, AlreadyPresent, Rejected };
    QString path;
    Outcome outcome = Outcome::Rejected;
    QString reason; // for Rejected: why, in words a user understands
    QStringList warnings;
    int incidents = 0;
};

struct ImportSummary {
    QList<FileImportResult> files;
    bool cancelled = false;
    int count(FileImportResult::Outcome outcome) const;
    int incidents() const;
};

// Imports files and folders (recursively) into a store, one transaction per report (or per ACLED event
// for ACLED-format CSV files). Used by the CLI,
// the GUI's import dialog and drag-and-drop alike.
class ImportJob {
public:
    // Called before each file; return false to cancel (files already imported stay imported).
    using Progress = std::function<bool(int done, int total, const QString& currentPath)>;

    ImportJob(Store& store, const Extractor& extractor) : m_store(store), m_extractor(extractor) {}
    ImportSummary run(const QStringList& paths, const Progress& progress = {});

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
};

} // namespace makran
