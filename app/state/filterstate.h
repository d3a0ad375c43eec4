#pragma once

#include "state/incidentfilter.h"

#include <QObject>

namespace makran {

// The one filter every view follows. Views change it through the setters and react to changed().
class FilterState : public QObject {
    Q_OBJECT
public:
    enum Change {
        NoChange = 0,
        TextChanged = 1 << 0,
        DateRangeChanged = 1 << 1,
        EventTypesChanged = 1 << 2,
        ActorChanged = 1 << 3,
        Admin1Changed = 1 << 4,
        CountryChanged = 1 << 5,
    };
    Q_DECLARE_FLAGS(Changes, Change)
    Q_FLAG(Changes)

    explicit FilterState(QObject* parent = nullptr) : QObject(parent) {}

    const IncidentFilter& filter() const { return m_filter; }
    void setFilter(const IncidentFilter& filter);
    void setText(const QString& text);
    void setDateRange(const QDate& from, const QDate& to);
    void clearDateRange() { setDateRange(QDate(), QDate()); }
    void setEventTypes(const QSet<QString>& types);
    void setActor(const QString& actor);
    void setAdmin1(const QString& admin1);
    void setCountry(const QString& country);
    void clear() { setFilter(IncidentFilter()); }

signals:
    void changed(makran::FilterState::Changes what);

private:
    IncidentFilter m_filter;
};

} // namespace makran

Q_DECLARE_OPERATORS_FOR_FLAGS(makran::FilterState::Changes)
