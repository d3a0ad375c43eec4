#include "state/filterstate.h"

namespace makran {

void FilterState::setFilter(const IncidentFilter& filter)
{
    Changes what;
    if (filter.text != m_filter.text)
        what |= TextChanged;
    if (filter.from != m_filter.from || filter.to != m_filter.to)
        what |= DateRangeChanged;
    if (filter.eventTypes != m_filter.eventTypes)
        what |= EventTypesChanged;
    if (filter.actor != m_filter.actor)
        what |= ActorChanged;
    if (filter.admin1 != m_filter.admin1)
        what |= Admin1Changed;
    if (filter.country != m_filter.country)
        what |= CountryChanged;
    if (!what)
        return;
    m_filter = filter;
    emit changed(what);
}

void FilterState::setText(const QString& text)
{
    IncidentFilter next = m_filter;
    next.text = text;
    setFilter(next);
}

void FilterState::setDateRange(const QDate& from, const QDate& to)
{
    IncidentFilter next = m_filter;
    next.from = from;
    next.to = to;
    setFilter(next);
}

void FilterState::setEventTypes(const QSet<QString>& types)
{
    IncidentFilter next = m_filter;
    next.eventTypes = types;
    setFilter(next);
}

void FilterState::setActor(const QString& actor)
{
    IncidentFilter next = m_filter;
    next.actor = actor;
    setFilter(next);
}

void FilterState::setAdmin1(const QString& admin1)
{
    IncidentFilter next = m_filter;
    next.admin1 = admin1;
    setFilter(next);
}

void FilterState::setCountry(const QString& country)
{
    IncidentFilter next = m_filter;
    next.country = country;
    setFilter(next);
}

} // namespace makran
