#include "state/incidentcatalog.h"

#include "annotate/annotatedincident.h"
#include "annotate/annotationstore.h"
#include "annotate/exportannotations.h"
#include "store/store.h"

#include <algorithm>

namespace makran {

IncidentCatalog::IncidentCatalog(QObject* parent) : QObject(parent)
{
    connect(&m_filter, &FilterState::changed, this, [this] { applyFilter(); });
}

IncidentCatalog::~IncidentCatalog() = default;

void IncidentCatalog::setStore(Store* store, AnnotationStore* annotations)
{
    m_store = store;
    m_ownAnnotations.reset();
    m_annotations = annotations;
    // Made once per store: making one checks (and may create) the annotation tables.
    if (m_store && !m_annotations) {
        m_ownAnnotations = std::make_unique<AnnotationStore>(*m_store);
        m_annotations = m_ownAnnotations.get();
    }
    reload();
}

void IncidentCatalog::reload()
{
    // What the views show is the extraction with the analysts' corrections applied.
    if (m_store)
        m_incidents =
            m_annotations->isReady() ? effectiveIncidents(*m_annotations) : m_store->loadIncidents();
    else
        m_incidents.clear();
    rebuildIndex();
    emit reloaded();
    applyFilter();
}

void IncidentCatalog::refresh(const QList<qint64>& ids)
{
    if (!m_store || ids.isEmpty())
        return;
    std::vector<Incident> shown;                 // to update or show again
    QSet<qint64> hidden(ids.begin(), ids.end()); // merged away or gone, unless read back below
    QList<qint64> changed = ids;
    const auto note = [&](qint64 id) {
        if (!changed.contains(id))
            changed.append(id);
    };
    if (m_annotations->isReady()) {
        for (AnnotatedIncident& item : loadAnnotatedIncidents(*m_annotations, ids)) {
            const qint64 id = item.incident.id;
            note(id);
            if (item.mergedIntoId) {
                hidden.insert(id);
            } else {
                hidden.remove(id);
                shown.push_back(std::move(item.incident));
            }
        }
    } else {
        for (Incident& incident : m_store->incidents(ids)) {
            hidden.remove(incident.id);
            shown.push_back(std::move(incident));
        }
    }

    bool membership = false; // incidents came or went: positions and the index change
    for (Incident& incident : shown) {
        const auto at = m_index.constFind(incident.id);
        if (at != m_index.constEnd()) {
            m_incidents[*at] = std::move(incident);
            continue;
        }
        // all() stays in id order, as reload() gives it.
        const auto position = std::lower_bound(m_incidents.begin(), m_incidents.end(), incident.id,
                                               [](const Incident& a, qint64 id) { return a.id < id; });
        m_incidents.insert(position, std::move(incident));
        membership = true;
    }
    if (!hidden.isEmpty()) {
        const auto erased = std::erase_if(
            m_incidents, [&](const Incident& incident) { return hidden.contains(incident.id); });
        membership = membership || erased > 0;
    }
    if (membership)
        rebuildIndex();
    emit incidentsChanged(changed);
    applyFilter(true);
}

void IncidentCatalog::rebuildIndex()
{
    m_index.clear();
    m_index.reserve(qsizetype(m_incidents.size()));
    for (size_t i = 0; i < m_incidents.size(); ++i)
        m_index.insert(m_incidents[i].id, i);
}

const Incident* IncidentCatalog::byId(qint64 id) const
{
    auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_incidents[*it];
}

void IncidentCatalog::applyFilter(bool onlyIfChanged)
{
    const IncidentFilter& filter = m_filter.filter();
    m_lastError.clear();
    const TextMatcher text = m_store ? TextMatcher(*m_store, filter.text, &m_lastError) : TextMatcher();
    QList<qint64> visible;
    for (const Incident& incident : m_incidents) {
        if (text.matches(incident) && filter.matchesFields(incident))
            visible.append(incident.id);
    }
    if (onlyIfChanged && visible == m_visible)
        return;
    m_visible = std::move(visible);
    m_visibleSet = QSet<qint64>(m_visible.begin(), m_visible.end());
    m_selection.retainOnly(m_visible);
    emit visibleChanged();
}

} // namespace makran
