#include "export/reportcache.h"

#include "export/exportfields.h"

namespace makran {

const Report* ReportCache::find(qint64 id)
{
    auto it = m_reports.find(id);
    if (it == m_reports.end())
        it = m_reports.insert(id, m_lookup ? m_lookup(id) : std::nullopt);
    return it->has_value() ? &**it : nullptr;
}

QString describeReport(const Report* report, qint64 id)
{
    if (!report)
        return QStringLiteral("report #%1").arg(id);
    QStringList parts;
    if (!report->source.isEmpty())
        parts << report->source;
    if (!report->title.isEmpty())
        parts << QStringLiteral("‘%1’").arg(report->title);
    if (report->published.isValid())
        parts << isoDate(report->published);
    if (parts.isEmpty())
        parts << QStringLiteral("report #%1").arg(id);
    return parts.join(QStringLiteral(", "));
}

} // namespace makran
