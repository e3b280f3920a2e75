#include <gtest/gtest.h>

#include <random>

#include "causeway/graph/DagittySyntax.hpp"

using namespace causeway;
using namespace causeway::graph;

namespace {

CausalGraph parse(std::string_view text) {
  auto r = parseDagitty(text, "test.dag");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  return r.ok() ? std::move(r).value() : CausalGraph{};
}

Error parseError(std::string_view text) {
  auto r = parseDagitty(text, "test.dag");
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error{} : r.error();
}

bool has(const CausalGraph& g, const char* from, const char* to, EdgeKind kind = EdgeKind::Directed) {
  auto a = g.findNode(from), b = g.findNode(to);
  return a && b && g.hasEdge(*a, *b, kind);
}

}  // namespace

TEST(DagittySyntax, ReadsTheIssueExample) {
  auto g = parse(R"(dag { X [exposure,pos="1,2"] Y [outcome] Z -> {X Y} X -> Y })");
  EXPECT_EQ(g.nodeCount(), 3U);
  EXPECT_EQ(g.edgeCount(), 3U);
  auto x = *g.findNode("X");
  EXPECT_TRUE(g.roles(x).has(Role::Exposure));
  EXPECT_EQ(g.node(x).position, (Point{1, 2}));
  EXPECT_TRUE(g.roles(*g.findNode("Y")).has(Role::Outcome));
  EXPECT_TRUE(has(g, "Z", "X"));
  EXPECT_TRUE(has(g, "Z", "Y"));
  EXPECT_TRUE(has(g, "X", "Y"));
}

TEST(DagittySyntax, ReadsWhatRsDagittyPrints) {
  // As printed by R's dagitty (and dagitty.net's "Model code"), including the bounding box.
  auto g = parse(
      "dag {\n"
      "bb=\"-3.687,-2.637,5.96,2.575\"\n"
      "age [adjusted,pos=\"-0.929,-0.900\"]\n"
      "hb [pos=\"-0.789,2.123\"]\n"
      "obesity [exposure,pos=\"-2.883,0.520\"]\n"
      "spo2 [outcome,pos=\"2.079,0.078\"]\n"
      "u [latent,pos=\"0,0\"]\n"
      "s [selected,pos=\"1,1\"]\n"
      "age -> hb\n"
      "age -> obesity\n"
      "obesity -> spo2\n"
      "hb -> spo2\n"
      "u -> s\n"
      "}\n");
  EXPECT_EQ(g.nodeCount(), 6U);
  EXPECT_EQ(g.edgeCount(), 5U);
  EXPECT_EQ(g.attributes().at("bb"), "-3.687,-2.637,5.96,2.575");
  EXPECT_TRUE(g.roles(*g.findNode("age")).has(Role::Adjusted));
  EXPECT_TRUE(g.roles(*g.findNode("u")).has(Role::Latent));
  EXPECT_TRUE(g.roles(*g.findNode("s")).has(Role::Selected));
  EXPECT_EQ(g.node(*g.findNode("hb")).position, (Point{-0.789, 2.123}));
}

TEST(DagittySyntax, ChainsReverseArrowsBidirectedAndGroups) {
  auto g = parse("dag { S1 <- U <- {X V}; {Y V} -> W -> S2; A <-> B; C -> D -> E }");
  EXPECT_TRUE(has(g, "U", "S1"));
  EXPECT_TRUE(has(g, "X", "U"));
  EXPECT_TRUE(has(g, "V", "U"));
  EXPECT_TRUE(has(g, "Y", "W"));
  EXPECT_TRUE(has(g, "V", "W"));
  EXPECT_TRUE(has(g, "W", "S2"));
  EXPECT_TRUE(has(g, "A", "B", EdgeKind::Bidirected));
  EXPECT_TRUE(has(g, "B", "A", EdgeKind::Bidirected));
  EXPECT_TRUE(has(g, "C", "D"));
  EXPECT_TRUE(has(g, "D", "E"));
  EXPECT_FALSE(has(g, "C", "E"));
}

