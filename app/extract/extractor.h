#pragma once

#include "model/incident.h"

#include <memory>

namespace makran {

class Gazetteer;
class ActorDictionary;
class PlaceFinder;

// Turns one report into incidents and quotes with the rule-and-gazetteer engine. Thread-safe for
// concurrent extract() calls once constructed (all state is read-only).
class Extractor {
public:
    Extractor(); // built-in gazetteer and dictionaries
    Extractor(const Gazetteer& gazetteer, const ActorDictionary& actors);
    ~Extractor();

    // report.text must be set; report.published, when valid, anchors relative dates. Metadata found in
    // the text (title, dateline, "Published ..." line) fills what the caller left empty.
    ExtractionResult extract(Report report) const;

private:
    const Gazetteer& m_gazetteer;
    const ActorDictionary& m_actors;
    std::unique_ptr<PlaceFinder> m_places; // indexes every spelling of the gazetteer once
};

} // namespace makran
