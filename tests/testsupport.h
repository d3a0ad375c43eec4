#pragma once

#include <QString>
#include <QTemporaryDir>

namespace makran::test {

// The repository root (for resources/ and tests/data/).
QString sourceDir();
// The shared seed folder (../shared/seeds next to the checkout, or $MAKRAN_SEEDS_DIR); empty if absent.
QString seedsDir();
QString readTextFile(const QString& path);
bool writeFile(const QString& path, const QByteArray& bytes);

} // namespace makran::test
