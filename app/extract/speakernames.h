#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

namespace makran {

class ActorDictionary;

// Turns the words that named a speaker into the name an analyst expects: "a spokesman for the
// Revolutionary Guards" -> "IRGC", "CTD spokesman" -> "Counter Terrorism Department", "the military's media
// wing" -> "ISPR", "BYC" -> "Baloch Yakjehti Committee" when the report spelled it out. People's names pass
// through unchanged.
class SpeakerNames {
public:
    // Reads the report's own acronym definitions ("Baloch Yakjehti Committee (BYC)").
    SpeakerNames(QStringView text, const ActorDictionary& actors);

    QString canonical(const QString& speaker) const;

    // resources/dict/speakers.tsv plus the user's speakers.tsv.
    static const ActorDictionary& builtInSpeakers();

private:
    QString lookup(const QString& name) const;

    const ActorDictionary& m_actors;
    QHash<QString, QString> m_acronyms; // "BYC" -> "Baloch Yakjehti Committee"
};

} // namespace makran
