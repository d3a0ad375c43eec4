#pragma once

#include "state/incidentcatalog.h"

#include <QObject>
#include <QString>

#include <memory>

namespace makran {

class Store;

// The open database and the catalog every view follows. The window, the import controller, the
// screenshot tool and the tests share one; swapping the database keeps the catalog object, so views
// stay connected and simply see reloaded().
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

  signals:
    void databaseChanged(const QString& path);

  private:
    std::unique_ptr<Store> m_store;
    QString m_path;
    IncidentCatalog m_catalog;
};

} // namespace makran
