#pragma once

#include <QTableView>

namespace makran {

class IncidentCatalog;
class IncidentTableModel;

// The sortable incident list. Its row selection and the catalog's selection mirror each other; a guard
// keeps the echo of one from re-entering the other.
class IncidentListView : public QTableView {
    Q_OBJECT
  public:
    explicit IncidentListView(IncidentCatalog& catalog, QWidget* parent = nullptr);

    IncidentTableModel* incidentModel() const { return m_model; }
    qint64 idAtRow(int viewRow) const;
    int viewRowOf(qint64 id) const; // -1 when not listed

  private:
    void pushSelectionToCatalog();
    void followCatalogSelection();

    IncidentCatalog& m_catalog;
    IncidentTableModel* m_model = nullptr;
    bool m_syncing = false;
};

} // namespace makran
