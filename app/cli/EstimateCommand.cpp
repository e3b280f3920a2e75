// causeway-cli estimate: a model and a data file in, the propensity model, overlap, balance and
// effect estimates out, as text or JSON. All the work is core::study::runStudy.
#include <string>
#include <vector>

#include "CliSupport.hpp"
#include "EstimateOutput.hpp"
#include "causeway/data/CsvReader.hpp"
#include "causeway/study/Study.hpp"

namespace causeway::cli {

namespace {

const char* kUsage =
    "Usage: causeway-cli estimate MODEL DATA [options]\n\n"
    "Estimates the effect of the model's exposure on its outcome from DATA (CSV or TSV), adjusting\n"
    "for the first minimal sufficient adjustment set measured in the data (or --set).\n"
    "MODEL may be '-' to read the model from standard input.\n\nOptions";

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
  request.matching.ratio = vm["ratio"].as<int>();
  request.matching.replace = vm.count("replace") > 0;
  if (vm.count("caliper")) request.matching.caliper = vm["caliper"].as<double>();
  if (vm.count("trim")) {
    const auto bounds = splitList({vm["trim"].as<std::string>()});
    double low = 0, high = 0;
    if (bounds.size() != 2 || !parseDouble(bounds[0], low) || !parseDouble(bounds[1], high) || !(0 <= low && low < high && high <= 1))
      return makeError(ErrorCode::InvalidArgument, "--trim needs two propensity bounds LOW,HIGH with 0 <= LOW < HIGH <= 1");
    request.trim = estimation::PropensityTrim{low, high};
  }
  return request;
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
      ("refute", "run the placebo, random-common-cause and subset refuters")
      ("no-compare", "do not estimate over every measured minimal adjustment set")
      ("threads", po::value<unsigned>()->default_value(0), "worker threads (0: all cores)")
      ("json", "print JSON (documented in the README)");
  line.hidden.add_options()("model", po::value<std::string>())("data", po::value<std::string>());
  line.positional.add("model", 1).add("data", 1);
  po::variables_map vm;
  if (auto done = parseCommandLine(args, line, vm, io)) return *done;
  if (!vm.count("model") || !vm.count("data")) {
    io.err << "causeway-cli estimate: needs a MODEL and a DATA file (see --help)\n";
    return 2;
  }
  auto request = requestFrom(vm);
  if (!request) {
    io.err << "causeway-cli estimate: " << request.error().describe() << "\n";
    return 2;
  }

  auto graph = readModel(vm["model"].as<std::string>(), io);
  if (!graph) return reportError(io, "estimate", graph.error());
  auto data = data::readCsvFile(vm["data"].as<std::string>());
  if (!data) return reportError(io, "estimate", data.error());

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

  auto result = study::runStudy(spec, *data);
  if (!result) return reportError(io, "estimate", result.error());
  if (vm.count("json")) io.out << estimateJson(*result, *data).dump(2) << "\n";
  else printEstimateText(io.out, *result, *data);
  return 0;
}

}  // namespace causeway::cli