TEST(DagittySyntax, CaseInsensitiveTypeStrictGraphNameSpacesAndComments) {
  auto g = parse(
      "// leading comment\n"
      "STRICT Dag mymodel {\n"
      "  # hash comment\n"
      "  y [ outcome , pos = \" 0.774 , 0.285 \" ]  /* block\n comment */\n"
      "  x->y ; x [exposure]\n"
      "}");
  EXPECT_EQ(g.node(*g.findNode("y")).position, (Point{0.774, 0.285}));
  EXPECT_TRUE(g.roles(*g.findNode("x")).has(Role::Exposure));
  EXPECT_TRUE(has(g, "x", "y"));
}

TEST(DagittySyntax, RepeatedDeclarationsMergeRoles) {
  auto g = parse("dag { X [exposure] X [outcome] X -> Y X -> Y }");
  auto x = *g.findNode("X");
  EXPECT_TRUE(g.roles(x).has(Role::Exposure));
  EXPECT_TRUE(g.roles(x).has(Role::Outcome));
  EXPECT_EQ(g.edgeCount(), 1U);
}

TEST(DagittySyntax, QuotedNamesAndUnicode) {
  auto g = parse(R"(dag { "smoking status" [exposure] "lung \"cancer\"" [outcome] "smoking status" -> "lung \"cancer\"" Größe -> "smoking status" })");
  EXPECT_TRUE(g.findNode("smoking status").has_value());
  EXPECT_TRUE(g.findNode("lung \"cancer\"").has_value());
  EXPECT_TRUE(g.findNode("Größe").has_value());
  EXPECT_EQ(quoteDagittyName("smoking status"), "\"smoking status\"");
  EXPECT_EQ(quoteDagittyName("re74"), "re74");
}

TEST(DagittySyntax, BareStatementsWithoutHeader) {
  auto g = parse("X -> Y; Z -> {X Y}");
  EXPECT_EQ(g.edgeCount(), 3U);
}

TEST(DagittySyntax, EdgeControlPointsSurvive) {
  auto g = parse(R"(dag { A -> B [pos="0.5,-0.25"] })");
  auto e = g.edge(*g.findNode("A"), *g.findNode("B"), EdgeKind::Directed);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->controlPoint, (Point{0.5, -0.25}));
  EXPECT_NE(writeDagitty(g).find(R"(A -> B [pos="0.5,-0.25"])"), std::string::npos);
}

TEST(DagittySyntax, WritesLikeRDagitty) {
  auto g = parse(R"(dag { Z -> {X Y} X -> Y X [exposure,pos="0,1"] Y [outcome] "my var" [latent] "my var" <-> Z })");
  EXPECT_EQ(writeDagitty(g),
            "dag {\n"
            "Z\n"
            "X [exposure,pos=\"0,1\"]\n"
            "Y [outcome]\n"
            "\"my var\" [latent]\n"
            "Z -> X\n"
            "Z -> Y\n"
            "X -> Y\n"
            "\"my var\" <-> Z\n"
            "}\n");
}

TEST(DagittySyntax, RoundTripIsStableOnRandomGraphs) {
  std::mt19937 rng(42);
  for (int trial = 0; trial < 200; ++trial) {
    CausalGraph g;
    const int n = 1 + static_cast<int>(rng() % 12);
    std::vector<NodeId> ids;
    for (int i = 0; i < n; ++i) {
      RoleSet roles;
      for (Role role : kAllRoles)
        if (rng() % 5 == 0) roles.set(role);
      std::optional<Point> pos;
      if (rng() % 2) pos = Point{std::uniform_real_distribution<double>(-5, 5)(rng), 0.1 * (rng() % 50)};
      std::string name = (rng() % 4 == 0) ? "v " + std::to_string(i) : "v" + std::to_string(i);
      ids.push_back(g.addNode(name, roles, pos).value());
      if (rng() % 4 == 0) {  // attributes Causeway does not interpret survive the round trip too
        NodeData data = g.node(ids.back());
        data.otherAttributes = {{"label", "a \"quoted\" label"}, {"flag" + std::to_string(i), std::nullopt}};
        g.removeNode(data.id);
        ASSERT_TRUE(g.restoreNode(data).ok());
      }
    }
    for (int i = 0; i < n; ++i)
      for (int j = i + 1; j < n; ++j) {
        if (rng() % 3 == 0) {
          ASSERT_TRUE(g.addEdge(ids[i], ids[j]).ok());
        } else if (rng() % 8 == 0) {
          ASSERT_TRUE(g.addEdge(ids[j], ids[i], EdgeKind::Bidirected).ok());
        }
      }
    const std::string text = writeDagitty(g);
    auto back = parseDagitty(text);
    ASSERT_TRUE(back.ok()) << text << back.error().describe();
    EXPECT_EQ(*back, g) << text;
    EXPECT_EQ(writeDagitty(*back), text);
  }
}

