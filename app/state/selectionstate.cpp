#include "state/selectionstate.h"

#include <QSet>

namespace makran {

void SelectionState::set(QList<qint64> ids, qint64 current)
{
    if (ids == m_selected && current == m_current)
        return;
    m_selected = std::move(ids);
    m_current = current;
    emit changed(m_selected, m_current);
}

void SelectionState::select(qint64 id)
{
    set(id ? QList<qint64>{id} : QList<qint64>{}, id);
}

void SelectionState::selectMany(const QList<qint64>& ids)
{
    set(ids, ids.isEmpty() ? 0 : ids.first());
}

void SelectionState::toggle(qint64 id)
{
    QList<qint64> ids = m_selected;
    if (ids.removeAll(id) > 0) {
        set(ids, m_current == id ? (ids.isEmpty() ? 0 : ids.last()) : m_current);
        return;
    }
    ids.append(id);
    set(ids, id);
}

void SelectionState::clear()
{
    set({}, 0);
}

void SelectionState::retainOnly(const QList<qint64>& visibleIds)
{
    const QSet<qint64> visible(visibleIds.begin(), visibleIds.end());
    QList<qint64> kept;
    for (qint64 id : m_selected) {
        if (visible.contains(id))
            kept.append(id);
    }
    set(kept, visible.contains(m_current) ? m_current : (kept.isEmpty() ? 0 : kept.first()));
}

} // namespace makran
