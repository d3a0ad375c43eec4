#include "incidenteditor.h"

#include "annotate/annotationservice.h"
#include "annotate/incidentfields.h"
#include "placefield.h"
#include "state/incidentcatalog.h"
#include "workspace.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace makran {

namespace {

// What the place box shows: what IncidentFields::parse() reads back to the same gazetteer entry.
QString placeInput(const Place& place)
{
    if (place.name.isEmpty())
        return QString();
    const QString where =
        !place.admin1.isEmpty() && place.admin1 != place.name ? place.admin1 : place.country;
    return where.isEmpty() || where == place.name ? place.name
                                                  : QStringLiteral("%1, %2").arg(place.name, where);
}

QString actorsInput(const QList<ActorRef>& actors)
{
    QStringList parts;
    for (const ActorRef& actor : actors)
        parts << QStringLiteral("%1:%2").arg(actor.name, toString(actor.role));
    return parts.join(QStringLiteral("; "));
}

QString number(const std::optional<int>& value)
{
    return value ? QString::number(*value) : QString();
}

QLineEdit* countEdit(QWidget* parent, const QString& placeholder)
{
    auto* edit = new QLineEdit(parent);
    static const QRegularExpression digits(QStringLiteral("[0-9]{0,9}"));
    edit->setValidator(new QRegularExpressionValidator(digits, edit));
    edit->setPlaceholderText(placeholder);
    return edit;
}

QString fieldLabel(const QString& field)
{
    QString label = field;
    label.replace(u'_', u' ');
    return label;
}

} // namespace

IncidentEditor::IncidentEditor(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_workspace(workspace)
{
    setObjectName(QStringLiteral("incidentEditor"));
    m_header = new QLabel(this);
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("editorError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b"));
    m_error->hide();

    m_body = new QWidget(this);
    auto* bodyLayout = new QVBoxLayout(m_body);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(1);
    grid->setColumnStretch(1, 1);
    buildForm(grid);
    bodyLayout->addLayout(grid);

    auto* notesBox = new QGroupBox(tr("Notes"), m_body);
    auto* notesLayout = new QVBoxLayout(notesBox);
    m_notes = new QLabel(notesBox);
    m_notes->setWordWrap(true);
    m_notes->setTextFormat(Qt::RichText);
    m_note = new QPlainTextEdit(notesBox);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("What you know that the reports do not say…"));
    m_note->setFixedHeight(m_note->fontMetrics().lineSpacing() * 3 + 10);
    auto* addNoteButton = new QPushButton(tr("Add note"), notesBox);
    addNoteButton->setObjectName(QStringLiteral("addNoteButton"));
    notesLayout->addWidget(m_notes);
    notesLayout->addWidget(m_note);
    notesLayout->addWidget(addNoteButton, 0, Qt::AlignRight);
    connect(addNoteButton, &QPushButton::clicked, this, &IncidentEditor::addNote);
    bodyLayout->addWidget(notesBox);

    auto* relatedBox = new QGroupBox(tr("Links and competing claims"), m_body);
    auto* relatedLayout = new QVBoxLayout(relatedBox);
    m_links = new QLabel(relatedBox);
    m_links->setWordWrap(true);
    m_links->setTextFormat(Qt::RichText);
    m_claims = new QTreeWidget(relatedBox);
    m_claims->setObjectName(QStringLiteral("claimsView"));
    m_claims->setHeaderLabels({tr("Claimant"), tr("Field"), tr("Says")});
    m_claims->setRootIsDecorated(false);
    m_claims->setMaximumHeight(m_claims->fontMetrics().height() * 7);
    m_claims->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_claims->header()->setStretchLastSection(true);
    relatedLayout->addWidget(m_links);
    relatedLayout->addWidget(m_claims);
    bodyLayout->addWidget(relatedBox);

    auto* historyBox = new QGroupBox(tr("History"), m_body);
    auto* historyLayout = new QVBoxLayout(historyBox);
    m_history = new QTreeWidget(historyBox);
    m_history->setObjectName(QStringLiteral("historyView"));
    // One column of two-line entries (the change, then who and when): the dock is narrow.
    m_history->setColumnCount(1);
    m_history->setHeaderHidden(true);
    m_history->setRootIsDecorated(false);
    m_history->setWordWrap(true);
    m_history->setUniformRowHeights(false);
    m_history->setAlternatingRowColors(true);
    m_history->setTextElideMode(Qt::ElideNone);
    m_history->setMinimumHeight(m_history->fontMetrics().height() * 10);
    historyLayout->addWidget(m_history);
    bodyLayout->addWidget(historyBox);
    bodyLayout->addStretch(1);

    // Wide enough for a date range and a place with its province.
    setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 19);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(scroll);
    auto* innerLayout = new QVBoxLayout(inner);
    innerLayout->setContentsMargins(4, 4, 4, 4);
    innerLayout->addWidget(m_header);
    innerLayout->addWidget(m_error);
    innerLayout->addWidget(m_body, 1);
    scroll->setWidget(inner);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(&m_workspace.catalog().selection(), &SelectionState::changed, this, &IncidentEditor::refresh);
    connect(&m_workspace.catalog(), &IncidentCatalog::reloaded, this, &IncidentEditor::refresh);
    // Another incident's edit can change this one too (a merge, a link), so not only the current's.
    connect(&m_workspace.catalog(), &IncidentCatalog::incidentsChanged, this, &IncidentEditor::refresh);
    connect(&m_workspace.mapPick(), &MapPickState::activeChanged, this, [this](bool active) {
        const QSignalBlocker block(m_pick);
        m_pick->setChecked(active);
        m_pick->setText(active ? tr("Click the map… (Esc)") : tr("Pick on map"));
    });
    refresh();
}

