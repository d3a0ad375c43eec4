// Quotes credited to a role go to the person the report named in it, "the statement" to the body that
// issued it, and leftover words to no one. Every sentence written for the test.
#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::describe;
using makran::test::extractText;

namespace {

QString speakerOf(const ExtractionResult& result, const QString& words)
{
    for (const Quote& quote : result.quotes) {
        if (quote.text.contains(words))
            return quote.speaker;
    }
    return QStringLiteral("(no such quote)");
}

} // namespace

TEST_CASE("Role speakers: the spokesperson is the person named in that office", "[extract][quote]")
{
    const auto result = extractText(QStringLiteral(
        "ISLAMABAD, 13 February 2025: Foreign Office Spokesperson Shafqat Ali Khan told the weekly briefing that two "
        "men were killed by border guards near Mand.\n\n"
        "\"We have raised this at the highest level,\" the spokesperson said."));
    INFO(describe(result));
    CHECK(speakerOf(result, QStringLiteral("highest level")) == QStringLiteral("Shafqat Ali Khan"));
}

TEST_CASE("Role speakers: a shopkeeper introduced by name keeps his name", "[extract][quote]")
{
    const auto result = extractText(QStringLiteral(
        "A grenade was thrown into a music shop in Duki on 6 January 2025. Abdul Hadi, a shopkeeper in the same "
        "market, said he had received threats.\n\n"
        "\"Nobody came when I told the police,\" the shopkeeper said."));
    INFO(describe(result));
    CHECK(speakerOf(result, QStringLiteral("Nobody came")) == QStringLiteral("Abdul Hadi"));
}

TEST_CASE("Role speakers: the group's spokesman speaks for the group", "[extract][quote]")
{
    const auto result = extractText(QStringLiteral(
        "The Baloch Liberation Army claimed the attack on a camp near Kalat on 13 February 2025.\n\n"
        "\"Our fighters held the gate until dawn,\" the group's spokesman said."));
    INFO(describe(result));
    CHECK(speakerOf(result, QStringLiteral("held the gate")) == QStringLiteral("Baloch Liberation Army"));
}

TEST_CASE("Role speakers: a pronoun quote right after a named speaker's is the same speaker", "[extract][quote]")
{
    const auto result = extractText(QStringLiteral(
        "Gunmen stopped a bus near Nushki on 7 September 2023 and shot dead six passengers.\n\n"
        "\"They blocked the road with a truck,\" Habibullah Musakhel told reporters. \"They checked every card,\" he said."));
    INFO(describe(result));
    CHECK(speakerOf(result, QStringLiteral("checked every card")) == speakerOf(result, QStringLiteral("blocked the road")));
    CHECK_FALSE(speakerOf(result, QStringLiteral("checked every card")).isEmpty());
}

TEST_CASE("Role speakers: what he called names the person the sentence is about", "[extract][quote]")
{
    const auto result = extractText(QStringLiteral(
        "Chief Minister Sarfraz Bugti condemned what he called \"a cowardly attack on labourers\" in Kech on "
        "9 May 2024."));
    INFO(describe(result));
    CHECK(speakerOf(result, QStringLiteral("cowardly attack")).contains(QStringLiteral("Bugti")));
}

TEST_CASE("Role speakers: an officer named by his post and town is the person after it", "[extract][quote]")
{
    const auto result = extractText(QStringLiteral(
        "TURBAT: Gunmen shot dead four labourers in Tump on 9 May 2023.\n\n"
        "Station House Officer Tump, Abdul Ghafoor Dashti, told reporters the men lived at the site. \"They had no "
        "guards,\" he said."));
    INFO(describe(result));
    CHECK(speakerOf(result, QStringLiteral("no guards")) == QStringLiteral("Abdul Ghafoor Dashti"));
}

TEST_CASE("Role speakers: British single quotes are quotes and keep their apostrophes", "[extract][quote]")
{
    const auto result = extractText(QStringLiteral(
        "A schoolteacher was shot dead outside his school in Kharan on 14 May 2023.\n\n"
        "\u2018He had no enemies and we won\u2019t forget him,\u2019 said his son, Naseer Ahmed."));
    INFO(describe(result));
    CHECK(speakerOf(result, QStringLiteral("no enemies")) == QStringLiteral("Naseer Ahmed"));
    CHECK(speakerOf(result, QStringLiteral("no enemies")).size() > 0);
    bool whole = false;
    for (const Quote& quote : result.quotes)
        whole = whole || quote.text.contains(QStringLiteral("won\u2019t forget him"));
    CHECK(whole);
}

TEST_CASE("Role speakers: a witness who gave his name only as Qadir is Qadir", "[extract][quote]")
{
    const auto result = extractText(QStringLiteral(
        "Mortar shells fired from across the border landed near Mand on 12 April 2025, wounding three villagers.\n\n"
        "A resident of a village near Mand, who gave his name only as Qadir, said the shells fell before midnight. "
        "\"We heard firing for an hour,\" he said."));
    INFO(describe(result));
    CHECK(speakerOf(result, QStringLiteral("firing for an hour")) == QStringLiteral("Qadir"));
}

TEST_CASE("Role speakers: a report that is itself a statement speaks for its outlet", "[extract][quote]")
{
    const auto result = extractText(QStringLiteral(
        "Sistan Rights Observatory\nPublic statement \u2013 29 November 2024\n\nExecutions in Zahedan\n\n"
        "Security forces fired tear gas at worshippers in Zahedan on 22 November 2024. \"The authorities are using "
        "fear to govern,\" the statement said."));
    INFO(describe(result));
    CHECK(speakerOf(result, QStringLiteral("using fear")) == QStringLiteral("Sistan Rights Observatory"));
}
