#include "eval/goldevaluation.h"

#include "extract/extractor.h"
#include "geo/gazetteer.h"
#include "import/reportreader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace makran {

namespace {

struct GoldIncident {
    QDate date;
    QDate dateEnd;
    QString precision;
    QString eventType;
    QString subEventType;
    QString place;
    QString admin1;
    QString country;
    std::optional<int> fatalities;
};

QString squash(const QString& text)
{
    QString out;
    for (QChar c : text.toLower()) {
        if (c.isLetterOrNumber())
            out += c;
    }
    return out;
}

// Two place names are the same place when they normalise alike or name the same gazetteer entry.
bool samePlace(const QString& a, const QString& b)
{
    if (normalizePlaceName(a) == normalizePlaceName(b))
        return true;
    const auto& gazetteer = Gazetteer::builtIn();
    for (const GazetteerEntry* x : gazetteer.lookup(a)) {
        for (const GazetteerEntry* y : gazetteer.lookup(b)) {
            if (x == y)
                return true;
        }
    }
    // "Kech District" vs "Kech", "X County" vs "X".
    static const QRegularExpression suffix(QStringLiteral("\\s+(district|county|city|town)$"),
                                           QRegularExpression::CaseInsensitiveOption);
    QString sa = a, sb = b;
    sa.remove(suffix);
    sb.remove(suffix);
    return !sa.isEmpty() && normalizePlaceName(sa) == normalizePlaceName(sb);
}

// Lenient speaker match: the same words, or one name inside the other ("Baloch" / "Mumtaz Zahra Baloch").
bool sameSpeaker(const QString& gold, const QString& predicted)
{
    const QString g = squash(gold), p = squash(predicted);
    if (g.isEmpty() || p.isEmpty())
        return g == p;
    if (g == p || g.contains(p) || p.contains(g))
        return true;
    const QStringList gw = gold.toLower().split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts);
    const QStringList pw = predicted.toLower().split(QRegularExpression(QStringLiteral("\\W+")), Qt::SkipEmptyParts);
    int common = 0;
    for (const QString& w : gw) {
        if (w.size() > 3 && pw.contains(w))
            ++common;
    }
    return common >= 1 && common * 2 >= std::min(gw.size(), pw.size());
}

int matchScore(const GoldIncident& gold, const Incident& predicted)
{
    if (!gold.country.isEmpty() && gold.country != predicted.place.country)
        return 0;
    const bool datesOverlap = !gold.date.isValid() || !predicted.date.isValid() ||
                              (predicted.date <= (gold.dateEnd.isValid() ? gold.dateEnd : gold.date).addDays(1) &&
                               gold.date <= (predicted.dateEnd.isValid() ? predicted.dateEnd : predicted.date).addDays(1));
    const bool placeSame = samePlace(gold.place, predicted.place.name);
    const bool admin1Same = gold.admin1 == predicted.place.admin1;
    if (!datesOverlap)
        return 0;
    int score = 1 + (placeSame ? 3 : 0) + (admin1Same ? 1 : 0) + (gold.date == predicted.date ? 2 : 0) +
                (gold.eventType == predicted.eventType ? 1 : 0) + (gold.subEventType == predicted.subEventType ? 1 : 0);
    return (placeSame || admin1Same || gold.eventType == predicted.eventType) ? score : 0;
}

} // namespace

bool GoldEvaluation::run(const QString& goldDir, QString* error)
{
    m_scores = Scores();
    m_log.clear();
    const QDir dir(goldDir);
    if (!dir.exists()) {
        if (error)
            *error = QStringLiteral("%1: no such folder").arg(goldDir);
        return false;
    }
    const QStringList texts = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    for (const QString& name : texts) {
        const QString gold = dir.filePath(name.chopped(4) + QStringLiteral(".json"));
        if (QFile::exists(gold))
            evaluateFile(dir.filePath(name), gold);
    }
    if (m_scores.reports == 0) {
        if (error)
            *error = QStringLiteral("%1: no NAME.txt with NAME.json gold pairs").arg(goldDir);
        return false;
    }
    return true;
}

