#include "extract/speakernames.h"

#include "extract/dictionaries.h"

#include <QRegularExpression>

namespace makran {

namespace {

bool isAcronym(QStringView word)
{
    int letters = 0;
    for (QChar c : word) {
        if (c.isLetter() && !c.isUpper())
            return false;
        letters += c.isLetter() ? 1 : 0;
    }
    return letters >= 2;
}

// Kinds whose members speak for themselves; "protesters" or "civilians" are groupings, not speakers.
bool speaksAsOrganisation(QStringView kind)
{
    // Sizes known at compile time: most kinds are ruled out by their length alone.
    static constexpr QStringView kinds[] = {u"militant", u"military", u"police", u"government", u"state"};
    return std::any_of(std::begin(kinds), std::end(kinds),
                       [&](QStringView k) { return k.size() == kind.size() && k == kind; });
}

const ActorEntry* findAlias(const ActorDictionary& dictionary, const QString& name, bool organisationsOnly)
{
    const bool acronym = isAcronym(name);
    // A case-insensitive match folds code units one to one, so it needs equal sizes: compare those first.
    auto same = [&](const QString& alias) {
        return acronym ? alias == name : alias.size() == name.size() && alias.compare(name, Qt::CaseInsensitive) == 0;
    };
    for (const ActorEntry& entry : dictionary.entries()) {
        if (organisationsOnly && !speaksAsOrganisation(entry.kind))
            continue;
        if (same(entry.name) || std::any_of(entry.aliases.begin(), entry.aliases.end(), same))
            return &entry;
    }
    return nullptr;
}

} // namespace

const ActorDictionary& SpeakerNames::builtInSpeakers()
{
    static const ActorDictionary dictionary =
        ActorDictionary::fromBundle(QStringLiteral(":/dict/speakers.tsv"), QStringLiteral("speakers.tsv"));
    return dictionary;
}

SpeakerNames::SpeakerNames(QStringView text, const ActorDictionary& actors) : m_actors(actors)
{
    // Only where "(" opens an acronym; the name is matched in a short window before it.
    static const QRegularExpression defined(
        QStringLiteral("((?:[A-Z][\\w'\u2019-]*\\s+(?:(?:of|for|and|the|al|e)\\s+)?){1,6})\\(([A-Z][A-Za-z-]{1,7})\\)$"));
    for (qsizetype open = text.indexOf(u'('); open >= 0; open = text.indexOf(u'(', open + 1)) {
        const qsizetype close = text.indexOf(u')', open);
        if (open + 1 >= text.size() || !text[open + 1].isUpper() || close < 0 || close - open > 9)
            continue;
        const qsizetype from = std::max<qsizetype>(0, open - 90);
        const QString window = text.mid(from, close + 1 - from).toString();
        const auto m = defined.match(window);
        if (!m.hasMatch())
            continue;
        QString longName = m.captured(1).trimmed();
        if (longName.startsWith(QStringLiteral("The ")))
            longName = longName.mid(4);
        // "Baloch Yakjehti Committee (BYC)": the initials should roughly follow the words.
        if (longName.front().toUpper() == m.captured(2).front())
            m_acronyms.insert(m.captured(2), longName);
    }
}

QString SpeakerNames::lookup(const QString& name) const
{
    if (const ActorEntry* entry = findAlias(builtInSpeakers(), name, false))
        return entry->name;
    if (const ActorEntry* entry = findAlias(m_actors, name, true))
        return entry->name;
    return QString();
}

QString SpeakerNames::canonical(const QString& speaker) const
{
    QString name = speaker.trimmed();
    if (name.isEmpty())
        return name;
    static const QRegularExpression determiner(QStringLiteral("^(?:the|a|an)\\s+"), QRegularExpression::CaseInsensitiveOption);
    name.remove(determiner);
    // "a spokesman for the Revolutionary Guards", "the statement of the BLA": the organisation speaks.
    static const QRegularExpression roleOf(
        QStringLiteral("^(?:the\\s+|a\\s+|an\\s+)?(?:spokes(?:man|woman|person)|statement|official\\s+statement|"
                       "media\\s+wing|press\\s+office)\\s+(?:for|of)\\s+(?:the\\s+)?(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    // "CTD spokesman", "an IRGC statement", "the provincial government's spokesman".
    static const QRegularExpression orgRole(
        QStringLiteral("^(?:the\\s+|a\\s+|an\\s+)?(.+?)(?:'s|\u2019s)?\\s+(?:spokes(?:man|woman|person)|statement)$"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = roleOf.match(name); m.hasMatch()) {
        name = m.captured(1);
    } else if (const auto r = orgRole.match(name); r.hasMatch() && (r.captured(1).front().isUpper() ||
                                                                     !lookup(r.captured(1)).isEmpty())) {
        name = r.captured(1);
    }
    if (const QString known = lookup(name); !known.isEmpty())
        return known;
    if (const auto it = m_acronyms.constFind(name); it != m_acronyms.constEnd()) {
        const QString known = lookup(*it);
        return known.isEmpty() ? *it : known;
    }
    return name;
}

} // namespace makran
