#include "state/mappickstate.h"

namespace makran {

void MapPickState::request(qint64 incidentId)
{
    const bool was = isActive();
    m_incidentId = incidentId;
    if (was != isActive())
        emit activeChanged(isActive());
}

void MapPickState::cancel()
{
    request(0);
}

bool MapPickState::deliver(double lat, double lon)
{
    if (!isActive())
        return false;
    const qint64 id = m_incidentId;
    cancel(); // first, so a handler may start another pick
    emit picked(id, lat, lon);
    return true;
}

} // namespace makran
