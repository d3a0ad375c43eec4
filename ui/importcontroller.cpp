#include "importcontroller.h"

#include "extract/extractor.h"
#include "store/store.h"
#include "workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QtConcurrent>

namespace makran {

ImportController::ImportController(Workspace& workspace, QWidget* dialogParent)
    : QObject(dialogParent), m_workspace(workspace), m_dialogParent(dialogParent)
{
    connect(&m_watcher, &QFutureWatcher<ImportSummary>::finished, this, &ImportController::onFinished);
}

ImportController::~ImportController()
{
    m_cancel = true;
    m_watcher.waitForFinished();
}

bool ImportController::start(const QStringList& paths)
{
    if (isRunning() || m_pending || !m_workspace.isOpen() || paths.isEmpty())
        return false;
    m_cancel = false;
    m_pending = true;
    const QString dbPath = m_workspace.path();
    if (m_interactive) {
        m_progress = new QProgressDialog(tr("Importing reports…"), tr("Cancel"), 0, 0, m_dialogParent);
        m_progress->setWindowTitle(tr("Import"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(400); // quick imports never flash a dialog
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        connect(m_progress, &QProgressDialog::canceled, this, &ImportController::cancel);
    }
    // Progress crosses threads as a queued call into this object; the worker never touches widgets.
    QPointer<ImportController> self(this);
    auto progress = [this, self](int done, int total, const QString& path) {
        QMetaObject::invokeMethod(
            this,
            [self, done, total, path] {
                if (!self)
                    return;
                emit self->progressed(done, total, path);
                if (self->m_progress) {
                    self->m_progress->setMaximum(total);
                    self->m_progress->setValue(done);
                    self->m_progress->setLabelText(tr("Importing %1 of %2\n%3")
                                                       .arg(done + 1 > total ? total : done + 1)
                                                       .arg(total)
                                                       .arg(QFileInfo(path).fileName()));
                }
            },
            Qt::QueuedConnection);
        return !m_cancel.load();
    };
    m_watcher.setFuture(QtConcurrent::run([dbPath, paths, progress]() {
        QString error;
        std::unique_ptr<Store> store = Store::open(dbPath, &error);
        ImportSummary summary;
        if (!store) {
            for (const QString& path : paths)
                summary.files.append({path,
                                      FileImportResult::Outcome::Rejected,
                                      QStringLiteral("cannot open the database: %1").arg(error),
                                      {},
                                      0});
            return summary;
        }
        const Extractor extractor;
        return ImportJob(*store, extractor).run(paths, progress);
    }));
    return true;
}

bool ImportController::startSamples()
{
    m_samplesDir = std::make_unique<QTemporaryDir>();
    if (!m_samplesDir->isValid())
        return false;
    // Only the reports: the folder also holds the samples' expected results.
    QDirIterator it(QStringLiteral(":/samples"), {QStringLiteral("*.txt")}, QDir::Files);
    int copied = 0;
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = m_samplesDir->filePath(QFileInfo(source).fileName());
        if (QFile::copy(source, target)) {
            QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            ++copied;
        }
    }
    return copied > 0 && start({m_samplesDir->path()});
}

ImportSummary ImportController::waitForFinished()
{
    if (m_pending) {
        QEventLoop loop;
        connect(this, &ImportController::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return m_last;
}

QString ImportController::describe(const ImportSummary& summary)
{
    using Outcome = FileImportResult::Outcome;
    QString text = tr("Imported %n report(s) with %1 incident(s)", nullptr, summary.count(Outcome::Imported))
                       .arg(summary.incidents());
    // Those are not new rows in the list: they joined an event another report described first.
    if (const int merged = summary.merged())
        text += tr(", %n of them merged into the same event from other reports", nullptr, merged);
    if (const int present = summary.count(Outcome::AlreadyPresent))
        text += tr("; %n already in the database", nullptr, present);
    if (const int rejected = summary.count(Outcome::Rejected))
        text += tr("; %n rejected", nullptr, rejected);
    if (summary.cancelled)
        text += tr(" (cancelled)");
    return text;
}

void ImportController::onFinished()
{
    m_pending = false;
    m_last = m_watcher.result();
    if (m_progress) {
        m_progress->close();
        m_progress->deleteLater();
    }
    m_samplesDir.reset();
    m_workspace.catalog().reload();
    emit statusMessage(describe(m_last));
    if (m_interactive && m_last.count(FileImportResult::Outcome::Rejected) > 0)
        showRejections(m_last);
    emit finished(m_last);
}

void ImportController::showRejections(const ImportSummary& summary)
{
    QStringList lines;
    for (const FileImportResult& file : summary.files) {
        if (file.outcome == FileImportResult::Outcome::Rejected)
            lines << QStringLiteral("%1\n    %2").arg(QDir::toNativeSeparators(file.path), file.reason);
    }
    QMessageBox box(QMessageBox::Warning, tr("Import"), describe(summary), QMessageBox::Ok, m_dialogParent);
    box.setInformativeText(tr("%n file(s) could not be imported. Details lists each with the reason.",
                              nullptr, int(lines.size())));
    box.setDetailedText(lines.join(QLatin1Char('\n')));
    box.exec();
}

} // namespace makran
