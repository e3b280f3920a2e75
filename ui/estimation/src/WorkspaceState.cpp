#include "causeway/ui/estimation/WorkspaceState.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

namespace causeway::ui {

void WorkspaceState::setGraph(std::shared_ptr<const graph::CausalGraph> graph) {
  graph_ = graph ? std::move(graph) : std::make_shared<const graph::CausalGraph>();
  ++revision_;
  ++graphRevision_;
}

void WorkspaceState::setData(LoadedData data) {
  data_ = std::move(data);
  ++revision_;
}

void WorkspaceState::setMappingChoices(MappingChoices choices) {
  choices_ = std::move(choices);
  ++revision_;
}

std::optional<std::string> WorkspaceState::remap() {
  const data::Dataset* dataset = data_ ? data_->dataset.get() : nullptr;
  std::optional<std::string> reset;
  auto mapping = mapVariables(*graph_, dataset, choices_);
  if (!mapping) {
    reset = "Column choices reset: " + mapping.error().message;
    choices_ = {};
    mapping = mapVariables(*graph_, dataset, choices_);
  }
  mapping_ = mapping ? std::move(mapping).value() : VariableMapping{};
  return reset;
}

bool WorkspaceState::setQuestion(AdjustmentQuestion question, std::uint64_t forGraphRevision) {
  // The question depends on the graph only: data or mapping changes do not make it stale.
  if (forGraphRevision != graphRevision_) return false;
  question_ = std::move(question);
  return true;
}

bool WorkspaceState::acceptImplications(ImplicationResults results, std::uint64_t revision) {
  if (revision != revision_) return false;
  implications_ = std::move(results);
  return true;
}

bool WorkspaceState::acceptEstimation(EstimationOutcome outcome, std::uint64_t revision) {
  if (revision != revision_) return false;
  outcome_ = std::move(outcome);
  return true;
}

Readiness WorkspaceState::readiness(const std::optional<std::vector<std::string>>& adjustment) const {
  if (!data_) return {false, "Load data to estimate the effect."};
  if (!question_.ok()) return {false, question_.problem};
  std::vector<std::string> needed{question_.exposure, question_.outcome};
  if (adjustment) {
    needed.insert(needed.end(), adjustment->begin(), adjustment->end());
  } else {
    // Automatic: the study takes the first offered set that is measured; it needs one.
    const auto measured = [this](const AdjustmentOption& option) {
      return std::all_of(option.nodes.begin(), option.nodes.end(),
                         [this](const std::string& n) { return mapping_.columnFor(n).has_value(); });
    };
    if (!question_.options.empty() && std::none_of(question_.options.begin(), question_.options.end(), measured))
      needed.insert(needed.end(), question_.options.front().nodes.begin(), question_.options.front().nodes.end());
  }
  std::string missing;
  for (const auto& node : needed)
    if (!mapping_.columnFor(node)) missing += (missing.empty() ? "" : ", ") + node;
  if (!missing.empty())
    return {false, "No data column for " + missing +
                       ": map it (Variables ▸ Edit Mapping…) or choose another adjustment set."};
  return {true, {}};
}

std::vector<std::string> WorkspaceState::exposureValues() const {
  if (!data_ || !data_->dataset || !question_.ok()) return {};
  const auto column = mapping_.columnFor(question_.exposure);
  if (!column) return {};
  const auto index = data_->dataset->indexOf(*column);
  if (!index) return {};
  const data::Column& c = data_->dataset->column(*index);
  if (c.isCategorical()) return c.levels().size() <= kMaxExposureValues ? c.levels() : std::vector<std::string>{};
  std::set<double> distinct;
  for (double v : c.values()) {
    if (std::isnan(v)) continue;  // missing
    distinct.insert(v);
    if (distinct.size() > kMaxExposureValues) return {};
  }
  std::vector<std::string> out;
  for (double v : distinct) {
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;  // shortest: 1, not 1.000000
    out.emplace_back(buffer, end);
  }
  return out;
}

EstimationInputs WorkspaceState::estimationInputs(const EstimationSettings& settings) const {
  EstimationInputs inputs;
  inputs.graph = graph_;
  if (data_) inputs.dataset = data_->dataset;
  inputs.columnOverrides = choices_.overrides;
  inputs.unmeasuredNodes = choices_.unmapped;
  inputs.settings = settings;
  inputs.alternatives = question_.options;
  return inputs;
}

WorkspaceSnapshot WorkspaceState::snapshot(std::string version, std::string generated) const {
  WorkspaceSnapshot s;
  s.graph = *graph_;
  if (data_ && data_->dataset) {
    s.dataset = data_->dataset;
    s.dataPath = data_->path.toStdString();
    s.source = data_->source;
  }
  s.mapping = mapping_;
  s.implications = implications_;
  s.estimation = outcome_;
  s.generated = std::move(generated);
  s.version = std::move(version);
  return s;
}

}  // namespace causeway::ui
