#pragma once

#include "model/incident.h"

#include <QStringList>

#include <optional>

namespace makran {

// Reads one report file: plain text, or HTML reduced to its text. Rejects what is not a report
// (empty, binary, too large, unreadable) with a reason; decodes text that is not valid UTF-8 as
// Windows-1252 with a warning, since that is what such files from news sites and Word exports are.
class ReportReader {
public:
    static constexpr qint64 kMaxFileBytes = 8 * 1024 * 1024;

    struct Result {
        std::optional<Report> report; // empty when rejected
        QString error;                // why it was rejected
        QStringList warnings;
    };
    static Result read(const QString& path);
    static Result fromBytes(const QByteArray& bytes, const QString& path);
};

} // namespace makran
