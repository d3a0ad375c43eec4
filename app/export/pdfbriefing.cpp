#include "export/briefingbuilder.h"
#include "export/briefingexport.h"
#include "export/briefingfigures.h"
#include "export/briefingfonts.h"
#include "export/exporter.h"

#include <QAbstractTextDocumentLayout>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <memory>

namespace makran {

namespace {

constexpr int kResolution = 300; // dots per inch; figures are drawn in 1/96 inch units scaled to this
constexpr double kBodyPointSize = 9.5;
constexpr qsizetype kTableRowsPerBlock = 20;

// Lays blocks of rich text one after another down the pages, starting a new page when a block does not fit
// and splitting only blocks taller than a page; numbers every page in the footer.
class PdfPager {
  public:
    PdfPager(QPdfWriter& writer, QPainter& painter, const QString& title)
        : m_writer(writer), m_painter(painter), m_title(title)
    {
        const QRect paint = writer.pageLayout().paintRectPixels(kResolution);
        m_footerHeight = kResolution * 0.35;
        m_width = paint.width();
        m_height = paint.height() - m_footerHeight;
    }

    double width() const { return m_width; }
    double height() const { return m_height; }
    double remaining() const { return m_height - m_y; }
    double y() const { return m_y; }
    void advance(double dy) { m_y += dy; }
    int page() const { return m_page; }

    std::unique_ptr<QTextDocument> document(const QString& html) const
    {
        auto doc = std::make_unique<QTextDocument>();
        doc->setDefaultFont(m_font);
        doc->setDocumentMargin(0);
        doc->setHtml(html);
        // An English briefing: every paragraph runs left to right, even one that opens with a Persian quote
        // (Qt's layout ignores the HTML dir attribute and a leading LRM when guessing a block's direction).
        // Done before the layout exists, in one edit, since each block change re-lays out a whole table.
        QTextCursor cursor(doc.get());
        cursor.beginEditBlock();
        for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
            QTextBlockFormat format = block.blockFormat();
            format.setLayoutDirection(Qt::LeftToRight);
            QTextCursor(block).setBlockFormat(format);
        }
        cursor.endEditBlock();
        doc->documentLayout()->setPaintDevice(&m_writer);
        doc->setTextWidth(m_width);
        return doc;
    }

    void newPage()
    {
        drawFooter();
        m_writer.newPage();
        ++m_page;
        m_y = 0;
    }

    void add(QTextDocument& doc, double spacingAfter)
    {
        const double h = doc.size().height();
        if (h <= remaining()) {
            draw(doc, QRectF(), m_y);
            m_y += h + spacingAfter;
            return;
        }
        if (h <= m_height) {
            newPage();
            draw(doc, QRectF(), 0);
            m_y = h + spacingAfter;
            return;
        }
        // Taller than a page: let the document paginate itself (it keeps lines and table rows whole).
        if (m_y > 0)
            newPage();
        doc.setPageSize(QSizeF(m_width, m_height));
        const int pages = doc.pageCount();
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                newPage();
            draw(doc, QRectF(0, i * m_height, m_width, m_height), -i * m_height);
        }
        const QRectF last = doc.documentLayout()->blockBoundingRect(doc.lastBlock());
        m_y = std::max(0.0, last.bottom() - (pages - 1) * m_height) + spacingAfter;
    }

    void finish() { drawFooter(); }

  private:
    void draw(QTextDocument& doc, const QRectF& clip, double offsetY)
    {
        m_painter.save();
        m_painter.translate(0, offsetY);
        doc.drawContents(&m_painter, clip);
        m_painter.restore();
    }

    void drawFooter()
    {
        m_painter.save();
        m_painter.setFont(briefingFont(8));
        m_painter.setPen(QColor(0x55, 0x55, 0x55));
        const QRectF footer(0, m_height, m_width, m_footerHeight);
        m_painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom, m_title);
        m_painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom, QStringLiteral("Page %1").arg(m_page));
        m_painter.restore();
    }

    QPdfWriter& m_writer;
    QPainter& m_painter;
    QString m_title;
    QFont m_font = briefingFont(kBodyPointSize);
    double m_width = 0;
    double m_height = 0;
    double m_footerHeight = 0;
    double m_y = 0;
    int m_page = 1;
};

