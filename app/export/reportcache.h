#pragma once

#include "model/incident.h"

#include <QHash>

#include <functional>
#include <optional>

namespace makran {

// Looks each report up once: many incidents share a report, and a lookup may be a database query.
class ReportCache {
  public:
    explicit ReportCache(std::function<std::optional<Report>(qint64)> lookup) : m_lookup(std::move(lookup)) {}
    // nullptr when the report is unknown (or there is no lookup).
    const Report* find(qint64 id);

  private:
    std::function<std::optional<Report>(qint64)> m_lookup;
    QHash<qint64, std::optional<Report>> m_reports;
};

// "Dawn, ‘Ten killed in Panjgur’, 2024-01-18" (what is known of it), or "report #12" when unknown.
QString describeReport(const Report* report, qint64 id);

} // namespace makran
