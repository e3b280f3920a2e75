// DAGitty syntax beyond the core grammar (issue 12): attribute aliases, attributes kept as read,
// nested groups, negative-control roles, and the formats that are refused by name.
#include <gtest/gtest.h>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/graph/DotSyntax.hpp"

using namespace causeway;
using namespace causeway::graph;

namespace {

CausalGraph parse(std::string_view text) {
  auto r = parseDagitty(text, "test.dag");
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  return r.ok() ? std::move(r).value() : CausalGraph{};
}

RoleSet rolesOf(const CausalGraph& g, const char* name) { return g.roles(*g.findNode(name)); }

bool has(const CausalGraph& g, const char* from, const char* to) {
  auto a = g.findNode(from), b = g.findNode(to);
  return a && b && g.hasEdge(*a, *b, EdgeKind::Directed);
}

}  // namespace

TEST(DagittyDialect, ShortAndAlternativeRoleNames) {
  auto g = parse("dag { x [e] y [o] z [a] x -> y z -> x z -> y }");
  EXPECT_TRUE(rolesOf(g, "x").has(Role::Exposure));
  EXPECT_TRUE(rolesOf(g, "y").has(Role::Outcome));
  EXPECT_TRUE(rolesOf(g, "z").has(Role::Adjusted));
  g = parse("dag { a [source] b [target] c [l] d [u] e [unobserved] f [s] g [latent,S] }");
  EXPECT_EQ(rolesOf(g, "a"), RoleSet(Role::Exposure));
  EXPECT_EQ(rolesOf(g, "b"), RoleSet(Role::Outcome));
  for (const char* latent : {"c", "d", "e"}) EXPECT_EQ(rolesOf(g, latent), RoleSet(Role::Latent)) << latent;
  EXPECT_EQ(rolesOf(g, "f"), RoleSet(Role::Selected));
  EXPECT_EQ(rolesOf(g, "g"), RoleSet(Role::Latent).set(Role::Selected));
  // Written back in the long form.
  EXPECT_EQ(writeDagitty(parse("dag { x [e] }")), "dag {\nx [exposure]\n}\n");
}

TEST(DagittyDialect, NegativeControlRolesRoundTripInBothSyntaxes) {
  auto g = parse("dag { X [exposure] Y [outcome] N [nco] P [nce] X -> Y U -> {X Y N} P -> X }");
  EXPECT_EQ(rolesOf(g, "N"), RoleSet(Role::NegativeControlOutcome));
  EXPECT_EQ(rolesOf(g, "P"), RoleSet(Role::NegativeControlExposure));
  const std::string text = writeDagitty(g);
  EXPECT_NE(text.find("N [nco]\n"), std::string::npos) << text;
  EXPECT_NE(text.find("P [nce]\n"), std::string::npos) << text;
  EXPECT_EQ(parse(text), g);
  auto viaDot = parseDot(writeDot(g));  // the DOT reader orders nodes its own way: compare by name
  ASSERT_TRUE(viaDot.ok()) << viaDot.error().describe();
  EXPECT_EQ(rolesOf(*viaDot, "N"), RoleSet(Role::NegativeControlOutcome));
  EXPECT_EQ(rolesOf(*viaDot, "P"), RoleSet(Role::NegativeControlExposure));
  EXPECT_EQ(viaDot->edgeCount(), g.edgeCount());
}

TEST(DagittyDialect, OtherNodeAttributesAreKeptAndWrittenBack) {
  auto g = parse(R"(dag { X [exposure,label="Smoking",colour=red,odd] Y [outcome] X -> Y })");
  const NodeData& x = g.node(*g.findNode("X"));
  ASSERT_EQ(x.otherAttributes.size(), 3U);
  EXPECT_EQ(x.otherAttributes[0], (NodeAttribute{"label", "Smoking"}));
  EXPECT_EQ(x.otherAttributes[1], (NodeAttribute{"colour", "red"}));
  EXPECT_EQ(x.otherAttributes[2], (NodeAttribute{"odd", std::nullopt}));
  const std::string text = writeDagitty(g);
  EXPECT_EQ(text, "dag {\nX [exposure,label=\"Smoking\",colour=\"red\",odd]\nY [outcome]\nX -> Y\n}\n");
  EXPECT_EQ(parse(text), g);
  // A repeated key keeps its last value, in its first place.
  EXPECT_EQ(parse("dag { X [label=a] X [label=b] }").node(0).otherAttributes,
            (std::vector<NodeAttribute>{{"label", "b"}}));
}

TEST(DagittyDialect, NestedGroupsStandForAllTheirNodes) {
  // Z points into the group {a -> {b -> c}}: Z -> a, b, c; a -> b, c; b -> c (six edges).
  auto g = parse("dag { Z -> {{a [e]} -> {b -> {c [o]}}} }");
  EXPECT_EQ(g.nodeCount(), 4U);
  EXPECT_EQ(g.edgeCount(), 6U);
  for (auto [from, to] : {std::pair{"Z", "a"}, {"Z", "b"}, {"Z", "c"}, {"a", "b"}, {"a", "c"}, {"b", "c"}})
    EXPECT_TRUE(has(g, from, to)) << from << " -> " << to;
  EXPECT_TRUE(rolesOf(g, "a").has(Role::Exposure));
  EXPECT_TRUE(rolesOf(g, "c").has(Role::Outcome));
  // A group on the left points out of each of its nodes, edges inside it included.
  g = parse("dag { {A -> B} -> C }");
  EXPECT_EQ(g.edgeCount(), 3U);
  EXPECT_TRUE(has(g, "A", "B") && has(g, "A", "C") && has(g, "B", "C"));
}

TEST(DagittyDialect, OldAdjacencyListFormatIsRefusedByName) {
  auto r = parseDagitty("X1 E @0.1,0.2\nY O\nM1 1\n\nX1 Y M1\n", "old.dag");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::UnsupportedSyntax);
  EXPECT_EQ(r.error().context.line, 1U);
  EXPECT_NE(r.error().message.find("DAGitty's old adjacency-list format"), std::string::npos) << r.error().message;
  // Bare statements of the new syntax are still read.
  EXPECT_EQ(parse("X -> Y\n\nZ -> Y\n").edgeCount(), 2U);
  EXPECT_EQ(parse("A\nB\n").nodeCount(), 2U);
}

TEST(DagittyDialect, UnsupportedModelTypesSayWhatToDo) {
  for (const char* text : {"pdag { A -- B }", "mag { A <-> B }", "pag { A @-> B }"}) {
    auto r = parseDagitty(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, ErrorCode::UnsupportedSyntax);
    EXPECT_NE(r.error().message.find("change the first word to 'dag'"), std::string::npos) << r.error().message;
  }
}
