#pragma once

#include "state/incidentcatalog.h"
#include "state/mappickstate.h"

#include <QObject>
#include <QString>

#include <memory>

class QUndoStack;

namespace makran {

class AnnotationService;
class AnnotationStore;
class Store;

// The open database and the catalog every view follows. The window, the import controller, the
// screenshot tool and the tests share one; swapping the database keeps the catalog object, so views
// stay connected and simply see reloaded().
//
// It also owns the analysts' side of the database: one AnnotationStore and AnnotationService per open
// store, and the one undo stack every edit goes through. Each push, undo or redo refreshes the incidents
// that step is about in the catalog (IncidentCatalog::refresh, selection kept), so every view shows the
// corrected values without reloading the database; opening another database clears the stack.
class Workspace : public QObject {
    Q_OBJECT
  public:
    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override;

    bool open(const QString& path, QString* error);
    void close();
    bool isOpen() const { return m_store != nullptr; }
    QString path() const { return m_path; }
    Store* store() const { return m_store.get(); }
    IncidentCatalog& catalog() { return m_catalog; }
    const IncidentCatalog& catalog() const { return m_catalog; }

    QUndoStack& undoStack() const { return *m_undoStack; }
    // Null when no database is open or its annotation tables could not be made ready.
    AnnotationService* annotations() const { return m_service.get(); }
    AnnotationStore* annotationStore() const { return m_annotationStore.get(); }
    MapPickState& mapPick() { return m_mapPick; }

  signals:
    void databaseChanged(const QString& path);

  private:
    void dropAnnotations(); // before the store goes: commands refer to the annotation store
    void followUndoStack(int index);

    std::unique_ptr<Store> m_store;
    QString m_path;
    IncidentCatalog m_catalog;
    std::unique_ptr<QUndoStack> m_undoStack;
    std::unique_ptr<AnnotationStore> m_annotationStore;
    std::unique_ptr<AnnotationService> m_service;
    MapPickState m_mapPick;
    bool m_dropping = false;
    int m_undoIndex = 0; // the stack's index the catalog last followed
};

} // namespace makran