void GoldEvaluation::evaluateFile(const QString& textPath, const QString& goldPath)
{
    QFile file(goldPath);
    QJsonParseError parseError;
    const QJsonDocument doc = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &parseError)
                                                             : QJsonDocument();
    if (!doc.isObject()) {
        m_log << QStringLiteral("%1: not readable gold JSON (%2)").arg(goldPath, parseError.errorString());
        return;
    }
    ReportReader::Result read = ReportReader::read(textPath);
    if (!read.report) {
        m_log << QStringLiteral("%1: %2").arg(textPath, read.error);
        return;
    }
    const QString name = QFileInfo(textPath).fileName();
    const QJsonObject root = doc.object();
    const ExtractionResult result = m_extractor.extract(*read.report);
    ++m_scores.reports;

    std::vector<GoldIncident> golds;
    for (const QJsonValue& value : root.value(QStringLiteral("incidents")).toArray()) {
        const QJsonObject o = value.toObject();
        GoldIncident g;
        g.date = QDate::fromString(o.value(QStringLiteral("date")).toString(), Qt::ISODate);
        g.dateEnd = QDate::fromString(o.value(QStringLiteral("date_end")).toString(), Qt::ISODate);
        g.precision = o.value(QStringLiteral("date_precision")).toString();
        g.eventType = o.value(QStringLiteral("event_type")).toString();
        g.subEventType = o.value(QStringLiteral("sub_event_type")).toString();
        g.place = o.value(QStringLiteral("place")).toString();
        g.admin1 = o.value(QStringLiteral("admin1")).toString();
        g.country = o.value(QStringLiteral("country")).toString();
        if (o.value(QStringLiteral("fatalities")).isDouble())
            g.fatalities = o.value(QStringLiteral("fatalities")).toInt();
        golds.push_back(g);
    }
    m_scores.goldIncidents += int(golds.size());
    m_scores.predictedIncidents += int(result.incidents.size());

    // Greedy one-to-one matching, best pairs first.
    struct Pair {
        int score;
        size_t gold;
        qsizetype predicted;
    };
    std::vector<Pair> pairs;
    for (size_t g = 0; g < golds.size(); ++g) {
        for (qsizetype p = 0; p < result.incidents.size(); ++p) {
            if (const int score = matchScore(golds[g], result.incidents[p]))
                pairs.push_back({score, g, p});
        }
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.score > b.score; });
    std::vector<bool> goldUsed(golds.size()), predictedUsed(size_t(result.incidents.size()));
    for (const Pair& pair : pairs) {
        if (goldUsed[pair.gold] || predictedUsed[size_t(pair.predicted)])
            continue;
        goldUsed[pair.gold] = predictedUsed[size_t(pair.predicted)] = true;
        ++m_scores.matchedIncidents;
        const GoldIncident& g = golds[pair.gold];
        const Incident& p = result.incidents[pair.predicted];
        auto check = [&](Ratio& ratio, bool right, const QString& field, const QString& want, const QString& got) {
            ++ratio.total;
            if (right)
                ++ratio.right;
            else
                m_log << QStringLiteral("%1: %2 wrong: gold %3, got %4").arg(name, field, want, got);
        };
        if (g.precision == u"day")
            check(m_scores.exactDay, p.date == g.date, QStringLiteral("date"), g.date.toString(Qt::ISODate),
                  p.date.toString(Qt::ISODate));
        check(m_scores.province, g.admin1 == p.place.admin1, QStringLiteral("province"), g.admin1, p.place.admin1);
        check(m_scores.place, samePlace(g.place, p.place.name), QStringLiteral("place"), g.place, p.place.name);
        check(m_scores.eventType, g.eventType == p.eventType, QStringLiteral("event type"), g.eventType, p.eventType);
        check(m_scores.subEventType, g.subEventType == p.subEventType && g.eventType == p.eventType,
              QStringLiteral("sub-event type"), g.subEventType, p.subEventType);
        if (g.fatalities)
            check(m_scores.fatalities, p.fatalities == g.fatalities, QStringLiteral("fatalities"),
                  QString::number(*g.fatalities), p.fatalities ? QString::number(*p.fatalities) : QStringLiteral("null"));
    }
    for (size_t g = 0; g < golds.size(); ++g) {
        if (!goldUsed[g])
            m_log << QStringLiteral("%1: missed incident %2 %3 %4 (%5)")
                         .arg(name, golds[g].date.toString(Qt::ISODate), golds[g].subEventType, golds[g].place, golds[g].admin1);
    }
    for (qsizetype p = 0; p < result.incidents.size(); ++p) {
        if (!predictedUsed[size_t(p)])
            m_log << QStringLiteral("%1: extra incident %2 %3 %4: %5")
                         .arg(name, result.incidents[p].date.toString(Qt::ISODate), result.incidents[p].subEventType,
                              result.incidents[p].place.name, result.incidents[p].summary.left(90));
    }

    // Quotes: a gold quote is found when a direct quote covers most of its words.
    for (const QJsonValue& value : root.value(QStringLiteral("quotes")).toArray()) {
        const QJsonObject o = value.toObject();
        const QString text = squash(o.value(QStringLiteral("text")).toString());
        const QString speaker = o.value(QStringLiteral("speaker")).toString();
        ++m_scores.quoteRecall.total;
        const Quote* found = nullptr;
        for (const Quote& quote : result.quotes) {
            const QString q = squash(quote.text);
            if (!quote.indirect && !q.isEmpty() && (q.contains(text) || (text.contains(q) && q.size() * 2 >= text.size()))) {
                found = &quote;
                break;
            }
        }
        if (!found) {
            m_log << QStringLiteral("%1: missed quote \u201C%2\u201D").arg(name, o.value(QStringLiteral("text")).toString().left(60));
            continue;
        }
        ++m_scores.quoteRecall.right;
        ++m_scores.quoteSpeaker.total;
        if (sameSpeaker(speaker, found->speaker))
            ++m_scores.quoteSpeaker.right;
        else
            m_log << QStringLiteral("%1: speaker wrong: gold %2, got %3 for \u201C%4\u201D")
                         .arg(name, speaker, found->speaker, found->text.left(50));
    }
}

