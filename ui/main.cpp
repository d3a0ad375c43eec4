#include "launcher.h"

#include <QApplication>

#include <iostream>

int main(int argc, char* argv[])
{
    // A screenshot needs no display: use the offscreen platform unless the caller chose one.
    if (makran::wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Makran"));
    QApplication::setApplicationName(QStringLiteral("makran"));
    QApplication::setApplicationDisplayName(QStringLiteral("Makran"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    makran::registerBundledFonts();

    makran::LaunchOptions options;
    QString error;
    if (!makran::parseLaunchOptions(QApplication::arguments(), &options, &error)) {
        std::cerr << "makran: " << qPrintable(error) << '\n';
        return 2;
    }
    return makran::runLauncher(app, options);
}
