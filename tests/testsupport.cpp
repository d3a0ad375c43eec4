#include "testsupport.h"

#include <QDir>
#include <QFile>

namespace makran::test {

QString sourceDir()
{
    return QStringLiteral(MAKRAN_SOURCE_DIR);
}

QString seedsDir()
{
    const QString fromEnv = qEnvironmentVariable("MAKRAN_SEEDS_DIR");
    const QString dir = fromEnv.isEmpty() ? sourceDir() + QStringLiteral("/../shared/seeds") : fromEnv;
    return QDir(dir).exists() ? QDir(dir).absolutePath() : QString();
}

QString readTextFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(file.readAll());
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace makran::test
