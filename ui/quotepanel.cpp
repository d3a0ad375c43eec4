#include "quotepanel.h"

#include "extract/textutil.h"
#include "render/eventstyle.h"
#include "state/incidentcatalog.h"
#include "store/store.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTabBar>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace makran {

namespace {

struct EvidenceLook {
    QColor background;
    bool italic = false;
    bool underline = false;
    QString name;
};

// One look per kind of evidence; translucent backgrounds read on light and dark palettes alike.
EvidenceLook lookFor(const QString& field)
{
    if (field == u"date")
        return {QColor(0x00, 0x72, 0xB2, 70), false, false, QStringLiteral("date")};
    if (field == u"place" || field == u"location" || field == u"admin1")
        return {QColor(0x00, 0x9E, 0x73, 75), false, false, QStringLiteral("place")};
    if (field.startsWith(u"actor"))
        return {QColor(0xE6, 0x9F, 0x00, 85), false, false, QStringLiteral("actor")};
    if (field == u"quote" || field == u"speaker")
        return {QColor(0xCC, 0x3D, 0x8F, 60), true, false, QStringLiteral("quote")};
    return {QColor(0x80, 0x80, 0x80, 45), false, true, field};
}

QString swatch(const QString& field, const QString& label)
{
    const EvidenceLook look = lookFor(field);
    QColor solid = look.background;
    solid.setAlpha(160);
    return QStringLiteral("<span style=\"background-color:%1;%2\">&nbsp;%3&nbsp;</span>")
        .arg(solid.name(QColor::HexRgb), look.italic ? QStringLiteral("font-style:italic;") : QString(),
             label);
}

QString precisionText(const Place& place)
{
    switch (place.geoPrecision) {
    case 1:
        return QObject::tr("town");
    case 2:
        return QObject::tr("near a town / part of a region");
    case 3:
        return QObject::tr("province only");
    default:
        return QObject::tr("unknown");
    }
}

} // namespace

CodePointIndex::CodePointIndex(const QString& text)
{
    m_offsets.reserve(size_t(text.size()) + 1);
    for (int i = 0; i < text.size(); ++i) {
        m_offsets.push_back(i);
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
    }
    m_offsets.push_back(int(text.size()));
}

int CodePointIndex::toUtf16(qint64 codePoint) const
{
    if (codePoint <= 0)
        return 0;
    return m_offsets[size_t(std::min<qint64>(codePoint, qint64(m_offsets.size()) - 1))];
}

