#include "incidenttablemodel.h"

#include "render/eventstyle.h"
#include "state/incidentcatalog.h"

#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <limits>

namespace makran {

namespace {

QIcon markerIcon(int styleIndex)
{
    // One small pixmap per style, built on first use (icons need a GUI application).
    static QHash<int, QIcon> cache;
    auto it = cache.constFind(styleIndex);
    if (it != cache.constEnd())
        return *it;
    QPixmap pixmap(28, 28);
    pixmap.setDevicePixelRatio(2.0);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const EventStyle& style =
        styleIndex < EventStyles::all().size() ? EventStyles::all()[styleIndex] : EventStyles::unknown();
    EventStyles::drawMarker(painter, style, QPointF(7, 7), 4.2, QColor(40, 40, 40), 0.8);
    painter.end();
    return cache.insert(styleIndex, QIcon(pixmap)).value();
}

QString actorsText(const Incident& incident)
{
    QStringList names;
    for (const ActorRef& actor : incident.actors) {
        if (!names.contains(actor.name))
            names << actor.name;
    }
    return names.join(QStringLiteral("; "));
}

QString fatalitiesText(const Incident& incident)
{
    if (!incident.fatalities)
        return QString();
    if (incident.fatalitiesHigh && *incident.fatalitiesHigh > *incident.fatalities)
        return QStringLiteral("%1–%2").arg(*incident.fatalities).arg(*incident.fatalitiesHigh);
    return QString::number(*incident.fatalities);
}

} // namespace

IncidentTableModel::IncidentTableModel(IncidentCatalog& catalog, QObject* parent)
    : QAbstractTableModel(parent), m_catalog(catalog)
{
    connect(&m_catalog, &IncidentCatalog::visibleChanged, this, &IncidentTableModel::reset);
    connect(&m_catalog, &IncidentCatalog::incidentsChanged, this, &IncidentTableModel::refreshRows);
    reset();
}

void IncidentTableModel::refreshRows(const QList<qint64>& ids)
{
    // A changed value may move its row; sort() keeps the view's selection on the same incidents.
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
    for (qint64 id : ids) {
        const int row = rowOf(id);
        if (row >= 0)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

void IncidentTableModel::reset()
{
    beginResetModel();
    m_order = m_catalog.visibleIds();
    sortRows();
    endResetModel();
}

void IncidentTableModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    for (const QModelIndex& index : before)
        ids << idAt(index.row());
    sortRows();
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i)
        after << index(rowOf(ids[i]), before[i].column());
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void IncidentTableModel::sortRows()
{
    if (m_sortColumn >= 0 && m_sortColumn < ColumnCount) {
        // Keys computed once per row; numbers and strings compared without QVariant.
        struct Key {
            qint64 number = 0;
            QString text;
            qint64 id = 0;
        };
        const bool numeric =
            m_sortColumn == DateColumn || m_sortColumn == FatalitiesColumn || m_sortColumn == SourcesColumn;
        std::vector<Key> keys;
        keys.reserve(size_t(m_order.size()));
        for (qint64 id : m_order) {
            const Incident* incident = m_catalog.byId(id);
            Key key;
            key.id = id;
            if (incident) {
                const QVariant value = sortKey(*incident, m_sortColumn);
                if (numeric)
                    key.number = value.toLongLong();
                else
                    key.text = value.toString();
            }
            keys.push_back(std::move(key));
        }
        const bool descending = m_sortOrder == Qt::DescendingOrder;
        std::stable_sort(keys.begin(), keys.end(), [numeric, descending](const Key& a, const Key& b) {
            const int compared = numeric ? (a.number < b.number   ? -1
                                            : a.number > b.number ? 1
                                                                  : 0)
                                         : QString::compare(a.text, b.text);
            return descending ? compared > 0 : compared < 0;
        });
        for (size_t i = 0; i < keys.size(); ++i)
            m_order[qsizetype(i)] = keys[i].id;
    }
    m_rows.clear();
    m_rows.reserve(m_order.size());
    for (int row = 0; row < m_order.size(); ++row)
        m_rows.insert(m_order[row], row);
}

int IncidentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int IncidentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 IncidentTableModel::idAt(int row) const
{
    return row >= 0 && row < m_order.size() ? m_order[row] : 0;
}

int IncidentTableModel::rowOf(qint64 id) const
{
    return m_rows.value(id, -1);
}

QVariant IncidentTableModel::display(const Incident& incident, int column) const
{
    switch (column) {
    case DateColumn:
        if (!incident.date.isValid())
            return tr("no date");
        if (incident.datePrecision == DatePrecision::Week)
            return tr("%1 (week)").arg(incident.date.toString(Qt::ISODate));
        if (incident.datePrecision == DatePrecision::Month)
            return incident.date.toString(QStringLiteral("yyyy-MM")) + tr(" (month)");
        return incident.date.toString(Qt::ISODate);
    case TypeColumn:
        return incident.eventType.isEmpty() ? tr("unknown") : incident.eventType;
    case PlaceColumn: {
        if (incident.place.name.isEmpty())
            return tr("no place");
        QString text = incident.place.name;
        if (incident.place.geoPrecision == 3)
            text += tr(" (province only)");
        else if (!incident.place.hasCoordinates())
            text += tr(" (no coordinates)");
        return text;
    }
    case ProvinceColumn:
        return incident.place.admin1.isEmpty() ? incident.place.country : incident.place.admin1;
    case ActorsColumn:
        return actorsText(incident);
    case FatalitiesColumn:
        return incident.fatalities ? fatalitiesText(incident) : QStringLiteral("?");
    case SourcesColumn:
        return int(std::max<qsizetype>(1, incident.sourceReportIds.size()));
    }
    return {};
}

QVariant IncidentTableModel::sortKey(const Incident& incident, int column) const
{
    switch (column) {
    case DateColumn:
        // Undated sorts before every date, so the default newest-first order lists it last.
        return incident.date.isValid() ? incident.date.toJulianDay() : std::numeric_limits<qint64>::min();
    case FatalitiesColumn:
        return incident.fatalities ? *incident.fatalities : -1;
    case SourcesColumn:
        return int(incident.sourceReportIds.size());
    default:
        return display(incident, column).toString().toLower();
    }
}

QVariant IncidentTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    const Incident* incident = m_catalog.byId(idAt(index.row()));
    if (!incident)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*incident, index.column());
    case IdRole:
        return incident->id;
    case SortRole:
        return sortKey(*incident, index.column());
    case Qt::DecorationRole:
        return index.column() == TypeColumn ? QVariant(markerIcon(EventStyles::indexOf(incident->eventType)))
                                            : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= FatalitiesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == PlaceColumn && !incident->place.hasCoordinates())
            return tr("This incident has no coordinates; it is not on the map unless its province is known.");
        if (index.column() == FatalitiesColumn && !incident->fatalities)
            return tr("The report gave no number of people killed.");
        if (index.column() == DateColumn && !incident->date.isValid())
            return tr("The report gave no usable date; this incident is not on the timeline.");
        return incident->summary.isEmpty() ? QVariant() : QVariant(incident->summary);
    case Qt::ForegroundRole: {
        const bool missing = (index.column() == DateColumn && !incident->date.isValid()) ||
                             (index.column() == PlaceColumn && incident->place.name.isEmpty()) ||
                             (index.column() == FatalitiesColumn && !incident->fatalities);
        return missing ? QVariant(QColor(0x9A, 0x9A, 0x9A)) : QVariant();
    }
    default:
        return {};
    }
}

QVariant IncidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case TypeColumn:
        return tr("Type");
    case PlaceColumn:
        return tr("Place");
    case ProvinceColumn:
        return tr("Province");
    case ActorsColumn:
        return tr("Actors");
    case FatalitiesColumn:
        return tr("Killed");
    case SourcesColumn:
        return tr("Sources");
    }
    return {};
}

} // namespace makran
