#include "extract/extractor.h"

#include "extract/actorcontext.h"

#include "extract/dictionaries.h"
#include "extract/incidentbuilder.h"
#include "extract/mentions.h"
#include "extract/placefinder.h"
#include "extract/quotefinder.h"
#include "extract/rolespeakers.h"
#include "extract/reportmetadata.h"
#include "extract/speakernames.h"
#include "extract/unlistedplaces.h"
#include "geo/gazetteer.h"

#include <QCryptographicHash>

namespace makran {

namespace {

// Offsets are found in UTF-16 and stored as code points (the unit users and exports see).
void toCodePoints(QStringView text, qint64& start, qint64& end)
{
    if (start >= 0)
        start = toCodePointOffset(text, start);
    if (end >= 0)
        end = toCodePointOffset(text, end);
}

void toCodePoints(QStringView text, Quote& quote)
{
    toCodePoints(text, quote.start, quote.end);
    toCodePoints(text, quote.speakerStart, quote.speakerEnd);
}

// Each quote goes to the incident told nearest before it: in its paragraph, else earlier, else later.
void attachQuotes(QList<Incident>& incidents, const std::vector<Quote>& quotes)
{
    for (const Quote& quote : quotes) {
        if (quote.indirect && quote.speaker.isEmpty())
            continue;
        int best = -1;
        qint64 bestDistance = std::numeric_limits<qint64>::max();
        for (int i = 0; i < incidents.size(); ++i) {
            for (const Evidence& e : incidents[i].evidence) {
                if (e.start < 0)
                    continue;
                const qint64 distance = e.start <= quote.start ? quote.start - e.start : 4 * (e.start - quote.start);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
        }
        if (best >= 0)
            incidents[best].quotes.append(quote);
    }
}

} // namespace

Extractor::Extractor() : Extractor(Gazetteer::builtIn(), ActorDictionary::builtIn()) {}

Extractor::Extractor(const Gazetteer& gazetteer, const ActorDictionary& actors)
    : m_gazetteer(gazetteer), m_actors(actors), m_places(std::make_unique<PlaceFinder>(gazetteer))
{
}

Extractor::~Extractor() = default;

ExtractionResult Extractor::extract(Report report) const
{
    ExtractionResult result;
    const QString& text = report.text;
    if (report.contentHash.isEmpty())
        report.contentHash = QString::fromLatin1(
            QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());

    const ReportMetadata meta = readMetadata(text);
    if (report.title.isEmpty())
        report.title = meta.title;
    if (report.url.isEmpty())
        report.url = meta.url;
    if (!meta.source.isEmpty() && (report.source.isEmpty() || report.source == report.path.section(u'/', -1)))
        report.source = meta.source;
    QString publishedReason;
    if (report.published.isValid()) {
        publishedReason = QStringLiteral("published %1").arg(report.published.toString(Qt::ISODate));
    } else if (meta.published.isValid()) {
        report.published = meta.published;
        publishedReason = QStringLiteral("published %1, from \u201C%2\u201D")
                              .arg(meta.published.toString(Qt::ISODate), meta.publishedEvidence);
    }

    ReportMentions mentions;
    mentions.tokens = tokenize(text);
    mentions.sentences = splitSentences(text);
    mentions.clauses = splitClauses(text, mentions.sentences);
    mentions.dates = findDates(text);
    // The publication line and the dateline date the report, not an event.
    std::erase_if(mentions.dates, [&](const DateMention& d) {
        return (meta.publishedStart >= 0 && d.start >= meta.publishedStart && d.end <= meta.publishedEnd) ||
               (meta.datelineStart >= 0 && d.start >= meta.datelineStart && d.end <= meta.datelineEnd);
    });
    mentions.places = m_places->find(text, mentions.tokens);
    std::erase_if(mentions.places, [&](const PlaceMention& p) {
        return meta.datelineStart >= 0 && p.start >= meta.datelineStart && p.end <= meta.datelineEnd;
    });
    std::deque<GazetteerEntry> unlistedEntries; // places the gazetteer lacks, for this report only
    for (PlaceMention& unlisted : findUnlistedPlaces(text, mentions.tokens, mentions.places, m_gazetteer, unlistedEntries))
        mentions.places.push_back(std::move(unlisted));
    std::sort(mentions.places.begin(), mentions.places.end(),
              [](const PlaceMention& a, const PlaceMention& b) { return a.start < b.start; });
    mentions.actors = findActors(text, mentions.tokens, m_actors);
    mentions.triggers = findTriggers(mentions.tokens, TriggerDictionary::builtIn());
    mentions.casualties = findCasualties(text, mentions.tokens);
    resolveActorCountries(mentions);
    dropAgentNounTriggers(mentions);

    std::vector<NamedGroup> groups;
    for (const ActorMention& actor : mentions.actors) {
        const ActorEntry* entry = actor.candidates.front();
        if (entry->kind == u"militant" && entry->name != u"Unidentified Armed Group")
            groups.push_back(NamedGroup{actor.start, entry->name});
    }
    std::vector<Quote> quotes = findQuotes(text, mentions.sentences, groups);
    const SpeakerNames speakerNames(text, m_actors);
    for (Quote& quote : quotes)
        quote.speaker = speakerNames.canonical(quote.speaker);
    std::vector<QString> canonicalSpeakers;
    for (const Quote& quote : quotes)
        canonicalSpeakers.push_back(quote.speaker);
    resolveRoleSpeakers(text, mentions.actors, mentions.places, meta.source, quotes);
    // Names found for roles may themselves have a usual form ("Quds Base" -> IRGC); the rest already have it.
    for (size_t i = 0; i < quotes.size(); ++i) {
        if (quotes[i].speaker != canonicalSpeakers[i])
            quotes[i].speaker = speakerNames.canonical(quotes[i].speaker);
    }

    IncidentBuilder builder(text, mentions, *m_places);
    builder.setTitleSpan(meta.titleStart, meta.titleEnd);
    builder.setQuotes(quotes);
    builder.setDatelinePlace(meta.datelinePlace, meta.datelineStart, meta.datelineEnd);
    QList<Incident> incidents = builder.build(report.published, publishedReason, meta.datelineWithoutYear,
                                              &result.warnings);

    // Only text outside the Basic Multilingual Plane makes UTF-16 and code point offsets differ.
    const bool surrogates = std::any_of(text.begin(), text.end(), [](QChar c) { return c.isSurrogate(); });
    if (surrogates) {
        for (Quote& quote : quotes)
            toCodePoints(text, quote);
        for (Incident& incident : incidents) {
            for (Evidence& e : incident.evidence)
                toCodePoints(text, e.start, e.end);
            for (Claim& c : incident.claims)
                toCodePoints(text, c.start, c.end);
        }
    }
    attachQuotes(incidents, quotes);
    for (Incident& incident : incidents) {
        for (const Quote& quote : incident.quotes)
            incident.evidence.append(Evidence{QStringLiteral("quote"), quote.start, quote.end, quote.speaker,
                                              quote.speaker.isEmpty() ? 0.3 : 0.85});
    }
    result.report = report;
    result.incidents = incidents;
    result.quotes = QList<Quote>(quotes.begin(), quotes.end());
    return result;
}

} // namespace makran
