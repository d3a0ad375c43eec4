#pragma once

#include "extract/placefinder.h"
#include "geo/gazetteer.h"

#include <deque>
#include <vector>

namespace makran {

// Places the gazetteer lacks, found by how reports introduce them: "in the Mangochar area of Kalat",
// "the Gohar Kuh area of Taftan county", "general area Kahan, District Kohlu", "Rarasham village".
// Each becomes a place mention located at the district or town named with it (or, failing that, the place
// named last before it), as ACLED does for a locality it cannot find: precision 2, part of a region.
// The made-up entries live in `storage`, which must outlive the mentions.
std::vector<PlaceMention> findUnlistedPlaces(QStringView text, const std::vector<Token>& tokens,
                                             const std::vector<PlaceMention>& known, const Gazetteer& gazetteer,
                                             std::deque<GazetteerEntry>& storage);

} // namespace makran
