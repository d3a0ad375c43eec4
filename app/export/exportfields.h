#pragma once

#include "model/incident.h"
#include "state/incidentfilter.h"

#include <QString>

namespace makran {

// Small, shared wordings and encodings, so every format states a field the same way.

QString isoDate(const QDate& date); // "" when invalid
// Shortest decimal that reads back to the same double, never in exponent notation.
QString formatCoordinate(double value);
// Report text between code point offsets [start, end) (the model's offsets are code points, QString
// indexes UTF-16); "" when the span is not inside the text.
QString codePointSlice(const QString& text, qint64 start, qint64 end);
// The sentence (or up to maxChars around it) holding the span [start, end), for citing evidence.
QString codePointContext(const QString& text, qint64 start, qint64 end, int maxChars = 240);

QString describeDate(const Incident& incident); // "2024-01-18", "week of 2024-01-15 to 2024-01-21", ...
QString describeDatePrecision(DatePrecision precision); // "exact day", "known to the week", ...
QString describeGeoPrecision(int geoPrecision);         // "town", "near a town or part of a district", ...
QString describePlace(const Place& place);              // "Panjgur, Balochistan, Pakistan"
QString describeFatalities(const Incident& incident);   // "12 killed (12–15 reported), 3 injured"
QString describeActor(const ActorRef& actor);           // "BLA (militant, perpetrator)"
QString describeFilter(const IncidentFilter& filter);   // "all incidents" when empty

// Removes characters XML 1.0 cannot hold (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/FFFF),
// which report text scraped from the web sometimes carries and which would make a KML file unreadable.
QString xmlSafe(const QString& text);

} // namespace makran
