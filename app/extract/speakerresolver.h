#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace makran {

// Keeps track of who has been named so far in a report, so that later references ("she", "the
// minister", "the statement", "it") can be resolved to a name.
class SpeakerResolver {
public:
    // Scans the whole text once for titled people ("Foreign Minister Jalil Abbas Jilani",
    // "spokesperson Mumtaz Baloch") and statement issuers ("the Foreign Office said in a statement").
    explicit SpeakerResolver(QStringView text);

    // Resolves the words naming a speaker at `position` to a name; "" when unresolved.
    QString resolve(QStringView phrase, qsizetype position);
    // Records an attributed speaker so later references can point back to it.
    void noteSpeaker(const QString& name, qsizetype position);

    static bool isPersonReference(QStringView phrase);
    static bool isDocumentReference(QStringView phrase);

private:
    struct Person {
        QString name;
        QString title; // lower case, "" when none
        qsizetype position;
    };
    struct Mention {
        QString name;
        bool person;
        qsizetype position;
    };
    QString lastPerson(qsizetype position, QStringView titleWord) const;
    QString lastIssuer(qsizetype position) const;
    QString fullNameFor(QStringView shortName) const;
    bool isKnownPerson(const QString& name) const;

    std::vector<Person> m_people;   // titled people in text order
    std::vector<Mention> m_issuers; // organisations that issued statements, in text order
    std::vector<Mention> m_spoken;  // every attributed speaker so far
};

// The name inside a speaker phrase: "Foreign Office spokesperson Mumtaz Zahra Baloch" -> the person;
// "the Foreign Office" -> "Foreign Office".
QString cleanSpeakerPhrase(QStringView phrase);

} // namespace makran
