#include "mainwindow.h"

#include "aboutdialog.h"
#include "appsettings.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "importcontroller.h"
#include "incidentactions.h"
#include "incidenteditor.h"
#include "incidentlistview.h"
#include "mapwidget.h"
#include "quotepanel.h"
#include "store/store.h"
#include "timelinewidget.h"
#include "workspace.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>

namespace makran {

MainWindow::MainWindow(Workspace& workspace, bool persistent, QWidget* parent)
    : QMainWindow(parent), m_workspace(workspace), m_persistent(persistent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    IncidentCatalog& catalog = workspace.catalog();
    m_map = new MapWidget(catalog, this);
    setCentralWidget(m_map);
    m_importer = new ImportController(workspace, this);
    m_importer->setInteractive(persistent);
    m_actions = new IncidentActions(workspace, this);
    m_actions->setInteractive(persistent);

    auto* filterToolBar = new QToolBar(tr("Filter"), this);
    filterToolBar->setObjectName(QStringLiteral("filterToolBar"));
    filterToolBar->setMovable(false);
    m_filterBar = new FilterBar(catalog, filterToolBar);
    filterToolBar->addWidget(m_filterBar);
    addToolBar(Qt::TopToolBarArea, filterToolBar);

    createDocks();
    createMenus();
    connectAnnotations();

    m_countsLabel = new QLabel(this);
    m_cursorLabel = new QLabel(this);
    m_cursorLabel->setMinimumWidth(
        m_cursorLabel->fontMetrics().horizontalAdvance(QStringLiteral("00.0000° N, 00.0000° E")) + 8);
    statusBar()->addPermanentWidget(m_countsLabel);
    statusBar()->addPermanentWidget(m_cursorLabel);
    connect(m_map, &MapWidget::cursorMoved, this, [this](const QGeoCoordinate& at) {
        m_cursorLabel->setText(at.isValid()
                                   ? QStringLiteral("%1° %2, %3° %4")
                                         .arg(std::abs(at.latitude()), 0, 'f', 4)
                                         .arg(at.latitude() >= 0 ? QLatin1Char('N') : QLatin1Char('S'))
                                         .arg(std::abs(at.longitude()), 0, 'f', 4)
                                         .arg(at.longitude() >= 0 ? QLatin1Char('E') : QLatin1Char('W'))
                                   : QString());
    });
    connect(m_importer, &ImportController::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 15000); });
    connect(&catalog, &IncidentCatalog::visibleChanged, this, &MainWindow::updateCounts);
    connect(&workspace, &Workspace::databaseChanged, this, [this](const QString& path) {
        setWindowTitle(path.isEmpty() ? tr("Makran") : tr("%1 — Makran").arg(QFileInfo(path).fileName()));
        if (m_persistent && !path.isEmpty()) {
            AppSettings::noteDatabaseOpened(path);
            rebuildRecentMenu();
        }
        updateCounts();
    });
    setWindowTitle(workspace.isOpen() ? tr("%1 — Makran").arg(QFileInfo(workspace.path()).fileName())
                                      : tr("Makran"));
    updateCounts();

    resize(1400, 900);
    resetLayout(); // the saved layout, if any, replaces this below
    if (m_persistent) {
        if (workspace.isOpen()) // opened before the window existed
            AppSettings::noteDatabaseOpened(workspace.path());
        rebuildRecentMenu();
        AppSettings::restoreWindow(*this);
        catalog.filter().setFilter(AppSettings::loadFilter());
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    IncidentCatalog& catalog = m_workspace.catalog();
    auto dock = [this](QWidget* content, const QString& title, const QString& name) {
        auto* widget = new QDockWidget(title, this);
        widget->setObjectName(name);
        widget->setWidget(content);
        widget->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable |
                            QDockWidget::DockWidgetClosable);
        return widget;
    };
    m_list = new IncidentListView(catalog, this);
    m_timeline = new TimelineWidget(catalog, this);
    m_quotes = new QuotePanel(catalog, this);
    m_editor = new IncidentEditor(m_workspace, this);
    QDockWidget* listDock = m_listDock = dock(m_list, tr("Incidents"), QStringLiteral("listDock"));
    QDockWidget* timelineDock = m_timelineDock =
        dock(m_timeline, tr("Timeline"), QStringLiteral("timelineDock"));
    QDockWidget* quoteDock = m_quoteDock = dock(m_quotes, tr("Sources"), QStringLiteral("quoteDock"));
    QDockWidget* editorDock = m_editorDock =
        dock(m_editor, tr("Incident editor"), QStringLiteral("editorDock"));
    // The source panel runs the full height on the right; list and timeline share the bottom.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    addDockWidget(Qt::RightDockWidgetArea, quoteDock);
    addDockWidget(Qt::LeftDockWidgetArea, editorDock);
    addDockWidget(Qt::BottomDockWidgetArea, listDock);
    splitDockWidget(listDock, timelineDock, Qt::Horizontal);
    m_viewMenu = new QMenu(tr("&View"), this);
    for (QDockWidget* widget : {listDock, timelineDock, quoteDock, editorDock})
        m_viewMenu->addAction(widget->toggleViewAction());
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New database…"), QKeySequence::New, this, &MainWindow::newDatabase);
    file->addAction(tr("&Open database…"), QKeySequence::Open, this, &MainWindow::chooseDatabase);
    m_recentMenu = file->addMenu(tr("Recent databases"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Import reports…"), QKeySequence(Qt::CTRL | Qt::Key_I), this,
                    &MainWindow::chooseFilesToImport);
    file->addAction(tr("Import a &folder…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), this,
                    &MainWindow::chooseFolderToImport);
    file->addSeparator();
    QAction* exportAction = file->addAction(tr("&Export…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                                            this, &MainWindow::showExportDialog);
    exportAction->setObjectName(QStringLiteral("exportAction"));
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QUndoStack& stack = m_workspace.undoStack();
    m_undo = stack.createUndoAction(this, tr("&Undo"));
    m_undo->setShortcuts(QKeySequence::Undo);
    m_undo->setObjectName(QStringLiteral("undoAction"));
    m_redo = stack.createRedoAction(this, tr("&Redo"));
    m_redo->setShortcuts(QKeySequence::Redo);
    m_redo->setObjectName(QStringLiteral("redoAction"));
    edit->addAction(m_undo);
    edit->addAction(m_redo);

    menuBar()->addMenu(m_viewMenu);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("Zoom &in"), QKeySequence::ZoomIn, m_map, &MapWidget::zoomIn);
    m_viewMenu->addAction(tr("Zoom &out"), QKeySequence::ZoomOut, m_map, &MapWidget::zoomOut);
    m_viewMenu->addAction(tr("Zoom to &region"), QKeySequence(Qt::CTRL | Qt::Key_0), m_map,
                          &MapWidget::zoomToRegion);
    m_viewMenu->addAction(tr("Zoom to &selection"), QKeySequence(Qt::CTRL | Qt::Key_E), m_map,
                          &MapWidget::zoomToSelection);
    m_viewMenu->addAction(tr("Zoom to all &incidents"), m_map, &MapWidget::zoomToData);
    QAction* legend = m_viewMenu->addAction(tr("Show &legend"));
    legend->setCheckable(true);
    legend->setChecked(true);
    connect(legend, &QAction::toggled, m_map, &MapWidget::setLegendVisible);
    m_viewMenu->addAction(tr("Reset &layout"), this, &MainWindow::resetLayout);
    m_viewMenu->addAction(tr("Clear &filters"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), this,
                          [this] { m_workspace.catalog().filter().clear(); });

    m_actions->populateMenu(menuBar()->addMenu(tr("&Incident")));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Makran"), this, [this] { showAboutDialog(this); });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::resetLayout()
{
    for (QDockWidget* widget : {m_listDock, m_timelineDock, m_quoteDock, m_editorDock})
        widget->show();
    const int sideWidth = std::clamp(width() * 28 / 100, 300, 520);
    // The editor gets its own column on the left when the map keeps room beside it; on a small window it
    // shares the right column with the source panel as a tab.
    const bool roomy = width() >= 1280;
    int editorWidth = 0;
    if (roomy) {
        addDockWidget(Qt::LeftDockWidgetArea, m_editorDock); // also takes it out of a tab group
        editorWidth = std::clamp(width() * 22 / 100, 280, 400);
        resizeDocks({m_editorDock}, {editorWidth}, Qt::Horizontal);
    } else {
        tabifyDockWidget(m_quoteDock, m_editorDock);
        m_quoteDock->raise();
    }
    const int bottomHeight = std::clamp(height() * 32 / 100, 160, 380);
    const int bottomWidth = width() - sideWidth - editorWidth;
    resizeDocks({m_quoteDock}, {sideWidth}, Qt::Horizontal);
    resizeDocks({m_listDock, m_timelineDock}, {bottomWidth / 2, bottomWidth - bottomWidth / 2},
                Qt::Horizontal);
    resizeDocks({m_listDock}, {bottomHeight}, Qt::Vertical);
}

void MainWindow::connectAnnotations()
{
    auto toStatusBar = [this](const QString& message) { statusBar()->showMessage(message, 10000); };
    connect(m_actions, &IncidentActions::statusMessage, this, toStatusBar);
    connect(m_editor, &IncidentEditor::statusMessage, this, toStatusBar);
    connect(m_quotes, &QuotePanel::addQuoteRequested, m_actions, &IncidentActions::addQuote);
    connect(m_quotes, &QuotePanel::evidenceRequested, m_actions, &IncidentActions::markEvidence);
    m_map->setPickState(&m_workspace.mapPick());
    connect(&m_workspace.mapPick(), &MapPickState::activeChanged, this, [this](bool active) {
        if (active)
            statusBar()->showMessage(tr("Click the map where the incident happened (Esc cancels)."));
        else
            statusBar()->clearMessage();
    });
}

void MainWindow::showExportDialog()
{
    ExportDialog dialog(m_workspace, this);
    if (dialog.exec() == QDialog::Accepted)
        statusBar()->showMessage(dialog.message(), 15000);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_persistent ? AppSettings::recentDatabases() : QStringList();
    for (const QString& path : recent) {
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path] { openDatabase(path); });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateCounts()
{
    const IncidentCatalog& catalog = m_workspace.catalog();
    if (!m_workspace.isOpen()) {
        m_countsLabel->setText(tr("No database open"));
        return;
    }
    const qint64 reports = m_workspace.store()->reportCount();
    m_countsLabel->setText(tr("%1 of %2 incidents shown · %3 reports")
                               .arg(catalog.visibleIds().size())
                               .arg(catalog.all().size())
                               .arg(reports));
}

bool MainWindow::openDatabase(const QString& path)
{
    if (m_importer->isRunning()) {
        statusBar()->showMessage(tr("Wait for the import to finish before opening another database."), 8000);
        return false;
    }
    QString error;
    if (!m_workspace.open(path, &error)) {
        if (m_persistent) {
            QMessageBox::warning(this, tr("Open database"),
                                 tr("Could not open the database:\n%1").arg(error));
            AppSettings::forgetDatabase(path);
            rebuildRecentMenu();
        }
        return false;
    }
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

void MainWindow::importPaths(const QStringList& paths)
{
    if (!m_importer->start(paths))
        statusBar()->showMessage(m_importer->isRunning() ? tr("An import is already running.")
                                                         : tr("Open a database before importing."),
                                 8000);
}

void MainWindow::newDatabase()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New database"), QString(),
                                                      tr("Makran databases (*.sqlite *.db)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        QMessageBox::warning(this, tr("New database"), tr("Could not replace %1.").arg(path));
        return;
    }
    openDatabase(path);
}

void MainWindow::chooseDatabase()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open database"), QFileInfo(m_workspace.path()).path(),
                                     tr("Makran databases (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::chooseFilesToImport()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import reports"), QString(), tr("Reports (*.txt *.html *.htm *.md);;All files (*)"));
    if (!files.isEmpty())
        importPaths(files);
}

void MainWindow::chooseFolderToImport()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a folder of reports"));
    if (!folder.isEmpty())
        importPaths({folder});
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_importer->isRunning())
        m_importer->cancel();
    if (m_persistent) {
        AppSettings::saveWindow(*this);
        AppSettings::saveFilter(m_workspace.catalog().filter().filter());
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        importPaths(paths);
        event->acceptProposedAction();
    }
}

} // namespace makran
