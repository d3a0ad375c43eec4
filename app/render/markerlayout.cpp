#include "render/markerlayout.h"

#include "render/eventstyle.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

namespace makran {

namespace {

quint64 cellKey(qint64 x, qint64 y, bool approximate)
{
    return (quint64(quint32(qint32(x))) << 32) ^ (quint64(quint32(qint32(y))) << 1) ^ quint64(approximate);
}

double clusterRadius(int count)
{
    return 8.0 + 3.0 * std::log2(double(std::max(1, count)));
}

} // namespace

QList<qint64> MarkerLayout::idsOf(const MarkerItem& item) const
{
    QList<qint64> result;
    result.reserve(item.count);
    for (int i = item.first; i < item.first + item.count; ++i)
        result << m_ids[size_t(i)];
    return result;
}

void MarkerLayout::addCluster(const std::vector<const MapIncident*>& members, QPointF pos, bool approximate,
                              const QSet<qint64>& selected)
{
    MarkerItem item;
    item.pos = item.anchor = pos;
    item.cluster = true;
    item.approximate = approximate;
    item.first = int(m_ids.size());
    item.count = int(members.size());
    item.radius = clusterRadius(item.count);
    item.styleCounts.assign(size_t(EventStyles::all().size()) + 1, 0);
    for (const MapIncident* incident : members) {
        m_ids.push_back(incident->id);
        item.styleCounts[std::min(size_t(incident->style), item.styleCounts.size() - 1)]++;
        item.selected = item.selected || selected.contains(incident->id);
    }
    item.style =
        int(std::max_element(item.styleCounts.begin(), item.styleCounts.end()) - item.styleCounts.begin());
    m_items.push_back(std::move(item));
}

void MarkerLayout::addGroup(const std::vector<const MapIncident*>& group, QPointF pos,
                            const QSet<qint64>& selected)
{
    const bool approximate = group.front()->approximate;
    if (group.size() > size_t(kMaxFan)) {
        addCluster(group, pos, approximate, selected);
        return;
    }
    // Fan co-located markers out on a ring so each stays visible and clickable.
    const double ringRadius = group.size() == 1 ? 0.0 : 8.0 + 2.2 * double(group.size());
    for (size_t i = 0; i < group.size(); ++i) {
        const double angle =
            -std::numbers::pi / 2 + 2.0 * std::numbers::pi * double(i) / double(group.size());
        MarkerItem item;
        item.anchor = pos;
        item.pos = pos + QPointF(ringRadius * std::cos(angle), ringRadius * std::sin(angle));
        item.radius = group[i]->radius;
        item.style = group[i]->style;
        item.approximate = approximate;
        item.selected = selected.contains(group[i]->id);
        item.first = int(m_ids.size());
        m_ids.push_back(group[i]->id);
        m_items.push_back(std::move(item));
    }
}

void MarkerLayout::build(const std::vector<MapIncident>& incidents, const MapCamera& camera,
                         const QSet<qint64>& selected)
{
    m_items.clear();
    m_ids.clear();
    const QRectF view = QRectF(QPointF(0, 0), camera.viewport()).adjusted(-40, -40, 40, 40);
    std::vector<std::pair<QPointF, const MapIncident*>> shown;
    shown.reserve(incidents.size());
    for (const MapIncident& incident : incidents) {
        const QPointF pos = camera.toScreen(incident.lat, incident.lon);
        if (view.contains(pos))
            shown.emplace_back(pos, &incident);
    }
    m_inView = int(shown.size());
    m_binned = m_inView > kMaxIndividual;

    // Group by pixel (fan-out / cluster) or by grid cell (binning); std::map keeps the order stable.
    const double cell = m_binned ? kCellSize : 1.0;
    std::map<quint64, std::vector<size_t>> groups;
    std::vector<const MapIncident*> selectedAlone;
    for (size_t i = 0; i < shown.size(); ++i) {
        const auto& [pos, incident] = shown[i];
        if (m_binned && selected.contains(incident->id)) {
            selectedAlone.push_back(incident);
            continue;
        }
        const qint64 cx = qint64(std::floor(pos.x() / cell));
        const qint64 cy = qint64(std::floor(pos.y() / cell));
        groups[cellKey(cx, cy, incident->approximate)].push_back(i);
    }
    std::vector<const MapIncident*> members;
    for (const auto& [key, indices] : groups) {
        members.clear();
        QPointF sum;
        for (size_t i : indices) {
            members.push_back(shown[i].second);
            sum += shown[i].first;
        }
        const QPointF centre = sum / double(indices.size());
        if (m_binned && members.size() > 1)
            addCluster(members, centre, false, selected);
        else
            addGroup(members, centre, selected);
    }
    for (const MapIncident* incident : selectedAlone)
        addGroup({incident}, camera.toScreen(incident->lat, incident->lon), selected);

    // Big markers first so small ones on top stay visible; selected ones last.
    std::stable_sort(m_items.begin(), m_items.end(), [](const MarkerItem& a, const MarkerItem& b) {
        if (a.selected != b.selected)
            return !a.selected;
        return a.radius > b.radius;
    });
}

QList<int> MarkerLayout::itemsAt(QPointF point, double slack) const
{
    std::vector<std::pair<double, int>> hits;
    for (int i = int(m_items.size()) - 1; i >= 0; --i) {
        const MarkerItem& item = m_items[size_t(i)];
        const double distance = std::hypot(item.pos.x() - point.x(), item.pos.y() - point.y());
        if (distance <= item.radius + slack)
            hits.emplace_back(distance, i);
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<int> result;
    for (const auto& hit : hits)
        result << hit.second;
    return result;
}

} // namespace makran
