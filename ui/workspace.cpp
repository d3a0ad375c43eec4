#include "workspace.h"

#include "annotate/annotationservice.h"
#include "annotate/annotationstore.h"
#include "store/store.h"

#include <QFileInfo>
#include <QScopedValueRollback>
#include <QUndoStack>

namespace makran {

Workspace::Workspace(QObject* parent) : QObject(parent), m_undoStack(std::make_unique<QUndoStack>())
{
    // Every edit, undo and redo changes what the views must show.
    connect(m_undoStack.get(), &QUndoStack::indexChanged, this, [this] {
        if (m_store && !m_dropping)
            m_catalog.reload();
    });
}

Workspace::~Workspace()
{
    dropAnnotations();
    m_catalog.setStore(nullptr); // before the store goes
}

void Workspace::dropAnnotations()
{
    m_mapPick.cancel();
    {
        // Clearing emits indexChanged (which also updates the undo actions); the catalog is reloaded by
        // the caller anyway.
        const QScopedValueRollback<bool> guard(m_dropping, true);
        m_undoStack->clear();
    }
    m_service.reset();
    m_annotationStore.reset();
}

bool Workspace::open(const QString& path, QString* error)
{
    std::unique_ptr<Store> store = Store::open(path, error);
    if (!store)
        return false;
    m_catalog.selection().clear();
    dropAnnotations();
    m_catalog.setStore(nullptr);
    m_store = std::move(store);
    m_path = QFileInfo(path).absoluteFilePath();
    m_annotationStore = std::make_unique<AnnotationStore>(*m_store);
    if (m_annotationStore->isReady())
        m_service = std::make_unique<AnnotationService>(*m_annotationStore, m_undoStack.get());
    m_catalog.setStore(m_store.get());
    emit databaseChanged(m_path);
    return true;
}

void Workspace::close()
{
    m_catalog.selection().clear();
    dropAnnotations();
    m_catalog.setStore(nullptr);
    m_store.reset();
    m_path.clear();
    emit databaseChanged(QString());
}

} // namespace makran
