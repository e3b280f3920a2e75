#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "TestSupport.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::identification {
namespace {

using test::canonical;
using test::model;

graph::IndexedGraph example(const std::string& file) {
  std::ifstream in(std::string(CAUSEWAY_EXAMPLES_DIR) + "/" + file);
  std::stringstream text;
  text << in.rdbuf();
  return model(text.str());
}

TEST(Identify, ConfoundingExample) {
  const auto g = example("confounding.dag");
  const auto s = identify(g).value();
  EXPECT_EQ(canonical(g, s.adjustmentSets), "{Z}");
  ASSERT_TRUE(s.optimal);
  EXPECT_EQ(formatSet(g, s.optimal->nodes), "{Z}");
  ASSERT_TRUE(s.adjustedSetCheck);
  EXPECT_FALSE(s.adjustedSetCheck->valid);  // nothing adjusted yet
  EXPECT_TRUE(s.implications.empty());
  EXPECT_EQ(s.paths.size(), 2U);
  EXPECT_FALSE(s.truncated());
}

TEST(Identify, BundledExamples) {
  EXPECT_EQ(canonical(example("m-bias.dag"), identify(example("m-bias.dag")).value().adjustmentSets), "{}");
  const auto b = example("butterfly.dag");
  EXPECT_EQ(canonical(b, identify(b).value().adjustmentSets), "{A, M} {B, M}");
  const auto f = example("frontdoor.dag");
  const auto fs = identify(f).value();
  EXPECT_TRUE(fs.adjustmentSets.empty());
  EXPECT_EQ(canonical(f, fs.frontDoorSets), "{M}");
  const auto i = example("instrument.dag");
  const auto is = identify(i).value();
  ASSERT_EQ(is.instruments.size(), 1U);
  EXPECT_EQ(i.name(is.instruments[0].instrument), "Z");
  const auto p = example("postmortem.dag");
  EXPECT_EQ(canonical(p, identify(p).value().adjustmentSets), "{Region, Traffic}");
}

TEST(Identify, OverridesPartsAndErrors) {
  const auto g = model("dag { A -> B -> C  A [exposure] C [outcome] }");
  IdentificationOptions o;
  o.exposures = NodeSet{*g.find("B")};
  o.parts.implications = false;
  o.parts.paths = false;
  const auto s = identify(g, o).value();
  EXPECT_EQ(formatSet(g, s.exposures), "{B}");
  EXPECT_EQ(canonical(g, s.adjustmentSets), "{}");
  EXPECT_FALSE(s.implicationsComputed);
  EXPECT_FALSE(s.pathsComputed);
  o.outcomes = NodeSet{*g.find("B")};
  const auto bad = identify(g, o);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::InvalidArgument);
  std::stop_source stop;
  stop.request_stop();
  const auto cancelled = identify(g, {}, Progress(stop.get_token()));
  ASSERT_FALSE(cancelled.ok());
  EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled);
}

TEST(Identify, NoQuestionStillListsImplications) {
  const auto g = model("dag { A -> B -> C }");
  const auto s = identify(g).value();
  EXPECT_FALSE(s.adjustmentComputed);
  EXPECT_EQ(s.implications.size(), 1U);
  EXPECT_FALSE(s.notes.empty());
}

TEST(Identify, EveryListingObeysTheCapWithItsOwnFlag) {
  // Two unconditional instruments (A, B); five paths, one closed at the collider D.
  const auto g =
      model("dag { X [exposure] Y [outcome] A -> X B -> X X -> Y X <-> Y C -> X C -> Y X -> M -> Y A -> D <- Y }");
  IdentificationOptions o;
  o.maxSets = 1;
  const auto s = identify(g, o).value();
  EXPECT_EQ(s.instruments.size(), 1U);
  EXPECT_TRUE(s.instrumentsTruncated);
  EXPECT_EQ(s.paths.size(), 1U);
  EXPECT_TRUE(s.pathsTruncated);
  EXPECT_EQ(s.implications.size(), 1U);
  EXPECT_TRUE(s.implicationsTruncated);
  EXPECT_TRUE(s.truncated());
  o.maxSets = 100;
  const auto all = identify(g, o).value();
  EXPECT_EQ(all.instruments.size(), 2U);
  EXPECT_FALSE(all.instrumentsTruncated);
  // Causal paths first, then open biasing paths, then closed ones.
  ASSERT_EQ(all.paths.size(), 5U);
  std::string order;
  for (const auto& p : all.paths) order += p.causal ? 'c' : p.open ? 'o' : 'x';
  EXPECT_EQ(order, "ccoox");
}

TEST(Identify, ExposureMarkedAdjustedIsNoted) {
  const auto g = model("dag { A [exposure,adjusted] Y [outcome] A -> Y }");
  const auto s = identify(g).value();
  EXPECT_TRUE(s.adjusted.empty());
  ASSERT_EQ(s.notes.size(), 1U);
  EXPECT_EQ(s.notes[0].rfind("'A' is the exposure and is also marked adjusted; the adjusted mark is ignored", 0), 0U)
      << s.notes[0];
}

}  // namespace
}  // namespace causeway::identification
