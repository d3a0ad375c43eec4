#pragma once

#include "extract/mentions.h"

namespace makran {

// Shared aliases name different forces on the two sides of the border: "security forces", "the army",
// "police". Each such mention is read as the force of the country the report is talking about there:
// the country of places named in its sentence, else the one the report names most.
void resolveActorCountries(ReportMentions& mentions);

// "a search for the attackers": words for the doers match attack patterns ("attack*") but tell no
// event of their own, unless they open the sentence that tells it ("The attackers stormed ...").
void dropAgentNounTriggers(ReportMentions& mentions);

} // namespace makran