QuotePanel::QuotePanel(IncidentCatalog& catalog, QWidget* parent) : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("quotePanel"));
    m_card = new QTextBrowser(this);
    m_card->setObjectName(QStringLiteral("incidentCard"));
    m_card->setOpenLinks(false);
    m_tabs = new QTabBar(this);
    m_tabs->setObjectName(QStringLiteral("reportTabs"));
    m_tabs->setExpanding(false);
    m_tabs->setDocumentMode(true);
    m_tabs->setElideMode(Qt::ElideRight);
    m_reportTitle = new QLabel(this);
    m_reportTitle->setWordWrap(true);
    m_reportTitle->setTextFormat(Qt::RichText);
    m_reportTitle->setOpenExternalLinks(true);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(QStringLiteral("reportText"));
    m_text->setOpenLinks(false);
    m_text->setContextMenuPolicy(Qt::CustomContextMenu);

    // Annotating the report: select words, then add them as a quote or as the evidence for a field.
    m_addQuote = new QPushButton(tr("Add as quote…"), this);
    m_addQuote->setObjectName(QStringLiteral("addQuoteButton"));
    m_addQuote->setToolTip(tr("Add the selected words as a quote of this incident (asks who said them)"));
    m_evidence = new QToolButton(this);
    m_evidence->setObjectName(QStringLiteral("evidenceButton"));
    m_evidence->setText(tr("Mark as evidence for"));
    m_evidence->setToolTip(tr("Mark the selected words as the evidence for one of the incident's fields"));
    m_evidence->setPopupMode(QToolButton::InstantPopup);
    auto* evidenceMenu = new QMenu(m_evidence);
    fillEvidenceMenu(evidenceMenu);
    m_evidence->setMenu(evidenceMenu);
    auto* selectionRow = new QHBoxLayout;
    selectionRow->setContentsMargins(0, 0, 0, 0);
    auto* hint = new QLabel(tr("Selected text:"), this);
    hint->setStyleSheet(QStringLiteral("color: gray"));
    selectionRow->addWidget(hint);
    selectionRow->addWidget(m_addQuote);
    selectionRow->addWidget(m_evidence);
    selectionRow->addStretch(1);

    m_reportPane = new QWidget(this);
    auto* reportLayout = new QVBoxLayout(m_reportPane);
    reportLayout->setContentsMargins(0, 0, 0, 0);
    reportLayout->setSpacing(2);
    reportLayout->addWidget(m_tabs);
    reportLayout->addWidget(m_reportTitle);
    reportLayout->addWidget(m_text, 1);
    reportLayout->addLayout(selectionRow);

    auto* splitter = m_splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_card);
    splitter->addWidget(m_reportPane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setCollapsible(1, false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    connect(m_card, &QTextBrowser::anchorClicked, this, &QuotePanel::onAnchor);
    connect(m_text, &QTextBrowser::selectionChanged, this, &QuotePanel::updateSelectionActions);
    connect(m_text, &QWidget::customContextMenuRequested, this, &QuotePanel::showTextMenu);
    connect(m_addQuote, &QPushButton::clicked, this, &QuotePanel::requestQuote);
    connect(m_tabs, &QTabBar::currentChanged, this, [this](int index) {
        if (index >= 0)
            showReport(index);
    });
    connect(&m_catalog.selection(), &SelectionState::changed, this, &QuotePanel::follow);
    connect(&m_catalog, &IncidentCatalog::reloaded, this, &QuotePanel::follow);
    connect(&m_catalog, &IncidentCatalog::incidentsChanged, this, &QuotePanel::follow);
    follow();
    updateSelectionActions();
}

QList<std::pair<QString, QString>> QuotePanel::evidenceFields()
{
    return {{QStringLiteral("date"), tr("Date")},
            {QStringLiteral("place"), tr("Place")},
            {QStringLiteral("actors"), tr("Actors")},
            {QStringLiteral("event_type"), tr("Event type")},
            {QStringLiteral("fatalities"), tr("Fatalities")},
            {QStringLiteral("injured"), tr("Injured")},
            {QStringLiteral("summary"), tr("Summary")}};
}

void QuotePanel::fillEvidenceMenu(QMenu* menu)
{
    for (const auto& [field, label] : evidenceFields()) {
        QAction* action = menu->addAction(label, this, [this, field = field] { requestEvidence(field); });
        action->setObjectName(QStringLiteral("evidence-%1").arg(field));
    }
}

std::optional<std::pair<qint64, qint64>> QuotePanel::selectedSpan() const
{
    const QTextCursor cursor = m_text->textCursor();
    if (!m_report || !cursor.hasSelection())
        return std::nullopt;
    // The document holds the report as plain text, so its positions are UTF-16 indices into it; the
    // store counts code points.
    const QString& text = m_report->text;
    const qsizetype start = std::clamp<qsizetype>(cursor.selectionStart(), 0, text.size());
    const qsizetype end = std::clamp<qsizetype>(cursor.selectionEnd(), start, text.size());
    if (end <= start)
        return std::nullopt;
    return std::make_pair(toCodePointOffset(text, start), toCodePointOffset(text, end));
}

void QuotePanel::updateSelectionActions()
{
    const bool selected = m_incident && selectedSpan().has_value();
    m_addQuote->setEnabled(selected);
    // Evidence points into the incident's own report only.
    m_evidence->setEnabled(selected && m_report && m_report->id == m_incident->reportId);
}

void QuotePanel::requestQuote()
{
    const auto span = selectedSpan();
    if (m_incident && span)
        emit addQuoteRequested(m_incident->id, m_report->id, span->first, span->second);
}

void QuotePanel::requestEvidence(const QString& field)
{
    const auto span = selectedSpan();
    if (m_incident && span)
        emit evidenceRequested(m_incident->id, field, m_report->id, span->first, span->second);
}

void QuotePanel::showTextMenu(const QPoint& pos)
{
    std::unique_ptr<QMenu> menu(m_text->createStandardContextMenu(pos));
    menu->addSeparator();
    QAction* quote = menu->addAction(tr("Add as quote…"), this, &QuotePanel::requestQuote);
    quote->setEnabled(m_addQuote->isEnabled());
    QMenu* evidence = menu->addMenu(tr("Mark as evidence for"));
    fillEvidenceMenu(evidence);
    evidence->setEnabled(m_evidence->isEnabled());
    menu->exec(m_text->viewport()->mapToGlobal(pos));
}

int QuotePanel::reportCount() const
{
    return int(m_reportIds.size());
}

int QuotePanel::currentReport() const
{
    return m_tabs->currentIndex();
}

void QuotePanel::follow()
{
    const qint64 current = m_catalog.selection().current();
    const Incident* incident = current ? m_catalog.byId(current) : nullptr;
    if (!incident) {
        m_incidentId = 0;
        m_incident.reset();
        m_reportIds.clear();
        m_report.reset();
        const QString hint =
            m_catalog.all().empty()
                ? tr("No incidents yet. Import reports (File ▸ Import reports…) to begin.")
                : tr("Select an incident on the map, the timeline or the list to read what its "
                     "sources say.");
        m_card->setHtml(QStringLiteral("<p style=\"color:gray\">%1</p>").arg(hint.toHtmlEscaped()));
        {
            const QSignalBlocker block(m_tabs);
            while (m_tabs->count())
                m_tabs->removeTab(0);
        }
        m_tabs->hide();
        m_reportTitle->clear();
        m_text->clear();
        m_reportPane->hide(); // the hint gets the whole panel
        return;
    }
    if (m_reportPane->isHidden()) {
        m_reportPane->show();
        // Hidden, the pane had no share of the splitter: give it its 3 of 5 back.
        const int total = std::max(m_splitter->height(), 100);
        m_splitter->setSizes({total * 2 / 5, total - total * 2 / 5});
    }
    const bool sameIncident = incident->id == m_incidentId && m_incident;
    const bool sameSources = sameIncident && m_incident->reportId == incident->reportId &&
                             m_incident->sourceReportIds == incident->sourceReportIds;
    const bool sameMarks =
        sameIncident && m_incident->quotes == incident->quotes && m_incident->evidence == incident->evidence;
    m_incidentId = incident->id;
    m_incident = *incident;
    renderCard(*incident, int(m_catalog.selection().selected().size()));
    if (sameSources) {
        if (!sameMarks) { // an analyst added a quote or evidence: mark it, keep the reader's place
            const int scroll = m_text->verticalScrollBar()->value();
            renderReport();
            m_text->verticalScrollBar()->setValue(scroll);
        }
        updateSelectionActions();
        return;
    }
    m_reportIds = incident->sourceReportIds;
    if (m_reportIds.isEmpty() || m_reportIds.first() != incident->reportId) {
        m_reportIds.removeAll(incident->reportId);
        m_reportIds.prepend(incident->reportId);
    }
    {
        const QSignalBlocker block(m_tabs);
        while (m_tabs->count())
            m_tabs->removeTab(0);
        for (int i = 0; i < m_reportIds.size(); ++i)
            m_tabs->addTab(i == 0 ? tr("Source report") : tr("Source %1").arg(i + 1));
    }
    m_tabs->setVisible(m_reportIds.size() > 1);
    showReport(0);
    updateSelectionActions();
}

void QuotePanel::renderCard(const Incident& incident, int selectedCount)
{
    const EventStyle& style = EventStyles::forType(incident.eventType);
    QString html;
    if (selectedCount > 1)
        html += QStringLiteral("<p style=\"color:gray\">%1</p>")
                    .arg(tr("%n incidents selected; showing the current one.", nullptr, selectedCount));
    html += QStringLiteral("<h3 style=\"margin:0\"><span style=\"color:%1\">■</span> %2</h3>")
                .arg(style.color.name(),
                     (incident.eventType.isEmpty() ? tr("Event type unknown") : incident.eventType)
                         .toHtmlEscaped());
    if (!incident.subEventType.isEmpty())
        html +=
            QStringLiteral("<div style=\"color:gray\">%1</div>").arg(incident.subEventType.toHtmlEscaped());
    if (!incident.summary.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(incident.summary.toHtmlEscaped());

    auto row = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><td style=\"color:gray;padding-right:8px\">%1</td><td>%2</td></tr>")
            .arg(name, value);
    };
    const QString missing = QStringLiteral("<i style=\"color:#c0392b\">%1</i>");
    QString date;
    if (!incident.date.isValid())
        date = missing.arg(tr("no date found in the report"));
    else if (incident.dateEnd.isValid() && incident.dateEnd != incident.date)
        date = tr("%1 to %2 (%3 precision)")
                   .arg(incident.date.toString(Qt::ISODate), incident.dateEnd.toString(Qt::ISODate),
                        toString(incident.datePrecision));
    else
        date = incident.date.toString(Qt::ISODate);
    QString place = incident.place.name.isEmpty() ? missing.arg(tr("no place found"))
                                                  : incident.place.name.toHtmlEscaped();
    QStringList where;
    if (!incident.place.admin1.isEmpty())
        where << incident.place.admin1.toHtmlEscaped();
    if (!incident.place.country.isEmpty())
        where << incident.place.country.toHtmlEscaped();
    if (!where.isEmpty())
        place += QStringLiteral(", ") + where.join(QStringLiteral(", "));
    place += QStringLiteral(" <span style=\"color:gray\">(%1)</span>").arg(precisionText(incident.place));
    const QString coordinates =
        incident.place.hasCoordinates()
            ? QStringLiteral("%1, %2").arg(*incident.place.lat, 0, 'f', 4).arg(*incident.place.lon, 0, 'f', 4)
            : missing.arg(tr("none: not placed on the map"));
    QStringList actors;
    for (const ActorRef& actor : incident.actors)
        actors << QStringLiteral("%1 <span style=\"color:gray\">(%2)</span>")
                      .arg(actor.name.toHtmlEscaped(), toString(actor.role));
    QString killed = incident.fatalities ? QString::number(*incident.fatalities) : tr("not reported");
    if (incident.fatalitiesHigh && incident.fatalities && *incident.fatalitiesHigh > *incident.fatalities)
        killed += QStringLiteral("–%1").arg(*incident.fatalitiesHigh);
    html += QStringLiteral("<table>");
    html += row(tr("Date"), date);
    html += row(tr("Place"), place);
    html += row(tr("Coordinates"), coordinates);
    html += row(tr("Actors"),
                actors.isEmpty() ? missing.arg(tr("none named")) : actors.join(QStringLiteral("<br>")));
    html += row(tr("Killed"), killed);
    if (incident.injured)
        html += row(tr("Injured"), QString::number(*incident.injured));
    html += row(tr("Sources"), QString::number(std::max<qsizetype>(1, incident.sourceReportIds.size())));
    html += row(tr("Confidence"), QStringLiteral("%1%").arg(qRound(incident.confidence * 100)));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4 style=\"margin-bottom:2px\">%1</h4>").arg(tr("Quotes"));
    if (incident.quotes.isEmpty())
        html +=
            QStringLiteral("<p style=\"color:gray\">%1</p>").arg(tr("No one is quoted about this incident."));
    for (int i = 0; i < incident.quotes.size(); ++i) {
        const Quote& quote = incident.quotes[i];
        const QString speaker = quote.speaker.isEmpty() ? tr("unattributed") : quote.speaker;
        html += QStringLiteral("<p style=\"margin:4px 0\"><a href=\"quote:%1\">“%2”</a><br>"
                               "<span style=\"color:gray\">— %3%4</span></p>")
                    .arg(i)
                    .arg(quote.text.toHtmlEscaped(), speaker.toHtmlEscaped(),
                         quote.indirect ? tr(" (reported speech)") : QString());
    }
    QStringList reasons;
    for (const Evidence& evidence : incident.evidence) {
        if (!evidence.reasoning.isEmpty())
            reasons << QStringLiteral("<li><b>%1</b>: %2</li>")
                           .arg(evidence.field.toHtmlEscaped(), evidence.reasoning.toHtmlEscaped());
    }
    if (!reasons.isEmpty())
        html +=
            QStringLiteral("<h4 style=\"margin-bottom:2px\">%1</h4><ul style=\"margin-left:-20px\">%2</ul>")
                .arg(tr("How the fields were found"), reasons.join(QString()));
    html +=
        QStringLiteral("<p style=\"color:gray\">%1 %2 %3 %4 %5</p>")
            .arg(tr("In the text:"), swatch(QStringLiteral("date"), tr("date")),
                 swatch(QStringLiteral("place"), tr("place")), swatch(QStringLiteral("actor"), tr("actors")),
                 swatch(QStringLiteral("quote"), tr("quotes")));
    const int scroll = m_card->verticalScrollBar()->value();
    m_card->setHtml(html);
    m_card->verticalScrollBar()->setValue(scroll);
}

