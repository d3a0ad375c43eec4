#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace makran {

// Which table an annotation row lives in.
enum class AnnotationKind { FieldEdit, Note, Tags, Link, Merge, DetachedSource, Quote, Evidence };

// One row of any annotation table, read or to be written. One shape for all tables keeps the undo
// path and the history generic; the comments say which members each kind uses.
struct AnnotationRecord {
    AnnotationKind kind = AnnotationKind::FieldEdit;
    qint64 id = 0;
    QString incidentKey;
    QString otherKey; // Link: the other incident; Merge: the incident merged into incidentKey
    QString field;    // FieldEdit, Evidence: the field; Link: the kind ("retaliation-for", ...)
    // FieldEdit: the stored value, nullopt meaning "back to the extracted value"; Note: its text;
    // Tags: the whole tag set after the edit, as a JSON list; Quote: the quoted words.
    std::optional<QString> value;
    std::optional<QString> previous; // FieldEdit, Tags: the effective value the edit replaced
    QString detail; // Quote: the speaker; Evidence: the reasoning; Merge: why (automatic merges say)
    QString reportHash;              // DetachedSource, Quote, Evidence: the report, by content hash
    qint64 start = -1;               // Quote, Evidence: code point offsets in that report
    qint64 end = -1;
    bool active = true; // Link: false unlinks; Merge: false splits (the latest live row of a pair wins)

    QString author;
    QDateTime at; // UTC
    bool undone = false;
    QString undoneBy;
    QDateTime undoneAt;
};

// A row written by a command, so that undo can supersede exactly it.
struct AnnotationRow {
    AnnotationKind kind = AnnotationKind::FieldEdit;
    qint64 id = 0;
    friend bool operator==(const AnnotationRow&, const AnnotationRow&) = default;
};

} // namespace makran
