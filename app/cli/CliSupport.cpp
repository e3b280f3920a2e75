#include "CliSupport.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <istream>
#include <ostream>
#include <sstream>

#include "causeway/graph/ModelFile.hpp"

namespace causeway::cli {

std::optional<int> parseCommandLine(const std::vector<std::string>& args, const CommandLine& line,
                                    po::variables_map& vm, CommandIo& io) {
  po::options_description all;
  all.add(line.visible).add(line.hidden);
  const bool verbose = line.style == UsageStyle::OptionsAfterErrors;
  try {
    po::store(po::command_line_parser(args).options(all).positional(line.positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    io.err << "causeway-cli " << line.command << ": " << e.what() << "\n";
    if (verbose) io.err << line.visible;
    return 2;
  }
  if (vm.count("help") != 0U) {
    io.out << line.visible << (verbose ? "" : "\n");
    return 0;
  }
  return std::nullopt;
}

Result<graph::CausalGraph> readModel(const std::string& path, CommandIo& io) {
  const auto fileError = [&](const std::string& what) {
    return makeError(ErrorCode::IoError, what, ErrorContext{path == "-" ? "<stdin>" : path, 0, 0, {}});
  };
  std::string text;
  if (path == "-") {
    std::ostringstream in;
    in << io.in.rdbuf();
    text = in.str();
  } else {
    std::error_code status;
    if (std::filesystem::is_directory(path, status)) return fileError("cannot read a directory as a model file");
    // A model file that is there but empty is a mistake (a failed export, a wrong path), not an empty graph.
    if (std::filesystem::is_regular_file(path, status) && std::filesystem::file_size(path, status) == 0 && !status)
      return fileError("the model file is empty");
    return graph::readModelFile(path);
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return fileError("the model on standard input is empty");
  return graph::parseModel(text, "<stdin>");
}

Result<void> applyThresholdOptions(const po::variables_map& vm, study::VerdictThresholds& thresholds) {
  if (!vm.count("threshold")) return Ok{};
  for (const auto& pair : vm["threshold"].as<std::vector<std::string>>()) {
    const auto eq = pair.find('=');
    double value = 0.0;
    if (eq == std::string::npos || !parseDouble(pair.substr(eq + 1), value))
      return makeError(ErrorCode::InvalidArgument, "--threshold needs NAME=NUMBER, got '" + pair + "'");
    if (auto set = study::setThreshold(thresholds, pair.substr(0, eq), value); !set) return set.error();
  }
  return Ok{};
}

Result<estimation::PropensityTrim> parseTrim(const std::string& text) {
  const auto bounds = splitList({text});
  estimation::PropensityTrim trim;
  if (bounds.size() != 2 || !parseDouble(bounds[0], trim.lower) || !parseDouble(bounds[1], trim.upper))
    return makeError(ErrorCode::InvalidArgument, "--trim needs two propensity bounds LOW,HIGH, e.g. 0.1,0.9; got '" + text + "'");
  if (const std::string problem = trim.problem(); !problem.empty())
    return makeError(ErrorCode::InvalidArgument, "--trim: " + problem);
  return trim;
}

namespace {

// The name of the one node with `role`, if exactly one has it.
std::optional<std::string> onlyNodeWith(const graph::CausalGraph& graph, graph::Role role) {
  std::optional<std::string> found;
  for (const auto id : graph.nodeIds()) {
    if (!graph.roles(id).has(role)) continue;
    if (found) return std::nullopt;
    found = graph.node(id).name;
  }
  return found;
}

}  // namespace

Result<void> checkExposureOutcome(const graph::CausalGraph& graph, const po::variables_map& vm,
                                  const std::string& modelName) {
  const auto chosen = [&](const char* option, graph::Role role) -> std::optional<std::string> {
    if (vm.count(option)) return vm[option].as<std::string>();
    return onlyNodeWith(graph, role);
  };
  const auto exposure = chosen("exposure", graph::Role::Exposure);
  const auto outcome = chosen("outcome", graph::Role::Outcome);
  if (exposure && outcome && *exposure == *outcome)
    return makeError(ErrorCode::InvalidArgument, "'" + *exposure + "' cannot be both the exposure and the outcome",
                     ErrorContext{modelName, 0, 0, *exposure});
  return Ok{};
}

bool everyMethodFailed(CommandIo& io, const std::string& command, const estimation::EstimationReport& report) {
  if (!report.estimates.empty()) return false;
  io.err << "causeway-cli " << command << ": no requested method gave an estimate";
  if (!report.failures.empty()) io.err << " (first failure: " << report.failures.front().error.describe() << ")";
  else if (!report.notApplicable.empty())
    io.err << " (" << estimation::toString(report.notApplicable.front().method)
           << " is not applicable: " << report.notApplicable.front().reason << ")";
  io.err << "\n";
  return true;
}

std::vector<std::string> splitList(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& value : values) {
    std::string item;
    for (char c : value + ",") {
      if (c != ',') {
        item += c;
        continue;
      }
      const auto first = item.find_first_not_of(" \t");
      if (first != std::string::npos) out.push_back(item.substr(first, item.find_last_not_of(" \t") - first + 1));
      item.clear();
    }
  }
  return out;
}

bool parseDouble(const std::string& text, double& value) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

int reportError(CommandIo& io, const std::string& command, const Error& error) {
  io.err << "causeway-cli " << command << ": " << error.describe() << "\n";
  return 1;
}

}  // namespace causeway::cli