QLabel* IncidentEditor::confidenceMarkerFor(const QString& field) const
{
    const Row* row = rowOf(field);
    return row ? row->marker : nullptr;
}

QLabel* IncidentEditor::extractedLabelFor(const QString& field) const
{
    const Row* row = rowOf(field);
    return row ? row->extracted : nullptr;
}

QToolButton* IncidentEditor::revertButtonFor(const QString& field) const
{
    const Row* row = rowOf(field);
    return row ? row->revert : nullptr;
}

const IncidentEditor::Row* IncidentEditor::rowOf(const QString& field) const
{
    for (const Row& row : m_rows) {
        if (row.fields.contains(field))
            return &row;
    }
    return nullptr;
}

QWidget* IncidentEditor::editorFor(const QString& field) const
{
    const QHash<QString, QWidget*> editors = {
        {QStringLiteral("date"), m_date},
        {QStringLiteral("date_end"), m_dateEnd},
        {QStringLiteral("date_precision"), m_precision},
        {QStringLiteral("place"), m_place},
        {QStringLiteral("event_type"), m_eventType},
        {QStringLiteral("sub_event_type"), m_subEventType},
        {QStringLiteral("actors"), m_actors},
        {QStringLiteral("fatalities"), m_fatalities},
        {QStringLiteral("fatalities_high"), m_fatalitiesHigh},
        {QStringLiteral("injured"), m_injured},
        {QStringLiteral("summary"), m_summary},
        {QStringLiteral("confidence"), m_confidence},
        {QStringLiteral("status"), m_status},
        {QStringLiteral("tags"), m_tags},
        {QStringLiteral("note"), m_note},
    };
    return editors.value(field);
}

