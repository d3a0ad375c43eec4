#include "import/acledcsvreader.h"

#include "export/acledcodebook.h"
#include "export/countrycodes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>

namespace makran {

namespace {

struct Record {
    QStringList fields;
    int line = 0; // where the record starts, 1-based
};

// RFC 4180 records; *error is set (and parsing stops) on a quoted field that never closes.
QList<Record> parseCsv(const QString& text, QString* error)
{
    QList<Record> records;
    Record current;
    current.line = 1;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    auto endField = [&] {
        current.fields << field;
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        records << current;
        current = Record();
        current.line = line;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u'"' && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            ++line;
            endRecord();
        } else {
            field += c; // also a stray quote inside an unquoted field, as spreadsheets write them
            fieldStarted = true;
        }
    }
    if (inQuotes) {
        *error = QStringLiteral("%1: a quoted field opened here is never closed").arg(quoteLine);
        return records;
    }
    if (fieldStarted || !current.fields.isEmpty() || !field.isEmpty())
        endRecord();
    // Blank lines (one empty field) carry no row.
    records.removeIf(
        [](const Record& r) { return r.fields.size() == 1 && r.fields.first().trimmed().isEmpty(); });
    return records;
}

QDate parseAcledDate(const QString& text)
{
    const QString value = text.trimmed();
    QDate date = QDate::fromString(value, Qt::ISODate);
    if (date.isValid())
        return date;
    // Older ACLED files: "18 January 2024", "18-January-2024", "18-01-2024".
    const QLocale c = QLocale::c();
    for (const QString& format :
         {QStringLiteral("d MMMM yyyy"), QStringLiteral("d-MMMM-yyyy"), QStringLiteral("d MMM yyyy"),
          QStringLiteral("d-MMM-yyyy"), QStringLiteral("dd-MM-yyyy")}) {
        date = c.toDate(value, format);
        if (date.isValid())
            return date;
    }
    return QDate();
}

struct Row {
    Record record;
    QString eventId;
    QString groupKey; // rows of one multi-day Makran incident share it
    QDate date;
    int timePrecision = 1;
    Incident incident;
    QString notes;
    QString source;
};

class RowReader {
  public:
    RowReader(const QStringList& header, const QString& path) : m_path(path)
    {
        for (qsizetype i = 0; i < header.size(); ++i)
            m_columns.insert(header.at(i).trimmed().toLower(), int(i));
    }

    QStringList missingColumns() const
    {
        QStringList missing;
        for (const QString& name : {QStringLiteral("event_date"), QStringLiteral("event_type")}) {
            if (!m_columns.contains(name))
                missing << name;
        }
        return missing;
    }

    // A row, or nothing with *error set.
    std::optional<Row> read(const Record& record, QString* error, QStringList* warnings) const
    {
        m_record = &record;
        if (record.fields.size() != m_columns.size() && record.fields.size() < maxColumn() + 1) {
            *error = where(QStringLiteral("%1 fields, the header has %2")
                               .arg(record.fields.size())
                               .arg(m_columns.size()));
            return std::nullopt;
        }
        Row row;
        row.record = record;
        row.eventId = value(u"event_id_cnty");
        static const QRegularExpression multiDay(QStringLiteral("^([A-Za-z]{3}\\d+)-(\\d+)$"));
        const auto match = multiDay.match(row.eventId);
        row.groupKey = match.hasMatch() ? match.captured(1) : QString();

        row.date = parseAcledDate(value(u"event_date"));
        if (!row.date.isValid()) {
            *error = where(QStringLiteral("event_date “%1” is not a date (expected YYYY-MM-DD)")
                               .arg(value(u"event_date")));
            return std::nullopt;
        }
        const QString precision = value(u"time_precision");
        bool ok = true;
        row.timePrecision = precision.isEmpty() ? 1 : precision.toInt(&ok);
        if (!ok || row.timePrecision < 1 || row.timePrecision > 3) {
            *error = where(QStringLiteral("time_precision “%1” is not 1, 2 or 3").arg(precision));
            return std::nullopt;
        }
        Incident& incident = row.incident;
        acled::spanFor(row.date, row.timePrecision, &incident);
        incident.eventType = value(u"event_type");
        incident.subEventType = value(u"sub_event_type");

        Place& place = incident.place;
        place.name = value(u"location");
        place.admin1 = value(u"admin1");
        if (place.name.isEmpty())
            place.name = place.admin1;
        const QString countryText = value(u"country");
        const CountryCode* country = countryByName(countryText);
        if (!country && !value(u"iso").isEmpty())
            country = countryByNumeric(value(u"iso").toInt());
        if (country)
            place.country = QString::fromUtf16(country->iso2);
        else if (countryText.size() == 2)
            place.country = countryText.toUpper();
        else if (!countryText.isEmpty())
            warnings->append(
                where(QStringLiteral("country “%1” is not one Makran knows; left blank").arg(countryText)));

        const QString lat = value(u"latitude");
        const QString lon = value(u"longitude");
        if (!lat.isEmpty() || !lon.isEmpty()) {
            bool latOk = false;
            bool lonOk = false;
            const double latValue = lat.toDouble(&latOk);
            const double lonValue = lon.toDouble(&lonOk);
            if (!latOk || !lonOk || latValue < -90 || latValue > 90 || lonValue < -180 || lonValue > 180) {
                *error =
                    where(QStringLiteral("latitude/longitude “%1, %2” are not coordinates").arg(lat, lon));
                return std::nullopt;
            }
            place.lat = latValue;
            place.lon = lonValue;
        }
        const QString geo = value(u"geo_precision");
        if (!geo.isEmpty()) {
            place.geoPrecision = geo.toInt(&ok);
            if (!ok || place.geoPrecision < 1 || place.geoPrecision > 3) {
                *error = where(QStringLiteral("geo_precision “%1” is not 1, 2 or 3").arg(geo));
                return std::nullopt;
            }
        }

        const QString fatalities = value(u"fatalities");
        if (!fatalities.isEmpty()) {
            const int count = fatalities.toInt(&ok);
            if (!ok || count < 0) {
                *error = where(QStringLiteral("fatalities “%1” is not a count").arg(fatalities));
                return std::nullopt;
            }
            incident.fatalities = count;
        }

        // Actor 1 and its associates on one side, actor 2 and its associates on the other.
        addActors(incident, value(u"actor1"), value(u"inter1"), ActorRole::Perpetrator);
        addActors(incident, QString(), QString(), ActorRole::Perpetrator, value(u"assoc_actor_1"));
        addActors(incident, value(u"actor2"), value(u"inter2"), ActorRole::Target);
        addActors(incident, QString(), QString(), ActorRole::Target, value(u"assoc_actor_2"));

        row.notes = value(u"notes");
        row.source = value(u"source");
        incident.summary = acled::stripAnalystNoteSuffix(row.notes).trimmed();
        incident.confidence = 1.0; // coded by people, not by the extractor
        return row;
    }

