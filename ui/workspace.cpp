#include "workspace.h"

#include "store/store.h"

#include <QFileInfo>

namespace makran {

Workspace::Workspace(QObject* parent) : QObject(parent) {}

Workspace::~Workspace()
{
    m_catalog.setStore(nullptr); // before the store goes
}

bool Workspace::open(const QString& path, QString* error)
{
    std::unique_ptr<Store> store = Store::open(path, error);
    if (!store)
        return false;
    m_catalog.selection().clear();
    m_catalog.setStore(nullptr);
    m_store = std::move(store);
    m_path = QFileInfo(path).absoluteFilePath();
    m_catalog.setStore(m_store.get());
    emit databaseChanged(m_path);
    return true;
}

void Workspace::close()
{
    m_catalog.selection().clear();
    m_catalog.setStore(nullptr);
    m_store.reset();
    m_path.clear();
    emit databaseChanged(QString());
}

} // namespace makran
