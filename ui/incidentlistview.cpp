#include "incidentlistview.h"

#include "incidenttablemodel.h"
#include "state/incidentcatalog.h"

#include <QHeaderView>
#include <QScopedValueRollback>

namespace makran {

IncidentListView::IncidentListView(IncidentCatalog& catalog, QWidget* parent)
    : QTableView(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("incidentList"));
    m_model = new IncidentTableModel(catalog, this);
    setModel(m_model);
    setSortingEnabled(true);
    sortByColumn(IncidentTableModel::DateColumn, Qt::DescendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setSectionResizeMode(IncidentTableModel::ActorsColumn, QHeaderView::Stretch);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    setColumnWidth(IncidentTableModel::DateColumn, em * 9);
    setColumnWidth(IncidentTableModel::TypeColumn, em * 11);
    setColumnWidth(IncidentTableModel::PlaceColumn, em * 8);
    setColumnWidth(IncidentTableModel::ProvinceColumn, em * 8);
    setColumnWidth(IncidentTableModel::FatalitiesColumn, em * 4);
    setColumnWidth(IncidentTableModel::SourcesColumn, em * 4);

    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &IncidentListView::pushSelectionToCatalog);
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            &IncidentListView::pushSelectionToCatalog);
    connect(&m_catalog.selection(), &SelectionState::changed, this,
            &IncidentListView::followCatalogSelection);
    // A reset clears the view's selection and a sort moves rows; put the catalog's selection back.
    connect(m_model, &QAbstractItemModel::modelReset, this, &IncidentListView::followCatalogSelection);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &IncidentListView::followCatalogSelection);
}

qint64 IncidentListView::idAtRow(int viewRow) const
{
    return m_model->idAt(viewRow);
}

int IncidentListView::viewRowOf(qint64 id) const
{
    return m_model->rowOf(id);
}

void IncidentListView::pushSelectionToCatalog()
{
    if (m_syncing)
        return;
    const QScopedValueRollback<bool> guard(m_syncing, true);
    QList<qint64> ids;
    for (const QModelIndex& index : selectionModel()->selectedRows())
        ids << index.data(IncidentTableModel::IdRole).toLongLong();
    const qint64 current =
        currentIndex().isValid() && selectionModel()->isRowSelected(currentIndex().row(), {})
            ? currentIndex().data(IncidentTableModel::IdRole).toLongLong()
            : 0;
    if (current && ids.removeAll(current) > 0)
        ids.prepend(current); // selectMany makes the first one current
    m_catalog.selection().selectMany(ids);
}

void IncidentListView::followCatalogSelection()
{
    if (m_syncing)
        return;
    const QScopedValueRollback<bool> guard(m_syncing, true);
    QItemSelection selection;
    for (qint64 id : m_catalog.selection().selected()) {
        const int row = viewRowOf(id);
        if (row >= 0)
            selection.select(m_model->index(row, 0),
                             m_model->index(row, IncidentTableModel::ColumnCount - 1));
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    const int currentRow = viewRowOf(m_catalog.selection().current());
    if (currentRow >= 0) {
        const QModelIndex index = m_model->index(currentRow, 0);
        selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
        scrollTo(index);
    }
}

} // namespace makran
