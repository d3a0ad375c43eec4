#pragma once

#include "export/briefing.h"

#include <QIODevice>
#include <QString>
#include <QStringList>

namespace makran {

struct ExportRequest;

// The briefing in three layouts with the same content (see BriefingBuilder): a self-contained HTML file
// (figures inlined as PNG data), Markdown (likewise), and a paginated PDF with vector figures.
bool writeHtmlBriefing(const ExportRequest& request, QIODevice& out, QString* error, QStringList* warnings);
bool writeMarkdownBriefing(const ExportRequest& request, QIODevice& out, QString* error,
                           QStringList* warnings);
bool writePdfBriefing(const ExportRequest& request, QIODevice& out, QString* error, QStringList* warnings);

// HTML fragments shared by the HTML file and the PDF's text layout (QTextDocument's HTML subset).
QString briefingTitleHtml(const Briefing& briefing);
QString briefingTableHtml(const QList<BriefingRow>& rows);
QString briefingIncidentHtml(const BriefingIncident& incident);

} // namespace makran