  private:
    int maxColumn() const
    {
        int max = 0;
        for (int index : m_columns)
            max = std::max(max, index);
        return max;
    }

    QString value(QStringView column) const
    {
        const int index = m_columns.value(column.toString(), -1);
        return index >= 0 && index < m_record->fields.size() ? m_record->fields.at(index).trimmed()
                                                             : QString();
    }

    QString where(const QString& message) const
    {
        return QStringLiteral("%1:%2: %3").arg(m_path).arg(m_record->line).arg(message);
    }

    static void addActors(Incident& incident, const QString& name, const QString& inter, ActorRole role,
                          const QString& associates = QString())
    {
        if (!name.isEmpty()) {
            const int code = acled::interCodeFromText(inter);
            // State forces act in their own country (abroad ACLED codes them 8, external forces).
            const QString country = code == acled::StateForces ? incident.place.country : QString();
            incident.actors << ActorRef{name, role, acled::actorKindForInterCode(code), country};
        }
        for (const QString& part : associates.split(u';', Qt::SkipEmptyParts)) {
            if (!part.trimmed().isEmpty())
                incident.actors << ActorRef{part.trimmed(), role, QString(), QString()};
        }
    }

    QString m_path;
    QHash<QString, int> m_columns;
    mutable const Record* m_record = nullptr;
};

QString rowHashText(const Record& record, int timestampColumn)
{
    QStringList fields = record.fields;
    // The timestamp says when the file was written, not what happened: leave it out so re-exported
    // data is recognised as already imported.
    if (timestampColumn >= 0 && timestampColumn < fields.size())
        fields.removeAt(timestampColumn);
    return fields.join(QChar(0x1F));
}

ExtractionResult toExtraction(const QList<Row>& rows, const QString& path, int timestampColumn)
{
    ExtractionResult result;
    Incident incident = rows.first().incident;
    if (rows.size() > 1) {
        int total = 0;
        bool anyFatalities = false;
        for (const Row& row : rows) {
            incident.date = std::min(incident.date, row.incident.date);
            incident.dateEnd = std::max(incident.dateEnd, row.incident.dateEnd);
            if (row.incident.fatalities) {
                anyFatalities = true;
                total += *row.incident.fatalities;
            }
        }
        incident.fatalities = anyFatalities ? std::optional<int>(total) : std::nullopt;
    }
    const Row& first = rows.first();
    const QString id = first.groupKey.isEmpty() ? first.eventId : first.groupKey;
    Report& report = result.report;
    report.title =
        QStringLiteral("ACLED %1: %2 in %3")
            .arg(id.isEmpty() ? QStringLiteral("event") : id,
                 incident.subEventType.isEmpty() ? incident.eventType : incident.subEventType,
                 incident.place.name.isEmpty() ? QStringLiteral("an unnamed place") : incident.place.name);
    report.source = first.source;
    report.path = path;
    report.text = first.notes.isEmpty() ? report.title : first.notes;
    QStringList hashed;
    for (const Row& row : rows)
        hashed << rowHashText(row.record, timestampColumn);
    report.contentHash = QString::fromLatin1(
        QCryptographicHash::hash((QStringLiteral("acled-csv\n") + hashed.join(QChar(0x1E))).toUtf8(),
                                 QCryptographicHash::Sha256)
            .toHex());
    result.incidents << incident;
    return result;
}

} // namespace

