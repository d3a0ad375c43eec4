#pragma once

#include "model/incident.h"

#include <QDate>
#include <QSet>
#include <QString>

namespace makran {

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

} // namespace makran
