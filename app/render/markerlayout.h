#pragma once

#include "render/mapcamera.h"

#include <QList>
#include <QPointF>
#include <QSet>

#include <vector>

namespace makran {

// One incident as the map sees it: where to put it and how to draw it.
struct MapIncident {
    qint64 id = 0;
    double lat = 0;
    double lon = 0;
    int style = 0;            // index into EventStyles::all() (== size() for unknown)
    double radius = 5;        // from fatalities
    bool approximate = false; // province-level (geo_precision 3): drawn at the province, with a halo
};

// A marker on screen: one incident, or a cluster standing for many.
struct MarkerItem {
    QPointF pos;    // where the marker is drawn
    QPointF anchor; // the true location (differs from pos when co-located markers are fanned out)
    double radius = 5;
    int style = 0;
    bool approximate = false;
    bool cluster = false;
    bool selected = false; // for clusters: any member selected
    int first = 0;         // members are ids()[first, first + count)
    int count = 1;
    std::vector<int> styleCounts; // clusters: members per style, for the ring chart
};

// Decides what markers a camera shows. Incidents on the same pixel are fanned out in a ring while few,
// and become one cluster with a count when many (thousands of reports on one town stay one pickable
// marker). With very many incidents in view, they are binned into a grid instead: drawing 100k
// antialiased markers costs ~150 ms, binning ~200x less (LIMITS.md). Selected incidents are always
// drawn on their own, so the selection never disappears into a cluster.
class MarkerLayout {
  public:
    static constexpr int kMaxIndividual = 2500; // markers in view before switching to grid bins
    static constexpr int kMaxFan = 10;          // co-located incidents fanned out; more form a cluster
    static constexpr double kCellSize = 36.0;   // grid bin size in pixels

    void build(const std::vector<MapIncident>& incidents, const MapCamera& camera,
               const QSet<qint64>& selected);
    const std::vector<MarkerItem>& items() const { return m_items; }
    const std::vector<qint64>& ids() const { return m_ids; }
    QList<qint64> idsOf(const MarkerItem& item) const;
    bool binned() const { return m_binned; }
    int inView() const { return m_inView; }

    // Items under point, nearest first (indices into items()).
    QList<int> itemsAt(QPointF point, double slack = 3.0) const;

  private:
    void addGroup(const std::vector<const MapIncident*>& group, QPointF pos, const QSet<qint64>& selected);
    void addCluster(const std::vector<const MapIncident*>& members, QPointF pos, bool approximate,
                    const QSet<qint64>& selected);

    std::vector<MarkerItem> m_items;
    std::vector<qint64> m_ids;
    bool m_binned = false;
    int m_inView = 0;
};

} // namespace makran
