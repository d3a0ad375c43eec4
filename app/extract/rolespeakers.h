#pragma once

#include "extract/mentions.h"
#include "model/incident.h"

#include <vector>

namespace makran {

// Quotes credited to a role ("the spokesperson", "COAS", "the judge", "a shopkeeper") are credited to
// the person the report named in that role ("Foreign Office Spokesperson Shafqat Ali Khan", "Abdul Hadi,
// a shopkeeper"); quotes credited to "the statement" or "the group's spokesman" to the organisation that
// issued it. Leftover words that are no speaker ("took part", "protesters had been") are dropped.
// reportSource: the outlet the report names itself, for a report that is itself a statement.
void resolveRoleSpeakers(QStringView text, const std::vector<ActorMention>& actors,
                         const std::vector<PlaceMention>& places, const QString& reportSource, std::vector<Quote>& quotes);

} // namespace makran
