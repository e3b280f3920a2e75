#include "InDatabaseEstimate.hpp"

#include <cstdlib>

#include "EstimateOutput.hpp"

#include "causeway/database/DataSource.hpp"
#include "causeway/estimation/Estimand.hpp"
#include "causeway/study/InDatabaseStudy.hpp"
#include "causeway/study/VerdictThresholds.hpp"

namespace causeway::cli {
namespace {

// The study request from the command line; InvalidArgument for a bad --method, --column or --sample.
Result<study::InDatabaseStudyRequest> requestFrom(const graph::CausalGraph& graph, const po::variables_map& vm) {
  auto source = database::parseSource(vm["data"].as<std::string>(), vm.count("table") ? vm["table"].as<std::string>() : "",
                                      vm.count("query") ? vm["query"].as<std::string>() : "");
  if (!source) return source.error();
  study::InDatabaseStudyRequest request;
  request.source = std::move(source).value();
  request.graph = graph;
  if (vm.count("exposure")) request.exposure = vm["exposure"].as<std::string>();
  if (vm.count("outcome")) request.outcome = vm["outcome"].as<std::string>();
  if (vm.count("set")) request.adjustmentSet = splitList({vm["set"].as<std::string>()});
  for (const auto& pair : vm.count("column") ? vm["column"].as<std::vector<std::string>>() : std::vector<std::string>{}) {
    const auto eq = pair.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size())
      return makeError(ErrorCode::InvalidArgument, "--column needs NODE=COLUMN, got '" + pair + "'");
    request.columnOverrides[pair.substr(0, eq)] = pair.substr(eq + 1);
  }
  const auto estimand = estimation::parseEstimand(vm["estimand"].as<std::string>());
  if (!estimand) return makeError(ErrorCode::InvalidArgument, "unknown --estimand '" + vm["estimand"].as<std::string>() + "'");
  request.estimand = *estimand;
  for (const auto& name : splitList(vm["method"].as<std::vector<std::string>>())) {
    if (name == "all") continue;  // empty = every method
    auto method = estimation::parseMethod(name);
    if (!method) return makeError(ErrorCode::InvalidArgument, "unknown --method '" + name + "'");
    request.methods.push_back(*method);
  }
  // The verdict's thresholds, as `estimate` on a file takes them.
  if (auto set = applyThresholdOptions(vm, request.thresholds); !set) return set.error();
  if (vm.count("shard-key")) request.shardKey = vm["shard-key"].as<std::string>();
  if (vm.count("sample")) {
    const long rows = vm["sample"].as<long>();
    if (rows <= 0) return makeError(ErrorCode::InvalidArgument, "--sample needs a positive number of rows");
    request.sampleRows = static_cast<std::size_t>(rows);
  }
  return request;
}

void printText(std::ostream& out, const study::InDatabaseStudyResult& result, const nlohmann::json& doc) {
  out << "Effect of " << doc["exposure"].get<std::string>() << " on " << doc["outcome"].get<std::string>() << " ("
      << doc["estimand"].get<std::string>() << "), computed in the database ("
      << doc["data_source"].value("server", doc["data_source"].value("file", "")) << ")\n\n";
  printAnswerAndVerdict(out, result.answer, result.verdict);
  out << "Estimates:\n";
  for (const auto& e : doc["estimates"])
    out << "  " << e["method_name"].get<std::string>() << ": " << fixed(e["estimate"].get<double>()) << " (SE "
        << fixed(e["se"].get<double>()) << ", 95% CI " << fixed(e["ci_low"].get<double>()) << " to "
        << fixed(e["ci_high"].get<double>()) << "; E-value " << fixed(e["e_value"].get<double>(), 2) << ", of the CI "
        << fixed(e["e_value_ci"].get<double>(), 2) << ")\n";
  out << "  " << doc["n_used"].get<std::size_t>() << " complete rows (" << doc["n_treated"].get<std::size_t>()
      << " treated); adjusting for " << doc["adjustment_columns"].dump() << "; propensity model: "
      << doc["propensity"]["iterations"].get<int>() << " IRLS steps; " << doc["data_source"]["queries"].get<std::size_t>()
      << " queries\n  Effective sample size: treated " << fixed(doc["ess"]["treated"].get<double>(), 1) << ", control "
      << fixed(doc["ess"]["control"].get<double>(), 1) << "\n";
  const auto& o = doc["overlap"];
  out << "  Propensity scores: treated " << fixed(o["treated"]["min"].get<double>(), 4) << " to "
      << fixed(o["treated"]["max"].get<double>(), 4) << ", control " << fixed(o["control"]["min"].get<double>(), 4) << " to "
      << fixed(o["control"]["max"].get<double>(), 4) << "; outside the common support: "
      << o["treated_outside"].get<std::size_t>() << " treated, " << o["control_outside"].get<std::size_t>()
      << " control; outside [0.01, 0.99]: " << o["extreme_treated"].get<std::size_t>() + o["extreme_control"].get<std::size_t>()
      << "\n  Balance (SMD before -> after weighting):\n";
  for (const auto& b : doc["balance"])
    out << "    " << b["covariate"].get<std::string>() << ": " << fixed(b["smd_before"].get<double>()) << " -> "
        << fixed(b["smd_after"].get<double>()) << "\n";
  out << "  Not run in the database:\n";
  for (const auto& n : doc["not_run"]) out << "    " << n["what"].get<std::string>() << ": " << n["reason"].get<std::string>() << "\n";
  if (!doc["sample"].is_null()) {
    const auto& s = doc["sample"];
    out << "  On a random sample of " << s["rows"].get<std::size_t>() << " rows drawn in the database"
        << (s["seeded"].get<bool>() ? "" : " (unseeded: SQLite's random())") << ", in memory:\n";
    for (const auto& e : s["study"]["estimates"])
      out << "    " << e["method_name"].get<std::string>() << ": " << fixed(e["estimate"].get<double>()) << " (SE "
          << fixed(e["se"].get<double>()) << ")\n";
    if (s["study"].contains("verdict"))
      out << "    Verdict on the sample: " << s["study"]["verdict"]["level"].get<std::string>() << "\n";
  }
  for (const auto& w : doc["warnings"]) out << "  Warning: " << w.get<std::string>() << "\n";
}

}  // namespace

int runInDatabaseEstimate(const graph::CausalGraph& graph, const po::variables_map& vm, CommandIo& io) {
  auto request = requestFrom(graph, vm);
  if (!request) {
    io.err << "causeway-cli estimate: " << request.error().describe() << "\n";
    return 2;
  }
  return runInDatabaseRequest(*request, vm.count("json") > 0, io);
}

int runInDatabaseRequest(const study::InDatabaseStudyRequest& request, bool json, CommandIo& io) {
  auto result = study::runInDatabaseStudy(request);
  if (!result) return reportError(io, "estimate", result.error());
  const auto doc = study::inDatabaseStudyJson(*result);
  if (json) io.out << doc.dump(2) << "\n";
  else printText(io.out, *result, doc);
  // With --json the warnings (e.g. shards that would ship rows) are also said on stderr.
  if (json)
    for (const auto& w : result->warnings) io.err << "causeway-cli estimate: warning: " << w << "\n";
  return 0;
}

}  // namespace causeway::cli
