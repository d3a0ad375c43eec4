#pragma once

#include <QAbstractTableModel>
#include <QHash>

namespace makran {

class IncidentCatalog;
struct Incident;

// The catalog's visible incidents as a table, one row per incident. The model sorts itself on typed
// keys (dates as Julian days, counts as numbers): a QSortFilterProxyModel calling data() per comparison
// took seconds for 100,000 rows. Missing values read as words, never as a blank.
class IncidentTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column {
        DateColumn,
        TypeColumn,
        PlaceColumn,
        ProvinceColumn,
        ActorsColumn,
        FatalitiesColumn,
        SourcesColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, SortRole };

    explicit IncidentTableModel(IncidentCatalog& catalog, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    qint64 idAt(int row) const;
    int rowOf(qint64 id) const; // -1 when not visible

  private:
    void reset();
    void refreshRows(const QList<qint64>& ids); // an edit changed these incidents: same rows, new values
    void sortRows(); // m_order by m_sortColumn / m_sortOrder; m_rows follows
    QVariant display(const Incident& incident, int column) const;
    QVariant sortKey(const Incident& incident, int column) const;

    IncidentCatalog& m_catalog;
    QList<qint64> m_order; // ids in display order
    QHash<qint64, int> m_rows;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace makran
