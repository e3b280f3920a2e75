#include "InDatabaseEstimate.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "causeway/data/ColumnMapping.hpp"
#include "causeway/database/DatabaseReader.hpp"
#include "causeway/database/InDatabase.hpp"
#include "causeway/estimation/Distributions.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Identify.hpp"

namespace causeway::cli {
namespace {

constexpr const char* kNotPushedDown =
    "matching, regression, g-computation, AIPW, KS statistics, bootstrap, refuters and implication tests";

// The node named by --exposure/--outcome, else the one node with the role.
Result<graph::IndexedGraph::Index> roleNode(const graph::IndexedGraph& g, const po::variables_map& vm, const char* option,
                                            graph::Role role) {
  if (vm.count(option)) {
    if (auto index = g.find(vm[option].as<std::string>())) return *index;
    return makeError(ErrorCode::UnknownNode, std::string("the ") + option + " '" + vm[option].as<std::string>() +
                                                 "' is not a node of the model");
  }
  const auto nodes = g.withRole(role);
  if (nodes.size() != 1)
    return makeError(ErrorCode::InvalidArgument, std::string("estimation needs exactly one ") + option + "; choose one with --" + option);
  return nodes.front();
}

// The covariate columns: --set, else the first minimal sufficient set measured in the data.
Result<std::vector<std::string>> adjustmentColumns(const graph::IndexedGraph& g, const identification::IdentificationSummary& s,
                                                   const data::ColumnMapping& mapping, const po::variables_map& vm) {
  std::vector<std::vector<std::string>> candidates;
  if (vm.count("set")) {
    candidates.push_back(splitList({vm["set"].as<std::string>()}));
  } else {
    for (const auto& set : s.adjustmentSets) {
      std::vector<std::string> names;
      for (auto v : set) names.push_back(g.name(v));
      std::sort(names.begin(), names.end());
      candidates.push_back(std::move(names));
    }
  }
  for (const auto& nodes : candidates) {
    std::vector<std::string> columns;
    for (const auto& node : nodes)
      if (auto column = mapping.columnFor(node)) columns.push_back(*column);
    if (columns.size() == nodes.size()) return columns;
    if (vm.count("set"))
      return makeError(ErrorCode::MissingData, "a variable of --set has no column in the data");
  }
  return makeError(ErrorCode::MissingData, "no minimal sufficient adjustment set of the model is measured in the data");
}

nlohmann::json toJson(const database::InDatabaseResult& r, const database::SourceSpec& spec, const std::string& treatment,
                      const std::string& outcome, const std::string& estimand) {
  const double z = estimation::criticalValue(0.95);
  nlohmann::json doc;
  doc["data_source"] = {{"kind", database::toString(spec.kind)},
                        {spec.kind == database::SourceKind::Sqlite ? "file" : "server", database::displayLocation(spec)},
                        {spec.table.empty() ? "query" : "table", spec.table.empty() ? spec.query : spec.table},
                        {"rows", r.n},
                        {"in_database", true}};
  doc["treatment"] = treatment;
  doc["outcome"] = outcome;
  doc["estimand"] = estimand;
  doc["n_used"] = r.n;
  doc["n_treated"] = r.nTreated;
  doc["n_control"] = r.n - r.nTreated;
  nlohmann::json terms = nlohmann::json::array();
  for (std::size_t j = 0; j < r.terms.size(); ++j)
    terms.push_back({{"term", r.terms[j]}, {"estimate", r.coefficients(static_cast<Eigen::Index>(j))}});
  doc["propensity"] = {{"coefficients", terms}, {"iterations", r.iterations}};
  doc["estimates"] = nlohmann::json::array({{{"method", "ipw"},
                                             {"estimate", r.estimate},
                                             {"se", r.se},
                                             {"ci_low", r.estimate - z * r.se},
                                             {"ci_high", r.estimate + z * r.se}}});
  nlohmann::json balance = nlohmann::json::array();
  for (const auto& b : r.balance)
    balance.push_back({{"term", b.term}, {"smd_unadjusted", b.smdBefore}, {"smd_adjusted", b.smdAfter},
                       {"variance_ratio_adjusted", b.varianceRatioAfter}});
  doc["balance"] = balance;
  doc["ess"] = {{"treated", r.essTreated}, {"control", r.essControl}};
  doc["not_pushed_down"] = kNotPushedDown;
  doc["queries"] = r.queries.size();
  return doc;
}

}  // namespace

int runInDatabaseEstimate(const graph::CausalGraph& graph, const po::variables_map& vm, CommandIo& io) {
  const std::string estimandText = vm["estimand"].as<std::string>();
  if (estimandText != "ATE" && estimandText != "ATT") {
    io.err << "causeway-cli estimate: --in-database supports the ATE and the ATT, not " << estimandText << "\n";
    return 2;
  }
  // Without --method the in-database analysis is IPW; asking for more says what stays out.
  for (const auto& method : splitList(vm["method"].as<std::vector<std::string>>()))
    if (method != "ipw" && !vm["method"].defaulted()) {
      io.err << "causeway-cli estimate: --in-database runs --method ipw only; not pushed down: " << kNotPushedDown
             << " (drop --in-database to fetch the rows and run them in memory)\n";
      return 2;
    }
  auto spec = database::parseSource(vm["data"].as<std::string>(), vm.count("table") ? vm["table"].as<std::string>() : "",
                                    vm.count("query") ? vm["query"].as<std::string>() : "");
  if (!spec) return reportError(io, "estimate", spec.error());
  // The column names only: the query with no rows.
  database::SourceSpec header = *spec;
  header.query = "SELECT * FROM (" + database::effectiveQuery(*spec) + ") AS src LIMIT 0";
  header.table.clear();
  auto columns = database::readDatabase(header);
  if (!columns) return reportError(io, "estimate", columns.error());

  const graph::IndexedGraph g(graph);
  auto exposure = roleNode(g, vm, "exposure", graph::Role::Exposure);
  if (!exposure) return reportError(io, "estimate", exposure.error());
  auto outcome = roleNode(g, vm, "outcome", graph::Role::Outcome);
  if (!outcome) return reportError(io, "estimate", outcome.error());
  identification::IdentificationOptions options;
  options.exposures = {*exposure};
  options.outcomes = {*outcome};
  auto summary = identification::identify(g, options);
  if (!summary) return reportError(io, "estimate", summary.error());
  std::vector<std::string> nodes;
  for (std::size_t v = 0; v < g.size(); ++v)
    if (!g.has(static_cast<graph::IndexedGraph::Index>(v), graph::Role::Latent))
      nodes.push_back(g.name(static_cast<graph::IndexedGraph::Index>(v)));
  auto mapping = data::mapNodesToColumns(nodes, *columns, {});
  if (!mapping) return reportError(io, "estimate", mapping.error());
  database::InDatabaseRequest request;
  for (auto [node, target] : {std::pair{*exposure, &request.treatment}, std::pair{*outcome, &request.outcome}}) {
    auto column = mapping->columnFor(g.name(node));
    if (!column)
      return reportError(io, "estimate", makeError(ErrorCode::MissingData, "'" + g.name(node) + "' has no column in the data"));
    *target = *column;
  }
  auto covariates = adjustmentColumns(g, *summary, *mapping, vm);
  if (!covariates) return reportError(io, "estimate", covariates.error());
  request.covariates = *covariates;
  request.estimand = estimandText == "ATE" ? database::InDatabaseEstimand::ATE : database::InDatabaseEstimand::ATT;

  auto runner = database::AggregateRunner::open(*spec);
  if (!runner) return reportError(io, "estimate", runner.error());
  auto result = database::analyseInDatabase(**runner, *spec, request);
  if (!result) return reportError(io, "estimate", result.error());
  const auto doc = toJson(*result, *spec, request.treatment, request.outcome, estimandText);
  if (vm.count("json")) {
    io.out << doc.dump(2) << "\n";
    return 0;
  }
  const auto& e = doc["estimates"][0];
  io.out << "Effect of " << request.treatment << " on " << request.outcome << " (" << estimandText
         << "), computed in the database (" << database::displayLocation(*spec) << ")\n"
         << "  Inverse probability weighting (Hajek): " << fixed(e["estimate"].get<double>()) << " (SE "
         << fixed(e["se"].get<double>()) << ", 95% CI " << fixed(e["ci_low"].get<double>()) << " to "
         << fixed(e["ci_high"].get<double>()) << ")\n"
         << "  " << result->n << " complete rows (" << result->nTreated << " treated); propensity model: "
         << result->iterations << " IRLS steps; " << result->queries.size() << " aggregate queries\n"
         << "  Effective sample size: treated " << fixed(result->essTreated, 1) << ", control "
         << fixed(result->essControl, 1) << "\n  Balance (SMD before -> after weighting):\n";
  for (const auto& b : result->balance)
    io.out << "    " << b.term << ": " << fixed(b.smdBefore) << " -> " << fixed(b.smdAfter) << "\n";
  io.out << "  Not pushed down: " << kNotPushedDown << ".\n";
  return 0;
}

}  // namespace causeway::cli
