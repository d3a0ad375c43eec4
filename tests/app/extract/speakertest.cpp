// Speakers an analyst expects to see: people who gave only a first name, roles ("the police chief"), the
// person a quote paragraph follows, organisations under their usual name ("a spokesman for the
// Revolutionary Guards" -> IRGC), acronyms the report spelled out. Every report here is invented.
#include "extract/speakernames.h"
#include "extract/dictionaries.h"

#include "extracttesthelpers.h"

#include <catch2/catch.hpp>

using namespace makran;
using makran::test::extractText;
using makran::test::quoteContaining;

namespace {

QString speakerOf(const QString& text, const QString& words)
{
    const ExtractionResult result = extractText(text);
    QStringList all;
    for (const Quote& q : result.quotes)
        all << QStringLiteral("[%1] %2").arg(q.speaker, q.text);
    INFO(all.join(u'\n').toStdString());
    const Quote* quote = quoteContaining(result.quotes, words);
    REQUIRE(quote);
    return quote->speaker;
}

} // namespace

TEST_CASE("Speakers: a name given after a role is the speaker", "[extract][speaker]")
{
    const QString text = QStringLiteral(
        "Shops stayed shut in Khash on Monday.\n\n"
        "\"Nobody came to open the market this morning,\" said a fruit seller who gave his name only as Karim.\n\n"
        "\"We buried my brother at noon,\" said one mourner, who asked to be identified only as Parveen.");
    CHECK(speakerOf(text, QStringLiteral("open the market")) == QStringLiteral("Karim"));
    CHECK(speakerOf(text, QStringLiteral("buried my brother")) == QStringLiteral("Parveen"));
}

TEST_CASE("Speakers: he after a role with no name is that role", "[extract][speaker]")
{
    const QString text = QStringLiteral(
        "Gunmen fired on a checkpoint near Saravan overnight.\n\n"
        "\"Our men held their positions until dawn,\" the district police chief said.\n\n"
        "\"Those responsible,\" he said, \"will be found and punished.\"\n\n"
        "A relative of one of the guards said the attackers came on motorbikes. "
        "\"They did not even stop their engines,\" he told reporters.");
    CHECK(speakerOf(text, QStringLiteral("held their positions")).contains(QStringLiteral("police chief")));
    CHECK(speakerOf(text, QStringLiteral("will be found")).contains(QStringLiteral("police chief")));
    CHECK(speakerOf(text, QStringLiteral("stop their engines")).startsWith(QStringLiteral("relative")));
}

TEST_CASE("Speakers: a quote paragraph follows who spoke or was introduced just before", "[extract][speaker]")
{
    const QString text = QStringLiteral(
        "The Frontier Corps said in a statement on Tuesday that its patrol had come under fire near Mand.\n\n"
        "\"The attackers fled towards the border after a brief exchange of fire.\n\n"
        "\"A search operation is under way,\" the statement added.\n\n"
        "Gul Bibi, a seamstress who lives beside the post, was at home when the shooting began.\n\n"
        "\"The walls shook and my children hid under the bed.\"");
    CHECK(speakerOf(text, QStringLiteral("brief exchange of fire")) == QStringLiteral("Frontier Corps"));
    CHECK(speakerOf(text, QStringLiteral("hid under the bed")) == QStringLiteral("Gul Bibi"));
}

TEST_CASE("Speakers: organisations are named as analysts know them", "[extract][speaker]")
{
    const QString text = QStringLiteral(
        "A bomb went off near a market in Pishin on Saturday.\n\n"
        "\"The device was hidden in a motorcycle,\" a CTD spokesman said.\n\n"
        "\"Those behind it will not be spared,\" a spokesman for the Revolutionary Guards said of a separate attack.\n\n"
        "The Baloch Students Organisation (BSO) condemned the blast. \"Students are not targets,\" the BSO said.");
    CHECK(speakerOf(text, QStringLiteral("hidden in a motorcycle")) == QStringLiteral("Counter Terrorism Department"));
    CHECK(speakerOf(text, QStringLiteral("will not be spared")) == QStringLiteral("IRGC"));
    CHECK(speakerOf(text, QStringLiteral("not targets")) == QStringLiteral("Baloch Students Organisation"));
}

TEST_CASE("Speakers: a press office keeps its own name and people pass through", "[extract][speaker]")
{
    const SpeakerNames names(u"", ActorDictionary::builtIn());
    CHECK(names.canonical(QStringLiteral("the military's media wing")) == QStringLiteral("ISPR"));
    CHECK(names.canonical(QStringLiteral("ISPR")) == QStringLiteral("ISPR"));
    CHECK(names.canonical(QStringLiteral("a TTP spokesman")) == QStringLiteral("Tehrik-i-Taliban Pakistan"));
    CHECK(names.canonical(QStringLiteral("Shazia Baloch")) == QStringLiteral("Shazia Baloch"));
    CHECK(names.canonical(QStringLiteral("truck driver")) == QStringLiteral("truck driver"));
    CHECK(names.canonical(QString()).isEmpty());
}
