#include "exportdialog.h"

#include "annotate/annotationservice.h"
#include "annotate/annotationstore.h"
#include "annotate/exportannotations.h"
#include "state/incidentcatalog.h"
#include "store/store.h"
#include "workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace makran {

namespace {

QString formatLabel(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Pdf:
        return QObject::tr("PDF briefing");
    case ExportFormat::Html:
        return QObject::tr("HTML briefing (one file)");
    case ExportFormat::Markdown:
        return QObject::tr("Markdown briefing");
    case ExportFormat::GeoJson:
        return QObject::tr("GeoJSON (all fields)");
    case ExportFormat::Kml:
        return QObject::tr("KML (Google Earth)");
    case ExportFormat::Csv:
        return QObject::tr("CSV (one row per incident)");
    case ExportFormat::AcledCsv:
        return QObject::tr("ACLED CSV");
    case ExportFormat::Json:
        return QObject::tr("JSON (with sources)");
    }
    return toString(format);
}

} // namespace

ExportDialog::ExportDialog(Workspace& workspace, QWidget* parent) : QDialog(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export incidents"));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    // Briefings first: what most people export for someone else.
    for (ExportFormat format :
         {ExportFormat::Pdf, ExportFormat::Html, ExportFormat::Markdown, ExportFormat::GeoJson,
          ExportFormat::Kml, ExportFormat::Csv, ExportFormat::AcledCsv, ExportFormat::Json})
        m_format->addItem(QStringLiteral("%1 — %2").arg(toString(format), formatLabel(format)), int(format));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("exportPath"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_title = new QLineEdit(tr("Security incidents in Balochistan and Sistan and Baluchestan"), this);
    m_title->setObjectName(QStringLiteral("exportTitle"));
    m_author = new QLineEdit(AnnotationService::defaultAuthor(), this);
    m_author->setObjectName(QStringLiteral("exportAuthor"));

    m_byFilter = new QRadioButton(this);
    m_byFilter->setObjectName(QStringLiteral("scopeFilter"));
    m_bySelection = new QRadioButton(this);
    m_bySelection->setObjectName(QStringLiteral("scopeSelection"));
    auto* scopeBox = new QVBoxLayout;
    scopeBox->addWidget(m_byFilter);
    scopeBox->addWidget(m_bySelection);
    const IncidentCatalog& catalog = m_workspace.catalog();
    // More than one selected incident usually means "these"; otherwise the filter's view.
    (catalog.selection().selected().size() > 1 ? m_bySelection : m_byFilter)->setChecked(true);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("exportMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* run = m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    run->setObjectName(QStringLiteral("exportButton"));
    run->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File:"), pathRow);
    form->addRow(tr("Title:"), m_title);
    form->addRow(tr("Author:"), m_author);
    form->addRow(tr("Export:"), scopeBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(folder.isEmpty() ? QDir::homePath() : folder)
                        .filePath(QStringLiteral("makran-export.%1").arg(exportFormatSuffix(format()))));

    connect(browse, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // Keep the file's name, change its suffix with the format.
        const QFileInfo info(m_path->text());
        if (!m_path->text().isEmpty())
            m_path->setText(QDir(info.path())
                                .filePath(QStringLiteral("%1.%2").arg(info.completeBaseName(),
                                                                      exportFormatSuffix(format()))));
        updateState();
    });
    connect(m_byFilter, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(run, &QPushButton::clicked, this, [this] {
        if (exportNow() && isModal())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
    resize(560, sizeHint().height());
}

void ExportDialog::setFormat(ExportFormat format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_format->currentData().toInt());
}

void ExportDialog::setOutputPath(const QString& path)
{
    m_path->setText(path);
}

QString ExportDialog::outputPath() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setScope(Scope scope)
{
    (scope == Scope::Filter ? m_byFilter : m_bySelection)->setChecked(true);
}

ExportDialog::Scope ExportDialog::scope() const
{
    return m_bySelection->isChecked() ? Scope::Selection : Scope::Filter;
}

void ExportDialog::setBriefingTitle(const QString& title)
{
    m_title->setText(title);
}

void ExportDialog::setAuthor(const QString& author)
{
    m_author->setText(author);
}

QString ExportDialog::message() const
{
    return m_message->text();
}

QList<qint64> ExportDialog::incidentIds() const
{
    const IncidentCatalog& catalog = m_workspace.catalog();
    if (scope() == Scope::Filter)
        return catalog.visibleIds();
    QList<qint64> ids;
    for (qint64 id : catalog.selection().selected()) {
        if (catalog.byId(id))
            ids << id;
    }
    return ids;
}

void ExportDialog::updateState()
{
    const IncidentCatalog& catalog = m_workspace.catalog();
    const int shown = int(catalog.visibleIds().size());
    const int selected = int(catalog.selection().selected().size());
    m_byFilter->setText(catalog.filter().filter().isEmpty()
                            ? tr("All %n incident(s) (no filter is set)", nullptr, shown)
                            : tr("What the current filter shows: %n incident(s)", nullptr, shown));
    m_bySelection->setText(selected ? tr("The selected incident(s): %n", nullptr, selected)
                                    : tr("The selected incident(s): none selected"));
    const bool briefing = exportFormatNeedsGui(format());
    m_title->setEnabled(briefing);
    m_author->setEnabled(briefing);
    m_message->clear();
}

void ExportDialog::chooseFile()
{
    const QString suffix = exportFormatSuffix(format());
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export to"), outputPath(),
                                     tr("%1 files (*.%2);;All files (*)").arg(toString(format()), suffix));
    if (!path.isEmpty())
        m_path->setText(QFileInfo(path).suffix().isEmpty() ? QStringLiteral("%1.%2").arg(path, suffix)
                                                           : path);
}

ExportRequest ExportDialog::buildRequest(const QList<qint64>& ids) const
{
    const IncidentCatalog& catalog = m_workspace.catalog();
    ExportRequest request;
    for (qint64 id : ids) {
        if (const Incident* incident = catalog.byId(id))
            request.incidents << *incident;
    }
    Store* store = m_workspace.store();
    request.reportLookup = [store](qint64 id) -> std::optional<Report> {
        return store ? store->report(id) : std::nullopt;
    };
    request.filter = catalog.filter().filter();
    if (scope() == Scope::Selection)
        request.scope = tr("%n incident(s) selected by the analyst", nullptr, int(ids.size()));
    request.title = m_title->text().trimmed();
    request.author = m_author->text().trimmed();
    if (m_workspace.annotationStore() && m_workspace.annotationStore()->isReady())
        fillAnnotations(*m_workspace.annotationStore(), request);
    return request;
}

bool ExportDialog::exportNow()
{
    auto fail = [this](const QString& text) {
        m_message->setStyleSheet(QStringLiteral("color: #c0392b"));
        m_message->setText(text);
        return false;
    };
    if (!m_workspace.isOpen())
        return fail(tr("No database is open."));
    const QList<qint64> ids = incidentIds();
    if (ids.isEmpty())
        return fail(scope() == Scope::Selection
                        ? tr("Nothing is selected. Select incidents on the map, the timeline or the list "
                             "(Ctrl+click adds), or export what the filter shows.")
                        : tr("The current filter shows no incidents. Clear or widen the filter first."));
    if (outputPath().isEmpty())
        return fail(tr("Choose a file to export to."));
    QString error;
    QStringList warnings;
    if (!exportIncidents(format(), buildRequest(ids), outputPath(), &error, &warnings))
        return fail(tr("Nothing was written: %1").arg(error));
    QString text = tr("Wrote %n incident(s) to %1.", nullptr, int(ids.size()))
                       .arg(QDir::toNativeSeparators(outputPath()));
    if (!warnings.isEmpty())
        text += QLatin1Char('\n') + tr("Left out or incomplete: %1").arg(warnings.join(QStringLiteral("; ")));
    m_message->setStyleSheet(QString());
    m_message->setText(text);
    return true;
}

} // namespace makran
