#pragma once

#include "model/incident.h"

#include <QWidget>

#include <optional>

class QLabel;
class QMenu;
class QPushButton;
class QSplitter;
class QTabBar;
class QToolButton;
class QTextBrowser;
class QUrl;

namespace makran {

class IncidentCatalog;

// The current incident's summary, fields and quotes, and the full text of every report it came from
// with the evidence highlighted in one style per kind (date, place, actors, quotes). Clicking a quote
// shows it in the text.
class QuotePanel : public QWidget {
    Q_OBJECT
  public:
    explicit QuotePanel(IncidentCatalog& catalog, QWidget* parent = nullptr);

    qint64 incidentId() const { return m_incidentId; }
    int reportCount() const;
    void showReport(int index); // among the incident's source reports
    int currentReport() const;
    void showQuote(int quoteIndex); // scrolls the report text to incident.quotes[quoteIndex]
    QTextBrowser* card() const { return m_card; }
    QTextBrowser* reportView() const { return m_text; }
    qint64 shownReportId() const { return m_report ? m_report->id : 0; }

    // The words selected in the report text as code points [start, end) of the shown report (what the
    // annotation service stores); nullopt when nothing is selected.
    std::optional<std::pair<qint64, qint64>> selectedSpan() const;
    QPushButton* addQuoteButton() const { return m_addQuote; }
    QToolButton* evidenceButton() const { return m_evidence; }
    // The evidence fields offered for a selection, as (field name, label).
    static QList<std::pair<QString, QString>> evidenceFields();

  signals:
    // The user asked to annotate the selected words; the window's wiring decides what that does.
    void addQuoteRequested(qint64 incidentId, qint64 reportId, qint64 start, qint64 end);
    void evidenceRequested(qint64 incidentId, const QString& field, qint64 reportId, qint64 start,
                           qint64 end);

  private:
    void follow();
    void renderCard(const Incident& incident, int selectedCount);
    void renderReport();
    void onAnchor(const QUrl& url);
    void updateSelectionActions();
    void requestQuote();
    void requestEvidence(const QString& field);
    void fillEvidenceMenu(QMenu* menu);
    void showTextMenu(const QPoint& pos);
    // Where a quote lies in the shown report, as UTF-16 [start, end); nullopt when not in this report.
    std::optional<std::pair<int, int>> locateQuote(const Quote& quote) const;

    IncidentCatalog& m_catalog;
    qint64 m_incidentId = 0;
    std::optional<Incident> m_incident;
    QList<qint64> m_reportIds;
    std::optional<Report> m_report;
    QSplitter* m_splitter = nullptr;
    QTextBrowser* m_card = nullptr;
    QTabBar* m_tabs = nullptr;
    QWidget* m_reportPane = nullptr;
    QLabel* m_reportTitle = nullptr;
    QTextBrowser* m_text = nullptr;
    QPushButton* m_addQuote = nullptr;
    QToolButton* m_evidence = nullptr;
};

// Converts code point offsets (as stored with evidence and quotes) to UTF-16 indices into text.
class CodePointIndex {
  public:
    explicit CodePointIndex(const QString& text);
    int toUtf16(qint64 codePoint) const; // clamped to the text
  private:
    std::vector<int> m_offsets; // code point i starts at UTF-16 index m_offsets[i]
};

} // namespace makran
