#include "state/incidentcatalog.h"

#include "annotate/annotationstore.h"
#include "annotate/exportannotations.h"
#include "store/store.h"

namespace makran {

IncidentCatalog::IncidentCatalog(QObject* parent) : QObject(parent)
{
    connect(&m_filter, &FilterState::changed, this, [this] { applyFilter(); });
}

void IncidentCatalog::setStore(Store* store)
{
    m_store = store;
    reload();
}

void IncidentCatalog::reload()
{
    // What the views show is the extraction with the analysts' corrections applied.
    if (m_store) {
        const AnnotationStore annotations(*m_store);
        m_incidents = annotations.isReady() ? effectiveIncidents(annotations) : m_store->loadIncidents();
    } else {
        m_incidents.clear();
    }
    m_index.clear();
    for (size_t i = 0; i < m_incidents.size(); ++i)
        m_index.insert(m_incidents[i].id, i);
    emit reloaded();
    applyFilter();
}

const Incident* IncidentCatalog::byId(qint64 id) const
{
    auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_incidents[*it];
}

void IncidentCatalog::applyFilter()
{
    const IncidentFilter& filter = m_filter.filter();
    m_lastError.clear();
    QSet<qint64> textMatches;
    const bool byText = !filter.text.trimmed().isEmpty() && m_store;
    if (byText)
        textMatches = m_store->incidentsMatchingText(filter.text, &m_lastError);
    m_visible.clear();
    for (const Incident& incident : m_incidents) {
        if (byText && !textMatches.contains(incident.id))
            continue;
        if (filter.matchesFields(incident))
            m_visible.append(incident.id);
    }
    m_visibleSet = QSet<qint64>(m_visible.begin(), m_visible.end());
    m_selection.retainOnly(m_visible);
    emit visibleChanged();
}

} // namespace makran
