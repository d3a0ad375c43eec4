#pragma once

#include "annotate/annotatedincident.h"

#include <QStringList>
#include <QWidget>

#include <optional>
#include <utility>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class QTreeWidget;

namespace makran {

class PlaceField;
class Workspace;

// Edits the current incident through the workspace's AnnotationService, so every change is one step on
// the undo stack and recorded with its author. Each row shows the analyst's value and, when it differs,
// the extracted one beside it with a button to go back to it; fields the engine was unsure of carry an
// amber marker. Below: notes, tags, links, competing claims and the incident's history. Follows the
// catalog's selection and reloads (after every edit, undo and redo); talks to no other view.
class IncidentEditor : public QWidget {
    Q_OBJECT
  public:
    explicit IncidentEditor(Workspace& workspace, QWidget* parent = nullptr);

    qint64 incidentId() const { return m_item ? m_item->incident.id : 0; }
    const std::optional<AnnotatedIncident>& item() const { return m_item; }
    QString lastError() const { return m_lastError; }

    // One editor per field, for tests and for focus: "date", "date_end", "date_precision", "place",
    // "event_type", "sub_event_type", "actors", "fatalities", "fatalities_high", "injured", "summary",
    // "confidence", "status", "tags", "note".
    QWidget* editorFor(const QString& field) const;
    QToolButton* revertButtonFor(const QString& field) const; // of the row holding the field
    QLabel* extractedLabelFor(const QString& field) const;
    QLabel* confidenceMarkerFor(const QString& field) const;
    QPushButton* pickOnMapButton() const { return m_pick; }
    QTreeWidget* historyView() const { return m_history; }
    QTreeWidget* claimsView() const { return m_claims; }

    // Commits what the row holding `field` shows now (what editingFinished/activated do).
    bool commitRow(const QString& field);
    void refresh();

  signals:
    void statusMessage(const QString& message);

  private:
    // A row of the form: one or more fields edited together, the extracted value(s), a revert button
    // and the low-confidence marker.
    struct Row {
        QStringList fields;
        QString evidenceField; // the Evidence::field its confidence comes from; "" for none
        QLabel* marker = nullptr;
        QLabel* extracted = nullptr;
        QToolButton* revert = nullptr;
    };

    void buildForm(QGridLayout* grid);
    Row& addRow(QGridLayout* grid, const QString& label, QWidget* editor, const QStringList& fields,
                const QString& evidenceField);
    const Row* rowOf(const QString& field) const;
    QList<std::pair<QString, QString>> inputsOf(const Row& row) const;
    bool commit(const QList<std::pair<QString, QString>>& inputs);
    bool revertRow(const Row& row);
    bool commitTags();
    bool addNote();
    void fillSubEventTypes(const QString& eventType, const QString& current);
    void fillFields();
    void fillRowStates();
    void fillNotesAndLinks();
    void fillClaims();
    void fillHistory();
    bool report(bool ok, const QString& error);
    void setEnabledAll(bool enabled);

    Workspace& m_workspace;
    std::optional<AnnotatedIncident> m_item;
    QString m_lastError;
    bool m_filling = false;

    QLabel* m_header = nullptr;
    QLabel* m_error = nullptr;
    QWidget* m_body = nullptr;
    QLineEdit* m_date = nullptr;
    QLineEdit* m_dateEnd = nullptr;
    QComboBox* m_precision = nullptr;
    PlaceField* m_place = nullptr;
    QPushButton* m_pick = nullptr;
    QComboBox* m_eventType = nullptr;
    QComboBox* m_subEventType = nullptr;
    QLineEdit* m_actors = nullptr;
    QLineEdit* m_fatalities = nullptr;
    QLineEdit* m_fatalitiesHigh = nullptr;
    QLineEdit* m_injured = nullptr;
    QLineEdit* m_summary = nullptr;
    QSpinBox* m_confidence = nullptr;
    QComboBox* m_status = nullptr;
    QLineEdit* m_tags = nullptr;
    QPlainTextEdit* m_note = nullptr;
    QLabel* m_notes = nullptr;
    QLabel* m_links = nullptr;
    QTreeWidget* m_claims = nullptr;
    QTreeWidget* m_history = nullptr;
    QList<Row> m_rows;
};

} // namespace makran
