#pragma once

#include <QList>
#include <QObject>

namespace makran {

// The one selection every view follows: a set of incident ids and the current one (the incident
// whose sources the quote panel shows). Views call select()/toggle() and react to changed().
class SelectionState : public QObject {
    Q_OBJECT
public:
    explicit SelectionState(QObject* parent = nullptr) : QObject(parent) {}

    const QList<qint64>& selected() const { return m_selected; }
    qint64 current() const { return m_current; } // 0 when nothing is selected
    bool isSelected(qint64 id) const { return m_selected.contains(id); }

    void select(qint64 id);                   // replaces the selection
    void selectMany(const QList<qint64>& ids); // replaces; the first becomes current
    void toggle(qint64 id);                   // Ctrl+click: adds or removes
    void clear();
    // Drops ids that are no longer visible (after a filter change) and keeps the rest.
    void retainOnly(const QList<qint64>& visibleIds);

signals:
    void changed(const QList<qint64>& selected, qint64 current);

private:
    void set(QList<qint64> ids, qint64 current);
    QList<qint64> m_selected;
    qint64 m_current = 0;
};

} // namespace makran
