// causeway-cli: the headless front end. Each command lives in its own file; this only dispatches.
#include <exception>
#include <functional>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "Commands.hpp"

namespace {

using causeway::cli::CommandIo;
using Command = std::function<int(const std::vector<std::string>&, CommandIo&)>;

const std::map<std::string, std::pair<Command, const char*>>& commands() {
  static const std::map<std::string, std::pair<Command, const char*>> table = {
      {"analyze", {causeway::cli::runAnalyze, "adjustment sets, instruments, implications and paths of a model"}},
      {"dsep", {causeway::cli::runDsep, "is X d-separated from Y given Z?"}},
      {"estimate", {causeway::cli::runEstimate, "propensity model, balance and effect estimates on data"}},
      {"report", {causeway::cli::runReport, "HTML or PDF report of a project"}},
      {"rollout", {causeway::cli::runRollout, "staggered difference-in-differences on panel data"}},
  };
  return table;
}

void printUsage(std::ostream& out) {
  out << "Usage: causeway-cli <command> [options]\n\nCommands:\n";
  for (const auto& [name, entry] : commands()) out << "  " << name << std::string(10 - name.size(), ' ') << entry.second << "\n";
  out << "\nRun 'causeway-cli <command> --help' for a command's options.\n"
         "Options: --help, --version\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
    printUsage(words.empty() ? std::cerr : std::cout);
    return words.empty() ? 2 : 0;
  }
  if (words[0] == "--version") {
    std::cout << "causeway-cli " << CAUSEWAY_VERSION << "\n";
    return 0;
  }
  auto it = commands().find(words[0]);
  if (it == commands().end()) {
    std::cerr << "causeway-cli: unknown command '" << words[0] << "'\n\n";
    printUsage(std::cerr);
    return 2;
  }
  CommandIo io{std::cin, std::cout, std::cerr};
  try {
    return it->second.first(std::vector<std::string>(words.begin() + 1, words.end()), io);
  } catch (const std::exception& e) {
    // A broken precondition inside the core: report it instead of aborting.
    std::cerr << "causeway-cli: internal error: " << e.what() << "\n";
    return 3;
  }
}
