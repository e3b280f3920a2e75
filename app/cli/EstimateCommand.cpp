// causeway-cli estimate: a model and a data file in, the propensity model, overlap, balance and
// effect estimates out, as text or JSON. All the work is core::study::runStudy.
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "CliSupport.hpp"
#include "DataSource.hpp"
#include "ProjectData.hpp"
#include "InDatabaseEstimate.hpp"
#include "EstimateOutput.hpp"
#include "SensitivityOptions.hpp"
#include "SensitivityOutput.hpp"
#include "causeway/data/CsvReader.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/study/ProjectStudy.hpp"
#include "causeway/study/Study.hpp"
#include "causeway/study/StudyJson.hpp"

namespace causeway::cli {

namespace {

const char* kUsage =
    "Usage: causeway-cli estimate MODEL DATA [options]\n"
    "       causeway-cli estimate PROJECT.causeway [--json]   (runs what the project says)\n\n"
    "Estimates the effect of the model's exposure on its outcome from DATA (CSV or TSV; or a\n"
    "database: sqlite:PATH or postgresql://user@host:port/db with --table or --query), adjusting\n"
    "for the first minimal sufficient adjustment set measured in the data (or --set).\n"
    "MODEL may be '-' to read the model from standard input.\n\nOptions";

Result<void> matchingFrom(const po::variables_map& vm, estimation::EstimationRequest& request) {
  estimation::MatchingOptions& matching = request.matching;
  matching.ratio = vm["ratio"].as<int>();
  if (matching.ratio < 1) return makeError(ErrorCode::InvalidArgument, "--ratio must be 1 or more (controls per treated unit)");
  matching.replace = vm.count("replace") > 0;
  if (vm.count("caliper")) {
    matching.caliper = vm["caliper"].as<double>();
    if (!(*matching.caliper > 0) || !std::isfinite(*matching.caliper))
      return makeError(ErrorCode::InvalidArgument, "--caliper must be a positive number of standard deviations");
  }
  const std::string order = vm["matching-order"].as<std::string>();
  if (order != project::kMatchingOrderGreedy && order != project::kMatchingOrderMatchIt)
    return makeError(ErrorCode::InvalidArgument, "--matching-order must be greedy or matchit, not '" + order + "'");
  matching.matchItLeftFirst = order == project::kMatchingOrderMatchIt;
  // Naming the order names the design: match as asked, without switching to replacement.
  if (!vm["matching-order"].defaulted()) request.adaptMatchingDesign = false;
  return Ok{};
}

Result<estimation::EstimationRequest> requestFrom(const po::variables_map& vm) {
  estimation::EstimationRequest request;
  const std::string estimandText = vm["estimand"].as<std::string>();
  auto estimand = estimation::parseEstimand(estimandText);
  if (!estimand)
    return makeError(ErrorCode::InvalidArgument, "unknown estimand '" + estimandText + "' (expected ATE, ATT, ATC or ATO)");
  request.estimand = *estimand;
  request.methods.clear();
  for (const auto& name : splitList(vm["method"].as<std::vector<std::string>>())) {
    if (name == "all") {
      request.methods = estimation::allMethods();
      break;
    }
    auto method = estimation::parseMethod(name == "regression" ? "regression" : name);
    if (!method)
      return makeError(ErrorCode::InvalidArgument,
                       "unknown method '" + name + "' (expected regression, g-computation, ipw, matching, aipw, difference-in-means or all)");
    request.methods.push_back(*method);
  }
  request.bootstrapReplicates = vm["bootstrap"].as<int>();
  if (request.bootstrapReplicates < 0) return makeError(ErrorCode::InvalidArgument, "--bootstrap must be 0 or more");
  request.seed = vm["seed"].as<std::uint64_t>();
  request.refute = vm.count("refute") > 0;
  request.threads = vm["threads"].as<unsigned>();
  if (vm.count("treated-value")) request.treatedValue = vm["treated-value"].as<std::string>();
  if (auto matching = matchingFrom(vm, request); !matching) return matching.error();
  if (vm.count("trim")) {
    auto trim = parseTrim(vm["trim"].as<std::string>());
    if (!trim) return std::move(trim).error();
    request.trim = *trim;
  }
  return request;
}

// `estimate PROJECT.causeway`: exactly what the project says (study::loadProjectStudy), as the
// desktop app runs it.
int runProjectEstimate(const std::string& projectFile, bool json, CommandIo& io) {
  auto loaded = study::loadProjectStudy(projectFile);
  if (!loaded) return reportError(io, "estimate", loaded.error());
  // A project that analyses in the database runs the in-database engine, as the desktop's Run does.
  if (const auto& db = loaded->project.database; db && db->inDatabase)
    if (auto source = projectDatabase(loaded->project, projectFile))
      return runInDatabaseRequest(study::inDatabaseRequest(loaded->spec, *source), json, io);
  auto read = loadProjectData(loaded->project, projectFile);  // its data file or database source
  if (!read) return reportError(io, "estimate", read.error());
  const data::Dataset* data = &read->dataset;
  auto result = study::runStudy(loaded->spec, *data);
  if (!result) return reportError(io, "estimate", result.error());
  if (json) {
    auto document = study::studyJson(*result, *data);
    if (read->source) document["data_source"] = *read->source;
    io.out << document.dump(2) << "\n";
  } else printEstimateText(io.out, *result, *data);
  return everyMethodFailed(io, "estimate", result->estimation) ? 1 : 0;
}

}  // namespace

int runEstimate(const std::vector<std::string>& args, CommandIo& io) {
  CommandLine line{"estimate", po::options_description(kUsage), {}, {}, UsageStyle::Terse};
  line.visible.add_options()
      ("help,h", "show this help")
      ("exposure", po::value<std::string>(), "exposure node (default: the model's exposure)")
      ("outcome", po::value<std::string>(), "outcome node (default: the model's outcome)")
      ("estimand", po::value<std::string>()->default_value("ATE"), "ATE, ATT, ATC or ATO")
      ("method", po::value<std::vector<std::string>>()->default_value({"all"}, "all"),
       "regression, g-computation, ipw, matching, aipw, difference-in-means or all (repeat or comma-separate)")
      ("set", po::value<std::string>(), "adjustment set, node names \"A,B\" (default: chosen from the model)")
      ("column", po::value<std::vector<std::string>>(), "map a node to a column: NODE=COLUMN (repeatable)")
      ("bootstrap", po::value<int>()->default_value(0), "bootstrap replicates per estimate (0: analytic SEs only)")
      ("seed", po::value<std::uint64_t>()->default_value(1), "random seed (bootstrap, matching ties, refuters)")
      ("trim", po::value<std::string>(), "drop units with propensity outside LOW,HIGH (e.g. 0.1,0.9)")
      ("ratio", po::value<int>()->default_value(1), "matching: controls per treated unit (1:k)")
      ("replace", "matching: with replacement")
      ("caliper", po::value<double>(), "matching: caliper in SDs of the propensity score")
      ("matching-order", po::value<std::string>()->default_value(project::kMatchingOrderGreedy),
       "matching: greedy (true nearest neighbour) or matchit (MatchIt 4.5.1's order; see README)")
      ("treated-value", po::value<std::string>(), "the treatment value that means treated (needed unless 0/1, yes/no, treated/control, ...)")
      ("refute", "run the placebo, random-common-cause and subset refuters")
      ("no-compare", "do not estimate over every measured minimal adjustment set")
      ("threshold", po::value<std::vector<std::string>>(), "override a verdict threshold: NAME=VALUE (repeatable; README lists them)")
      ("threads", po::value<unsigned>()->default_value(0), "worker threads (0: all cores)")
      ("json", "print JSON (documented in the README)");
  addDataSourceOptions(line.visible);
  addSensitivityOptions(line.visible);
  line.hidden.add_options()("model", po::value<std::string>())("data", po::value<std::string>());
  line.positional.add("model", 1).add("data", 1);
  po::variables_map vm;
  if (auto done = parseCommandLine(args, line, vm, io)) return *done;
  if (vm.count("model") && !vm.count("data") && vm["model"].as<std::string>().ends_with(".causeway"))
    return runProjectEstimate(vm["model"].as<std::string>(), vm.count("json") > 0, io);
  if (!vm.count("model") || !vm.count("data")) {
    io.err << "causeway-cli estimate: needs a MODEL and a DATA file, or a PROJECT.causeway (see --help)\n";
    return 2;
  }
  auto request = requestFrom(vm);
  if (!request) {
    io.err << "causeway-cli estimate: " << request.error().describe() << "\n";
    return 2;
  }
  auto sensitivity = sensitivityFrom(vm);
  if (!sensitivity) {
    io.err << "causeway-cli estimate: " << sensitivity.error().describe() << "\n";
    return 2;
  }

  const std::string modelPath = vm["model"].as<std::string>();
  auto graph = readModel(modelPath, io);
  if (!graph) return reportError(io, "estimate", graph.error());
  if (auto roles = checkExposureOutcome(*graph, vm, modelPath == "-" ? "<stdin>" : modelPath); !roles)
    return reportError(io, "estimate", roles.error());
  if (vm.count("in-database")) return runInDatabaseEstimate(*graph, vm, io);
  auto loaded = loadData(vm["data"].as<std::string>(), vm);
  if (!loaded) return reportError(io, "estimate", loaded.error());
  const data::Dataset* data = &loaded->dataset;

  study::StudySpec spec;
  spec.graph = std::move(graph).value();
  if (vm.count("exposure")) spec.exposure = vm["exposure"].as<std::string>();
  if (vm.count("outcome")) spec.outcome = vm["outcome"].as<std::string>();
  if (vm.count("set")) spec.adjustmentSet = splitList({vm["set"].as<std::string>()});
  if (vm.count("column")) {
    for (const auto& pair : vm["column"].as<std::vector<std::string>>()) {
      const auto eq = pair.find('=');
      if (eq == std::string::npos || eq == 0 || eq + 1 == pair.size()) {
        io.err << "causeway-cli estimate: --column needs NODE=COLUMN, got '" << pair << "'\n";
        return 2;
      }
      spec.columnOverrides[pair.substr(0, eq)] = pair.substr(eq + 1);
    }
  }
  spec.request = std::move(request).value();
  spec.compareAdjustmentSets = vm.count("no-compare") == 0;
  spec.sensitivity = *sensitivity;
  if (auto set = applyThresholdOptions(vm, spec.thresholds); !set) {
    io.err << "causeway-cli estimate: " << set.error().message << "\n";
    return 2;
  }

  auto result = study::runStudy(spec, *data);
  if (!result) return reportError(io, "estimate", result.error());
  if (vm.count("json")) {
    auto document = study::studyJson(*result, *data);
    if (loaded->source) document["data_source"] = *loaded->source;  // a database: where the rows came from
    io.out << document.dump(2) << "\n";
  } else {
    printEstimateText(io.out, *result, *data);
    if (result->sensitivity) printSensitivityText(io.out, *result->sensitivity);
  }
  return everyMethodFailed(io, "estimate", result->estimation) ? 1 : 0;
}

}  // namespace causeway::cli
