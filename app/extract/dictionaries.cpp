#include "extract/dictionaries.h"

#include <QFile>
#include <QStandardPaths>

namespace makran {

namespace {

QByteArray readResource(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray readFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return QByteArray();
    }
    return file.readAll();
}

template <typename Dictionary> void mergeUserFile(Dictionary& dictionary, const QString& name)
{
    const QString path = userDictionaryDir() + u'/' + name;
    if (QFile::exists(path))
        dictionary.mergeFile(path, nullptr);
}

} // namespace

QString userDictionaryDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/makran/dict");
}

std::vector<QStringList> readDictionaryTsv(const QByteArray& data, int minColumns, QString* error)
{
    std::vector<QStringList> rows;
    bool headerSeen = false;
    int lineNumber = 0;
    for (const QByteArray& rawLine : data.split('\n')) {
        ++lineNumber;
        const QString line = QString::fromUtf8(rawLine).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        if (!headerSeen) {
            headerSeen = true;
            continue;
        }
        QStringList columns = QString::fromUtf8(rawLine).split(u'\t');
        for (QString& column : columns)
            column = column.trimmed();
        if (columns.size() < minColumns) {
            if (error)
                *error = QStringLiteral("line %1: expected %2 tab-separated columns, found %3")
                             .arg(lineNumber)
                             .arg(minColumns)
                             .arg(columns.size());
            continue;
        }
        rows.push_back(columns);
    }
    return rows;
}

ActorDictionary ActorDictionary::fromBundle(const QString& resource, const QString& userFileName)
{
    ActorDictionary d;
    d.load(readResource(resource), nullptr);
    mergeUserFile(d, userFileName);
    return d;
}

const ActorDictionary& ActorDictionary::builtIn()
{
    static const ActorDictionary dictionary = fromBundle(QStringLiteral(":/dict/actors.tsv"), QStringLiteral("actors.tsv"));
    return dictionary;
}

void ActorDictionary::index(int entry)
{
    const ActorEntry& actor = m_entries[size_t(entry)];
    auto addAlias = [&](const QString& alias) {
        bool lettersUpper = true;
        int letters = 0;
        for (QChar c : alias) {
            if (c.isLetter()) {
                ++letters;
                lettersUpper = lettersUpper && c.isUpper();
            }
        }
        // Acronyms (FC, BLA, IS-K) only match in capitals, so "fc" or "bra" in prose do not.
        m_matcher.add(alias, entry, letters <= 5 && lettersUpper ? PhraseMatcher::Case::AllCaps
                                                                  : PhraseMatcher::Case::Any);
    };
    addAlias(actor.name);
    for (const QString& alias : actor.aliases)
        addAlias(alias);
}

bool ActorDictionary::load(const QByteArray& data, QString* error)
{
    for (const QStringList& row : readDictionaryTsv(data, 5, error)) {
        ActorEntry entry{row[0], row[2], row[3], row[4].toInt(), row[1].split(u'|', Qt::SkipEmptyParts)};
        m_entries.push_back(entry);
        index(int(m_entries.size() - 1));
    }
    return !m_entries.empty();
}

bool ActorDictionary::mergeFile(const QString& path, QString* error)
{
    const QByteArray data = readFile(path, error);
    return !data.isEmpty() && load(data, error);
}

const ActorEntry* ActorDictionary::byName(QStringView name) const
{
    for (const ActorEntry& entry : m_entries) {
        if (entry.name.compare(name, Qt::CaseInsensitive) == 0)
            return &entry;
    }
    return nullptr;
}

const TriggerDictionary& TriggerDictionary::builtIn()
{
    static const TriggerDictionary dictionary = [] {
        TriggerDictionary d;
        d.load(readResource(QStringLiteral(":/dict/events.tsv")), nullptr);
        mergeUserFile(d, QStringLiteral("events.tsv"));
        return d;
    }();
    return dictionary;
}

bool TriggerDictionary::load(const QByteArray& data, QString* error)
{
    for (const QStringList& row : readDictionaryTsv(data, 5, error)) {
        m_entries.push_back(TriggerEntry{row[0], row[1], row[2], row[3].toInt(), row[4] == u"1"});
        m_matcher.add(row[0], int(m_entries.size() - 1));
    }
    return !m_entries.empty();
}

bool TriggerDictionary::mergeFile(const QString& path, QString* error)
{
    const QByteArray data = readFile(path, error);
    return !data.isEmpty() && load(data, error);
}

} // namespace makran
