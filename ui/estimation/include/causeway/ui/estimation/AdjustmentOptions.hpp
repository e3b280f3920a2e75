#pragma once

#include <string>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"

namespace causeway::ui {

// One adjustment set the user can pick, by node names (sorted).
struct AdjustmentOption {
  enum class Kind { Optimal, Minimal, Custom };
  Kind kind = Kind::Minimal;
  std::string name;   // "O-set", "minimal 2", "O-set = minimal 1"
  std::string label;  // name and set: "O-set {age, educ}", "minimal 2 {re74}"
  std::vector<std::string> nodes;

  friend bool operator==(const AdjustmentOption&, const AdjustmentOption&) = default;
};

// The estimation question a graph poses: one exposure, one outcome, and the adjustment sets
// that identify the effect (from core identification).
struct AdjustmentQuestion {
  std::string exposure;
  std::string outcome;
  // O-set first when defined, then the minimal sets; a minimal set equal to the O-set is listed
  // once, as "O-set = minimal k".
  std::vector<AdjustmentOption> options;
  bool truncated = false;                 // more minimal sets exist than listed
  std::string problem;                    // why nothing can be estimated (empty when fine)
  std::vector<std::string> observedNodes; // candidates for a custom set (not exposure/outcome/latent)

  [[nodiscard]] bool ok() const { return problem.empty(); }
};

// Runs core identification (adjustment sets and the O-set) on the graph.
[[nodiscard]] AdjustmentQuestion adjustmentQuestion(const graph::CausalGraph& graph, std::size_t maxSets = 50);

// "{a, b}" / "{} (no adjustment)".
[[nodiscard]] std::string formatNodeSet(const std::vector<std::string>& nodes);

}  // namespace causeway::ui
