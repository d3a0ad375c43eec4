// makran-cli: everything the desktop app does, headless, on the core library alone.
#include "cli/clicommands.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <cstdio>
#include <memory>
#include <string_view>

int main(int argc, char* argv[])
{
    // PDF and HTML briefings lay out text with fonts, which needs a GUI application object; under the
    // offscreen platform it needs no display, so `export` always gets one.
    const bool needsGui = argc > 1 && std::string_view(argv[1]) == "export";
    if (needsGui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> application(needsGui ? new QGuiApplication(argc, argv)
                                                           : new QCoreApplication(argc, argv));
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
