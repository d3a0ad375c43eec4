#pragma once

#include "model/incident.h"

#include <QImage>
#include <QList>
#include <QRectF>

class QPainter;

namespace makran {

// The briefing's map and timeline, drawn onto any QPainter in device-independent pixels (the PDF scales
// the painter to its resolution, so both stay vector graphics there). Each is one function so the
// drawing can follow the screen's renderers without touching the writers.
void drawBriefingMap(QPainter& painter, const QRectF& rect, const QList<Incident>& incidents);
void drawBriefingTimeline(QPainter& painter, const QRectF& rect, const QList<Incident>& incidents);

// The same figures as PNG-ready images for HTML and Markdown (scale 2 for sharp print).
QImage renderBriefingMap(const QList<Incident>& incidents, QSize size, double scale = 2.0);
QImage renderBriefingTimeline(const QList<Incident>& incidents, QSize size, double scale = 2.0);
// "data:image/png;base64,..." for a self-contained file.
QString imageDataUri(const QImage& image);

} // namespace makran
