#pragma once

#include "model/incident.h"

#include <QString>

namespace makran {

// How well two incidents from different reports describe the same event.
struct MatchScore {
    bool match = false;   // score reached kMatchThreshold and nothing vetoed it
    bool refused = false; // something vetoed it (different days, places far apart, ...), whatever the score
    int score = 0;
    // Why they match ("same day 2024-01-16, Panjgur within 3 km, same event type Battles, shared actor
    // Levies"), or why not ("different days 2024-01-16 and 2024-01-20").
    QString reason;
    // The place agreed only at province level (one side knows no more than the province); such a match
    // is too weak to choose between several candidates.
    bool provinceOnly = false;
    // 0 same day, 1 a day apart, 2 overlapping ranges: between equal scores the closer date wins.
    int dateDistance = 0;
};

// Scores a pair of incidents as one event reported twice. Pure: no store, no gazetteer.
//
// Each of date, place and event type must agree, or the pair is refused:
//   date   same day 3, a day apart 2 (day precision), overlapping week/month ranges 1;
//   place  same place name or within 5 km 3, within 25 km 2, same province when one side is known only
//          to its province 1; different countries, in- against out-of-region, or two specific places
//          more than 25 km apart refuse;
//   type   same sub-event type 3, same event type 2, same family (political violence, demonstrations,
//          strategic developments) 1, another family refuses; unknown on either side 0.
// Each shared actor adds 1 (at most 2); perpetrators named on both sides with none in common take 1 away
// (outlets do credit different groups, so this is no veto). A pair matches from kMatchThreshold.
// Two incidents of the same report never match: the extractor already joined the mentions it could.
class EventMatcher {
  public:
    static constexpr int kMatchThreshold = 6;
    static constexpr double kNearKm = 25.0;
    static constexpr double kSameSpotKm = 5.0;

    static MatchScore score(const Incident& a, const Incident& b);
};

} // namespace makran
