#pragma once

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;

namespace makran {

class FilterBar;
class ImportController;
class IncidentActions;
class IncidentEditor;
class IncidentListView;
class MapWidget;
class QuotePanel;
class TimelineWidget;
class Workspace;

// The window: map in the centre, list and timeline docked below, the source panel on the right, the
// filter bar on top. Wiring only; the views talk to the workspace's catalog, never to each other.
class MainWindow : public QMainWindow {
    Q_OBJECT
  public:
    // persistent: restore and save layout, filter and recent databases (off for screenshots and tests).
    explicit MainWindow(Workspace& workspace, bool persistent = true, QWidget* parent = nullptr);
    ~MainWindow() override;

    MapWidget* map() const { return m_map; }
    TimelineWidget* timeline() const { return m_timeline; }
    IncidentListView* list() const { return m_list; }
    QuotePanel* quotePanel() const { return m_quotes; }
    FilterBar* filterBar() const { return m_filterBar; }
    ImportController* importer() const { return m_importer; }
    IncidentEditor* editor() const { return m_editor; }
    IncidentActions* incidentActions() const { return m_actions; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }

    bool openDatabase(const QString& path); // reports failures in a dialog when persistent
    void resetLayout(); // docks sized to the window: source panel ~28% wide, list and timeline ~32% high
    void importPaths(const QStringList& paths);
    void showExportDialog();

  protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

  private:
    void createDocks();
    QDockWidget* m_listDock = nullptr;
    QDockWidget* m_timelineDock = nullptr;
    QDockWidget* m_quoteDock = nullptr;
    QDockWidget* m_editorDock = nullptr;
    void createMenus();
    void connectAnnotations();
    void rebuildRecentMenu();
    void updateCounts();
    void newDatabase();
    void chooseDatabase();
    void chooseFilesToImport();
    void chooseFolderToImport();

    Workspace& m_workspace;
    bool m_persistent = true;
    MapWidget* m_map = nullptr;
    TimelineWidget* m_timeline = nullptr;
    IncidentListView* m_list = nullptr;
    QuotePanel* m_quotes = nullptr;
    FilterBar* m_filterBar = nullptr;
    ImportController* m_importer = nullptr;
    IncidentEditor* m_editor = nullptr;
    IncidentActions* m_actions = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_redo = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QLabel* m_countsLabel = nullptr;
    QLabel* m_cursorLabel = nullptr;
};

} // namespace makran
