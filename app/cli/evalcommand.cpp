#include "cli/clicommands.h"

#include "eval/goldevaluation.h"
#include "extract/extractor.h"

namespace makran::cli {

int runEval(const QStringList& args, QTextStream& out, QTextStream& err)
{
    Arguments a;
    QString error;
    if (!a.parse(args, {}, {QStringLiteral("--verbose"), QStringLiteral("-v")}, &error))
        return UsageError;
    if (a.positional().size() != 1) {
        err << "makran-cli: eval takes exactly one GOLD_DIR\n";
        return UsageError;
    }
    const Extractor extractor;
    GoldEvaluation evaluation(extractor);
    if (!evaluation.run(a.positional().first(), &error)) {
        err << "makran-cli: " << error << '\n';
        return Failed;
    }
    if (a.has(QStringLiteral("--verbose")) || a.has(QStringLiteral("-v"))) {
        for (const QString& line : evaluation.log())
            out << line << '\n';
        out << '\n';
    }
    out << evaluation.report();
    return Ok;
}

} // namespace makran::cli
