#pragma once

#include "extract/sentencesplitter.h"
#include "model/incident.h"

#include <vector>

namespace makran {

// Finds direct quotes (straight or curly marks, quotes continued over paragraphs, quotes split by their
// attribution) and indirect speech ("X said that ..."), and attributes each to its speaker, resolving
// "it", "the statement", "she" or "the minister" to the organisation or person named earlier.
// Offsets are UTF-16 indices into `text`.
// `groups` are the armed groups named in the text (position, canonical name), so that "the group said"
// resolves to the last one named before the quote.
struct NamedGroup {
    qsizetype position = 0;
    QString name;
};
std::vector<Quote> findQuotes(QStringView text, const std::vector<Sentence>& sentences,
                              const std::vector<NamedGroup>& groups = {});

} // namespace makran
