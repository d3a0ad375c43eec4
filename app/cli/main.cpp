// makran-cli: everything the desktop app does, headless, on the core library alone.
#include "cli/clicommands.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("makran"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MAKRAN_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        (args.isEmpty() ? err : out) << makran::cli::usage();
        return args.isEmpty() ? makran::cli::UsageError : makran::cli::Ok;
    }
    if (args.first() == u"--version") {
        out << "makran-cli " << QCoreApplication::applicationVersion() << '\n';
        return makran::cli::Ok;
    }
    const QString command = args.takeFirst();
    using Runner = int (*)(const QStringList&, QTextStream&, QTextStream&);
    const QHash<QString, Runner> commands = {
        {QStringLiteral("extract"), &makran::cli::runExtract}, {QStringLiteral("ingest"), &makran::cli::runIngest},
        {QStringLiteral("export"), &makran::cli::runExport},
        {QStringLiteral("eval"), &makran::cli::runEval},
        {QStringLiteral("annotate"), &makran::cli::runAnnotate},   
    };
    const auto it = commands.constFind(command);
    if (it == commands.constEnd()) {
        err << "makran-cli: unknown command '" << command << "'\n\n" << makran::cli::usage();
        return makran::cli::UsageError;
    }
    return (*it)(args, out, err);
}
