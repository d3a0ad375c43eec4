#include "incidentactions.h"

#include "annotate/annotatedincident.h"
#include "annotate/annotationservice.h"
#include "geo/gazetteer.h"
#include "state/incidentcatalog.h"
#include "store/store.h"
#include "workspace.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <limits>

namespace makran {

namespace {

double kilometresBetween(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double kEarthRadius = 6371.0;
    constexpr double kRad = M_PI / 180.0;
    const double dLat = (lat2 - lat1) * kRad;
    const double dLon = (lon2 - lon1) * kRad;
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(a)));
}

} // namespace

IncidentActions::IncidentActions(Workspace& workspace, QWidget* dialogParent)
    : QObject(dialogParent), m_workspace(workspace), m_dialogParent(dialogParent)
{
    connect(&m_workspace.mapPick(), &MapPickState::picked, this,
            [this](qint64 id, double lat, double lon) { placeAt(id, lat, lon); });
    connect(&m_workspace.catalog().selection(), &SelectionState::changed, this,
            &IncidentActions::updateEnabled);
    connect(&m_workspace.catalog(), &IncidentCatalog::reloaded, this, &IncidentActions::updateEnabled);
    connect(&m_workspace.catalog(), &IncidentCatalog::incidentsChanged, this, &IncidentActions::updateEnabled);
}

void IncidentActions::populateMenu(QMenu* menu)
{
    QAction* merge = menu->addAction(tr("&Merge selected incidents"), QKeySequence(Qt::CTRL | Qt::Key_M),
                                     this, [this] { mergeSelected(); });
    merge->setObjectName(QStringLiteral("mergeAction"));
    merge->setStatusTip(tr("Merge the other selected incidents into the current one (asks for an id when "
                           "only one is selected)"));
    QAction* separate = menu->addAction(tr("&Separate report…"), this, [this] { separateReport(); });
    separate->setObjectName(QStringLiteral("separateAction"));
    QMenu* link = menu->addMenu(tr("&Link as"));
    for (const QString& kind : linkKinds()) {
        const QString label = IncidentLink{kind, true, {}, 0, {}, {}}.label();
        QAction* action = link->addAction(tr("%1…").arg(label), this, [this, kind] { linkSelected(kind); });
        action->setObjectName(QStringLiteral("link-%1").arg(kind));
        m_needsOne << action;
    }
    m_needsOne << merge;
    m_needsSources << separate;
    updateEnabled();
}

void IncidentActions::updateEnabled()
{
    const qint64 current = m_workspace.catalog().selection().current();
    const Incident* incident = current ? m_workspace.catalog().byId(current) : nullptr;
    const bool editable = incident && m_workspace.annotations();
    for (const QPointer<QAction>& action : std::as_const(m_needsOne)) {
        if (action)
            action->setEnabled(editable);
    }
    const bool hasOthers =
        editable && std::any_of(incident->sourceReportIds.begin(), incident->sourceReportIds.end(),
                                [&](qint64 id) { return id != incident->reportId; });
    for (const QPointer<QAction>& action : std::as_const(m_needsSources)) {
        if (action)
            action->setEnabled(hasOthers);
    }
}

bool IncidentActions::succeeded(const QString& done)
{
    m_lastError.clear();
    emit statusMessage(done);
    return true;
}

bool IncidentActions::failed(const QString& title, const QString& error)
{
    m_lastError = error;
    emit statusMessage(tr("%1: %2").arg(title, error));
    if (m_interactive)
        QMessageBox::warning(m_dialogParent, title, error);
    return false;
}

qint64 IncidentActions::otherSelectedOrAsk(const QString& title, const QString& question)
{
    const SelectionState& selection = m_workspace.catalog().selection();
    for (qint64 id : selection.selected()) {
        if (id != selection.current())
            return id;
    }
    if (!m_interactive) {
        failed(title, tr("select a second incident (Ctrl+click in the list or on the map)"));
        return 0;
    }
    bool ok = false;
    const int id =
        QInputDialog::getInt(m_dialogParent, title, question, 1, 1, std::numeric_limits<int>::max(), 1, &ok);
    return ok ? id : 0;
}

bool IncidentActions::mergeSelected()
{
    AnnotationService* service = m_workspace.annotations();
    const SelectionState& selection = m_workspace.catalog().selection();
    const qint64 kept = selection.current();
    const QString title = tr("Merge incidents");
    if (!service || !kept)
        return failed(title, tr("select the incident to keep first"));
    QList<qint64> merged;
    for (qint64 id : selection.selected()) {
        if (id != kept)
            merged << id;
    }
    if (merged.isEmpty()) {
        const qint64 other = otherSelectedOrAsk(title, tr("Merge which incident (id) into #%1?").arg(kept));
        if (!other)
            return false;
        merged << other;
    }
    // Several merges are one step on the undo stack.
    QUndoStack& stack = m_workspace.undoStack();
    if (merged.size() > 1)
        stack.beginMacro(tr("Merge %n incidents into #%1", nullptr, int(merged.size())).arg(kept));
    QString error;
    bool ok = true;
    for (qint64 id : std::as_const(merged)) {
        if (!service->merge(kept, id, &error)) {
            ok = false;
            break;
        }
    }
    if (merged.size() > 1)
        stack.endMacro();
    if (!ok)
        return failed(title, error);
    m_workspace.catalog().selection().select(kept);
    return succeeded(tr("Merged %n incident(s) into #%1", nullptr, int(merged.size())).arg(kept));
}