void QuotePanel::showReport(int index)
{
    if (index < 0 || index >= m_reportIds.size() || !m_catalog.store())
        return;
    if (m_tabs->currentIndex() != index) {
        const QSignalBlocker block(m_tabs);
        m_tabs->setCurrentIndex(index);
    }
    m_report = m_catalog.store()->report(m_reportIds[index]);
    renderReport();
}

std::optional<std::pair<int, int>> QuotePanel::locateQuote(const Quote& quote) const
{
    if (!m_report)
        return std::nullopt;
    const QString& text = m_report->text;
    const CodePointIndex index(text);
    if (quote.start >= 0 && quote.end > quote.start) {
        const int start = index.toUtf16(quote.start);
        const int end = index.toUtf16(quote.end);
        if (QStringView(text).mid(start, end - start) == quote.text)
            return std::make_pair(start, end);
    }
    // Another report of the same incident: find the words themselves.
    const qsizetype found = quote.text.isEmpty() ? -1 : text.indexOf(quote.text);
    if (found < 0)
        return std::nullopt;
    return std::make_pair(int(found), int(found + quote.text.size()));
}

void QuotePanel::renderReport()
{
    if (!m_report || !m_incident) {
        m_reportTitle->setText(tr("<i>The source report is not in the database.</i>"));
        m_text->clear();
        return;
    }
    const Report& report = *m_report;
    QString title = QStringLiteral("<b>%1</b>")
                        .arg((report.title.isEmpty() ? tr("Untitled report") : report.title).toHtmlEscaped());
    QStringList meta;
    if (!report.source.isEmpty())
        meta << report.source.toHtmlEscaped();
    if (report.published.isValid())
        meta << report.published.toString(Qt::ISODate);
    if (!report.url.isEmpty())
        meta << QStringLiteral("<a href=\"%1\">%2</a>").arg(report.url.toHtmlEscaped(), tr("link"));
    if (!meta.isEmpty())
        title +=
            QStringLiteral("<br><span style=\"color:gray\">%1</span>").arg(meta.join(QStringLiteral(" · ")));
    m_reportTitle->setText(title);

    m_text->setPlainText(report.text);
    QTextDocument* document = m_text->document();
    const int length = document->characterCount() - 1;
    auto apply = [&](int start, int end, const EvidenceLook& look, const QString& tip) {
        start = std::clamp(start, 0, length);
        end = std::clamp(end, start, length);
        if (end <= start)
            return;
        QTextCursor cursor(document);
        cursor.setPosition(start);
        cursor.setPosition(end, QTextCursor::KeepAnchor);
        QTextCharFormat format;
        format.setBackground(look.background);
        if (look.italic)
            format.setFontItalic(true);
        if (look.underline) {
            format.setUnderlineStyle(QTextCharFormat::DotLine);
            format.setUnderlineColor(QColor(0xC0, 0x39, 0x2B));
        }
        if (!tip.isEmpty())
            format.setToolTip(tip);
        cursor.mergeCharFormat(format);
    };
    // Evidence offsets refer to the incident's own report; other reports only get their quotes marked.
    if (report.id == m_incident->reportId) {
        const CodePointIndex index(report.text);
        for (const Evidence& evidence : m_incident->evidence) {
            if (evidence.start < 0 || evidence.end <= evidence.start)
                continue;
            apply(index.toUtf16(evidence.start), index.toUtf16(evidence.end), lookFor(evidence.field),
                  QStringLiteral("%1: %2").arg(evidence.field, evidence.reasoning));
        }
    }
    for (const Quote& quote : m_incident->quotes) {
        if (const auto span = locateQuote(quote))
            apply(span->first, span->second, lookFor(QStringLiteral("quote")),
                  quote.speaker.isEmpty() ? tr("Quote, speaker unknown")
                                          : tr("Quote: %1").arg(quote.speaker));
    }
    m_text->moveCursor(QTextCursor::Start);
}

void QuotePanel::showQuote(int quoteIndex)
{
    if (!m_incident || quoteIndex < 0 || quoteIndex >= m_incident->quotes.size())
        return;
    const Quote& quote = m_incident->quotes[quoteIndex];
    // Look in the shown report first, then in the incident's other reports.
    std::optional<std::pair<int, int>> span = locateQuote(quote);
    for (int i = 0; !span && i < m_reportIds.size(); ++i) {
        if (i == currentReport())
            continue;
        showReport(i);
        span = locateQuote(quote);
    }
    if (!span)
        return;
    QTextCursor cursor(m_text->document());
    cursor.setPosition(span->first);
    cursor.setPosition(span->second, QTextCursor::KeepAnchor);
    m_text->setTextCursor(cursor);
    m_text->ensureCursorVisible();
}

void QuotePanel::onAnchor(const QUrl& url)
{
    if (url.scheme() == u"quote")
        showQuote(url.path().toInt());
}

} // namespace makran
