#pragma once

#include <QObject>

namespace makran {

// "Pick on map": the editor asks for the next map click to place an incident, the map delivers the
// click here, and whoever owns the annotation service acts on picked(). Neither view knows the other.
class MapPickState : public QObject {
    Q_OBJECT
public:
    explicit MapPickState(QObject* parent = nullptr) : QObject(parent) {}

    bool isActive() const { return m_incidentId != 0; }
    qint64 incidentId() const { return m_incidentId; } // 0 when no pick is pending

    void request(qint64 incidentId); // the next click places this incident; replaces a pending request
    void cancel();
    // The map was clicked at (lat, lon): emits picked() for the pending incident and ends the pick mode.
    // Returns false (and does nothing) when no pick is pending.
    bool deliver(double lat, double lon);

signals:
    void activeChanged(bool active);
    void picked(qint64 incidentId, double lat, double lon);

private:
    qint64 m_incidentId = 0;
};

} // namespace makran
