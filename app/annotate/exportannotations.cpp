#include "annotate/exportannotations.h"

#include "annotate/annotatedincident.h"
#include "export/exporter.h"

#include <QHash>

namespace makran {

std::vector<Incident> effectiveIncidents(const AnnotationStore& annotations)
{
    std::vector<Incident> incidents;
    for (AnnotatedIncident& item : loadAnnotatedIncidents(annotations))
        incidents.push_back(std::move(item.incident));
    return incidents;
}

void fillAnnotations(const AnnotationStore& annotations, ExportRequest& request)
{
    // Merged-away incidents are included so an export of explicit ids still finds their annotations.
    QHash<qint64, const AnnotatedIncident*> byId;
    const std::vector<AnnotatedIncident> all = loadAnnotatedIncidents(annotations, true);
    for (const AnnotatedIncident& item : all)
        byId.insert(item.incident.id, &item);
    for (const Incident& incident : request.incidents) {
        const AnnotatedIncident* item = byId.value(incident.id);
        if (!item)
            continue;
        request.statusById.insert(incident.id, item->status);
        QStringList notes;
        for (const AnnotationNote& note : item->notes)
            notes << note.text;
        if (!notes.isEmpty())
            request.notesById.insert(incident.id, notes);
        if (!item->tags.isEmpty())
            request.tagsById.insert(incident.id, item->tags);
    }
}

} // namespace makran
