#pragma once

#include "model/incident.h"

#include <QWidget>

#include <optional>

class QLabel;
class QTabBar;
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

  private:
    void follow();
    void renderCard(const Incident& incident, int selectedCount);
    void renderReport();
    void onAnchor(const QUrl& url);
    // Where a quote lies in the shown report, as UTF-16 [start, end); nullopt when not in this report.
    std::optional<std::pair<int, int>> locateQuote(const Quote& quote) const;

    IncidentCatalog& m_catalog;
    qint64 m_incidentId = 0;
    std::optional<Incident> m_incident;
    QList<qint64> m_reportIds;
    std::optional<Report> m_report;
    QTextBrowser* m_card = nullptr;
    QTabBar* m_tabs = nullptr;
    QWidget* m_reportPane = nullptr;
    QLabel* m_reportTitle = nullptr;
    QTextBrowser* m_text = nullptr;
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
