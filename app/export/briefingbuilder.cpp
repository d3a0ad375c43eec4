#include "export/briefingbuilder.h"

#include "annotate/annotatedincident.h"
#include "export/briefingfonts.h"
#include "export/exporter.h"
#include "export/exportfields.h"

#include <algorithm>
#include <functional>

namespace makran {

namespace {

// An incident's numbered sources; the same citation twice gets the same number.
class Footnotes {
  public:
    int add(const QString& text)
    {
        const qsizetype index = m_texts.indexOf(text);
        if (index >= 0)
            return int(index) + 1;
        m_texts << text;
        return int(m_texts.size());
    }
    const QStringList& texts() const { return m_texts; }

  private:
    QStringList m_texts;
};

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString coordinates(const Place& place)
{
    if (!place.hasCoordinates())
        return QStringLiteral("no coordinates");
    const double lat = *place.lat;
    const double lon = *place.lon;
    return QStringLiteral("%1° %2, %3° %4")
        .arg(QString::number(std::abs(lat), 'f', 4), lat >= 0 ? QStringLiteral("N") : QStringLiteral("S"),
             QString::number(std::abs(lon), 'f', 4), lon >= 0 ? QStringLiteral("E") : QStringLiteral("W"));
}

// Names and titles in Arabic script are isolated so they keep the surrounding English text in order.
Place isolatedPlace(Place place)
{
    place.name = isolateRtl(place.name);
    place.admin1 = isolateRtl(place.admin1);
    return place;
}

std::optional<Report> isolatedReport(const Report* report)
{
    if (!report)
        return std::nullopt;
    Report copy;
    copy.id = report->id;
    copy.title = isolateRtl(report->title);
    copy.source = isolateRtl(report->source);
    copy.published = report->published;
    return copy;
}

QStringList isolated(QStringList texts)
{
    for (QString& text : texts)
        text = isolateRtl(text);
    return texts;
}

QString shortCasualties(const Incident& incident)
{
    if (!incident.fatalities && !incident.injured)
        return QStringLiteral("–");
    QStringList parts;
    if (incident.fatalities)
        parts << (incident.fatalitiesHigh && *incident.fatalitiesHigh != *incident.fatalities
                      ? QStringLiteral("%1–%2 killed").arg(*incident.fatalities).arg(*incident.fatalitiesHigh)
                      : QStringLiteral("%1 killed").arg(*incident.fatalities));
    if (incident.injured)
        parts << QStringLiteral("%1 injured").arg(*incident.injured);
    return parts.join(QStringLiteral(", "));
}

} // namespace

BriefingBuilder::BriefingBuilder(const ExportRequest& request)
    : m_request(request), m_reports(request.reportLookup)
{
}

BriefingIncident BriefingBuilder::buildIncident(const Incident& incident)
{
    BriefingIncident out;
    out.id = incident.id;
    out.eventType = incident.eventType;
    out.heading = QStringLiteral("Incident %1 · %2 · %3")
                      .arg(incident.id)
                      .arg(describeDate(incident), describePlace(isolatedPlace(incident.place)));

    Footnotes notes;
    const Report* report = m_reports.find(incident.reportId);
    const std::optional<Report> shown = isolatedReport(report);
    const QString reportName = describeReport(shown ? &*shown : nullptr, incident.reportId);
    auto citeReport = [&](const QString& excerpt) {
        QString text = reportName;
        if (!excerpt.isEmpty())
            text += QStringLiteral(", quote: “%1”").arg(isolateRtl(excerpt));
        if (report && !report->url.isEmpty())
            text += QStringLiteral(", ") + report->url;
        return notes.add(text);
    };
    // The passages the extractor took a field from; the whole report when it recorded none.
    auto citeEvidence = [&](const QStringList& fields, const std::function<bool(const QString&)>& accept) {
        QList<int> sources;
        for (const Evidence& item : incident.evidence) {
            if (!fields.contains(item.field))
                continue;
            const QString excerpt = report ? codePointContext(report->text, item.start, item.end) : QString();
            if (excerpt.isEmpty() || (accept && !accept(excerpt)))
                continue;
            const int number = citeReport(excerpt);
            if (!sources.contains(number))
                sources << number;
        }
        if (sources.isEmpty())
            sources << citeReport(QString());
        return sources;
    };

    QString precision = describeDatePrecision(incident.datePrecision);
    out.facts << BriefingStatement{QStringLiteral("Date"),
                                   QStringLiteral("%1 (%2)").arg(describeDate(incident), precision),
                                   citeEvidence({QStringLiteral("date")}, {})};
    QString event =
        incident.eventType.isEmpty() ? QStringLiteral("event type not determined") : incident.eventType;
    if (!incident.subEventType.isEmpty())
        event += QStringLiteral(" — ") + incident.subEventType;
    out.facts << BriefingStatement{
        QStringLiteral("Event"), event,
        citeEvidence({QStringLiteral("event_type"), QStringLiteral("sub_event_type")}, {})};
    QString place = QStringLiteral("%1 (%2; %3)")
                        .arg(describePlace(isolatedPlace(incident.place)),
                             describeGeoPrecision(incident.place.geoPrecision), coordinates(incident.place));
    if (incident.place.outOfRegion)
        place += QStringLiteral(", outside Balochistan and Sistan-Baluchestan");
    out.facts << BriefingStatement{QStringLiteral("Place"), place,
                                   citeEvidence({QStringLiteral("place"), QStringLiteral("location")}, {})};
    for (const ActorRef& actor : incident.actors) {
        QStringList details;
        if (!actor.kind.isEmpty())
            details << actor.kind;
        if (!actor.country.isEmpty())
            details << actor.country;
        const QString text =
            details.isEmpty() ? actor.name
                              : QStringLiteral("%1 (%2)").arg(actor.name, details.join(QStringLiteral(", ")));
        // Cite the actor passages that name this actor; the report when none does.
        const QString name = actor.name;
        out.facts << BriefingStatement{
            capitalised(toString(actor.role)), text,
            citeEvidence({QStringLiteral("actor"), QStringLiteral("actors")}, [name](const QString& excerpt) {
                return excerpt.contains(name, Qt::CaseInsensitive);
            })};
    }
    out.facts << BriefingStatement{
        QStringLiteral("Casualties"), describeFatalities(incident),
        citeEvidence({QStringLiteral("fatalities"), QStringLiteral("injured")}, {})};
    // Competing accounts side by side, each citing the words it rests on in its own report.
    for (const Claim& claim : incident.claims) {
        const Report* claimReport = m_reports.find(claim.reportId ? claim.reportId : incident.reportId);
        const std::optional<Report> claimShown = isolatedReport(claimReport);
        QString text = describeReport(claimShown ? &*claimShown : nullptr, claim.reportId ? claim.reportId : incident.reportId);
        if (claimReport && claim.start >= 0)
            text += QStringLiteral(", quote: “%1”").arg(isolateRtl(codePointContext(claimReport->text, claim.start, claim.end)));
        out.facts << BriefingStatement{QStringLiteral("Claim (%1)").arg(claim.field),
                                       QStringLiteral("%1: %2").arg(isolateRtl(claim.claimant), isolateRtl(claim.value)),
                                       {notes.add(text)}};
    }
    if (const QStringList low = incident.lowConfidenceFields(); !low.isEmpty())
        out.facts << BriefingStatement{QStringLiteral("Needs review"),
                                       QStringLiteral("low extraction confidence: %1").arg(low.join(QStringLiteral(", "))),
                                       {}};
    if (!incident.summary.isEmpty())
        out.facts << BriefingStatement{QStringLiteral("Summary"), incident.summary,
                                       citeEvidence({QStringLiteral("summary")}, {})};
    QStringList others;
    QList<int> otherSources;
    for (qint64 id : incident.sourceReportIds) {
        if (id == incident.reportId)
            continue;
        const Report* other = m_reports.find(id);
        // Named as its claims name it: the outlet, else the title (a file name is no outlet).
        others << (other ? isolateRtl(reportClaimant(*other)) : QStringLiteral("report #%1").arg(id));
        const std::optional<Report> otherShown = isolatedReport(other);
        QString text = describeReport(otherShown ? &*otherShown : nullptr, id);
        if (other && !other->url.isEmpty())
            text += QStringLiteral(", ") + other->url;
        otherSources << notes.add(text);
    }
    if (!others.isEmpty())
        out.facts << BriefingStatement{QStringLiteral("Also reported by"), others.join(QStringLiteral(", ")),
                                       otherSources};

    for (const Quote& quote : incident.quotes) {
        QStringList qualifiers;
        if (quote.partial)
            qualifiers << QStringLiteral("partial quote");
        if (quote.indirect)
            qualifiers << QStringLiteral("reported speech");
        if (report && !report->text.isEmpty() && quote.start >= 0 &&
            codePointSlice(report->text, quote.start, quote.end).simplified() != quote.text.simplified())
            qualifiers << QStringLiteral("wording differs from the stored report text");
        QString source = reportName;
        if (report && !report->url.isEmpty())
            source += QStringLiteral(", ") + report->url;
        out.quotes << BriefingQuote{quote.speaker.isEmpty() ? QStringLiteral("unnamed speaker")
                                                            : quote.speaker,
                                    quote.text,
                                    qualifiers.join(QStringLiteral(", ")),
                                    {notes.add(source)}};
    }

    out.status = m_request.statusById.value(incident.id);
    out.notes = isolated(m_request.notesById.value(incident.id));
    out.tags = isolated(m_request.tagsById.value(incident.id));
    out.sources = notes.texts();
    return out;
}

Briefing BriefingBuilder::build()
{
    Briefing briefing;
    briefing.title = m_request.title.isEmpty() ? QStringLiteral("Incident briefing") : m_request.title;
    briefing.author = m_request.author.isEmpty() ? QStringLiteral("not stated") : m_request.author;
    const QDateTime generated =
        m_request.generatedAt.isValid() ? m_request.generatedAt : QDateTime::currentDateTimeUtc();
    briefing.generated = generated.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    briefing.filter = m_request.scope.isEmpty() ? describeFilter(m_request.filter) : m_request.scope;
    briefing.incidentCount = int(m_request.incidents.size());

    // Chronological, undated last, so the table and the sections read as a sequence of events.
    QList<const Incident*> order;
    for (const Incident& incident : m_request.incidents)
        order << &incident;
    std::stable_sort(order.begin(), order.end(), [](const Incident* a, const Incident* b) {
        if (a->date.isValid() != b->date.isValid())
            return a->date.isValid();
        return a->date < b->date;
    });

    QDate first;
    QDate last;
    int undated = 0;
    int unlocated = 0;
    for (const Incident* incident : order) {
        if (incident->date.isValid()) {
            const QDate end = incident->dateEnd.isValid() ? incident->dateEnd : incident->date;
            first = first.isValid() ? std::min(first, incident->date) : incident->date;
            last = last.isValid() ? std::max(last, end) : end;
        } else {
            ++undated;
        }
        if (!incident->place.hasCoordinates())
            ++unlocated;
    }
    if (!first.isValid())
        briefing.period = QStringLiteral("no dated incidents");
    else if (first == last)
        briefing.period = isoDate(first);
    else
        briefing.period = QStringLiteral("%1 to %2").arg(isoDate(first), isoDate(last));
    if (order.isEmpty())
        briefing.notices << QStringLiteral("No incidents match: the filter or selection is empty.");
    if (undated > 0)
        briefing.notices << QStringLiteral("%1 of %2 incidents have no date and are not on the timeline.")
                                .arg(undated)
                                .arg(order.size());
    if (unlocated > 0)
        briefing.notices << QStringLiteral("%1 of %2 incidents have no coordinates and are not on the map.")
                                .arg(unlocated)
                                .arg(order.size());

    for (const Incident* incident : order) {
        QStringList actors;
        for (const ActorRef& actor : incident->actors) {
            if (!actors.contains(isolateRtl(actor.name)))
                actors << isolateRtl(actor.name);
        }
        briefing.rows << BriefingRow{incident->id,
                                     describeDate(*incident),
                                     describePlace(isolatedPlace(incident->place)),
                                     incident->subEventType.isEmpty() ? incident->eventType
                                                                      : incident->subEventType,
                                     actors.join(QStringLiteral(", ")),
                                     shortCasualties(*incident),
                                     m_request.statusById.value(incident->id)};
        briefing.incidents << buildIncident(*incident);
    }
    return briefing;
}

} // namespace makran
