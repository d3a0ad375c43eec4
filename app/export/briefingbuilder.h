#pragma once

#include "export/briefing.h"
#include "export/reportcache.h"

namespace makran {

struct ExportRequest;
struct Incident;

// Turns an export request into a briefing's content: title page facts, the table, and per incident every
// field with its precision, each statement citing the report passage (or quote) it rests on.
class BriefingBuilder {
  public:
    explicit BriefingBuilder(const ExportRequest& request);
    Briefing build();
    BriefingIncident buildIncident(const Incident& incident);

  private:
    const ExportRequest& m_request;
    ReportCache m_reports;
};

} // namespace makran
