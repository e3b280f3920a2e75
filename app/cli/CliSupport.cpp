#include "CliSupport.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
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
  if (path != "-") return graph::readModelFile(path);
  std::ostringstream text;
  text << io.in.rdbuf();
  return graph::parseModel(text.str(), "<stdin>");
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

std::string fixed(double value, int digits) {
  if (std::isnan(value)) return "NA";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

}  // namespace causeway::cli
