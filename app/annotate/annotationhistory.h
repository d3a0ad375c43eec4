#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace makran {

class AnnotationStore;

// One thing an analyst did to an incident, undone or not, worded for people.
struct HistoryEntry {
    QDateTime at; // UTC
    QString author;
    QString action; // set, note, tags, link, unlink, merge, split, separate, quote, evidence
    QString field;  // set, evidence: the field; link, unlink: how the incidents relate
    QString oldValue; // set, tags: the value before ("(none)" when empty)
    QString newValue; // set: the value after; otherwise what was added, linked or separated
    bool undone = false;
    QString undoneBy;
    QDateTime undoneAt;

    // "2024-05-01 10:00:03 UTC alice: set place: Panjgur (Balochistan, PK) -> Turbat (Balochistan, PK)"
    // with " [undone by bob 2024-05-01 10:02:00 UTC]" when undone.
    QString describe() const;
};

class AnnotationHistory {
public:
    // Every annotation row about the incident (including links and merges naming it from the other side),
    // oldest first.
    static QList<HistoryEntry> of(const AnnotationStore& annotations, const QString& incidentKey);
};

} // namespace makran
