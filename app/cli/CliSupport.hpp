#pragma once

// GCC 12 reports a false -Wnull-dereference inside std::vector when Boost.Program_options
// instantiates typed_value<std::vector<std::string>>; silence it for these headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <vector>
#include <boost/program_options.hpp>
#pragma GCC diagnostic pop

#include <optional>
#include <string>

#include "Commands.hpp"
#include "causeway/common/Error.hpp"
#include "causeway/common/NumberFormat.hpp"
#include "causeway/common/Result.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"
#include "causeway/graph/CausalGraph.hpp"
#include "causeway/study/VerdictThresholds.hpp"

namespace causeway::cli {

namespace po = boost::program_options;

// How a command answers --help and bad usage (the two styles the commands have always had).
enum class UsageStyle {
  OptionsAfterErrors,  // errors are followed by the options; --help prints them as they are
  Terse,               // errors stand alone; --help ends with a blank line
};

// One command's arguments: the options --help shows, hidden ones filled from positions.
struct CommandLine {
  std::string command;  // "analyze", ... (message prefix)
  po::options_description visible;
  po::options_description hidden;
  po::positional_options_description positional;
  UsageStyle style = UsageStyle::Terse;
};

// Parses args into vm. Returns the exit status when the command is done already (2 after a
// usage error, 0 after --help) and nullopt when it should go on.
std::optional<int> parseCommandLine(const std::vector<std::string>& args, const CommandLine& line,
                                    po::variables_map& vm, CommandIo& io);

// Reads a model (DAGitty or DOT); "-" reads the command's input stream.
Result<graph::CausalGraph> readModel(const std::string& path, CommandIo& io);

// "A,B" "C" -> {"A", "B", "C"}: items trimmed, empty ones dropped.
std::vector<std::string> splitList(const std::vector<std::string>& values);
// Whole-string parse; false on anything else.
bool parseDouble(const std::string& text, double& value);
// "LOW,HIGH" -> propensity trim bounds, checked by PropensityTrim::problem().
Result<estimation::PropensityTrim> parseTrim(const std::string& text);

// Applies every --threshold NAME=NUMBER of `vm` to `thresholds` (estimate on a file, in the database).
Result<void> applyThresholdOptions(const po::variables_map& vm, study::VerdictThresholds& thresholds);
// The exposure and outcome the study will use (--exposure/--outcome, else the model's roles)
// must differ; the error names the model file.
Result<void> checkExposureOutcome(const graph::CausalGraph& graph, const po::variables_map& vm,
                                  const std::string& modelName);
// True (after saying so on io.err) when no requested method produced an estimate: exit status 1.
bool everyMethodFailed(CommandIo& io, const std::string& command, const estimation::EstimationReport& report);
// Prints "causeway-cli COMMAND: file:line:col: message" and returns exit status 1.
int reportError(CommandIo& io, const std::string& command, const Error& error);
// Fixed-point numbers as everywhere in Causeway (core/common NumberFormat).
using format::fixed;

}  // namespace causeway::cli