QString GoldEvaluation::report() const
{
    const Scores& s = m_scores;
    auto line = [](const QString& label, const Ratio& r) {
        return QStringLiteral("%1 %2  (%3/%4)\n").arg(label, -28).arg(r.value(), 0, 'f', 3).arg(r.right).arg(r.total);
    };
    QString out;
    out += QStringLiteral("reports                      %1\n").arg(s.reports);
    out += QStringLiteral("%1 %2  (%3/%4)\n").arg(QStringLiteral("incident recall"), -28).arg(s.recall(), 0, 'f', 3)
               .arg(s.matchedIncidents).arg(s.goldIncidents);
    out += QStringLiteral("%1 %2  (%3/%4)\n").arg(QStringLiteral("incident precision"), -28).arg(s.precision(), 0, 'f', 3)
               .arg(s.matchedIncidents).arg(s.predictedIncidents);
    out += line(QStringLiteral("exact day"), s.exactDay);
    out += line(QStringLiteral("province"), s.province);
    out += line(QStringLiteral("place"), s.place);
    out += line(QStringLiteral("event type"), s.eventType);
    out += line(QStringLiteral("sub-event type"), s.subEventType);
    out += line(QStringLiteral("fatalities"), s.fatalities);
    out += line(QStringLiteral("quote recall"), s.quoteRecall);
    out += line(QStringLiteral("quote speaker"), s.quoteSpeaker);
    return out;
}

} // namespace makran
