#pragma once

#include "model/incident.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QAction;
class QMenu;
class QWidget;

namespace makran {

class Workspace;

// The annotation commands that need the user's word or a second incident: merge, separate a report,
// link, add a quote, mark evidence, place an incident where the map was clicked. Each goes through the
// workspace's AnnotationService (so it lands on the undo stack) and reports failures in statusMessage()
// and, when interactive, in a message box. The window's Incident menu and the source panel's text
// actions call these; no view calls another.
class IncidentActions : public QObject {
    Q_OBJECT
  public:
    explicit IncidentActions(Workspace& workspace, QWidget* dialogParent = nullptr);

    void setInteractive(bool interactive) { m_interactive = interactive; }

    // Fills the Incident menu (merge, separate, link ▸); entries enable themselves with the selection.
    void populateMenu(QMenu* menu);

    // With two or more incidents selected the others merge into the current one; with one, asks for the
    // id of the incident to merge into it.
    bool mergeSelected();
    // Asks which of the current incident's other source reports to separate.
    bool separateReport();
    // The current incident is `kind` the other selected one (or one asked for by id).
    bool linkSelected(const QString& kind);

    // A span [start, end) of report text, in code points. addQuote() asks for the speaker first.
    bool addQuote(qint64 incidentId, qint64 reportId, qint64 start, qint64 end);
    bool addQuoteWithSpeaker(qint64 incidentId, qint64 reportId, qint64 start, qint64 end,
                             const QString& speaker);
    bool markEvidence(qint64 incidentId, const QString& field, qint64 reportId, qint64 start, qint64 end);

    // A map click while picking: the nearest gazetteer town within 25 km names the place (geo_precision 1
    // within 5 km, 2 "near" it beyond); the clicked position is kept.
    bool placeAt(qint64 incidentId, double lat, double lon);
    static Place placeNear(double lat, double lon);

    QString lastError() const { return m_lastError; }

  signals:
    void statusMessage(const QString& message);

  private:
    bool succeeded(const QString& done);
    bool failed(const QString& title, const QString& error);
    qint64 otherSelectedOrAsk(const QString& title, const QString& question);
    void updateEnabled();

    Workspace& m_workspace;
    QPointer<QWidget> m_dialogParent;
    bool m_interactive = true;
    QString m_lastError;
    QList<QPointer<QAction>> m_needsOne;     // enabled with a current incident
    QList<QPointer<QAction>> m_needsSources; // enabled when the current one has other source reports
};

} // namespace makran
