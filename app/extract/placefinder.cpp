#include "extract/placefinder.h"

#include "geo/gazetteer.h"
#include "model/incident.h"

#include <QSet>

namespace makran {

namespace {

// Capitalised words that are also the names of small places; as the first word of a sentence or in
// a title they are far more often English than a village.
const QSet<QString>& commonWords()
{
    static const QSet<QString> words = {
        QStringLiteral("the"),    QStringLiteral("said"),   QStringLiteral("police"), QStringLiteral("army"),
        QStringLiteral("new"),    QStringLiteral("central"), QStringLiteral("north"), QStringLiteral("south"),
        QStringLiteral("east"),   QStringLiteral("west"),   QStringLiteral("hub"),    QStringLiteral("mach"),
        QStringLiteral("a"),      QStringLiteral("on"),     QStringLiteral("in"),     QStringLiteral("at"),
        QStringLiteral("sunday"), QStringLiteral("monday"), QStringLiteral("tuesday"), QStringLiteral("wednesday"),
        QStringLiteral("thursday"), QStringLiteral("friday"), QStringLiteral("saturday"), QStringLiteral("may"),
        QStringLiteral("march"),  QStringLiteral("bar"),    QStringLiteral("marg"),   QStringLiteral("sarmachar"),
        QStringLiteral("security"), QStringLiteral("levies"), QStringLiteral("state"), QStringLiteral("union"),
        QStringLiteral("islamic"), QStringLiteral("republic"), QStringLiteral("office"), QStringLiteral("press"),
        QStringLiteral("district"), QStringLiteral("province"), QStringLiteral("border"), QStringLiteral("gate"),
        // pronouns and determiners that open sentences ("These hills have seen fighting")
        QStringLiteral("these"),  QStringLiteral("this"),   QStringLiteral("those"),  QStringLiteral("there"),
        QStringLiteral("they"),   QStringLiteral("their"),  QStringLiteral("then"),   QStringLiteral("when"),
        QStringLiteral("what"),   QStringLiteral("who"),    QStringLiteral("we"),     QStringLiteral("our"),
        QStringLiteral("all"),    QStringLiteral("some"),   QStringLiteral("many"),   QStringLiteral("after"),
        QStringLiteral("but"),    QStringLiteral("while"),  QStringLiteral("nobody"), QStringLiteral("no"),
    };
    return words;
}

// Ranks and honorifics that start a person's name: "Naik Sher Dil" is a soldier, not Nik Shahr.
bool isPersonTitle(const QString& key)
{
    static const QSet<QString> titles = {
        QStringLiteral("naik"),     QStringLiteral("sepoy"),   QStringLiteral("havildar"), QStringLiteral("subedar"),
        QStringLiteral("sepahi"),   QStringLiteral("lance"),   QStringLiteral("captain"),  QStringLiteral("capt"),
        QStringLiteral("major"),    QStringLiteral("colonel"), QStringLiteral("lieutenant"), QStringLiteral("lt"),
        QStringLiteral("sergeant"), QStringLiteral("sgt"),     QStringLiteral("constable"), QStringLiteral("mr"),
        QStringLiteral("mrs"),      QStringLiteral("ms"),      QStringLiteral("dr"),       QStringLiteral("maulana"),
        QStringLiteral("mullah"),   QStringLiteral("molvi"),   QStringLiteral("maulvi"),   QStringLiteral("haji"),
        QStringLiteral("sardar"),   QStringLiteral("nawab"),   QStringLiteral("sheikh"),   QStringLiteral("brigadier"),
        QStringLiteral("general"),  QStringLiteral("commander"), QStringLiteral("inspector"), QStringLiteral("sub")};
    return titles.contains(key);
}

// "Zahid Hussain Sherani", "Mir Hasil Khan Bizenjo": a tribal name closing a person's name, after two
// capitalised given names in the same run of words, is a surname, not the district of that name.
bool endsPersonName(QStringView text, const std::vector<Token>& tokens, size_t first)
{
    if (first < 2)
        return false;
    static const QSet<QString> notNames = {
        QStringLiteral("district"), QStringLiteral("tehsil"), QStringLiteral("province"), QStringLiteral("division"),
        QStringLiteral("road"),     QStringLiteral("town"),   QStringLiteral("city"),     QStringLiteral("county"),
        QStringLiteral("the"),      QStringLiteral("in"),     QStringLiteral("of"),       QStringLiteral("near"),
        QStringLiteral("at"),       QStringLiteral("from"),   QStringLiteral("and"),      QStringLiteral("new"),
        QStringLiteral("north"),    QStringLiteral("south"),  QStringLiteral("east"),     QStringLiteral("west"),
        QStringLiteral("upper"),    QStringLiteral("lower"),  QStringLiteral("old"),      QStringLiteral("greater")};
    for (size_t back = 1; back <= 2; ++back) {
        const Token& word = tokens[first - back];
        if (!word.capitalized || word.allCaps || notNames.contains(word.key))
            return false;
        // Only within one run of words: "Naseerabad, Zahid Hussain Sherani" but not "Hussain. Sherani".
        const Token& next = tokens[first - back + 1];
        if (text.mid(word.end, next.start - word.end) != u" ")
            return false;
    }
    // The run must not open the sentence as a place name itself might ("Dera Murad Jamali" is one match).
    const Token& opener = tokens[first - 2];
    const qsizetype before = opener.start > 0 ? opener.start - 1 : 0;
    return opener.start > 0 && text[before] == u' ' && before > 0 && text[before - 1] != u'.';
}

// Names of towns abroad that are also English words or given names. Reports about the region name these
// far more often as a word or a person than as the town (Van in Turkey, Tyre in Lebanon, Dara in Syria),
// so a one-word match of them never yields a foreign place; a Pakistani, Iranian or Afghan place of the
// same name is still found. The gazetteer script leaves out the worst of them altogether (Said, Of, Sur).
const QSet<QString>& foreignWordNames()
{
    static const QSet<QString> words = {
        QStringLiteral("van"),    QStringLiteral("tyre"),    QStringLiteral("dara"),   QStringLiteral("mus"),
        QStringLiteral("mau"),    QStringLiteral("chas"),    QStringLiteral("pali"),   QStringLiteral("tonk"),
        QStringLiteral("guna"),   QStringLiteral("bali"),    QStringLiteral("lima"),   QStringLiteral("salem"),
        QStringLiteral("banda"),  QStringLiteral("kota"),    QStringLiteral("puri"),   QStringLiteral("rewa"),
        QStringLiteral("halba"),  QStringLiteral("hayma"),   QStringLiteral("loni"),   QStringLiteral("chanda"),
        QStringLiteral("sucre"),  QStringLiteral("praia"),   QStringLiteral("nassau"), QStringLiteral("stanley"),
        QStringLiteral("douglas"), QStringLiteral("victoria"), QStringLiteral("hamilton"), QStringLiteral("male"),
        QStringLiteral("said"),   QStringLiteral("of"),      QStringLiteral("mina"),   QStringLiteral("bar"),
        QStringLiteral("deal"),   QStringLiteral("hit"),     QStringLiteral("wadi"),   QStringLiteral("sur"),
        QStringLiteral("ali"),    QStringLiteral("hassan"),  QStringLiteral("anand"),  QStringLiteral("ariel"),
        QStringLiteral("santiago"), QStringLiteral("mary"),  QStringLiteral("kingston"), QStringLiteral("georgetown"),
        QStringLiteral("sohar"),  QStringLiteral("ibra"),    QStringLiteral("seeb"),   QStringLiteral("daman"),
    };
    return words;
}

// Pakistan, Iran and Afghanistan: the countries whose places the gazetteer covers down to small towns.
bool isHomeCountry(const QString& country)
{
    return country == u"PK" || country == u"IR" || country == u"AF";
}

bool isLocativeWord(const QString& key)
{
    static const QSet<QString> words = {
        QStringLiteral("in"),     QStringLiteral("near"),   QStringLiteral("at"),      QStringLiteral("outside"),
        QStringLiteral("inside"), QStringLiteral("into"),    QStringLiteral("across"),
        QStringLiteral("of"),     QStringLiteral("around"), QStringLiteral("between"), QStringLiteral("within"),
        QStringLiteral("on"),     QStringLiteral("off"),    QStringLiteral("along"),   QStringLiteral("towards"),
        QStringLiteral("toward"), QStringLiteral("to"),     QStringLiteral("and"),     QStringLiteral("province"),
        QStringLiteral("district"), QStringLiteral("area"), QStringLiteral("town"),    QStringLiteral("city"),
        QStringLiteral("village"), QStringLiteral("the"),   QStringLiteral("restive"), QStringLiteral("southwestern"),
        QStringLiteral("southeastern"), QStringLiteral("troubled"), QStringLiteral("volatile"), QStringLiteral("unruly"),
    };
    return words.contains(key);
}

bool isNearWord(const QString& key)
{
    static const QSet<QString> words = {QStringLiteral("near"),     QStringLiteral("outskirts"),
                                        QStringLiteral("km"),       QStringLiteral("kilometres"),
                                        QStringLiteral("kilometers"), QStringLiteral("miles"),
                                        QStringLiteral("nearby"),   QStringLiteral("vicinity"),
                                        QStringLiteral("close"),    QStringLiteral("suburbs"),
                                        QStringLiteral("outside"),  QStringLiteral("around")};
    return words.contains(key);
}

} // namespace

PlaceFinder::PlaceFinder(const Gazetteer& gazetteer) : m_gazetteer(gazetteer)
{
    m_matcher.setIgnoredWords({QStringLiteral("o"), QStringLiteral("va"), QStringLiteral("wa"), QStringLiteral("e"),
                               QStringLiteral("i"), QStringLiteral("and"), QStringLiteral("ul"),
                               QStringLiteral("al"), QStringLiteral("el")});
    m_matcher.setFuzzy(true, 5);
    const auto& entries = gazetteer.entries();
    for (size_t i = 0; i < entries.size(); ++i) {
        const GazetteerEntry& entry = entries[i];
        // Transliteration matching only where spellings really vary: the focus provinces' places,
        // and province names; elsewhere it would mostly mistake English words for villages.
        const bool fuzzy = (entry.kind == PlaceKind::Province && isHomeCountry(entry.country)) ||
                           isFocusProvince(entry.admin1);
        m_matcher.add(entry.name, int(i), PhraseMatcher::Case::FirstCapitalized, fuzzy);
        for (const QString& variant : entry.variants)
            m_matcher.add(variant, int(i), PhraseMatcher::Case::FirstCapitalized, fuzzy);
    }
}

std::vector<PlaceMention> PlaceFinder::find(QStringView text, const std::vector<Token>& tokens) const
{
    Q_UNUSED(text);
    std::vector<PlaceMention> mentions;
    const auto& entries = m_gazetteer.entries();
    for (const PhraseMatcher::Match& match : m_matcher.findAll(tokens)) {
        const Token& first = tokens[match.first];
        if (match.last - match.first == 1 && commonWords().contains(first.key))
            continue;
        if (match.fuzzy && match.last - match.first == 1 && first.key.size() < 5)
            continue;
        if (isPersonTitle(first.key) || (match.first > 0 && isPersonTitle(tokens[match.first - 1].key) &&
                                         tokens[match.first - 1].capitalized))
            continue;
        if (endsPersonName(text, tokens, match.first))
            continue;
        PlaceMention mention;
        mention.start = first.start;
        mention.end = tokens[match.last - 1].end;
        mention.firstToken = match.first;
        mention.lastToken = match.last;
        mention.fuzzy = match.fuzzy;
        const bool foreignWord = match.last - match.first == 1 && foreignWordNames().contains(first.key);
        for (int payload : match.payloads) {
            const GazetteerEntry* entry = &entries[size_t(payload)];
            if (foreignWord && !isHomeCountry(entry->country))
                continue;
            if (std::find(mention.candidates.begin(), mention.candidates.end(), entry) == mention.candidates.end())
                mention.candidates.push_back(entry);
        }
        if (mention.candidates.empty())
            continue;
        for (size_t back = 1; back <= 3 && back <= match.first; ++back) {
            const QString& key = tokens[match.first - back].key;
            if (isNearWord(key))
                mention.near = true;
            if (back == 1 && isLocativeWord(key))
                mention.locative = true;
            // "from" is left out: "people from Punjab" says where they came from, not where it happened.
            if (back <= 3 && (key == u"in" || key == u"near" || key == u"at"))
                mention.locative = true;
        }
        // "Kech district", but not "Mashkel, District Washuk": the district word names the next place.
        const bool adjacent = match.last < tokens.size() &&
                              text.mid(mention.end, tokens[match.last].start - mention.end).trimmed().isEmpty();
        if (adjacent) {
            const QString& next = tokens[match.last].key;
            mention.district = next == u"district" || next == u"county" || next == u"division" ||
                               next == u"tehsil" || next == u"area" || next == u"region";
        }
        mentions.push_back(std::move(mention));
    }
    return mentions;
}

} // namespace makran
