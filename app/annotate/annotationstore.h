#pragma once

#include "annotate/annotationrecord.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace makran {

class Store;

// Analysts' annotations on top of a Store: reads and writes the annotation tables (creating them if the
// store's schema does not have them yet) and incident_edits. Only appends rows and marks them undone;
// validation is AnnotationService's job. Not thread-safe: one per Store, on the thread that uses it.
class AnnotationStore {
public:
    // `store` is not owned and must outlive this object.
    explicit AnnotationStore(Store& store);

    bool isReady() const { return m_ready; }
    QString error() const { return m_error; } // why it is not ready
    Store& store() const { return m_store; }

    // Time stamps come from here, so tests can make them predictable; UTC, millisecond resolution.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const;

    // Appends a row (author and time taken from the record); returns its id, 0 on failure.
    qint64 append(const AnnotationRecord& record, QString* error);
    // Marks a row undone by `author` now; the row stays for the history.
    bool supersede(const AnnotationRow& row, const QString& author, QString* error);

    // The last append() or supersede() failure, for callers that cannot receive it directly (a command
    // run by QUndoStack::push()); cleared by clearLastError().
    QString lastError() const { return m_lastError; }
    void clearLastError() { m_lastError.clear(); }
    void setLastError(const QString& message) { m_lastError = message; }

    // Rows about one incident (its own, and links and merges naming it as the other side), or about all
    // incidents when key is empty; undone rows only when asked. In the order they were written.
    std::vector<AnnotationRecord> records(const QString& key = {}, bool includeUndone = false) const;

    // Stable keys by incident id (computed from report hash and ordinal for rows that predate schema v2).
    QHash<qint64, QString> keysById() const;
    std::optional<QString> keyOf(qint64 incidentId) const;
    // The incidents holding these keys now (keys of no stored incident are left out).
    QHash<QString, qint64> idsOfKeys(const QStringList& keys) const;
    QHash<qint64, QString> reportHashesById() const;
    std::optional<QString> reportHash(qint64 reportId) const;

    // A SAVEPOINT: nests inside a caller's transaction (the CLI wraps all of one run in one), and rolls
    // back on destruction unless released.
    class Savepoint {
    public:
        explicit Savepoint(AnnotationStore& store);
        ~Savepoint();
        Savepoint(const Savepoint&) = delete;
        Savepoint& operator=(const Savepoint&) = delete;
        bool isActive() const { return m_active; }
        bool release(QString* error);

    private:
        AnnotationStore& m_store;
        bool m_active = false;
    };

private:
    bool markSuperseded(const AnnotationRow& row, const QString& author, QString* error);

    Store& m_store;
    bool m_ready = false;
    QString m_error;
    std::function<QDateTime()> m_clock;
    mutable QDateTime m_last;
    QString m_lastError; // the last time handed out by now()
};

} // namespace makran
