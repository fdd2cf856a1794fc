#include "ingest/xml_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>

namespace ingest {
namespace {

using ::testing::HasSubstr;

// Records events as "<name attr=value>", "</name>", "text".
class Recorder final : public XmlHandler {
 public:
  std::string log;
  Status start(std::string_view name, const XmlAttrs& attrs) override {
    log += "<" + std::string(name);
    if (const auto r = attrs.get("id")) log += " id=" + std::string(*r);
    log += ">";
    return std::nullopt;
  }
  Status end(std::string_view name) override {
    log += "</" + std::string(name) + ">";
    return std::nullopt;
  }
  Status text(std::string_view chunk) override {
    log += chunk;
    return std::nullopt;
  }
};

Status parse_in_pieces(std::string_view xml, XmlHandler& h, std::size_t piece) {
  XmlParser parser(h, "test.xml");
  for (std::size_t i = 0; i < xml.size(); i += piece)
    if (auto err = parser.feed(xml.substr(i, piece), false)) return err;
  return parser.feed({}, true);
}

TEST(XmlReaderTest, MatchesLocalNamesAcrossChunks) {
  Recorder r;
  ASSERT_FALSE(parse_in_pieces(
      "<x:a xmlns:x=\"urn:x\" xmlns:r=\"urn:r\"><x:b r:id=\"7\">при&amp;вет</x:b></x:a>", r, 3));
  EXPECT_EQ(r.log, "<a><b id=7>при&вет</b></a>");
}

TEST(XmlReaderTest, RefusesDoctypeBeforeExpandingEntities) {
  std::string laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  laughs += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">";
  for (int i = 2; i <= 9; ++i)
    laughs += "<!ENTITY lol" + std::to_string(i) + " \"" +
              [&] { std::string s; for (int k = 0; k < 10; ++k) s += "&lol" + std::to_string(i - 1) + ";"; return s; }() +
              "\">";
  laughs += "]><lolz>&lol9;</lolz>";
  Recorder r;
  const auto t0 = std::chrono::steady_clock::now();
  const auto err = parse_in_pieces(laughs, r, 4096);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("объявление DOCTYPE или сущностей"));
  EXPECT_THAT(err->message, HasSubstr("test.xml"));
  EXPECT_EQ(r.log, "");
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(1));
}

TEST(XmlReaderTest, ReportsMalformedXmlWithLine) {
  Recorder r;
  const auto err = parse_in_pieces("<a>\n<b></a>", r, 100);
  ASSERT_TRUE(err);
  EXPECT_THAT(err->message, HasSubstr("содержит испорченный XML (строка 2"));
}

TEST(XmlReaderTest, AFinishedHandlerHearsNoMoreAndTheRestIsNotParsed) {
  // Finished after </data>: the malformed tail is neither reported nor seen,
  // whether it comes in the same chunk or in later ones.
  class UntilData final : public XmlHandler {
   public:
    std::string log;
    bool done = false;
    Status start(std::string_view name, const XmlAttrs&) override {
      log += "<" + std::string(name) + ">";
      return std::nullopt;
    }
    Status end(std::string_view name) override {
      log += "</" + std::string(name) + ">";
      done = name == "data";
      return std::nullopt;
    }
    Status text(std::string_view chunk) override {
      log += chunk;
      return std::nullopt;
    }
    bool finished() const override { return done; }
  };
  for (const std::size_t piece : {3, 100}) {
    UntilData h;
    EXPECT_FALSE(parse_in_pieces("<w><data>1</data><tail><broken></w>", h, piece)) << piece;
    EXPECT_EQ(h.log, "<w><data>1</data>") << piece;
  }
  Recorder r;  // never finished: the same document is refused
  EXPECT_TRUE(parse_in_pieces("<w><data>1</data><tail><broken></w>", r, 100));
}

TEST(XmlReaderTest, HandlerErrorStopsParsing) {
  class Stopper final : public XmlHandler {
   public:
    int starts = 0;
    Status start(std::string_view, const XmlAttrs&) override {
      if (++starts == 2) return make_error("хватит", "");
      return std::nullopt;
    }
    Status end(std::string_view) override { return std::nullopt; }
    Status text(std::string_view) override { return std::nullopt; }
  } h;
  const auto err = parse_in_pieces("<a><b/><c/><d/></a>", h, 100);
  ASSERT_TRUE(err);
  EXPECT_EQ(err->message, "хватит");
  EXPECT_EQ(h.starts, 2);
}

TEST(XmlReaderTest, LocalNameStripsPrefix) {
  EXPECT_EQ(local_name("x:row"), "row");
  EXPECT_EQ(local_name("row"), "row");
}

}  // namespace
}  // namespace ingest
