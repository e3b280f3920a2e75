#include "causeway/study/InDatabaseStudy.hpp"

#include <algorithm>

#include "AdjustmentChoice.hpp"
#include "InDatabaseImplications.hpp"
#include "InDatabaseVerdict.hpp"
#include "causeway/data/ColumnMapping.hpp"
#include "causeway/database/AggregateRunner.hpp"
#include "causeway/database/Shards.hpp"
#include "causeway/database/DatabaseReader.hpp"
#include "causeway/identification/Identify.hpp"
#include "causeway/study/Defaults.hpp"

namespace causeway::study {
namespace {

namespace est = estimation;

bool pushedDown(est::Method m) {
  return m != est::Method::Matching;
}

Result<graph::IndexedGraph::Index> roleNode(const graph::IndexedGraph& g, const std::optional<std::string>& name,
                                            graph::Role role, const char* what) {
  if (name) {
    if (auto index = g.find(*name)) return *index;
    return makeError(ErrorCode::UnknownNode, std::string("the ") + what + " '" + *name + "' is not a node of the model",
                     ErrorContext::about(*name));
  }
  const auto nodes = g.withRole(role);
  if (nodes.size() != 1)
    return makeError(ErrorCode::InvalidArgument, std::string("estimation needs exactly one ") + what + " (the model marks " +
                                                     std::to_string(nodes.size()) + "); choose one with --" + what);
  return nodes.front();
}

// Why each thing the in-memory study does is missing here.
void listNotRun(InDatabaseStudyResult& out, const std::vector<est::Method>& methods, bool sampled) {
  const std::string onSample = sampled ? "; run on the random sample instead (see sample)" : "";
  for (auto m : methods) {
    if (auto reason = est::notApplicableReason(m, out.estimand)) out.notRun.emplace_back(est::toString(m), *reason);
    else if (!pushedDown(m))
      out.notRun.emplace_back(est::toString(m), "needs each unit's nearest neighbours: not run in the database" + onSample);
  }
  for (const auto& [what, why] : std::vector<std::pair<std::string, std::string>>{
           {"ks_statistics", "Kolmogorov-Smirnov distances need sorted rows, not sums"},
           {"overlap_histogram", "the propensity scores' histogram and density need the rows (their range, the "
                                 "common support and the extreme scores are computed in the database)"},
           {"bootstrap", "resampling needs the rows"},
           {"refutations", "placebo and subset refuters re-estimate on rows"},
           {"covariate_benchmarks", "leaving out each covariate re-estimates on rows (the E-values are computed from "
                                    "sums)"},
           {"sensitivity", "the OLS robustness value and negative controls rest on the in-memory estimates"}})
    out.notRun.emplace_back(what, why + onSample);
}

}  // namespace

InDatabaseStudyRequest inDatabaseRequest(const StudySpec& spec, database::SourceSpec source) {
  InDatabaseStudyRequest request;
  request.source = std::move(source);
  request.graph = spec.graph;
  request.exposure = spec.exposure;
  request.outcome = spec.outcome;
  request.adjustmentSet = spec.adjustmentSet;
  request.columnOverrides = spec.columnOverrides;
  request.unmeasuredNodes = spec.unmeasuredNodes;
  request.estimand = spec.request.estimand;
  request.methods = spec.request.methods;
  request.thresholds = spec.thresholds;
  return request;
}

Result<InDatabaseStudyResult> runInDatabaseStudy(const InDatabaseStudyRequest& request, const Progress& progress) {
  InDatabaseStudyResult out;
  out.source = request.source;
  out.estimand = request.estimand;
  if (request.estimand != est::Estimand::ATE && request.estimand != est::Estimand::ATT)
    return makeError(ErrorCode::InvalidArgument, std::string("in the database the estimand is the ATE or the ATT, not the ") +
                                                     est::toString(request.estimand));
  const std::vector<est::Method> methods = request.methods.empty() ? defaults::methods() : request.methods;
  if (request.sampleRows == 0 && std::none_of(methods.begin(), methods.end(), pushedDown))
    return makeError(ErrorCode::InvalidArgument,
                     "matching cannot run in the database (it needs each unit's nearest neighbours): choose another "
                     "method, draw a sample to match on, or analyse the rows in memory");

  // The column names only: the query with no rows.
  database::SourceSpec header = request.source;
  header.query = "SELECT * FROM (" + database::effectiveQuery(request.source) + ") AS src LIMIT 0";
  header.table.clear();
  auto columns = database::readDatabase(header, progress);
  if (!columns) return columns.error();

  // Exposure, outcome and adjustment set exactly as the in-memory study chooses them.
  const graph::IndexedGraph g(request.graph);
  auto exposure = roleNode(g, request.exposure, graph::Role::Exposure, "exposure");
  if (!exposure) return exposure.error();
  auto outcome = roleNode(g, request.outcome, graph::Role::Outcome, "outcome");
  if (!outcome) return outcome.error();
  identification::IdentificationOptions options;
  options.exposures = {*exposure};
  options.outcomes = {*outcome};
  auto summary = identification::identify(g, options, progress);
  if (!summary) return summary.error();
  std::vector<std::string> nodes;
  for (std::size_t v = 0; v < g.size(); ++v) {
    const auto index = static_cast<graph::IndexedGraph::Index>(v);
    if (!g.has(index, graph::Role::Latent) && !request.unmeasuredNodes.contains(g.name(index))) nodes.push_back(g.name(index));
  }
  auto mapping = data::mapNodesToColumns(nodes, *columns, request.columnOverrides);
  if (!mapping) return mapping.error();
  for (auto [node, target] : {std::pair{*exposure, &out.exposureColumn}, std::pair{*outcome, &out.outcomeColumn}}) {
    auto column = mapping->columnFor(g.name(node));
    if (!column)
      return makeError(ErrorCode::MissingData, "'" + g.name(node) + "' has no column in " + database::displayLocation(request.source),
                       ErrorContext::about(g.name(node)));
    *target = *column;
  }
  auto choice = detail::chooseAdjustmentSet(g, *summary, *mapping, request.adjustmentSet);
  if (!choice) return choice.error();
  out.adjustment = std::move(choice).value();
  if (!out.adjustment.valid)
    out.warnings.push_back("The adjustment set is not valid for this model: " + out.adjustment.problem +
                           ". The estimates below are likely biased.");

  database::InDatabaseRequest pushed;
  pushed.treatment = out.exposureColumn;
  pushed.outcome = out.outcomeColumn;
  pushed.covariates = out.adjustment.columns;
  pushed.estimand = request.estimand == est::Estimand::ATE ? database::InDatabaseEstimand::ATE : database::InDatabaseEstimand::ATT;
  pushed.shardKey = request.shardKey;
  const auto wants = [&](est::Method m) { return std::find(methods.begin(), methods.end(), m) != methods.end(); };
  pushed.outcomeModels = wants(est::Method::Aipw) || wants(est::Method::GComputation) ||
                         (wants(est::Method::RegressionAdjustment) && request.estimand == est::Estimand::ATE);
  // Detects a table sharded over postgres_fdw servers (or takes --shard-key), and checks each
  // query's plan for shards that would ship rows instead of sums.
  auto opened = database::openShardAware(request.source, request.shardKey, progress);
  if (!opened) return opened.error();
  pushed.shardKey = opened->shardKey;
  auto result = database::analyseInDatabase(*opened->runner, request.source, pushed, progress);
  if (!result) return result.error();
  auto implications = detail::testImplicationsInDatabase(*opened->runner, request.source, g, *summary, *mapping,
                                                        pushed.shardKey, defaults::kMaxImplications);
  out.implicationTests = std::move(implications.report);
  out.implicationsSkipped = implications.skipped;
  if (implications.error) out.warnings.push_back("The implied independencies could not be tested: " + implications.error->describe());
  out.warnings.insert(out.warnings.end(), opened->warnings.begin(), opened->warnings.end());
  const auto& planWarnings = opened->runner->warnings();
  out.warnings.insert(out.warnings.end(), planWarnings.begin(), planWarnings.end());
  out.database = std::move(result).value();
  out.differenceInMeans = wants(est::Method::DifferenceInMeans);
  std::erase_if(out.database.outcomeEstimates, [&](const auto& e) { return !wants(*est::parseMethod(e.method)); });
  listNotRun(out, methods, request.sampleRows > 0);
  detail::judgeInDatabase(out, methods, request.thresholds);
  if (out.implicationsSkipped > 0)
    out.notRun.emplace_back("implication_tests", std::to_string(out.implicationsSkipped) +
                                                     " implied independencies with a text x or y (chi-square tests need the "
                                                     "rows) or an unmeasured variable" +
                                                     (request.sampleRows > 0 ? "; run on the random sample instead (see sample)" : ""));

  if (request.sampleRows > 0) {
    InDatabaseSample sample;
    const database::SourceSpec drawn = database::randomSample(request.source, request.sampleRows, request.sampleSeed);
    sample.sql = drawn.query;
    sample.seeded = request.source.kind == database::SourceKind::Postgres;
    auto rows = database::readDatabase(drawn, progress);
    if (!rows) return rows.error();
    sample.data = std::move(rows).value();
    sample.rows = sample.data.rowCount();
    StudySpec spec;
    spec.graph = request.graph;
    spec.exposure = g.name(*exposure);
    spec.outcome = g.name(*outcome);
    spec.adjustmentSet = out.adjustment.nodes;
    spec.columnOverrides = request.columnOverrides;
    spec.unmeasuredNodes = request.unmeasuredNodes;
    spec.request.estimand = request.estimand;
    spec.request.methods = methods;
    auto study = runStudy(spec, sample.data, progress);
    if (!study) {
      out.warnings.push_back("The in-memory study on the random sample of " + std::to_string(sample.rows) +
                             " rows failed: " + study.error().describe());
    } else {
      sample.study = std::move(study).value();
      out.sample = std::move(sample);
    }
  }
  return out;
}

}  // namespace causeway::study
