#pragma once

#include "annotate/annotationrecord.h"
#include "model/incident.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUndoCommand>

#include <optional>

namespace makran {

class AnnotationStore;

// Undoable annotations. Ownership: a QUndoStack owns the commands pushed onto it; without a stack (the
// CLI) the caller owns the command and calls redo() once. The AnnotationStore is never owned and must
// outlive every command that refers to it (the window clears its stack before closing the database).
//
// redo() appends rows stamped with the author and the time of that redo; undo() marks exactly those rows
// superseded (undone, by whom, when). Nothing is deleted, so a redo after an undo appends new rows and
// the history shows both. Commands do not validate: AnnotationService builds only valid ones.
class AnnotationCommand : public QUndoCommand {
public:
    void redo() final;
    void undo() final;

    // Whether the last redo()/undo() reached the database; a command whose first redo fails makes itself
    // obsolete, so QUndoStack::push() discards it and the stack never holds an edit that did not happen.
    bool succeeded() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    const QList<AnnotationRow>& rows() const { return m_rows; } // written by the last redo()
    // The incidents this step is about (both sides of a merge or link), by key: what a view must read
    // again after it is done or undone.
    QStringList incidentKeys() const;

protected:
    AnnotationCommand(AnnotationStore& store, const QString& author, const QString& text);
    virtual QList<AnnotationRecord> records() const = 0; // what redo() writes, without author or time

private:
    AnnotationStore& m_store;
    QString m_author;
    QList<AnnotationRow> m_rows;
    QString m_error;
    bool m_everDone = false;
};

// One or more field values of one incident in one step (a place and its coordinates, a date and its end).
struct FieldChange {
    QString field;
    std::optional<QString> value; // stored form (IncidentFields); nullopt returns to the extracted value
    QString previous;             // the effective value before, kept for the history
};

class SetFieldCommand : public AnnotationCommand {
public:
    SetFieldCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& key,
                    const QList<FieldChange>& changes);

protected:
    QList<AnnotationRecord> records() const override;

private:
    QString m_key;
    QList<FieldChange> m_changes;
};

class SetStatusCommand : public SetFieldCommand {
public:
    SetStatusCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& key,
                     const QString& status, const QString& previous);
};

class AddNoteCommand : public AnnotationCommand {
public:
    AddNoteCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& key,
                   const QString& note);

protected:
    QList<AnnotationRecord> records() const override;

private:
    QString m_key;
    QString m_note;
};

// Replaces the whole tag set (adding or removing one tag is a new set).
class SetTagsCommand : public AnnotationCommand {
public:
    SetTagsCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& key,
                   const QStringList& tags, const QStringList& previous);

protected:
    QList<AnnotationRecord> records() const override;

private:
    QString m_key;
    QStringList m_tags;
    QStringList m_previous;
};

// Folds `mergedKey` into `keptKey`: the merged incident disappears from lists and its sources and quotes
// show on the kept one.
class MergeIncidentsCommand : public AnnotationCommand {
public:
    MergeIncidentsCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& keptKey,
                          const QString& mergedKey);

protected:
    QList<AnnotationRecord> records() const override;

private:
    QString m_keptKey;
    QString m_mergedKey;
};

// Takes a merged incident out again, or separates a source report (by content hash) from an incident.
class SplitIncidentCommand : public AnnotationCommand {
public:
    static SplitIncidentCommand* unmerge(AnnotationStore& store, const QString& author, const QString& text,
                                         const QString& keptKey, const QString& mergedKey);
    static SplitIncidentCommand* separateReport(AnnotationStore& store, const QString& author, const QString& text,
                                                const QString& key, const QString& reportHash);

protected:
    QList<AnnotationRecord> records() const override;

private:
    SplitIncidentCommand(AnnotationStore& store, const QString& author, const QString& text, AnnotationRecord record);
    AnnotationRecord m_record;
};

class LinkIncidentsCommand : public AnnotationCommand {
public:
    // `linked` false removes a link of that kind between the two.
    LinkIncidentsCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& key,
                         const QString& otherKey, const QString& kind, bool linked = true);

protected:
    QList<AnnotationRecord> records() const override;

private:
    AnnotationRecord m_record;
};

class AddQuoteCommand : public AnnotationCommand {
public:
    AddQuoteCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& key,
                    const QString& reportHash, const Quote& quote);

protected:
    QList<AnnotationRecord> records() const override;

private:
    AnnotationRecord m_record;
};

class MarkEvidenceCommand : public AnnotationCommand {
public:
    MarkEvidenceCommand(AnnotationStore& store, const QString& author, const QString& text, const QString& key,
                        const QString& reportHash, const Evidence& evidence);

protected:
    QList<AnnotationRecord> records() const override;

private:
    AnnotationRecord m_record;
};

} // namespace makran
