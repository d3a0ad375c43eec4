// One Catch2 main for the test binaries: Qt needs exactly one application object, created before any
// test, and the offscreen platform so tests run without a display (also during catch_discover_tests).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#ifdef MAKRAN_WIDGETS
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QGuiApplication>
using TestApplication = QGuiApplication;
#endif

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TestApplication app(argc, argv);
    TestApplication::setApplicationName(QStringLiteral("makran-tests"));
    return Catch::Session().run(argc, argv);
}
