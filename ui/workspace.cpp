#include "workspace.h"

#include "annotate/annotationcommands.h"
#include "annotate/annotationservice.h"
#include "annotate/annotationstore.h"
#include "store/store.h"

#include <QFileInfo>
#include <QScopedValueRollback>
#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace makran {

Workspace::Workspace(QObject* parent) : QObject(parent), m_undoStack(std::make_unique<QUndoStack>())
{
    // Every edit, undo and redo changes what the views must show.
    connect(m_undoStack.get(), &QUndoStack::indexChanged, this, &Workspace::followUndoStack);
}

void Workspace::followUndoStack(int index)
{
    const int previous = std::exchange(m_undoIndex, index);
    if (!m_store || m_dropping)
        return;
    // The steps between the old and the new index were done or undone; a push that merged into the
    // previous step leaves the index where it was, and that step changed.
    const int from = std::min(previous, index) - (previous == index ? 1 : 0);
    const int to = std::max(previous, index);
    QStringList keys;
    for (int i = std::max(0, from); i < to; ++i) {
        const auto* command = dynamic_cast<const AnnotationCommand*>(m_undoStack->command(i));
        if (!command || !m_annotationStore) {
            m_catalog.reload(); // not an annotation: no way to tell what it touched
            return;
        }
        keys << command->incidentKeys();
    }
    if (!keys.isEmpty())
        m_catalog.refresh(m_annotationStore->idsOfKeys(keys).values());
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
    m_catalog.setStore(m_store.get(), m_annotationStore.get());
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
