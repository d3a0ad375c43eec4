#pragma once

#include <QFont>
#include <QString>

namespace makran {

// Fonts for briefings. Latin text uses the platform's general font; Arabic-script runs (Urdu, Persian,
// Balochi names and quotes) are set in the bundled Noto Naskh Arabic, registered on first use, so they
// shape correctly on machines without an Arabic-script font. The Naskh family is applied to those runs
// only: listed as a fallback for all text, it made Qt's PDF text layer lose Latin full stops.
QString arabicScriptFamily();
QFont briefingFont(double pointSize);
// Sized in pixels (1/96 inch), for figures drawn on a painter scaled to the output's resolution.
QFont figureFont(double pixelSize);
// Wraps each run of Arabic-script text in already-escaped HTML in a span set in arabicScriptFamily().
QString markArabicScript(const QString& escapedHtml);
// Unicode first-strong isolates (FSI…PDI) around text holding right-to-left letters, so a Persian title
// or name does not pull the punctuation and dates around it into its direction (plus a left-to-right
// mark for renderers that do not know isolates).
QString isolateRtl(const QString& text);

} // namespace makran
