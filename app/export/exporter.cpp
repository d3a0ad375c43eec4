#include "export/exporter.h"

#include "export/acledcsvexport.h"
#include "export/briefingexport.h"
#include "export/csvexport.h"
#include "export/geojsonexport.h"
#include "export/jsonexport.h"
#include "export/kmlexport.h"

#include <QGuiApplication>
#include <QSaveFile>

#include <array>

namespace makran {

namespace {

struct FormatName {
    ExportFormat format;
    const char16_t* name;
    const char16_t* suffix;
};

constexpr std::array kFormats = {
    FormatName{ExportFormat::Json, u"json", u"json"},
    FormatName{ExportFormat::GeoJson, u"geojson", u"geojson"},
    FormatName{ExportFormat::Kml, u"kml", u"kml"},
    FormatName{ExportFormat::Csv, u"csv", u"csv"},
    FormatName{ExportFormat::AcledCsv, u"acled-csv", u"csv"},
    FormatName{ExportFormat::Html, u"html", u"html"},
    FormatName{ExportFormat::Markdown, u"md", u"md"},
    FormatName{ExportFormat::Pdf, u"pdf", u"pdf"},
};

bool fail(QString* error, const QString& message)
{
    if (error)
        *error = message;
    return false;
}

bool writeFormat(ExportFormat format, const ExportRequest& request, QIODevice& out, QString* error,
                 QStringList* warnings)
{
    switch (format) {
    case ExportFormat::Json:
        return writeJson(request, out, error);
    case ExportFormat::GeoJson:
        return writeGeoJson(request, out, error);
    case ExportFormat::Kml:
        return writeKml(request, out, error);
    case ExportFormat::Csv:
        return writeCsv(request, out, error);
    case ExportFormat::AcledCsv:
        return writeAcledCsv(request, out, error, warnings);
    case ExportFormat::Html:
        return writeHtmlBriefing(request, out, error, warnings);
    case ExportFormat::Markdown:
        return writeMarkdownBriefing(request, out, error, warnings);
    case ExportFormat::Pdf:
        return writePdfBriefing(request, out, error, warnings);
    }
    return fail(error, QStringLiteral("unknown export format"));
}

} // namespace

std::optional<ExportFormat> exportFormatFromString(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const FormatName& entry : kFormats) {
        if (trimmed.compare(QStringView(entry.name), Qt::CaseInsensitive) == 0)
            return entry.format;
    }
    if (trimmed.compare(u"markdown", Qt::CaseInsensitive) == 0)
        return ExportFormat::Markdown;
    if (trimmed.compare(u"acled", Qt::CaseInsensitive) == 0 ||
        trimmed.compare(u"acledcsv", Qt::CaseInsensitive) == 0)
        return ExportFormat::AcledCsv;
    return std::nullopt;
}

QString toString(ExportFormat format)
{
    for (const FormatName& entry : kFormats) {
        if (entry.format == format)
            return QString::fromUtf16(entry.name);
    }
    return QString();
}

QStringList exportFormatNames()
{
    QStringList names;
    for (const FormatName& entry : kFormats)
        names << QString::fromUtf16(entry.name);
    return names;
}

QString exportFormatSuffix(ExportFormat format)
{
    for (const FormatName& entry : kFormats) {
        if (entry.format == format)
            return QString::fromUtf16(entry.suffix);
    }
    return QString();
}

bool exportFormatNeedsGui(ExportFormat format)
{
    return format == ExportFormat::Html || format == ExportFormat::Markdown || format == ExportFormat::Pdf;
}

bool exportIncidents(ExportFormat format, const ExportRequest& request, const QString& outputPath,
                     QString* error, QStringList* warnings)
{
    if (outputPath.isEmpty())
        return fail(error, QStringLiteral("no output file given"));
    // Without a QGuiApplication, Qt aborts on the first font lookup: say so instead.
    if (exportFormatNeedsGui(format) && !qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return fail(error,
                    QStringLiteral("the %1 briefing needs a QGuiApplication to draw its map and lay out its "
                                   "text (start the program with one; QT_QPA_PLATFORM=offscreen without a "
                                   "display)")
                        .arg(toString(format)));
    // QSaveFile writes a temporary file beside the target and renames it only on commit, so a failed or
    // interrupted export never leaves a half-written file where the old one was.
    QSaveFile file(outputPath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("%1: cannot write (%2)").arg(outputPath, file.errorString()));
    QString message;
    if (!writeFormat(format, request, file, &message, warnings)) {
        file.cancelWriting();
        return fail(error, QStringLiteral("%1: %2").arg(outputPath,
                                                        message.isEmpty() ? file.errorString() : message));
    }
    if (!file.commit())
        return fail(error, QStringLiteral("%1: cannot save (%2)").arg(outputPath, file.errorString()));
    return true;
}

} // namespace makran
