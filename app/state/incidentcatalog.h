#pragma once

#include "model/incident.h"
#include "state/filterstate.h"
#include "state/selectionstate.h"

#include <QHash>
#include <QObject>

#include <vector>

namespace makran {

class Store;

// The incidents of the open database held in memory (filtering a vector is ~40x faster than SQL on
// this machine, see LIMITS.md), the subset the filter lets through, and the shared selection.
// The window owns one; every view reads from it and listens to its signals.
class IncidentCatalog : public QObject {
    Q_OBJECT
public:
    explicit IncidentCatalog(QObject* parent = nullptr);

    // Not owned; may be null (no database open). Reloads everything.
    void setStore(Store* store);
    Store* store() const { return m_store; }
    void reload();

    FilterState& filter() { return m_filter; }
    SelectionState& selection() { return m_selection; }
    const FilterState& filter() const { return m_filter; }
    const SelectionState& selection() const { return m_selection; }

    const std::vector<Incident>& all() const { return m_incidents; }
    const QList<qint64>& visibleIds() const { return m_visible; }
    const Incident* byId(qint64 id) const;
    bool isVisible(qint64 id) const { return m_visibleSet.contains(id); }
    QString lastError() const { return m_lastError; }

signals:
    void reloaded();       // the set of incidents changed (database opened, import finished)
    void visibleChanged(); // the filter changed what is visible

private:
    void applyFilter();

    Store* m_store = nullptr;
    FilterState m_filter;
    SelectionState m_selection;
    std::vector<Incident> m_incidents;
    QHash<qint64, size_t> m_index;
    QList<qint64> m_visible;
    QSet<qint64> m_visibleSet;
    QString m_lastError;
};

} // namespace makran
