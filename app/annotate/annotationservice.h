#pragma once

#include "annotate/annotatedincident.h"
#include "annotate/annotationhistory.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

class QUndoStack;

namespace makran {

class AnnotationCommand;
class AnnotationStore;

// What the GUI and the CLI call to annotate incidents (by their current row id). Every call validates
// first and records nothing when it returns false; *error then says precisely why ("fatalities: 'abc' is
// not a whole number", "no incident with id 99"). With an undo stack every change is one undoable step;
// without one (the CLI) it is written at once.
//
// Neither the AnnotationStore nor the stack is owned; both must outlive the service.
class AnnotationService {
public:
    explicit AnnotationService(AnnotationStore& annotations, QUndoStack* stack = nullptr);

    // The login name ($USER, or %USERNAME% on Windows), "unknown" when neither is set.
    static QString defaultAuthor();
    void setAuthor(const QString& author) { m_author = author; }
    QString author() const { return m_author; }

    // Fields by IncidentFields' names and input syntax. Several at once are one step, checked together
    // (a date's end may not precede it, fatalities_high may not be below fatalities, a sub-event type must
    // belong to the event type); a new `date` of a day-precision incident moves date_end with it.
    bool setField(qint64 incidentId, const QString& field, const QString& value, QString* error);
    bool setFields(qint64 incidentId, const QList<std::pair<QString, QString>>& values, QString* error);
    bool revertField(qint64 incidentId, const QString& field, QString* error); // back to the extracted value
    bool setPlace(qint64 incidentId, const Place& place, QString* error);     // e.g. a click on the map
    bool setStatus(qint64 incidentId, const QString& status, QString* error);

    bool addNote(qint64 incidentId, const QString& text, QString* error);
    bool setTags(qint64 incidentId, const QStringList& tags, QString* error);
    bool addTags(qint64 incidentId, const QStringList& tags, QString* error);
    bool removeTags(qint64 incidentId, const QStringList& tags, QString* error);

    // mergedId disappears into keptId; unmerge() undoes that later (not only through the undo stack).
    bool merge(qint64 keptId, qint64 mergedId, QString* error);
    bool unmerge(qint64 keptId, qint64 mergedId, QString* error);
    // Splits a source report off an incident: a report that came with a merged incident takes that
    // incident out again; any other source (not the incident's own report) is dropped from its sources.
    bool separateReport(qint64 incidentId, qint64 reportId, QString* error);

    // kind: retaliation-for, same-event-as, follow-up-to (read "incidentId is <kind> otherId").
    bool link(qint64 incidentId, qint64 otherId, const QString& kind, QString* error);
    bool unlink(qint64 incidentId, qint64 otherId, const QString& kind, QString* error);

    // A selection [start, end) in code points of one of the incident's source reports.
    bool addQuote(qint64 incidentId, qint64 reportId, qint64 start, qint64 end, const QString& speaker,
                  QString* error);
    // Evidence is a span of the incident's own report; `field` is an IncidentFields name or an evidence
    // field of the model (date, place, actor, event_type, fatalities, quote, ...).
    bool markEvidence(qint64 incidentId, const QString& field, qint64 reportId, qint64 start, qint64 end,
                      const QString& reasoning, QString* error);

    // The incident as it stands now (also one merged into another, with mergedIntoId set).
    std::optional<AnnotatedIncident> incident(qint64 incidentId, QString* error = nullptr) const;
    QList<HistoryEntry> history(qint64 incidentId, QString* error = nullptr) const;

    // What the last successful call changed, one line each ("place: Panjgur (Balochistan, PK) -> Turbat
    // (Balochistan, PK)"); a line ending in "(unchanged)" when it asked for what was already there.
    const QStringList& lastChanges() const { return m_changes; }

private:
    bool run(AnnotationCommand* command, QString* error);
    // Checks parsed values (stored form) together and records the ones that change something.
    bool commitFields(qint64 incidentId, const AnnotatedIncident& current, QList<std::pair<QString, QString>> parsed,
                      QString* error);
    std::optional<QString> keyOf(qint64 incidentId, QString* error) const;
    bool changeTags(qint64 incidentId, const QStringList& tags, int mode, QString* error);
    QString directParent(const QString& key) const;
    // Whether the link from -> to of this kind is live, as recorded in that direction.
    bool isLinked(const QString& from, const QString& to, const QString& kind) const;
    // Live either way for a same-event link, else as recorded.
    bool findLink(const QString& key, const QString& otherKey, const QString& kind) const;
    // link() and unlink() take the same arguments: both incidents' keys and a kind of link.
    struct LinkRequest {
        QString key;
        QString otherKey;
        QString kind;
        QString label; // "retaliation for"
    };
    std::optional<LinkRequest> linkRequest(const QString& verb, qint64 incidentId, qint64 otherId,
                                           const QString& kindText, QString* error) const;

    AnnotationStore& m_annotations;
    QUndoStack* m_stack = nullptr;
    QString m_author;
    QStringList m_changes;
};

} // namespace makran
