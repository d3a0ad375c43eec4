#pragma once

#include "export/exporter.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace makran {

class Workspace;

// File ▸ Export…: a format, a file, a title and author for the briefings, and what to export: the
// incidents the current filter shows or the selected ones. Runs the core exporter, which replaces the
// file atomically, so a failure leaves no broken file; the message line says what happened.
class ExportDialog : public QDialog {
    Q_OBJECT
  public:
    enum class Scope { Filter, Selection };

    explicit ExportDialog(Workspace& workspace, QWidget* parent = nullptr);

    void setFormat(ExportFormat format);
    ExportFormat format() const;
    void setOutputPath(const QString& path);
    QString outputPath() const;
    void setScope(Scope scope);
    Scope scope() const;
    void setBriefingTitle(const QString& title);
    void setAuthor(const QString& author);

    // What the export would contain now, in the order the list shows them.
    QList<qint64> incidentIds() const;
    // Exports with the current settings; the message line (message()) says what happened.
    bool exportNow();
    QString message() const;

  private:
    void updateState();
    void chooseFile();
    ExportRequest buildRequest(const QList<qint64>& ids) const;

    Workspace& m_workspace;
    QComboBox* m_format = nullptr;
    QLineEdit* m_path = nullptr;
    QLineEdit* m_title = nullptr;
    QLineEdit* m_author = nullptr;
    QRadioButton* m_byFilter = nullptr;
    QRadioButton* m_bySelection = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace makran
