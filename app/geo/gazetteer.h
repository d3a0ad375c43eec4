#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <utility>
#include <vector>

namespace makran {

enum class PlaceKind { Country, Province, District, City, Town, Village, Crossing, Area, Region };
QString toString(PlaceKind kind);
// Unknown text maps to PlaceKind::Town; use isPlaceKind() to validate first.
PlaceKind placeKindFromString(QStringView text);
bool isPlaceKind(QStringView text);

// The key names are compared by: Unicode compatibility decomposition with diacritics dropped,
// case folding, Arabic and Persian/Urdu letter forms unified (ي/ی, ك/ک, ة/ہ/ه, tatweel, ZWNJ),
// apostrophes and dots removed, hyphens, underscores, slashes and runs of spaces turned into one
// space. "Koh-i-Sabz", "koh i  sabz" and "Koh‑I‑Sabz" share a key; "Kohisabz" does not.
QString normalizePlaceName(QStringView name);

struct GazetteerEntry {
    int id = 0;
    QString name;         // usual English spelling
    QStringList variants; // other spellings, transliterations and scripts
    PlaceKind kind = PlaceKind::Town;
    double lat = 0;
    double lon = 0;
    QString admin1;     // province as spelled in the basemap ("Balochistan"); "" for countries
    QString country;    // ISO 3166-1 alpha-2
    int population = 0; // 0 when unknown
};

// Place names of the region, read from a UTF-8 TSV with the header
//   id  name  variants  kind  lat  lon  admin1  country  population  source
// (tab-separated, variants '|'-separated, population may be empty). Lines starting with '#' and
// blank lines are skipped; columns are found by their header name.
class Gazetteer {
  public:
    // Replace the contents. On any error nothing changes and *error names the line and reason.
    bool loadFile(const QString& path, QString* error);
    bool loadTsv(const QByteArray& data, QString* error);

    // Add a user's rows in the same format, so the gazetteer can be extended without rebuilding.
    // A row whose id already exists replaces that entry; an empty id gets a fresh one.
    bool mergeFile(const QString& path, QString* error);
    bool mergeTsv(const QByteArray& data, QString* error);

    // The gazetteer compiled in at :/geo/gazetteer.tsv, loaded on first use, immutable afterwards.
    static const Gazetteer& builtIn();

    const std::vector<GazetteerEntry>& entries() const { return m_entries; }
    const GazetteerEntry* byId(int id) const;

    // Entries whose name or any variant has the same normalised key, best candidates first
    // (by kind rank, then population).
    std::vector<const GazetteerEntry*> lookup(QStringView name) const;

    const GazetteerEntry* province(QStringView admin1, QStringView country) const;
    const GazetteerEntry* country(QStringView iso2) const;

    // Autocomplete: entries with a name or variant starting with the prefix (after
    // normalisation), exact matches first, then by kind (countries, provinces, cities, towns,
    // districts, crossings, regions, areas, villages) and population. Each entry appears once.
    std::vector<const GazetteerEntry*> search(QStringView prefix, int limit) const;

  private:
    static bool parse(const QByteArray& data, std::vector<GazetteerEntry>* out, QString* error);
    void rebuildIndex();

    std::vector<GazetteerEntry> m_entries;
    QHash<int, qsizetype> m_byId;
    QHash<QString, std::vector<qsizetype>> m_byKey;
    std::vector<std::pair<QString, qsizetype>> m_sortedKeys; // for prefix search
};

} // namespace makran
