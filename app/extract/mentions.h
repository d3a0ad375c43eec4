#pragma once

#include "extract/casualtyfinder.h"
#include "extract/datefinder.h"
#include "extract/dictionaries.h"
#include "extract/placefinder.h"
#include "extract/sentencesplitter.h"

#include <vector>

namespace makran {

struct ActorMention {
    qsizetype start = 0;
    qsizetype end = 0;
    size_t firstToken = 0;
    size_t lastToken = 0; // one past
    std::vector<const ActorEntry*> candidates; // several when an alias is shared ("police")
    bool possessive = false; // "Iran's", "Pakistani": an adjective before a noun
};

struct TriggerMention {
    qsizetype start = 0;
    qsizetype end = 0;
    size_t firstToken = 0;
    const TriggerEntry* entry = nullptr;
};

// A stretch of a sentence with its own time: "Pakistan struck on Thursday, | a day after Islamabad
// recalled its ambassador | in the wake of Iranian strikes".
struct Clause {
    enum class Relation { Same, DaysBefore, Earlier }; // how its time relates to the previous clause
    qsizetype start = 0;
    qsizetype end = 0;
    int sentence = 0;
    Relation relation = Relation::Same;
    int days = 0;          // for DaysBefore: this clause happened `days` before the previous one
};

// Everything the finders saw in one report, in text order.
struct ReportMentions {
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    std::vector<Clause> clauses;
    std::vector<DateMention> dates;
    std::vector<PlaceMention> places;
    std::vector<ActorMention> actors;
    std::vector<TriggerMention> triggers;
    std::vector<CasualtyMention> casualties;
};

std::vector<ActorMention> findActors(QStringView text, const std::vector<Token>& tokens,
                                     const ActorDictionary& dictionary);
std::vector<TriggerMention> findTriggers(const std::vector<Token>& tokens, const TriggerDictionary& dictionary);
std::vector<Clause> splitClauses(QStringView text, const std::vector<Sentence>& sentences);
// "would", "could", "threatened to", "if": the words before a trigger say it did not (yet) happen.
bool isHypothetical(QStringView words);

} // namespace makran
