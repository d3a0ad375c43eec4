#pragma once

#include <QAbstractTableModel>
#include <QHash>

namespace makran {

class IncidentCatalog;
struct Incident;

// The catalog's visible incidents as a table: one row per incident, in the catalog's order. SortRole
// gives raw values (dates as Julian days, counts as numbers) so a proxy sorts them correctly; missing
// values sort last and read as words, never as a blank.
class IncidentTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { DateColumn, TypeColumn, PlaceColumn, ProvinceColumn, ActorsColumn, FatalitiesColumn,
                  SourcesColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    explicit IncidentTableModel(IncidentCatalog& catalog, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    qint64 idAt(int row) const;
    int rowOf(qint64 id) const; // -1 when not visible

private:
    void reset();
    QVariant display(const Incident& incident, int column) const;
    QVariant sortKey(const Incident& incident, int column) const;

    IncidentCatalog& m_catalog;
    QHash<qint64, int> m_rows;
};

} // namespace makran
