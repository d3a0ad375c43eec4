#pragma once

#include "extract/phrasematcher.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace makran {

// Reads a dictionary TSV: '#' comments, a header line, tab-separated columns. Returns the rows.
std::vector<QStringList> readDictionaryTsv(const QByteArray& data, int minColumns, QString* error);

struct ActorEntry {
    QString name;
    QString kind;    // state, military, police, government, militant, civilians, protesters, rioters
    QString country; // ISO2 or ""
    int inter = 0;   // ACLED inter code
    QStringList aliases;
};

// The actor dictionary (resources/dict/actors.tsv plus the user's additions).
class ActorDictionary {
public:
    static const ActorDictionary& builtIn();
    // A bundled dictionary (":/dict/actors.tsv") with the user's rows of the same file name merged in.
    static ActorDictionary fromBundle(const QString& resource, const QString& userFileName);
    bool load(const QByteArray& data, QString* error);
    bool mergeFile(const QString& path, QString* error);
    const std::vector<ActorEntry>& entries() const { return m_entries; }
    const PhraseMatcher& matcher() const { return m_matcher; }
    const ActorEntry* byName(QStringView name) const;

private:
    void index(int entry);
    std::vector<ActorEntry> m_entries;
    PhraseMatcher m_matcher;
};

struct TriggerEntry {
    QString pattern;
    QString eventType;
    QString subEventType;
    int priority = 0;
    bool generic = false;
};

// The event trigger dictionary (resources/dict/events.tsv plus the user's additions).
class TriggerDictionary {
public:
    static const TriggerDictionary& builtIn();
    bool load(const QByteArray& data, QString* error);
    bool mergeFile(const QString& path, QString* error);
    const std::vector<TriggerEntry>& entries() const { return m_entries; }
    const PhraseMatcher& matcher() const { return m_matcher; }

private:
    std::vector<TriggerEntry> m_entries;
    PhraseMatcher m_matcher;
};

// Where users put dictionary additions: <data dir>/dict/.
QString userDictionaryDir();

} // namespace makran
