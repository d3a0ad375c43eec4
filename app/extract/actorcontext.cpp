#include "extract/actorcontext.h"

#include "geo/gazetteer.h"

#include <QHash>

namespace makran {

namespace {

// The country a place mention stands for, when it is one country's and not the world's.
QString countryOf(const PlaceMention& place)
{
    if (place.candidates.empty())
        return {};
    const QString& country = place.candidates.front()->country;
    for (const GazetteerEntry* entry : place.candidates) {
        if (entry->country != country)
            return {};
    }
    return country;
}

QString countryOf(const ActorMention& actor)
{
    return actor.candidates.size() == 1 ? actor.candidates.front()->country : QString();
}

bool hasCountries(const ActorMention& actor)
{
    if (actor.candidates.size() < 2)
        return false;
    for (const ActorEntry* entry : actor.candidates) {
        if (entry->country != actor.candidates.front()->country)
            return true;
    }
    return false;
}

int sentenceOf(const std::vector<Sentence>& sentences, qsizetype at)
{
    for (size_t s = 0; s < sentences.size(); ++s) {
        if (at < sentences[s].end)
            return int(s);
    }
    return int(sentences.size()) - 1;
}

} // namespace

void resolveActorCountries(ReportMentions& mentions)
{
    // Votes per country, in the whole report and per sentence: places and unambiguous actors.
    QHash<QString, int> report;
    QHash<int, QHash<QString, int>> bySentence;
    auto vote = [&](const QString& country, qsizetype at) {
        if (country.isEmpty())
            return;
        ++report[country];
        ++bySentence[sentenceOf(mentions.sentences, at)][country];
    };
    for (const PlaceMention& place : mentions.places)
        vote(countryOf(place), place.start);
    for (const ActorMention& actor : mentions.actors)
        vote(countryOf(actor), actor.start);

    auto best = [](const QHash<QString, int>& votes, const std::vector<const ActorEntry*>& candidates) {
        const ActorEntry* chosen = nullptr;
        int most = 0;
        for (const ActorEntry* entry : candidates) {
            const int n = votes.value(entry->country);
            if (n > most) {
                most = n;
                chosen = entry;
            }
        }
        return chosen;
    };
    for (ActorMention& actor : mentions.actors) {
        if (!hasCountries(actor))
            continue;
        const int sentence = sentenceOf(mentions.sentences, actor.start);
        const ActorEntry* chosen = best(bySentence.value(sentence), actor.candidates);
        if (!chosen)
            chosen = best(report, actor.candidates);
        if (chosen && chosen != actor.candidates.front()) {
            std::erase(actor.candidates, chosen);
            actor.candidates.insert(actor.candidates.begin(), chosen);
        }
    }
}

void dropAgentNounTriggers(ReportMentions& mentions)
{
    std::erase_if(mentions.triggers, [&](const TriggerMention& trigger) {
        if (trigger.firstToken >= mentions.tokens.size())
            return false;
        const QString& key = mentions.tokens[trigger.firstToken].key;
        const bool singleWord = trigger.end == mentions.tokens[trigger.firstToken].end;
        if (!singleWord || (key != u"attacker" && key != u"attackers" && key != u"assailants"))
            return false;
        // Kept as the subject that opens a sentence: "The attackers, armed with rifles, stormed ...".
        const int sentence = sentenceOf(mentions.sentences, trigger.start);
        size_t first = trigger.firstToken;
        if (first > 0 && mentions.tokens[first - 1].key == u"the")
            --first;
        return mentions.tokens[first].start > mentions.sentences[size_t(sentence)].start + 1;
    });
}

} // namespace makran
