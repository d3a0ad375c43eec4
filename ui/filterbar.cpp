#include "filterbar.h"

#include "render/eventstyle.h"
#include "state/incidentcatalog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScopedValueRollback>
#include <QTimer>
#include <QToolButton>

#include <set>

namespace makran {

namespace {
// QDateEdit has no empty state: its minimum date, shown as "any", stands for "no bound".
const QDate kNoDate(1900, 1, 1);

QDate boundOf(const QDateEdit* edit)
{
    return edit->date() == kNoDate ? QDate() : edit->date();
}

QDateEdit* makeDateEdit(QWidget* parent, const QString& name, const QString& tip)
{
    auto* edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(kNoDate);
    edit->setSpecialValueText(QObject::tr("any"));
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setDate(kNoDate);
    edit->setToolTip(tip);
    return edit;
}
} // namespace

FilterBar::FilterBar(IncidentCatalog& catalog, QWidget* parent) : QWidget(parent), m_catalog(catalog)
{
    setObjectName(QStringLiteral("filterBar"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search reports and quotes…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(180);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250); // FTS is fast; this only avoids a query per keystroke
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::applyTextNow);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            applyTextNow(); // the clear button
    });
    connect(m_searchDelay, &QTimer::timeout, this, &FilterBar::applyTextNow);

    m_from = makeDateEdit(this, QStringLiteral("dateFrom"), tr("First day to show"));
    m_to = makeDateEdit(this, QStringLiteral("dateTo"), tr("Last day to show"));
    connect(m_from, &QDateEdit::dateChanged, this, &FilterBar::pushDates);
    connect(m_to, &QDateEdit::dateChanged, this, &FilterBar::pushDates);

    m_types = new QToolButton(this);
    m_types->setObjectName(QStringLiteral("eventTypes"));
    m_types->setPopupMode(QToolButton::InstantPopup);
    m_typeMenu = new QMenu(m_types);
    for (const EventStyle& style : EventStyles::all()) {
        QAction* action = m_typeMenu->addAction(style.label);
        action->setCheckable(true);
        action->setData(style.eventType);
        connect(action, &QAction::toggled, this, [this] {
            if (m_following)
                return;
            QSet<QString> types;
            for (QAction* a : m_typeMenu->actions()) {
                if (a->isChecked())
                    types << a->data().toString();
            }
            m_catalog.filter().setEventTypes(types);
        });
    }
    m_types->setMenu(m_typeMenu);

    auto makeCombo = [this](const QString& name, const QString& tip, bool editable) {
        auto* combo = new QComboBox(this);
        combo->setObjectName(name);
        combo->setToolTip(tip);
        combo->setEditable(editable);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumContentsLength(10);
        return combo;
    };
    m_actor = makeCombo(QStringLiteral("actor"), tr("Incidents naming this actor"), true);
    m_actor->lineEdit()->setPlaceholderText(tr("any actor"));
    m_province = makeCombo(QStringLiteral("province"), tr("Province"), false);
    m_country = makeCombo(QStringLiteral("country"), tr("Country"), false);
    connect(m_actor->lineEdit(), &QLineEdit::editingFinished, this, [this] {
        if (!m_following)
            m_catalog.filter().setActor(m_actor->currentText().trimmed());
    });
    connect(m_actor, &QComboBox::activated, this, [this] {
        if (!m_following)
            m_catalog.filter().setActor(m_actor->currentText().trimmed());
    });
    connect(m_province, &QComboBox::activated, this,
            [this] { m_catalog.filter().setAdmin1(m_province->currentData().toString()); });
    connect(m_country, &QComboBox::activated, this,
            [this] { m_catalog.filter().setCountry(m_country->currentData().toString()); });

    m_clear = new QToolButton(this);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Show every incident"));
    connect(m_clear, &QToolButton::clicked, this, [this] { m_catalog.filter().clear(); });

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_search, 3);
    layout->addWidget(new QLabel(tr("From"), this));
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), this));
    layout->addWidget(m_to);
    layout->addWidget(m_types);
    layout->addWidget(m_actor, 1);
    layout->addWidget(m_province, 1);
    layout->addWidget(m_country);
    layout->addWidget(m_clear);

    connect(&m_catalog.filter(), &FilterState::changed, this, &FilterBar::follow);
    connect(&m_catalog, &IncidentCatalog::reloaded, this, &FilterBar::refreshChoices);
    connect(&m_catalog, &IncidentCatalog::incidentsChanged, this, &FilterBar::refreshChoices); // a new actor
    refreshChoices();
    follow();
}

void FilterBar::applyTextNow()
{
    m_searchDelay->stop();
    m_catalog.filter().setText(m_search->text().trimmed());
}

void FilterBar::pushDates()
{
    if (m_following)
        return;
    m_catalog.filter().setDateRange(boundOf(m_from), boundOf(m_to));
}

void FilterBar::updateTypeButton()
{
    const QSet<QString>& types = m_catalog.filter().filter().eventTypes;
    m_types->setText(types.isEmpty() ? tr("All event types")
                                     : tr("%n event type(s)", nullptr, int(types.size())));
}

void FilterBar::refreshChoices()
{
    const QScopedValueRollback<bool> guard(m_following, true);
    std::set<QString> provinces;
    std::set<QString> countries;
    std::set<QString> actors;
    for (const Incident& incident : m_catalog.all()) {
        if (!incident.place.admin1.isEmpty())
            provinces.insert(incident.place.admin1);
        if (!incident.place.country.isEmpty())
            countries.insert(incident.place.country);
        for (const ActorRef& actor : incident.actors)
            actors.insert(actor.name);
    }
    // The focus provinces are always offered, even before any incident is there.
    provinces.insert(QStringLiteral("Balochistan"));
    provinces.insert(QStringLiteral("Sistan and Baluchestan"));
    countries.insert(QStringLiteral("PK"));
    countries.insert(QStringLiteral("IR"));
    m_province->clear();
    m_province->addItem(tr("All provinces"), QString());
    for (const QString& province : provinces)
        m_province->addItem(province, province);
    m_country->clear();
    m_country->addItem(tr("All countries"), QString());
    for (const QString& country : countries)
        m_country->addItem(country, country);
    const QString actorText = m_catalog.filter().filter().actor;
    m_actor->clear();
    for (const QString& actor : actors)
        m_actor->addItem(actor);
    m_actor->setCurrentText(actorText);
    follow();
}

void FilterBar::follow()
{
    const QScopedValueRollback<bool> guard(m_following, true);
    const IncidentFilter& filter = m_catalog.filter().filter();
    if (m_search->text().trimmed() != filter.text)
        m_search->setText(filter.text);
    m_from->setDate(filter.from.isValid() ? filter.from : kNoDate);
    m_to->setDate(filter.to.isValid() ? filter.to : kNoDate);
    for (QAction* action : m_typeMenu->actions())
        action->setChecked(filter.eventTypes.contains(action->data().toString()));
    updateTypeButton();
    if (m_actor->currentText() != filter.actor)
        m_actor->setCurrentText(filter.actor);
    const int province = m_province->findData(filter.admin1);
    if (province < 0 && !filter.admin1.isEmpty())
        m_province->addItem(filter.admin1, filter.admin1);
    m_province->setCurrentIndex(std::max(0, m_province->findData(filter.admin1)));
    const int country = m_country->findData(filter.country);
    if (country < 0 && !filter.country.isEmpty())
        m_country->addItem(filter.country, filter.country);
    m_country->setCurrentIndex(std::max(0, m_country->findData(filter.country)));
    m_clear->setEnabled(!filter.isEmpty());
}

} // namespace makran
