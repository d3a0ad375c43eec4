#pragma once

#include "model/incident.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace makran {

class AnnotationStore;

// A field the analyst changed, with the extractor's value beside it (both in IncidentFields' stored form;
// IncidentFields::display() renders them).
struct FieldOverride {
    QString field;
    QString extractedValue;
    QString analystValue;
    QString author;
    QDateTime at;
};

struct AnnotationNote {
    qint64 id = 0; // row id in annotation_notes
    QString text;
    QString author;
    QDateTime at;
};

// A relation between two incidents; `kind` reads from this incident when outgoing ("retaliation-for":
// this incident is retaliation for the other), from the other one when not.
struct IncidentLink {
    QString kind;
    bool outgoing = true;
    QString otherKey;
    qint64 otherId = 0; // the incident showing the other one (the one it was merged into); 0 if not stored
    QString author;
    QDateTime at;
    QString label() const; // "retaliation for", or "retaliated by" for an incoming link
};

// An incident as the analyst sees it: the extraction overlaid with every live annotation.
struct AnnotatedIncident {
    QString key;       // incidents.incident_key
    Incident incident; // effective: corrected fields, merged sources and quotes, added quotes and evidence
    Incident extracted; // what the extractor stored, untouched
    QList<FieldOverride> overrides; // one per changed field, in field order
    QString status;                 // unreviewed unless an analyst set it
    QList<AnnotationNote> notes;
    QStringList tags;
    QList<IncidentLink> links;
    QList<qint64> absorbedIds;      // incidents merged into this one; they are not listed on their own
    QList<qint64> detachedReportIds; // source reports an analyst separated from this incident
    qint64 mergedIntoId = 0;         // the incident showing this one when it was merged; 0 when listed

    const FieldOverride* overrideOf(QStringView field) const;
};

// Overlays the live annotations on extracted incidents (as Store::loadIncidents() returns them), keeping
// the input order. Incidents merged into another are left out unless asked for (then mergedIntoId is set).
std::vector<AnnotatedIncident> applyAnnotations(const AnnotationStore& annotations, std::vector<Incident> extracted,
                                                bool includeMerged = false);
// Store::loadIncidents() + applyAnnotations().
std::vector<AnnotatedIncident> loadAnnotatedIncidents(const AnnotationStore& annotations, bool includeMerged = false);
// The same for a few incidents, without reading the others: these ids (merged ones included, with
// mergedIntoId set) and every incident merged with them or linked to them, each exactly as the bulk
// load would give it. For refreshing what one edit touched.
std::vector<AnnotatedIncident> loadAnnotatedIncidents(const AnnotationStore& annotations, const QList<qint64>& ids);

// Who a report's figures are credited to when merged reports disagree on them: its outlet ("Dawn",
// "IRNA"), else its title in quotes, else "report #12". The claim keeps the report's id for citing it.
QString reportClaimant(const Report& report);

// Link kinds, as stored and as typed ("retaliation-for"; spaces and underscores are accepted too).
QStringList linkKinds();
QString linkKindFromText(QStringView text); // "" when not a kind

} // namespace makran