IncidentEditor::Row& IncidentEditor::addRow(QGridLayout* grid, const QString& label, QWidget* editor,
                                            const QStringList& fields, const QString& evidenceField)
{
    const int line = grid->rowCount();
    Row row;
    row.fields = fields;
    row.evidenceField = evidenceField;
    row.marker = new QLabel(QStringLiteral("●"), m_body);
    row.marker->setStyleSheet(QStringLiteral("color: #e69f00"));
    row.marker->setObjectName(QStringLiteral("lowConfidence-%1").arg(fields.first()));
    row.marker->hide();
    row.revert = new QToolButton(m_body);
    row.revert->setObjectName(QStringLiteral("revert-%1").arg(fields.first()));
    row.revert->setText(QStringLiteral("↺"));
    row.revert->setToolTip(tr("Back to the extracted value"));
    row.revert->setAutoRaise(true);
    row.extracted = new QLabel(m_body);
    row.extracted->setObjectName(QStringLiteral("extracted-%1").arg(fields.first()));
    row.extracted->setStyleSheet(QStringLiteral("color: gray"));
    row.extracted->setWordWrap(true);
    row.extracted->hide();
    auto* name = new QLabel(label, m_body);
    grid->addWidget(name, line, 0, Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(editor, line, 1);
    grid->addWidget(row.marker, line, 2);
    grid->addWidget(row.revert, line, 3);
    grid->addWidget(row.extracted, line + 1, 1, 1, 3);
    m_rows.append(row);
    const QStringList rowFields = fields;
    connect(row.revert, &QToolButton::clicked, this, [this, rowFields] {
        if (const Row* found = rowOf(rowFields.first()))
            revertRow(*found);
    });
    return m_rows.last();
}

void IncidentEditor::buildForm(QGridLayout* grid)
{
    auto commitOn = [this](const QString& field) { return [this, field] { commitRow(field); }; };

    // Date: from, to and how precisely it is known, edited together (the end may not precede the start).
    auto* dateBox = new QWidget(m_body); // from, to; the precision below
    auto* dateLayout = new QHBoxLayout(dateBox);
    dateLayout->setContentsMargins(0, 0, 0, 0);
    m_date = new QLineEdit(dateBox);
    m_date->setPlaceholderText(tr("YYYY-MM-DD"));
    m_date->setObjectName(QStringLiteral("edit-date"));
    m_dateEnd = new QLineEdit(dateBox);
    m_dateEnd->setPlaceholderText(tr("end"));
    m_dateEnd->setObjectName(QStringLiteral("edit-date_end"));
    m_precision = new QComboBox(dateBox);
    m_precision->setObjectName(QStringLiteral("edit-date_precision"));
    for (const QString& precision : {QStringLiteral("day"), QStringLiteral("week"), QStringLiteral("month"),
                                     QStringLiteral("year"), QStringLiteral("unknown")})
        m_precision->addItem(precision, precision);
    dateLayout->addWidget(m_date, 1);
    dateLayout->addWidget(new QLabel(tr("to"), dateBox));
    dateLayout->addWidget(m_dateEnd, 1);
    auto* dateColumn = new QWidget(m_body);
    auto* dateColumnLayout = new QVBoxLayout(dateColumn);
    dateColumnLayout->setContentsMargins(0, 0, 0, 0);
    dateColumnLayout->setSpacing(1);
    dateColumnLayout->addWidget(dateBox);
    dateColumnLayout->addWidget(m_precision);
    m_precision->setToolTip(tr("How precisely the date is known"));
    addRow(grid, tr("Date"), dateColumn,
           {QStringLiteral("date"), QStringLiteral("date_end"), QStringLiteral("date_precision")},
           QStringLiteral("date"));
    connect(m_date, &QLineEdit::editingFinished, this, commitOn(QStringLiteral("date")));
    connect(m_dateEnd, &QLineEdit::editingFinished, this, commitOn(QStringLiteral("date")));
    connect(m_precision, &QComboBox::activated, this, commitOn(QStringLiteral("date")));

    auto* placeBox = new QWidget(m_body);
    auto* placeLayout = new QVBoxLayout(placeBox);
    placeLayout->setContentsMargins(0, 0, 0, 0);
    placeLayout->setSpacing(1);
    m_place = new PlaceField(placeBox);
    m_place->setObjectName(QStringLiteral("edit-place"));
    m_pick = new QPushButton(tr("Pick on map"), placeBox);
    m_pick->setObjectName(QStringLiteral("pickOnMap"));
    m_pick->setCheckable(true);
    m_pick->setToolTip(tr("The next click on the map places this incident there (Esc on the map cancels)"));
    placeLayout->addWidget(m_place);
    placeLayout->addWidget(m_pick, 0, Qt::AlignLeft);
    addRow(grid, tr("Place"), placeBox, {QStringLiteral("place")}, QStringLiteral("place"));
    connect(m_place, &QLineEdit::editingFinished, this, commitOn(QStringLiteral("place")));
    connect(m_place, &PlaceField::placeChosen, this, commitOn(QStringLiteral("place")));
    connect(m_pick, &QPushButton::toggled, this, [this](bool on) {
        if (on && m_item)
            m_workspace.mapPick().request(m_item->incident.id);
        else
            m_workspace.mapPick().cancel();
    });

    m_eventType = new QComboBox(m_body);
    m_eventType->setObjectName(QStringLiteral("edit-event_type"));
    m_eventType->addItem(tr("(unknown)"), QString());
    for (const QString& type : IncidentFields::eventTypes())
        m_eventType->addItem(type, type);
    m_subEventType = new QComboBox(m_body);
    m_subEventType->setObjectName(QStringLiteral("edit-sub_event_type"));
    auto* typeBox = new QWidget(m_body);
    auto* typeLayout = new QVBoxLayout(typeBox);
    typeLayout->setContentsMargins(0, 0, 0, 0);
    typeLayout->setSpacing(1);
    typeLayout->addWidget(m_eventType);
    typeLayout->addWidget(m_subEventType);
    addRow(grid, tr("Event"), typeBox, {QStringLiteral("event_type"), QStringLiteral("sub_event_type")},
           QStringLiteral("event_type"));
    connect(m_eventType, &QComboBox::activated, this, [this] {
        // A sub-event type of another event type cannot stay.
        fillSubEventTypes(m_eventType->currentData().toString(), m_subEventType->currentData().toString());
        commitRow(QStringLiteral("event_type"));
    });
    connect(m_subEventType, &QComboBox::activated, this, commitOn(QStringLiteral("event_type")));

    m_actors = new QLineEdit(m_body);
    m_actors->setObjectName(QStringLiteral("edit-actors"));
    m_actors->setPlaceholderText(tr("Name:role; Name:role"));
    m_actors->setToolTip(
        tr("Actors separated by ';', each with its role after a colon: perpetrator, target, "
           "claimant or mentioned (the default). Known names take the dictionary's spelling."));
    addRow(grid, tr("Actors"), m_actors, {QStringLiteral("actors")}, QStringLiteral("actor"));
    connect(m_actors, &QLineEdit::editingFinished, this, commitOn(QStringLiteral("actors")));

    auto* killedBox = new QWidget(m_body);
    auto* killedLayout = new QHBoxLayout(killedBox);
    killedLayout->setContentsMargins(0, 0, 0, 0);
    m_fatalities = countEdit(killedBox, tr("unknown"));
    m_fatalities->setObjectName(QStringLiteral("edit-fatalities"));
    m_fatalitiesHigh = countEdit(killedBox, tr("high"));
    m_fatalitiesHigh->setObjectName(QStringLiteral("edit-fatalities_high"));
    killedLayout->addWidget(m_fatalities);
    killedLayout->addWidget(new QLabel(tr("to"), killedBox));
    killedLayout->addWidget(m_fatalitiesHigh);
    addRow(grid, tr("Killed"), killedBox, {QStringLiteral("fatalities"), QStringLiteral("fatalities_high")},
           QStringLiteral("fatalities"));
    connect(m_fatalities, &QLineEdit::editingFinished, this, commitOn(QStringLiteral("fatalities")));
    connect(m_fatalitiesHigh, &QLineEdit::editingFinished, this, commitOn(QStringLiteral("fatalities")));

    m_injured = countEdit(m_body, tr("unknown"));
    m_injured->setObjectName(QStringLiteral("edit-injured"));
    addRow(grid, tr("Injured"), m_injured, {QStringLiteral("injured")}, QStringLiteral("injured"));
    connect(m_injured, &QLineEdit::editingFinished, this, commitOn(QStringLiteral("injured")));

    m_summary = new QLineEdit(m_body);
    m_summary->setObjectName(QStringLiteral("edit-summary"));
    addRow(grid, tr("Summary"), m_summary, {QStringLiteral("summary")}, QString());
    connect(m_summary, &QLineEdit::editingFinished, this, commitOn(QStringLiteral("summary")));

    m_confidence = new QSpinBox(m_body);
    m_confidence->setObjectName(QStringLiteral("edit-confidence"));
    m_confidence->setRange(0, 100);
    m_confidence->setSuffix(QStringLiteral(" %"));
    m_confidence->setToolTip(tr("How much you trust this incident as a whole"));
    addRow(grid, tr("Confidence"), m_confidence, {QStringLiteral("confidence")}, QString());
    connect(m_confidence, &QSpinBox::editingFinished, this, commitOn(QStringLiteral("confidence")));

    m_status = new QComboBox(m_body);
    m_status->setObjectName(QStringLiteral("edit-status"));
    for (const QString& status : IncidentFields::statuses())
        m_status->addItem(status, status);
    addRow(grid, tr("Review"), m_status, {QStringLiteral("status")}, QString());
    connect(m_status, &QComboBox::activated, this, commitOn(QStringLiteral("status")));

    m_tags = new QLineEdit(m_body);
    m_tags->setObjectName(QStringLiteral("edit-tags"));
    m_tags->setPlaceholderText(tr("tags, separated by commas"));
    const int line = grid->rowCount();
    grid->addWidget(new QLabel(tr("Tags"), m_body), line, 0, Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(m_tags, line, 1, 1, 3);
    connect(m_tags, &QLineEdit::editingFinished, this, &IncidentEditor::commitTags);
}

void IncidentEditor::fillSubEventTypes(const QString& eventType, const QString& current)
{
    const QSignalBlocker block(m_subEventType);
    m_subEventType->clear();
    m_subEventType->addItem(tr("(sub-event type unknown)"), QString());
    const QStringList types = eventType.isEmpty() ? QStringList() : IncidentFields::subEventTypes(eventType);
    for (const QString& type : types)
        m_subEventType->addItem(type, type);
    const int index = m_subEventType->findData(current);
    m_subEventType->setCurrentIndex(index < 0 ? 0 : index);
}

QList<std::pair<QString, QString>> IncidentEditor::inputsOf(const Row& row) const
{
    QList<std::pair<QString, QString>> inputs;
    for (const QString& field : row.fields) {
        QString value;
        if (auto* edit = qobject_cast<QLineEdit*>(editorFor(field)))
            value = edit->text().trimmed();
        else if (auto* combo = qobject_cast<QComboBox*>(editorFor(field)))
            value = combo->currentData().toString();
        else if (field == u"confidence")
            value = QString::number(m_confidence->value() / 100.0);
        inputs.append({field, value});
    }
    return inputs;
}

bool IncidentEditor::commitRow(const QString& field)
{
    const Row* row = rowOf(field);
    if (m_filling || !row || !m_item)
        return false;
    return commit(inputsOf(*row));
}

bool IncidentEditor::commit(const QList<std::pair<QString, QString>>& inputs)
{
    AnnotationService* service = m_workspace.annotations();
    if (!service || !m_item)
        return false;
    // Only what the user changed: the boxes show a readable form, not always the stored one (a place
    // picked on the map has no gazetteer name to type back).
    QList<std::pair<QString, QString>> changed;
    for (const auto& [field, input] : inputs) {
        QString stored;
        const QString current =
            field == u"status" ? m_item->status : IncidentFields::valueOf(m_item->incident, field);
        const bool same =
            field == u"confidence"
                ? qRound(current.toDouble() * 100) == qRound(input.toDouble() * 100)
                : (field == u"place" ? input == placeInput(m_item->incident.place)
                   : field == u"actors"
                       ? input == actorsInput(m_item->incident.actors)
                       : IncidentFields::parse(field, input, &stored, nullptr) && stored == current);
        if (!same)
            changed.append({field, input});
    }
    if (changed.isEmpty())
        return true;
    QString error;
    const bool ok = service->setFields(m_item->incident.id, changed, &error);
    if (ok)
        emit statusMessage(service->lastChanges().join(QStringLiteral("; ")));
    return report(ok, error);
}

bool IncidentEditor::revertRow(const Row& row)
{
    AnnotationService* service = m_workspace.annotations();
    if (!service || !m_item)
        return false;
    QStringList overridden;
    for (const QString& field : row.fields) {
        if (m_item->overrideOf(field))
            overridden << field;
    }
    if (overridden.isEmpty())
        return true;
    const qint64 id = m_item->incident.id;
    QUndoStack& stack = m_workspace.undoStack();
    if (overridden.size() > 1)
        stack.beginMacro(
            tr("Restore extracted %1 of incident %2").arg(fieldLabel(row.fields.first())).arg(id));
    QString error;
    bool ok = true;
    for (const QString& field : std::as_const(overridden)) {
        if (!service->revertField(id, field, &error)) {
            ok = false;
            break;
        }
    }
    if (overridden.size() > 1)
        stack.endMacro();
    return report(ok, error);
}

bool IncidentEditor::commitTags()
{
    AnnotationService* service = m_workspace.annotations();
    if (m_filling || !service || !m_item)
        return false;
    QStringList tags;
    for (const QString& tag : m_tags->text().split(u',', Qt::SkipEmptyParts)) {
        if (!tag.trimmed().isEmpty() && !tags.contains(tag.trimmed()))
            tags << tag.trimmed();
    }
    if (tags == m_item->tags)
        return true;
    QString error;
    return report(service->setTags(m_item->incident.id, tags, &error), error);
}

bool IncidentEditor::addNote()
{
    AnnotationService* service = m_workspace.annotations();
    const QString text = m_note->toPlainText().trimmed();
    if (!service || !m_item || text.isEmpty())
        return false;
    QString error;
    const bool ok = service->addNote(m_item->incident.id, text, &error);
    if (ok)
        m_note->clear();
    return report(ok, error);
}

bool IncidentEditor::report(bool ok, const QString& error)
{
    m_lastError = ok ? QString() : error;
    m_error->setText(m_lastError);
    m_error->setVisible(!ok);
    if (!ok)
        emit statusMessage(error);
    return ok;
}

void IncidentEditor::setEnabledAll(bool enabled)
{
    m_body->setVisible(enabled);
}

void IncidentEditor::refresh()
{
    AnnotationService* service = m_workspace.annotations();
    const qint64 current = m_workspace.catalog().selection().current();
    const qint64 previous = incidentId();
    m_item.reset();
    if (service && current)
        m_item = service->incident(current);
    if (previous != incidentId()) {
        m_error->hide();
        m_lastError.clear();
        if (m_workspace.mapPick().isActive() && m_workspace.mapPick().incidentId() != incidentId())
            m_workspace.mapPick().cancel();
    }
    if (!m_item) {
        m_header->setText(QStringLiteral("<p style=\"color:gray\">%1</p>")
                              .arg(!m_workspace.isOpen() ? tr("No database open.")
                                   : !service            ? tr("This database cannot hold annotations.")
                                              : tr("Select an incident to correct and annotate it.")));
        setEnabledAll(false);
        return;
    }
    setEnabledAll(true);
    const Incident& incident = m_item->incident;
    m_header->setText(
        tr("<b>Incident #%1</b> · %2 · %3")
            .arg(incident.id)
            .arg((incident.eventType.isEmpty() ? tr("type unknown") : incident.eventType).toHtmlEscaped(),
                 (incident.place.name.isEmpty() ? tr("no place") : incident.place.name).toHtmlEscaped()));
    const QScopedValueRollback<bool> guard(m_filling, true);
    fillFields();
    fillRowStates();
    fillNotesAndLinks();
    fillClaims();
    fillHistory();
}

void IncidentEditor::fillFields()
{
    const Incident& incident = m_item->incident;
    auto setText = [](QLineEdit* edit, const QString& text) {
        if (edit->text() != text)
            edit->setText(text);
        edit->setCursorPosition(0);
    };
    auto setCombo = [](QComboBox* combo, const QString& value) {
        const QSignalBlocker block(combo);
        const int index = combo->findData(value);
        combo->setCurrentIndex(index < 0 ? 0 : index);
    };
    setText(m_date, incident.date.isValid() ? incident.date.toString(Qt::ISODate) : QString());
    setText(m_dateEnd, incident.dateEnd.isValid() ? incident.dateEnd.toString(Qt::ISODate) : QString());
    setCombo(m_precision, toString(incident.datePrecision));
    setText(m_place, placeInput(incident.place));
    m_place->setToolTip(IncidentFields::display(u"place", IncidentFields::placeToStored(incident.place)));
    setCombo(m_eventType, incident.eventType);
    fillSubEventTypes(incident.eventType, incident.subEventType);
    setText(m_actors, actorsInput(incident.actors));
    setText(m_fatalities, number(incident.fatalities));
    setText(m_fatalitiesHigh, number(incident.fatalitiesHigh));
    setText(m_injured, number(incident.injured));
    setText(m_summary, incident.summary);
    {
        const QSignalBlocker block(m_confidence);
        m_confidence->setValue(qRound(incident.confidence * 100));
    }
    setCombo(m_status, m_item->status);
    setText(m_tags, m_item->tags.join(QStringLiteral(", ")));
}

void IncidentEditor::fillRowStates()
{
    // Evidence an analyst marked replaces the engine's (and is sure), so a marked field is not flagged.
    const Incident& incident = m_item->incident;
    const QStringList low = incident.lowConfidenceFields();
    for (Row& row : m_rows) {
        QStringList extracted;
        bool overridden = false; // also when the analyst confirmed the extracted value
        for (const QString& field : row.fields) {
            const FieldOverride* change = m_item->overrideOf(field);
            if (change)
                overridden = true;
            const QString now =
                field == u"status" ? m_item->status : IncidentFields::valueOf(incident, field);
            if (change && change->extractedValue != now) {
                const QString value = IncidentFields::display(field, change->extractedValue);
                extracted << (field == row.fields.first()
                                  ? value
                                  : QStringLiteral("%1 %2").arg(fieldLabel(field), value));
            }
        }
        row.extracted->setText(tr("extracted: %1").arg(extracted.join(QStringLiteral(" · "))));
        row.extracted->setVisible(!extracted.isEmpty());
        row.revert->setEnabled(overridden);
        row.revert->setToolTip(
            extracted.isEmpty()
                ? tr("This is the extracted value")
                : tr("Back to the extracted value (%1)").arg(extracted.join(QStringLiteral(" · "))));
        // The engine's doubt matters until an analyst has set the value.
        const bool flagged = !row.evidenceField.isEmpty() && !overridden && low.contains(row.evidenceField);
        row.marker->setVisible(flagged);
        if (flagged) {
            QStringList reasons;
            for (const Evidence& evidence : incident.evidence) {
                if (evidence.field == row.evidenceField && !evidence.reasoning.isEmpty())
                    reasons << evidence.reasoning;
            }
            row.marker->setToolTip(
                tr("Low confidence (%1%): check this value against the report.%2")
                    .arg(qRound(std::max(0.0, incident.fieldConfidence(row.evidenceField)) * 100))
                    .arg(reasons.isEmpty() ? QString()
                                           : QStringLiteral("\n") + reasons.join(QStringLiteral("\n"))));
        }
    }
}

void IncidentEditor::fillNotesAndLinks()
{
    QStringList notes;
    for (const AnnotationNote& note : m_item->notes)
        notes << QStringLiteral(
                     "<p style=\"margin:2px 0\">%1<br><span style=\"color:gray\">— %2, %3</span></p>")
                     .arg(note.text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")),
                          note.author.toHtmlEscaped(), note.at.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    m_notes->setText(notes.isEmpty()
                         ? QStringLiteral("<span style=\"color:gray\">%1</span>").arg(tr("No notes yet."))
                         : notes.join(QString()));
    QStringList links;
    for (const IncidentLink& link : m_item->links)
        links << tr("%1 #%2").arg(link.label().toHtmlEscaped()).arg(link.otherId);
    for (qint64 id : m_item->absorbedIds)
        links << tr("absorbed #%1 (merged)").arg(id);
    for (qint64 id : m_item->detachedReportIds)
        links << tr("report %1 separated").arg(id);
    m_links->setText(links.isEmpty() ? QStringLiteral("<span style=\"color:gray\">%1</span>")
                                           .arg(tr("Not linked to other incidents (Incident ▸ Link as)."))
                                     : links.join(QStringLiteral("<br>")));
}

void IncidentEditor::fillClaims()
{
    m_claims->clear();
    for (const Claim& claim : m_item->incident.claims) {
        auto* item =
            new QTreeWidgetItem(m_claims, {claim.claimant.isEmpty() ? tr("unattributed") : claim.claimant,
                                           fieldLabel(claim.field), claim.value});
        item->setToolTip(2, claim.value);
        // The claimant may be an outlet or a title, which several reports can share: the id finds the report.
        if (claim.reportId)
            item->setToolTip(0, tr("%1, in report #%2").arg(item->text(0)).arg(claim.reportId));
    }
    m_claims->setVisible(!m_item->incident.claims.isEmpty());
}

void IncidentEditor::fillHistory()
{
    m_history->clear();
    AnnotationService* service = m_workspace.annotations();
    const QList<HistoryEntry> entries = service->history(m_item->incident.id);
    // Newest first: what was just done is at the top.
    for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
        const HistoryEntry& entry = *it;
        QString change = entry.action;
        if (!entry.field.isEmpty())
            change += QStringLiteral(" %1").arg(entry.field);
        if (entry.action == u"set" || entry.action == u"tags")
            change += QStringLiteral(": %1 → %2").arg(entry.oldValue, entry.newValue);
        else if (!entry.newValue.isEmpty())
            change += QStringLiteral(": %1").arg(entry.newValue);
        QString who = tr("%1 · %2 UTC")
                          .arg(entry.author, entry.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (entry.undone)
            who += tr(" · undone by %1").arg(entry.undoneBy);
        auto* item = new QTreeWidgetItem(m_history, {change + QLatin1Char('\n') + who});
        item->setData(0, Qt::UserRole, change);
        item->setToolTip(0, entry.describe());
        if (entry.undone) {
            QFont font = item->font(0);
            font.setStrikeOut(true);
            item->setFont(0, font);
            item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
        }
    }
}

} // namespace makran
