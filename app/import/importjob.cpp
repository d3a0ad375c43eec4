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
    const Store::ImportResult stored = m_store.importReport(extraction);
    switch (stored.status) {
    case Store::ImportStatus::Imported: {
        result.outcome = FileImportResult::Outcome::Imported;
        result.incidents = stored.incidents;
        if (!m_autoMerge)
            break;
        // Runs once the report is committed, so a failed import never leaves a merge behind; a failed
        // merge leaves the report in, unmerged, and says so.
        QList<AutoMerge> merges;
        QString error;
        if (m_merger->mergeReport(stored.reportId, extraction.incidents, &merges, &error))
            result.merged = int(merges.size());
        else
            result.warnings << QStringLiteral("not merged with other reports: %1").arg(error);
        break;
    }
    case Store::ImportStatus::AlreadyPresent:
        result.outcome = FileImportResult::Outcome::AlreadyPresent;
        break;
    case Store::ImportStatus::Failed:
        result.reason = QStringLiteral("database error: %1").arg(stored.error);
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
