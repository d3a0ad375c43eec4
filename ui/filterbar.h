#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;

namespace makran {

class IncidentCatalog;

// The filter controls above the map: free text over reports and quotes, date range, event types,
// actor, province, country. They write the catalog's FilterState and follow it back (the timeline
// brush changes the dates here too).
class FilterBar : public QWidget {
    Q_OBJECT
  public:
    explicit FilterBar(IncidentCatalog& catalog, QWidget* parent = nullptr);

    QLineEdit* searchField() const { return m_search; }
    void applyTextNow(); // skips the typing delay (tests, Enter)

  private:
    void follow();
    void refreshChoices(); // provinces, countries and actors present in the database
    void updateTypeButton();
    void pushDates();

    IncidentCatalog& m_catalog;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchDelay = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QToolButton* m_types = nullptr;
    QMenu* m_typeMenu = nullptr;
    QComboBox* m_actor = nullptr;
    QComboBox* m_province = nullptr;
    QComboBox* m_country = nullptr;
    QToolButton* m_clear = nullptr;
    bool m_following = false;
};

} // namespace makran