TEST(DagittySyntax, ErrorsNameLineAndColumn) {
  Error e = parseError("dag {\n  X -> \n}");
  EXPECT_EQ(e.code, ErrorCode::SyntaxError);
  EXPECT_EQ(e.describe(), "test.dag:3:1: expected a node name after '->'");

  e = parseError("dag {\n  X [exposure\n");
  EXPECT_EQ(e.describe(), "test.dag:2:5: unterminated '[' (opened here)");

  e = parseError("dag {\n  X -> Y\n");
  EXPECT_EQ(e.describe(), "test.dag:3:1: missing '}' at the end of the model");

  e = parseError("dag { X [colour=] }");
  EXPECT_EQ(e.describe(), "test.dag:1:17: expected a value after 'colour='");

  e = parseError("dag { \"open -> Y }");
  EXPECT_EQ(e.describe(), "test.dag:1:7: unterminated quoted name (opened here)");

  e = parseError("dag { X -> Y } trailing");
  EXPECT_EQ(e.describe(), "test.dag:1:16: unexpected 'trailing' after the closing '}'");

  e = parseError("dag { X [pos=\"1;2\"] }");
  EXPECT_EQ(e.message, "pos of 'X' must look like pos=\"x,y\"");

  e = parseError("dag { X ! Y }");
  EXPECT_EQ(e.describe(), "test.dag:1:9: unexpected character '!'");
}

TEST(DagittySyntax, CyclesAndSelfLoopsAreRefusedWithTheirPlace) {
  Error e = parseError("dag {\nA -> B\nB -> C\nC -> A\n}");
  EXPECT_EQ(e.code, ErrorCode::Cycle);
  EXPECT_EQ(e.describe(), "test.dag:4:3: the model has a cycle: A -> B -> C -> A");
  EXPECT_EQ(e.context.variable, "C");
  e = parseError("dag { A -> A }");
  EXPECT_EQ(e.code, ErrorCode::SelfLoop);
  EXPECT_EQ(e.context.column, 9U);
}

TEST(DagittySyntax, UnsupportedGraphTypesAndEdgesAreRefusedClearly) {
  Error e = parseError("pdag { A -- B }");
  EXPECT_EQ(e.code, ErrorCode::UnsupportedSyntax);
  EXPECT_EQ(e.message.substr(0, 69), "'pdag' models (an equivalence class with undirected '--' edges) are n");
  EXPECT_NE(e.message.find("orient every '--' or '@' edge as '->'"), std::string::npos) << e.message;
  e = parseError("dag { A -- B }");
  EXPECT_EQ(e.code, ErrorCode::UnsupportedSyntax);
  EXPECT_EQ(e.message, "undirected edges ('--') belong to pdag/mag models, which are not supported yet; use -> or <->");
  e = parseError("dag { A @-> B }");
  EXPECT_EQ(e.code, ErrorCode::UnsupportedSyntax);
  EXPECT_EQ(parseError("mag { A <-> B }").code, ErrorCode::UnsupportedSyntax);
}

TEST(DagittySyntax, EmptyModelsAreEmptyGraphs) {
  EXPECT_EQ(parse("dag { }").nodeCount(), 0U);
  EXPECT_EQ(parse("").nodeCount(), 0U);
  EXPECT_EQ(parse("\xEF\xBB\xBF" "dag{}").nodeCount(), 0U);
}

TEST(DagittySyntax, LongSingleLineModelParsesInOnePass) {
  // A 1 MB one-line chain must parse (linear time, no recursion depth problems).
  std::string text = "dag { v0";
  int i = 1;
  while (text.size() < 1'000'000) text += " -> v" + std::to_string(i++);
  text += " }";
  auto g = parse(text);
  EXPECT_EQ(g.nodeCount(), static_cast<std::size_t>(i));
  EXPECT_EQ(g.edgeCount(), static_cast<std::size_t>(i - 1));
}
