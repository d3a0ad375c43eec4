#include "geo/gazetteer.h"

#include <QFile>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace makran {

namespace {

struct KindName {
    PlaceKind kind;
    const char16_t* name;
};
constexpr KindName kKindNames[] = {
    {PlaceKind::Country, u"country"},   {PlaceKind::Province, u"province"},
    {PlaceKind::District, u"district"}, {PlaceKind::City, u"city"},
    {PlaceKind::Town, u"town"},         {PlaceKind::Village, u"village"},
    {PlaceKind::Crossing, u"crossing"}, {PlaceKind::Area, u"area"},
    {PlaceKind::Region, u"region"},
};

// Order in which an analyst most likely means a name: a country or province before a town of
// the same name, a town before the district named after it.
int kindRank(PlaceKind kind)
{
    switch (kind) {
    case PlaceKind::Country:
        return 0;
    case PlaceKind::Province:
        return 1;
    case PlaceKind::City:
        return 2;
    case PlaceKind::Town:
        return 3;
    case PlaceKind::District:
        return 4;
    case PlaceKind::Crossing:
        return 5;
    case PlaceKind::Region:
        return 6;
    case PlaceKind::Area:
        return 7;
    case PlaceKind::Village:
        return 8;
    }
    return 9;
}

bool betterCandidate(const GazetteerEntry* a, const GazetteerEntry* b)
{
    if (kindRank(a->kind) != kindRank(b->kind))
        return kindRank(a->kind) < kindRank(b->kind);
    if (a->population != b->population)
        return a->population > b->population;
    if (a->name != b->name)
        return a->name < b->name;
    return a->id < b->id;
}

char32_t foldArabic(char32_t c)
{
    switch (c) {
    case 0x064A:       // ARABIC LETTER YEH
    case 0x0649:       // ALEF MAKSURA
        return 0x06CC; // FARSI YEH
    case 0x0643:       // ARABIC LETTER KAF
        return 0x06A9; // KEHEH
    case 0x0629:       // TEH MARBUTA
    case 0x06C3:       // TEH MARBUTA GOAL
    case 0x06C1:       // HEH GOAL (Urdu)
    case 0x06C0:       // HEH WITH YEH ABOVE
    case 0x06BE:       // HEH DOACHASHMEE
        return 0x0647; // HEH
    default:
        return c;
    }
}

bool isApostropheOrDot(char32_t c)
{
    return c == u'\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BB || c == u'`' ||
           c == 0x00B4 || c == u'.';
}

bool isSeparator(char32_t c)
{
    return c == u'-' || (c >= 0x2010 && c <= 0x2014) || c == u'_' || c == u'/' || c == u',' || c == u';';
}

bool isDropped(char32_t c)
{
    return c == 0x0640 /* tatweel */ || c == 0x200C /* ZWNJ */ || c == 0x200D /* ZWJ */;
}

void appendCodePoint(QString& out, char32_t c)
{
    if (QChar::requiresSurrogates(c)) {
        out.append(QChar(QChar::highSurrogate(c)));
        out.append(QChar(QChar::lowSurrogate(c)));
    } else {
        out.append(QChar(char16_t(c)));
    }
}

bool fail(QString* error, const QString& reason)
{
    if (error)
        *error = reason;
    return false;
}

QByteArray readWholeFile(const QString& path, bool* ok, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *ok = fail(error, QStringLiteral("cannot open %1: %2").arg(path, file.errorString()));
        return {};
    }
    *ok = true;
    return file.readAll();
}

} // namespace

QString toString(PlaceKind kind)
{
    for (const KindName& k : kKindNames) {
        if (k.kind == kind)
            return QString::fromUtf16(k.name);
    }
    return QStringLiteral("town");
}

bool isPlaceKind(QStringView text)
{
    for (const KindName& k : kKindNames) {
        if (text.compare(QStringView(k.name), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

PlaceKind placeKindFromString(QStringView text)
{
    for (const KindName& k : kKindNames) {
        if (text.trimmed().compare(QStringView(k.name), Qt::CaseInsensitive) == 0)
            return k.kind;
    }
    return PlaceKind::Town;
}

QString normalizePlaceName(QStringView name)
{
    const QString decomposed = name.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool pendingSpace = false;
    for (char32_t c : decomposed.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
            category == QChar::Mark_Enclosing || isApostropheOrDot(c) || isDropped(c))
            continue;
        if (isSeparator(c) || QChar::isSpace(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace) {
            out.append(u' ');
            pendingSpace = false;
        }
        appendCodePoint(out, QChar::toCaseFolded(foldArabic(c)));
    }
    return out;
}

bool Gazetteer::parse(const QByteArray& data, std::vector<GazetteerEntry>* out, QString* error)
{
    QByteArray text = data;
    if (text.startsWith("\xEF\xBB\xBF"))
        text.remove(0, 3);
    const QList<QByteArray> lines = text.split('\n');
    static const QStringList required = {
        QStringLiteral("id"),     QStringLiteral("name"),    QStringLiteral("variants"),
        QStringLiteral("kind"),   QStringLiteral("lat"),     QStringLiteral("lon"),
        QStringLiteral("admin1"), QStringLiteral("country"), QStringLiteral("population")};
    QHash<QString, qsizetype> column;
    qsizetype columnCount = 0;
    bool haveHeader = false;
    for (qsizetype index = 0; index < lines.size(); ++index) {
        QByteArray raw = lines[index];
        if (raw.endsWith('\r'))
            raw.chop(1);
        if (raw.trimmed().isEmpty() || raw.startsWith('#'))
            continue;
        const QString lineText = QString::fromUtf8(raw);
        const QStringList cols = lineText.split(u'\t');
        const QString where = QStringLiteral("line %1: ").arg(index + 1);
        if (!haveHeader) {
            for (qsizetype i = 0; i < cols.size(); ++i)
                column.insert(cols[i].trimmed().toLower(), i);
            for (const QString& name : required) {
                if (!column.contains(name))
                    return fail(error, where + QStringLiteral("header lacks the column \"%1\"").arg(name));
            }
            columnCount = cols.size();
            haveHeader = true;
            continue;
        }
        if (cols.size() != columnCount)
            return fail(error, where + QStringLiteral("expected %1 tab-separated columns, found %2")
                                           .arg(columnCount)
                                           .arg(cols.size()));
        auto field = [&](const QString& name) { return cols[column.value(name)].trimmed(); };
        GazetteerEntry entry;
        const QString id = field(QStringLiteral("id"));
        if (!id.isEmpty()) {
            bool ok = false;
            entry.id = id.toInt(&ok);
            if (!ok || entry.id <= 0)
                return fail(error, where + QStringLiteral("id \"%1\" is not a positive integer").arg(id));
        }
        entry.name = field(QStringLiteral("name"));
        if (entry.name.isEmpty())
            return fail(error, where + QStringLiteral("empty name"));
        const QStringList variants = field(QStringLiteral("variants")).split(u'|', Qt::SkipEmptyParts);
        for (const QString& v : variants) {
            if (!v.trimmed().isEmpty())
                entry.variants.append(v.trimmed());
        }
        const QString kind = field(QStringLiteral("kind"));
        if (!isPlaceKind(kind))
            return fail(error, where + QStringLiteral("unknown kind \"%1\"").arg(kind));
        entry.kind = placeKindFromString(kind);
        bool latOk = false;
        bool lonOk = false;
        entry.lat = field(QStringLiteral("lat")).toDouble(&latOk);
        entry.lon = field(QStringLiteral("lon")).toDouble(&lonOk);
        if (!latOk || !lonOk || !std::isfinite(entry.lat) || !std::isfinite(entry.lon) ||
            std::abs(entry.lat) > 90.0 || std::abs(entry.lon) > 180.0)
            return fail(error, where + QStringLiteral("invalid coordinates"));
        entry.admin1 = field(QStringLiteral("admin1"));
        entry.country = field(QStringLiteral("country")).toUpper();
        if (entry.country.size() != 2 || !entry.country[0].isLetter() || !entry.country[1].isLetter())
            return fail(
                error,
                where +
                    QStringLiteral("country \"%1\" is not an ISO 3166-1 alpha-2 code").arg(entry.country));
        const QString population = field(QStringLiteral("population"));
        if (!population.isEmpty()) {
            bool ok = false;
            entry.population = population.toInt(&ok);
            if (!ok || entry.population < 0)
                return fail(error, where + QStringLiteral("invalid population \"%1\"").arg(population));
        }
        out->push_back(std::move(entry));
    }
    if (!haveHeader)
        return fail(error, QStringLiteral("no header line"));
    return true;
}

bool Gazetteer::loadTsv(const QByteArray& data, QString* error)
{
    std::vector<GazetteerEntry> parsed;
    if (!parse(data, &parsed, error))
        return false;
    QSet<int> seen;
    int next = 1;
    for (const GazetteerEntry& e : parsed)
        next = std::max(next, e.id + 1);
    for (GazetteerEntry& e : parsed) {
        if (e.id == 0)
            e.id = next++;
        if (seen.contains(e.id))
            return fail(error, QStringLiteral("duplicate id %1 (%2)").arg(e.id).arg(e.name));
        seen.insert(e.id);
    }
    m_entries = std::move(parsed);
    rebuildIndex();
    return true;
}

bool Gazetteer::loadFile(const QString& path, QString* error)
{
    bool ok = false;
    const QByteArray data = readWholeFile(path, &ok, error);
    return ok && loadTsv(data, error);
}

bool Gazetteer::mergeTsv(const QByteArray& data, QString* error)
{
    std::vector<GazetteerEntry> parsed;
    if (!parse(data, &parsed, error))
        return false;
    int next = 1;
    for (const GazetteerEntry& e : m_entries)
        next = std::max(next, e.id + 1);
    for (const GazetteerEntry& e : parsed)
        next = std::max(next, e.id + 1);
    QSet<int> seen;
    for (GazetteerEntry& e : parsed) {
        if (e.id == 0)
            e.id = next++;
        if (seen.contains(e.id))
            return fail(error,
                        QStringLiteral("duplicate id %1 (%2) in the merged rows").arg(e.id).arg(e.name));
        seen.insert(e.id);
    }
    for (GazetteerEntry& e : parsed) {
        const auto existing = m_byId.constFind(e.id);
        if (existing != m_byId.constEnd())
            m_entries[size_t(*existing)] = std::move(e);
        else
            m_entries.push_back(std::move(e));
    }
    rebuildIndex();
    return true;
}

bool Gazetteer::mergeFile(const QString& path, QString* error)
{
    bool ok = false;
    const QByteArray data = readWholeFile(path, &ok, error);
    return ok && mergeTsv(data, error);
}

void Gazetteer::rebuildIndex()
{
    m_byId.clear();
    m_byKey.clear();
    m_sortedKeys.clear();
    for (qsizetype i = 0; i < qsizetype(m_entries.size()); ++i) {
        const GazetteerEntry& e = m_entries[size_t(i)];
        m_byId.insert(e.id, i);
        QSet<QString> keys;
        keys.insert(normalizePlaceName(e.name));
        for (const QString& v : e.variants)
            keys.insert(normalizePlaceName(v));
        keys.remove(QString());
        for (const QString& key : std::as_const(keys)) {
            m_byKey[key].push_back(i);
            m_sortedKeys.emplace_back(key, i);
        }
    }
    std::sort(m_sortedKeys.begin(), m_sortedKeys.end());
}

const Gazetteer& Gazetteer::builtIn()
{
    static const Gazetteer instance = [] {
        Gazetteer gazetteer;
        QString error;
        if (!gazetteer.loadFile(QStringLiteral(":/geo/gazetteer.tsv"), &error))
            qWarning("built-in gazetteer unavailable: %s", qUtf8Printable(error));
        return gazetteer;
    }();
    return instance;
}

const GazetteerEntry* Gazetteer::byId(int id) const
{
    const auto it = m_byId.constFind(id);
    return it == m_byId.constEnd() ? nullptr : &m_entries[size_t(*it)];
}

std::vector<const GazetteerEntry*> Gazetteer::lookup(QStringView name) const
{
    std::vector<const GazetteerEntry*> result;
    const auto it = m_byKey.constFind(normalizePlaceName(name));
    if (it == m_byKey.constEnd())
        return result;
    for (qsizetype index : *it)
        result.push_back(&m_entries[size_t(index)]);
    std::sort(result.begin(), result.end(), betterCandidate);
    return result;
}

const GazetteerEntry* Gazetteer::province(QStringView admin1, QStringView country) const
{
    const GazetteerEntry* fallback = nullptr;
    for (const GazetteerEntry* e : lookup(admin1)) {
        if (e->kind != PlaceKind::Province || e->country.compare(country, Qt::CaseInsensitive) != 0)
            continue;
        if (e->name.compare(admin1, Qt::CaseInsensitive) == 0)
            return e; // the canonical name beats a spelling variant
        if (!fallback)
            fallback = e;
    }
    return fallback;
}

const GazetteerEntry* Gazetteer::country(QStringView iso2) const
{
    for (const GazetteerEntry& e : m_entries) {
        if (e.kind == PlaceKind::Country && e.country.compare(iso2, Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

std::vector<const GazetteerEntry*> Gazetteer::search(QStringView prefix, int limit) const
{
    std::vector<const GazetteerEntry*> result;
    const QString key = normalizePlaceName(prefix);
    if (key.isEmpty() || limit <= 0)
        return result;
    QHash<qsizetype, bool> matched; // entry index -> whether some key equals the prefix exactly
    auto it = std::lower_bound(
        m_sortedKeys.begin(), m_sortedKeys.end(), key,
        [](const std::pair<QString, qsizetype>& item, const QString& k) { return item.first < k; });
    for (; it != m_sortedKeys.end() && it->first.startsWith(key); ++it) {
        bool& exact = matched[it->second];
        exact = exact || it->first == key;
    }
    std::vector<std::pair<bool, const GazetteerEntry*>> ranked;
    ranked.reserve(size_t(matched.size()));
    for (auto m = matched.constBegin(); m != matched.constEnd(); ++m)
        ranked.emplace_back(m.value(), &m_entries[size_t(m.key())]);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        if (a.first != b.first)
            return a.first;
        return betterCandidate(a.second, b.second);
    });
    for (const auto& r : ranked) {
        if (qsizetype(result.size()) >= limit)
            break;
        result.push_back(r.second);
    }
    return result;
}

} // namespace makran
