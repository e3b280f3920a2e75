#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "causeway/graph/CausalGraph.hpp"
#include "causeway/ui/data/LoadedData.hpp"
#include "causeway/ui/data/VariableMapping.hpp"
#include "causeway/ui/estimation/AdjustmentOptions.hpp"
#include "causeway/ui/estimation/EstimationJob.hpp"
#include "causeway/ui/estimation/ImplicationTesting.hpp"
#include "causeway/ui/estimation/WorkspaceReport.hpp"

namespace causeway::ui {

// Whether the estimation can run, and if not, why (shown beside the disabled Run button).
struct Readiness {
  bool ready = false;
  std::string why;
};

// What the data workspace knows, without a widget: the graph snapshot, the data, the mapping
// choices and the mapping they give, the adjustment question, the latest implication tests and
// estimate, and the revisions that tell a fresh result from a stale one. DataWorkspace builds
// the docks and actions around it; this part is unit-tested on its own.
class WorkspaceState {
 public:
  // A new graph: one immutable snapshot, shared by every job started until the next change.
  void setGraph(std::shared_ptr<const graph::CausalGraph> graph);
  void setData(LoadedData data);
  void setMappingChoices(MappingChoices choices);
  // Maps the graph's nodes to the data's columns. Choices that no longer fit (two nodes on one
  // column after a rename) are dropped; the message says so.
  [[nodiscard]] std::optional<std::string> remap();
  // The adjustment question for a graph revision; ignored when the graph changed since.
  bool setQuestion(AdjustmentQuestion question, std::uint64_t forGraphRevision);
  // Results tagged with the revision they were computed for; stale ones are dropped (false).
  bool acceptImplications(ImplicationResults results, std::uint64_t revision);
  bool acceptEstimation(EstimationOutcome outcome, std::uint64_t revision);

  // Run is possible with data, a well-posed question, and a column for the exposure, the outcome
  // and the chosen set (or, with the automatic choice, for at least one offered set).
  [[nodiscard]] Readiness readiness(const std::optional<std::vector<std::string>>& adjustment) const;
  // The exposure column's distinct values as written (levels; numbers in shortest form), for the
  // treated-value choice; empty without data, a mapped exposure, or with more than kMaxExposureValues.
  [[nodiscard]] std::vector<std::string> exposureValues() const;
  static constexpr std::size_t kMaxExposureValues = 12;
  // The inputs of one run: the shared graph and data, the user's column choices, the settings.
  [[nodiscard]] EstimationInputs estimationInputs(const EstimationSettings& settings) const;
  [[nodiscard]] WorkspaceSnapshot snapshot(std::string version, std::string generated) const;

  [[nodiscard]] const std::shared_ptr<const graph::CausalGraph>& graph() const { return graph_; }
  [[nodiscard]] const std::optional<LoadedData>& data() const { return data_; }
  [[nodiscard]] const MappingChoices& choices() const { return choices_; }
  [[nodiscard]] const VariableMapping& mapping() const { return mapping_; }
  [[nodiscard]] const AdjustmentQuestion& question() const { return question_; }
  [[nodiscard]] const std::optional<ImplicationResults>& implications() const { return implications_; }
  [[nodiscard]] std::optional<ImplicationResults>& implications() { return implications_; }
  [[nodiscard]] const std::optional<EstimationOutcome>& estimation() const { return outcome_; }
  [[nodiscard]] std::uint64_t revision() const { return revision_; }
  [[nodiscard]] std::uint64_t graphRevision() const { return graphRevision_; }

 private:
  std::shared_ptr<const graph::CausalGraph> graph_ = std::make_shared<const graph::CausalGraph>();
  std::optional<LoadedData> data_;
  MappingChoices choices_;
  VariableMapping mapping_;
  AdjustmentQuestion question_;
  std::optional<ImplicationResults> implications_;
  std::optional<EstimationOutcome> outcome_;
  std::uint64_t revision_ = 1;       // bumped by any change of graph, data or mapping
  std::uint64_t graphRevision_ = 1;  // bumped by graph changes only (what the question uses)
};

}  // namespace causeway::ui
