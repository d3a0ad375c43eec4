#pragma once

#include "model/incident.h"

#include <vector>

namespace makran {

class AnnotationStore;
struct ExportRequest;

// What exports need from the analysts' work, so `makran-cli export` and the GUI's export dialog carry it:

// The incidents as analysts left them (corrected fields, merges applied, merged-away incidents left out),
// in place of Store::loadIncidents() before filtering, so a corrected place is exported and filtered on.
std::vector<Incident> effectiveIncidents(const AnnotationStore& annotations);

// Fills request.statusById (every incident: "unreviewed" unless set), notesById (note texts, oldest
// first) and tagsById for the incidents already in request.incidents.
void fillAnnotations(const AnnotationStore& annotations, ExportRequest& request);

} // namespace makran
