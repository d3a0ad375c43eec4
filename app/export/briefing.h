#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace makran {

// The content of a briefing, built once (BriefingBuilder) and laid out as HTML, Markdown or PDF.
// All text is plain (not escaped); each writer escapes for its own format.

struct BriefingStatement {
    QString label;      // "Date", "Place", "Perpetrator", ...
    QString text;       // "2024-01-18 (exact day)"
    QList<int> sources; // footnote numbers (1-based) into BriefingIncident::sources
};

struct BriefingQuote {
    QString speaker; // "unnamed speaker" when unknown
    QString text;
    QString qualifier; // "partial quote", "reported speech" or ""
    QList<int> sources;
};

struct BriefingIncident {
    qint64 id = 0;
    QString heading;   // "Incident 12 · 2024-01-18 · Panjgur, Balochistan, Pakistan"
    QString eventType; // for the colour swatch
    QList<BriefingStatement> facts;
    QList<BriefingQuote> quotes;
    QString status; // analyst's: unreviewed, confirmed, disputed, rejected ("" when none)
    QStringList notes;
    QStringList tags;
    QStringList sources; // footnotes: "Dawn, ‘Title’, 2024-01-18, quote: “…”"
};

struct BriefingRow {
    qint64 id = 0;
    QString date;
    QString place;
    QString event;
    QString actors;
    QString casualties;
    QString status;
};

struct Briefing {
    QString title;
    QString author;
    QString generated; // "2024-02-01 14:05 UTC"
    QString period;    // dates the incidents span
    QString filter;    // what was exported: the filter or the selection
    int incidentCount = 0;
    QStringList notices; // what the map or timeline cannot show
    QList<BriefingRow> rows;
    QList<BriefingIncident> incidents;
};

} // namespace makran
