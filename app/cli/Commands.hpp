#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace causeway::cli {

// Where a command reads and writes; tests pass string streams.
struct CommandIo {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// Each command parses its own arguments (those after the command name) and returns the exit
// status: 0 success, 1 bad input or failed analysis, 2 bad usage.
int runAnalyze(const std::vector<std::string>& args, CommandIo& io);
int runDsep(const std::vector<std::string>& args, CommandIo& io);
int runEstimate(const std::vector<std::string>& args, CommandIo& io);
int runReport(const std::vector<std::string>& args, CommandIo& io);
int runRollout(const std::vector<std::string>& args, CommandIo& io);

}  // namespace causeway::cli
