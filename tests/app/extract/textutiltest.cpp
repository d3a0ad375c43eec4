// Text utilities under the extraction rules: code point offsets, tokens, transliteration skeletons and
// sentence boundaries.
#include "extract/phrasematcher.h"
#include "extract/sentencesplitter.h"
#include "extract/textutil.h"

#include <catch2/catch.hpp>

using namespace makran;

TEST_CASE("textutil: UTF-16 and code point offsets convert both ways", "[extract][text]")
{
    // "a😀b𝄞c": a=0, 😀=1 (UTF-16 1-2), b=2 (UTF-16 3), 𝄞=3 (UTF-16 4-5), c=4 (UTF-16 6).
    const QString text = QStringLiteral("a\U0001F600b\U0001D11Ec");
    REQUIRE(text.size() == 7);
    CHECK(toCodePointOffset(text, 0) == 0);
    CHECK(toCodePointOffset(text, 1) == 1);
    CHECK(toCodePointOffset(text, 3) == 2);
    CHECK(toCodePointOffset(text, 4) == 3);
    CHECK(toCodePointOffset(text, 6) == 4);
    CHECK(toCodePointOffset(text, 7) == 5);
    for (qint64 cp = 0; cp <= 5; ++cp)
        CHECK(toCodePointOffset(text, toUtf16Offset(text, cp)) == cp);
    CHECK(toUtf16Offset(text, 2) == 3);
    CHECK(toUtf16Offset(text, 4) == 6);
    // BMP-only text: the two units agree.
    const QString urdu = QStringLiteral("\u062A\u0631\u0628\u062A \u0645\u06CC\u06BA");
    for (qsizetype i = 0; i <= urdu.size(); ++i)
        CHECK(toCodePointOffset(urdu, i) == i);
}

TEST_CASE("textutil: tokens split hyphenated names and drop possessives", "[extract][text]")
{
    const QString text = QStringLiteral("Iran's forces entered Koh-e-Sabz and KECH.");
    const std::vector<Token> tokens = tokenize(text);
    QStringList keys;
    for (const Token& token : tokens)
        keys << token.key;
    CHECK(keys == QStringList{QStringLiteral("iran"), QStringLiteral("forces"), QStringLiteral("entered"),
                              QStringLiteral("koh"), QStringLiteral("e"), QStringLiteral("sabz"),
                              QStringLiteral("and"), QStringLiteral("kech")});
    REQUIRE(tokens.size() == 8);
    CHECK(text.mid(tokens[0].start, tokens[0].end - tokens[0].start).startsWith(QStringLiteral("Iran")));
    CHECK(tokens[0].capitalized);
    CHECK(tokens[7].allCaps);
    CHECK_FALSE(tokens[1].capitalized);
    CHECK(foldKey(u"Sar\u0101v\u0101n") == QStringLiteral("saravan"));
}

TEST_CASE("textutil: transliterations share a consonant skeleton", "[extract][text]")
{
    CHECK(skeletonKey(u"balochistan") == skeletonKey(u"baluchestan"));
    CHECK(skeletonKey(u"balochistan") == skeletonKey(u"baluchistan"));
    CHECK(skeletonKey(u"panjgur") == skeletonKey(u"panjgoor"));
    CHECK(skeletonKey(u"saravan") == skeletonKey(u"sarawan"));
    CHECK(skeletonKey(u"sistan") == skeletonKey(u"siestan"));
    // Different places stay different.
    CHECK(skeletonKey(u"panjgur") != skeletonKey(u"turbat"));
    CHECK(skeletonKey(u"kharan") != skeletonKey(u"khuzdar"));
}

TEST_CASE("PhraseMatcher: longest phrase first, connector words ignored, prefixes", "[extract][text]")
{
    PhraseMatcher matcher;
    matcher.setIgnoredWords({QStringLiteral("o"), QStringLiteral("and")});
    matcher.add(u"sistan baluchestan", 1);
    matcher.add(u"sistan", 2);
    matcher.add(u"abduct*", 3);
    const QString text = QStringLiteral("Men abducted in Sistan-o-Baluchestan and Sistan.");
    const auto matches = matcher.findAll(tokenize(text));
    REQUIRE(matches.size() == 3);
    CHECK(matches[0].payloads == std::vector<int>{3});
    CHECK(matches[1].payloads == std::vector<int>{1});
    CHECK(matches[2].payloads == std::vector<int>{2});
}

TEST_CASE("Sentences: abbreviations and initials do not end a sentence", "[extract][text]")
{
    const QString text = QStringLiteral(
        "Lt. Gen. Asim Baloch visited Quetta on Jan. 16. He met Mr. M. A. Zehri there. "
        "\"Peace will return,\" he said! Talks resume today.");
    const std::vector<Sentence> sentences = splitSentences(text);
    QStringList parts;
    for (const Sentence& s : sentences)
        parts << text.mid(s.start, s.end - s.start).trimmed();
    INFO(parts.join(QStringLiteral(" | ")).toStdString());
    REQUIRE(sentences.size() == 4);
    CHECK(parts[0].startsWith(QStringLiteral("Lt. Gen. Asim Baloch")));
    CHECK(parts[0].contains(QStringLiteral("Jan. 16")));
    CHECK(parts[1].startsWith(QStringLiteral("He met Mr. M. A. Zehri")));
    CHECK(parts[2].startsWith(QStringLiteral("\"Peace will return,\"")));
    CHECK(parts[3].startsWith(QStringLiteral("Talks resume")));
}

TEST_CASE("Sentences: line breaks end sentences and count paragraphs", "[extract][text]")
{
    const QString text = QStringLiteral("Headline without a full stop\n\nFirst body sentence. Second one.\nThird line");
    const std::vector<Sentence> sentences = splitSentences(text);
    REQUIRE(sentences.size() == 4);
    CHECK(sentences[0].paragraph < sentences[1].paragraph);
    CHECK(sentences[1].paragraph == sentences[2].paragraph);
    CHECK(sentences[2].paragraph < sentences[3].paragraph);
}

TEST_CASE("Sentences: paragraphs are numbered one by one whatever the blank lines between them", "[extract][text]")
{
    const QString text = QStringLiteral("First paragraph.\n\n\nSecond paragraph.\n\nThird paragraph.\nFourth line.");
    const std::vector<Sentence> sentences = splitSentences(text);
    REQUIRE(sentences.size() == 4);
    CHECK(sentences[1].paragraph - sentences[0].paragraph == 1);
    CHECK(sentences[2].paragraph - sentences[1].paragraph == 1);
    CHECK(sentences[3].paragraph - sentences[2].paragraph == 1);
}
