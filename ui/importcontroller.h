#pragma once

#include "import/importjob.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <atomic>
#include <memory>

class QProgressDialog;
class QTemporaryDir;
class QWidget;

namespace makran {

class Workspace;

// Runs ImportJob off the GUI thread with its own Store connection to the same file (SQLite in WAL
// mode lets the views keep reading). The menu, drag-and-drop, start-up files and the tests all come
// through start(). When interactive, shows a cancellable progress dialog and lists rejected files.
class ImportController : public QObject {
    Q_OBJECT
  public:
    explicit ImportController(Workspace& workspace, QWidget* dialogParent = nullptr);
    ~ImportController() override;

    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isRunning() const { return m_watcher.isRunning(); }

    // False when an import is already running or no database is open.
    bool start(const QStringList& paths);
    // The bundled sample corpus (:/samples), copied to a temporary folder first.
    bool startSamples();
    void cancel() { m_cancel = true; }
    // Blocks (with an event loop) until the running import is done; for --screenshot and tests.
    ImportSummary waitForFinished();
    const ImportSummary& lastSummary() const { return m_last; }

    static QString describe(const ImportSummary& summary); // one line for the status bar

  signals:
    void progressed(int done, int total, const QString& path);
    void finished(const makran::ImportSummary& summary);
    void statusMessage(const QString& message);

  private:
    void onFinished();
    void showRejections(const ImportSummary& summary);

    Workspace& m_workspace;
    QPointer<QWidget> m_dialogParent;
    bool m_interactive = true;
    std::atomic<bool> m_cancel{false};
    QFutureWatcher<ImportSummary> m_watcher;
    QPointer<QProgressDialog> m_progress;
    std::unique_ptr<QTemporaryDir> m_samplesDir;
    ImportSummary m_last;
    // From start() until onFinished() has taken the result: the future may already be done while its
    // finished signal still waits in the event queue.
    bool m_pending = false;
};

} // namespace makran
