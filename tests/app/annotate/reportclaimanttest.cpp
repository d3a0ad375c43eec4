// A report's figures beside another report's are credited to its outlet, else its title, else its id.
#include "annotate/annotatedincident.h"

#include <catch2/catch.hpp>

using namespace makran;

namespace {

Report reportNamed(const QString& source, const QString& title)
{
    Report report;
    report.id = 12;
    report.path = QStringLiteral("/reports/pakistan/washuk-attack.txt");
    report.source = source;
    report.title = title;
    return report;
}

} // namespace

TEST_CASE("reportClaimant: the outlet then the title then the report id", "[annotate][claims]")
{
    CHECK(reportClaimant(reportNamed(QStringLiteral("Dawn"), QStringLiteral("Two killed"))) == QStringLiteral("Dawn"));
    CHECK(reportClaimant(reportNamed(QStringLiteral("IRNA"), QString())) == QStringLiteral("IRNA"));
    CHECK(reportClaimant(reportNamed(QString(), QStringLiteral("Two killed in Washuk"))) ==
          QStringLiteral("‘Two killed in Washuk’"));
    CHECK(reportClaimant(reportNamed(QString(), QString())) == QStringLiteral("report #12"));
}

TEST_CASE("reportClaimant: the file name a report was read from is no outlet", "[annotate][claims]")
{
    CHECK(reportClaimant(reportNamed(QStringLiteral("washuk-attack.txt"), QStringLiteral("Two killed"))) ==
          QStringLiteral("‘Two killed’"));
    CHECK(reportClaimant(reportNamed(QStringLiteral("washuk-attack.txt"), QString())) == QStringLiteral("report #12"));
}