bool looksLikeAcledCsv(const QByteArray& head)
{
    QByteArray firstLine = head.left(head.indexOf('\n') >= 0 ? head.indexOf('\n') : head.size());
    if (firstLine.startsWith("\xEF\xBB\xBF"))
        firstLine.remove(0, 3);
    QStringList columns;
    for (const QByteArray& part : firstLine.split(','))
        columns << QString::fromUtf8(part).trimmed().remove(u'"').toLower();
    for (const char16_t* required : {u"event_date", u"event_type", u"actor1", u"latitude", u"longitude"}) {
        if (!columns.contains(QString::fromUtf16(required)))
            return false;
    }
    return true;
}

AcledCsvReader::Result AcledCsvReader::read(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.errors << QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return result;
    }
    return fromBytes(file.readAll(), path);
}

AcledCsvReader::Result AcledCsvReader::fromBytes(const QByteArray& bytes, const QString& path)
{
    Result result;
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QString parseError;
    const QList<Record> records = parseCsv(text, &parseError);
    if (!parseError.isEmpty())
        result.errors << QStringLiteral("%1:%2").arg(path, parseError);
    if (records.isEmpty()) {
        if (parseError.isEmpty())
            result.errors << QStringLiteral("%1: empty file, no ACLED header").arg(path);
        return result;
    }
    const QStringList header = records.first().fields;
    RowReader reader(header, path);
    const QStringList missing = reader.missingColumns();
    if (!missing.isEmpty()) {
        result.errors << QStringLiteral("%1:1: not an ACLED file: no %2 column")
                             .arg(path, missing.join(QStringLiteral(", ")));
        return result;
    }
    int timestampColumn = -1;
    for (qsizetype i = 0; i < header.size(); ++i) {
        if (header.at(i).trimmed().compare(u"timestamp", Qt::CaseInsensitive) == 0)
            timestampColumn = int(i);
    }

    // Rows in file order; the rows of a multi-day incident are gathered under their first row.
    QList<QList<Row>> events;
    QHash<QString, qsizetype> groupIndex;
    for (qsizetype i = 1; i < records.size(); ++i) {
        ++result.rows;
        QString error;
        std::optional<Row> row = reader.read(records.at(i), &error, &result.warnings);
        if (!row) {
            result.errors << error;
            continue;
        }
        if (!row->groupKey.isEmpty() && row->timePrecision == 1) {
            auto it = groupIndex.constFind(row->groupKey);
            if (it != groupIndex.constEnd()) {
                events[*it] << *row;
                continue;
            }
            groupIndex.insert(row->groupKey, events.size());
        }
        events << QList<Row>{*row};
    }
    // The store keeps one kind and country per actor name, so give every occurrence of a name the same:
    // associated actors (which have no type code) take the kind the name has as actor 1 or 2, and state
    // forces coded as external (8) where they act abroad take the state and country they have at home.
    QHash<QString, ActorRef> canonical;
    for (const QList<Row>& rows : events) {
        for (const Row& row : rows) {
            for (const ActorRef& actor : row.incident.actors) {
                auto it = canonical.find(actor.name);
                if (it == canonical.end())
                    canonical.insert(actor.name, actor);
                else if ((it->kind.isEmpty() && !actor.kind.isEmpty()) ||
                         (it->kind == u"external" && !actor.kind.isEmpty() && actor.kind != u"external") ||
                         (it->kind == actor.kind && it->country.isEmpty() && !actor.country.isEmpty()))
                    *it = actor; // a home country seen anywhere beats none (rows without a country)
            }
        }
    }
    for (QList<Row>& rows : events) {
        for (Row& row : rows) {
            for (ActorRef& actor : row.incident.actors) {
                const ActorRef& best = canonical[actor.name];
                // An external force seen nowhere else with a home kind stays external.
                if ((actor.kind.isEmpty() || actor.kind == u"external") && !best.kind.isEmpty()) {
                    actor.kind = best.kind;
                    actor.country = best.country;
                }
            }
        }
    }
    for (const QList<Row>& rows : events)
        result.extractions << toExtraction(rows, QFileInfo(path).absoluteFilePath(), timestampColumn);
    return result;
}

} // namespace makran
