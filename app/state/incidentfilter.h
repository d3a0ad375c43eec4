#pragma once

#include "model/incident.h"

#include <QDate>
#include <QSet>
#include <QString>

namespace makran {

class Store;

// What the user asked to see. Empty members do not restrict.
struct IncidentFilter {
    QString text; // free text over report text and quotes (matched by the store's full-text index)
    QDate from;
    QDate to;
    QSet<QString> eventTypes; // ACLED event_type names
    QString actor;            // case-insensitive substring of any actor name
    QString admin1;
    QString country; // ISO2

    bool isEmpty() const;
    // Everything but the free text, which needs the store; an incident with no date passes a date
    // range only when the range is open on both sides, so undated incidents are never silently dated.
    bool matchesFields(const Incident& incident) const;
    friend bool operator==(const IncidentFilter&, const IncidentFilter&) = default;
};

// The free-text part of a filter, for incidents as analysts left them: an incident matches when one of
// its source reports holds every word of the query (a merged incident has the absorbed reports among its
// sources), or one of its extracted quotes does. The window's filter and `makran-cli export --query` use it.
class TextMatcher {
  public:
    TextMatcher() = default; // no query: matches every incident
    // An empty query matches everything, one without words nothing; *error receives the index's complaint.
    TextMatcher(const Store& store, const QString& query, QString* error = nullptr);

    bool isActive() const { return m_active; }
    bool matches(const Incident& incident) const;

  private:
    bool m_active = false;
    QSet<qint64> m_incidents; // by report or quote, as Store::incidentsMatchingText()
    QSet<qint64> m_reports;
};

} // namespace makran
