#include "state/incidentfilter.h"

#include "store/store.h"

#include <algorithm>

namespace makran {

bool IncidentFilter::isEmpty() const
{
    return text.trimmed().isEmpty() && !from.isValid() && !to.isValid() && eventTypes.isEmpty() &&
           actor.isEmpty() && admin1.isEmpty() && country.isEmpty();
}

bool IncidentFilter::matchesFields(const Incident& incident) const
{
    if (from.isValid() || to.isValid()) {
        if (!incident.date.isValid())
            return false;
        const QDate end = incident.dateEnd.isValid() ? incident.dateEnd : incident.date;
        // An uncertain date (week, month) matches when its range overlaps the filter's.
        if (from.isValid() && end < from)
            return false;
        if (to.isValid() && incident.date > to)
            return false;
    }
    if (!eventTypes.isEmpty() && !eventTypes.contains(incident.eventType))
        return false;
    if (!admin1.isEmpty() && incident.place.admin1.compare(admin1, Qt::CaseInsensitive) != 0)
        return false;
    if (!country.isEmpty() && incident.place.country.compare(country, Qt::CaseInsensitive) != 0)
        return false;
    if (!actor.isEmpty()) {
        bool found = false;
        for (const ActorRef& ref : incident.actors)
            found = found || ref.name.contains(actor, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    return true;
}

TextMatcher::TextMatcher(const Store& store, const QString& query, QString* error)
    : m_active(!query.trimmed().isEmpty())
{
    if (!m_active)
        return;
    m_incidents = store.incidentsMatchingText(query, error);
    m_reports = store.reportsMatchingText(query, error);
}

bool TextMatcher::matches(const Incident& incident) const
{
    if (!m_active || m_incidents.contains(incident.id))
        return true;
    return std::any_of(incident.sourceReportIds.begin(), incident.sourceReportIds.end(),
                       [this](qint64 report) { return m_reports.contains(report); });
}

} // namespace makran
