#pragma once

#include "model/incident.h"
#include "state/filterstate.h"
#include "state/selectionstate.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <vector>

namespace makran {

class AnnotationStore;
class Store;

// The incidents of the open database held in memory (filtering a vector is ~40x faster than SQL on
// this machine, see LIMITS.md), the subset the filter lets through, and the shared selection.
// The window owns one; every view reads from it and listens to its signals.
class IncidentCatalog : public QObject {
    Q_OBJECT
public:
    explicit IncidentCatalog(QObject* parent = nullptr);
    ~IncidentCatalog() override;

    // Not owned; may be null (no database open). Reloads everything. The analysts' layer is read through
    // `annotations` (not owned; the window's, for that store) or, when null, through one the catalog
    // makes for the store and keeps until the next setStore().
    void setStore(Store* store, AnnotationStore* annotations = nullptr);
    Store* store() const { return m_store; }
    // Everything again, as analysts left it (after an import). Seconds on 100,000 incidents.
    void reload();
    // Only these incidents again, with those merged or linked with them (after an edit touched them):
    // milliseconds on any size. Emits incidentsChanged() with every incident updated, shown again or
    // merged away, then visibleChanged() only when what the filter lets through changed.
    void refresh(const QList<qint64>& ids);

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
    void reloaded(); // the set of incidents changed (database opened, import finished)
    // An edit changed these incidents' fields, or merged them away or back (refresh()); ids no longer
    // in all() were merged away.
    void incidentsChanged(const QList<qint64>& ids);
    void visibleChanged(); // the filter changed what is visible, or an edit did

private:
    // Recomputes what the filter lets through; with onlyIfChanged, signals only a different result.
    void applyFilter(bool onlyIfChanged = false);
    void rebuildIndex();

    Store* m_store = nullptr;
    AnnotationStore* m_annotations = nullptr;
    std::unique_ptr<AnnotationStore> m_ownAnnotations;
    FilterState m_filter;
    SelectionState m_selection;
    std::vector<Incident> m_incidents;
    QHash<qint64, size_t> m_index;
    QList<qint64> m_visible;
    QSet<qint64> m_visibleSet;
    QString m_lastError;
};

} // namespace makran
