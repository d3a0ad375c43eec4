#include "import/importjob.h"

#include "extract/extractor.h"
#include "import/acledcsvreader.h"
#include "import/reportreader.h"
#include "merge/automerger.h"
#include "store/store.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace makran {

int ImportSummary::count(FileImportResult::Outcome outcome) const
{
    return int(std::count_if(files.begin(), files.end(),
                             [outcome](const FileImportResult& file) { return file.outcome == outcome; }));
}

int ImportSummary::incidents() const
{
    int total = 0;
    for (const FileImportResult& file : files)
        total += file.incidents;
    return total;
}

int ImportSummary::merged() const
{
    int total = 0;
    for (const FileImportResult& file : files)
        total += file.merged;
    return total;
}

ImportJob::ImportJob(Store& store, const Extractor& extractor)
    : m_store(store), m_extractor(extractor), m_merger(std::make_unique<AutoMerger>(store))
{
}

ImportJob::~ImportJob() = default;

bool ImportJob::isCompanionFile(const QFileInfo& info)
{
    // Files that travel with a folder of reports but are not reports: its README and licence, data
    // tables, annotations, databases and scripts. Anything else is tried, and rejected with a reason
    // if it is not a report.
    static const QStringList suffixes = {QStringLiteral("json"), QStringLiteral("tsv"), QStringLiteral("sqlite"),
                                         QStringLiteral("sqlite-wal"), QStringLiteral("sqlite-shm"), QStringLiteral("db"),
                                         QStringLiteral("py"), QStringLiteral("sh")};
    const QString name = info.fileName();
    return name.startsWith(u'.') || name.startsWith(QStringLiteral("README"), Qt::CaseInsensitive) ||
           name.startsWith(QStringLiteral("LICENSE"), Qt::CaseInsensitive) ||
           suffixes.contains(info.suffix().toLower());
}

QStringList ImportJob::collectFiles(const QStringList& paths, QList<FileImportResult>* rejected)
{
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            if (rejected)
                rejected->append({path, FileImportResult::Outcome::Rejected, QStringLiteral("file not found"), {}, 0});
            continue;
        }
        if (!info.isDir()) {
            files << path;
            continue;
        }
        if (!info.isReadable() || !info.isExecutable()) {
            if (rejected)
                rejected->append({path, FileImportResult::Outcome::Rejected,
                                  QStringLiteral("folder cannot be read (permission denied)"), {}, 0});
            continue;
        }
        QStringList inFolder;
        QDirIterator it(path, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString entry = it.next();
            const QFileInfo entryInfo = it.fileInfo();
            if (entryInfo.isDir()) {
                if ((!entryInfo.isReadable() || !entryInfo.isExecutable()) && rejected)
                    rejected->append({entry, FileImportResult::Outcome::Rejected,
                                      QStringLiteral("folder cannot be read (permission denied)"), {}, 0});
                continue;
            }
            if (!isCompanionFile(entryInfo))
                inFolder << entry;
        }
        std::sort(inFolder.begin(), inFolder.end());
        files << inFolder;
    }
    return files;
}

FileImportResult ImportJob::importAcledCsv(const QString& path)
{
    FileImportResult result;
    result.path = path;
    const AcledCsvReader::Result read = AcledCsvReader::read(path);
    result.warnings = read.warnings + read.errors;
    int imported = 0, present = 0;
    for (const ExtractionResult& event : read.extractions) {
        const Store::ImportResult stored = m_store.importReport(event);
        if (stored.status == Store::ImportStatus::Imported) {
            ++imported;
            result.incidents += stored.incidents;
        } else if (stored.status == Store::ImportStatus::AlreadyPresent) {
            ++present;
        } else {
            result.warnings << QStringLiteral("database error: %1").arg(stored.error);
        }
    }
    if (imported)
        result.outcome = FileImportResult::Outcome::Imported;
    else if (present)
        result.outcome = FileImportResult::Outcome::AlreadyPresent;
    else
        result.reason = read.errors.isEmpty() ? QStringLiteral("no ACLED events in the file")
                                              : QStringLiteral("no readable ACLED rows (%1)").arg(read.errors.first());
    return result;
}

Store::ImportResult ImportJob::storeWithMerges(const ExtractionResult& extraction, QList<AutoMerge>* merges,
                                               QString* mergeError)
{
    if (!m_autoMerge)
        return m_store.importReport(extraction);
    if (!m_merger->prepare(mergeError))
        return Store::ImportResult{Store::ImportStatus::Failed, 0, 0, *mergeError};
    // The merges are written in the report's transaction: a crash or an error before it commits leaves
    // neither the report nor any of its merges, never a report imported but not merged.
    const auto mergeWithOtherReports = [&](qint64 reportId, QString* error) {
        if (m_merger->mergeReport(reportId, extraction.incidents, merges, mergeError))
            return true;
        *error = *mergeError;
        return false;
    };
    Store::ImportResult stored = m_store.importReport(extraction, mergeWithOtherReports);
    if (stored.status == Store::ImportStatus::Failed)
        m_merger->forgetUncommitted(); // it may have indexed what was just rolled back
    return stored;
}

FileImportResult ImportJob::importFile(const QString& path)
{
    if (path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && looksLikeAcledCsv(file.read(4096)))
            return importAcledCsv(path);
    }
    FileImportResult result;
    result.path = path;
    ReportReader::Result read = ReportReader::read(path);
    result.warnings = read.warnings;
    if (!read.report) {
        result.reason = read.error;
        return result;
    }
    if (m_store.reportIdByHash(read.report->contentHash)) {
        result.outcome = FileImportResult::Outcome::AlreadyPresent;
        return result;
    }
    const ExtractionResult extraction = m_extractor.extract(*read.report);
    result.warnings << extraction.warnings;
    QList<AutoMerge> merges;
    QString mergeError;
    const Store::ImportResult stored = storeWithMerges(extraction, &merges, &mergeError);
    switch (stored.status) {
    case Store::ImportStatus::Imported:
        result.outcome = FileImportResult::Outcome::Imported;
        result.incidents = stored.incidents;
        result.merged = int(merges.size());
        break;
    case Store::ImportStatus::AlreadyPresent:
        result.outcome = FileImportResult::Outcome::AlreadyPresent;
        break;
    case Store::ImportStatus::Failed:
        result.reason = mergeError.isEmpty()
                            ? QStringLiteral("database error: %1").arg(stored.error)
                            : QStringLiteral("cannot merge it with other reports, so it was not imported: %1")
                                  .arg(mergeError);
        break;
    }
    return result;
}

ImportSummary ImportJob::run(const QStringList& paths, const Progress& progress)
{
    ImportSummary summary;
    const QStringList files = collectFiles(paths, &summary.files);
    for (int i = 0; i < files.size(); ++i) {
        if (progress && !progress(i, int(files.size()), files[i])) {
            summary.cancelled = true;
            break;
        }
        summary.files.append(importFile(files[i]));
    }
    if (progress && !summary.cancelled)
        progress(int(files.size()), int(files.size()), QString());
    return summary;
}

} // namespace makran