// A figure drawn in 1/96-inch units so line widths and text sizes match the screen's, at print resolution.
template <typename Draw> void drawFigure(QPainter& painter, const QRectF& deviceRect, Draw draw)
{
    const double scale = double(kResolution) / 96.0;
    painter.save();
    painter.translate(deviceRect.topLeft());
    painter.scale(scale, scale);
    // Renderers that size text from the painter's font in points: points at this resolution, so that after
    // the scale they come out as on a 96 dpi screen.
    painter.setFont(briefingFont(9.0 * 96.0 / kResolution));
    draw(painter, QRectF(0, 0, deviceRect.width() / scale, deviceRect.height() / scale));
    painter.restore();
}

} // namespace

bool writePdfBriefing(const ExportRequest& request, QIODevice& out, QString* error, QStringList* /*warnings*/)
{
    const Briefing briefing = BriefingBuilder(request).build();
    QPdfWriter writer(&out);
    writer.setResolution(kResolution);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                     QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter));
    writer.setTitle(briefing.title);
    writer.setCreator(QStringLiteral("Makran"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QStringLiteral("cannot start the PDF");
        return false;
    }
    PdfPager pager(writer, painter, briefing.title);

    // Title page.
    pager.advance(pager.height() * 0.18);
    auto title = pager.document(briefingTitleHtml(briefing));
    pager.add(*title, 0);

    // Map and timeline share a page: the map above, the timeline below.
    pager.newPage();
    auto mapHeading = pager.document(QStringLiteral("<h2>Map</h2>"));
    pager.add(*mapHeading, 0);
    const double mapHeight = pager.height() * 0.56;
    drawFigure(painter, QRectF(0, pager.y(), pager.width(), mapHeight),
               [&](QPainter& p, const QRectF& r) { drawBriefingMap(p, r, request.incidents); });
    pager.advance(mapHeight + kResolution * 0.15);
    auto timelineHeading = pager.document(QStringLiteral("<h2>Timeline</h2>"));
    pager.add(*timelineHeading, 0);
    const double timelineHeight = std::min(pager.remaining(), pager.height() * 0.25);
    drawFigure(painter, QRectF(0, pager.y(), pager.width(), timelineHeight),
               [&](QPainter& p, const QRectF& r) { drawBriefingTimeline(p, r, request.incidents); });

    // The table, in blocks so a page break falls between rows and each page repeats the header.
    pager.newPage();
    auto tableHeading = pager.document(QStringLiteral("<h2>Incidents</h2>"));
    pager.add(*tableHeading, 0);
    if (briefing.rows.isEmpty()) {
        auto none = pager.document(QStringLiteral("<p>No incidents.</p>"));
        pager.add(*none, 0);
    }
    for (qsizetype from = 0; from < briefing.rows.size(); from += kTableRowsPerBlock) {
        auto block = pager.document(briefingTableHtml(briefing.rows.mid(from, kTableRowsPerBlock)));
        pager.add(*block, 0);
    }

    // One block per incident, so an incident starts on a fresh page only when it would not fit.
    if (!briefing.incidents.isEmpty()) {
        pager.newPage();
        auto heading = pager.document(QStringLiteral("<h2>Incident details</h2>"));
        pager.add(*heading, 0);
    }
    for (const BriefingIncident& incident : briefing.incidents) {
        auto block = pager.document(briefingIncidentHtml(incident));
        pager.add(*block, kResolution * 0.12);
    }
    pager.finish();
    if (!painter.end()) {
        if (error)
            *error = QStringLiteral("cannot finish the PDF");
        return false;
    }
    return true;
}

} // namespace makran