bool IncidentActions::separateReport()
{
    AnnotationService* service = m_workspace.annotations();
    const qint64 current = m_workspace.catalog().selection().current();
    const Incident* incident = current ? m_workspace.catalog().byId(current) : nullptr;
    const QString title = tr("Separate a report");
    if (!service || !incident)
        return failed(title, tr("select an incident first"));
    QStringList choices;
    QList<qint64> ids;
    for (qint64 reportId : incident->sourceReportIds) {
        if (reportId == incident->reportId)
            continue;
        const auto report = m_workspace.store()->report(reportId);
        choices << tr("Report %1: %2").arg(reportId).arg(report ? report->title : QString());
        ids << reportId;
    }
    if (ids.isEmpty())
        return failed(title, tr("#%1 has no other source report to separate").arg(current));
    qint64 reportId = ids.first();
    if (m_interactive && ids.size() > 0) {
        bool ok = false;
        const QString chosen =
            QInputDialog::getItem(m_dialogParent, title, tr("Separate which report from #%1?").arg(current),
                                  choices, 0, false, &ok);
        if (!ok)
            return false;
        reportId = ids.value(choices.indexOf(chosen), ids.first());
    }
    QString error;
    if (!service->separateReport(current, reportId, &error))
        return failed(title, error);
    return succeeded(tr("Separated report %1 from #%2").arg(reportId).arg(current));
}

bool IncidentActions::linkSelected(const QString& kind)
{
    AnnotationService* service = m_workspace.annotations();
    const qint64 current = m_workspace.catalog().selection().current();
    const QString label = IncidentLink{kind, true, {}, 0, {}, {}}.label();
    const QString title = tr("Link incidents");
    if (!service || !current)
        return failed(title, tr("select an incident first"));
    const qint64 other =
        otherSelectedOrAsk(title, tr("#%1 is %2 which incident (id)?").arg(current).arg(label));
    if (!other)
        return false;
    QString error;
    if (!service->link(current, other, kind, &error))
        return failed(title, error);
    return succeeded(tr("#%1 is now %2 #%3").arg(current).arg(label).arg(other));
}

bool IncidentActions::addQuote(qint64 incidentId, qint64 reportId, qint64 start, qint64 end)
{
    bool ok = false;
    const QString speaker = QInputDialog::getText(m_dialogParent, tr("Add as quote"),
                                                  tr("Who said it? (leave empty when unknown)"),
                                                  QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return false;
    return addQuoteWithSpeaker(incidentId, reportId, start, end, speaker);
}

bool IncidentActions::addQuoteWithSpeaker(qint64 incidentId, qint64 reportId, qint64 start, qint64 end,
                                          const QString& speaker)
{
    AnnotationService* service = m_workspace.annotations();
    if (!service)
        return failed(tr("Add as quote"), tr("no database open"));
    QString error;
    if (!service->addQuote(incidentId, reportId, start, end, speaker, &error))
        return failed(tr("Add as quote"), error);
    return succeeded(service->lastChanges().value(0, tr("Quote added")));
}

bool IncidentActions::markEvidence(qint64 incidentId, const QString& field, qint64 reportId, qint64 start,
                                   qint64 end)
{
    AnnotationService* service = m_workspace.annotations();
    if (!service)
        return failed(tr("Mark as evidence"), tr("no database open"));
    QString error;
    if (!service->markEvidence(incidentId, field, reportId, start, end, QString(), &error))
        return failed(tr("Mark as evidence"), error);
    return succeeded(service->lastChanges().value(0, tr("Evidence marked")));
}

Place IncidentActions::placeNear(double lat, double lon)
{
    Place place;
    place.lat = lat;
    place.lon = lon;
    place.geoPrecision = 2;
    const GazetteerEntry* nearest = nullptr;
    double best = 25.0; // km: beyond this the click names no town
    const GazetteerEntry* province = nullptr;
    double bestProvince = 400.0;
    for (const GazetteerEntry& entry : Gazetteer::builtIn().entries()) {
        const double km = kilometresBetween(lat, lon, entry.lat, entry.lon);
        switch (entry.kind) {
        case PlaceKind::City:
        case PlaceKind::Town:
        case PlaceKind::Village:
        case PlaceKind::Crossing:
            if (km < best) {
                best = km;
                nearest = &entry;
            }
            break;
        case PlaceKind::Province:
            if (km < bestProvince) {
                bestProvince = km;
                province = &entry;
            }
            break;
        default:
            break;
        }
    }
    if (nearest) {
        place.name = nearest->name;
        place.admin1 = nearest->admin1;
        place.country = nearest->country;
        place.geoPrecision = best <= 5.0 ? 1 : 2;
    } else if (province) {
        // No town near: say which province the point is probably in, never invent a name.
        place.admin1 = province->admin1.isEmpty() ? province->name : province->admin1;
        place.country = province->country;
    }
    return place;
}

bool IncidentActions::placeAt(qint64 incidentId, double lat, double lon)
{
    AnnotationService* service = m_workspace.annotations();
    if (!service)
        return failed(tr("Place on the map"), tr("no database open"));
    const Place place = placeNear(lat, lon);
    QString error;
    if (!service->setPlace(incidentId, place, &error))
        return failed(tr("Place on the map"), error);
    return succeeded(service->lastChanges().value(0, tr("Place set")));
}

} // namespace makran
