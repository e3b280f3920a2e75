// causeway-cli dsep: is X d-separated from Y given Z in a model?
// GCC 12 reports a false -Wnull-dereference inside std::vector when Boost.Program_options
// instantiates typed_value<std::vector<std::string>>; silence it for these headers only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <vector>
#include <boost/program_options.hpp>
#pragma GCC diagnostic pop
#include <nlohmann/json.hpp>

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "CliSupport.hpp"
#include "Commands.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/MixedGraph.hpp"

namespace causeway::cli {

namespace po = boost::program_options;
namespace id = causeway::identification;

namespace {

// Reads a model file ("-": the command's input stream); prints the parser's message (with line
// and column) and returns nullopt on failure.
std::optional<graph::IndexedGraph> loadModel(const std::string& path, CommandIo& io) {
  Result<graph::CausalGraph> parsed = makeError(ErrorCode::IoError, "unread");
  if (path == "-") {
    std::ostringstream text;
    text << io.in.rdbuf();
    parsed = graph::parseModel(text.str(), "<stdin>");
  } else {
    parsed = graph::readModelFile(path);
  }
  if (!parsed) {
    reportError(io, "dsep", parsed.error());
    return std::nullopt;
  }
  return graph::IndexedGraph(parsed.value());
}

}  // namespace

int runDsep(const std::vector<std::string>& args, CommandIo& io) {
  po::options_description visible(
      "Usage: causeway-cli dsep MODEL X Y [--given A,B] [--json]\n"
      "X and Y may be comma-separated lists; selected nodes are always conditioned on.\n\nOptions");
  visible.add_options()("help,h", "show this help")(
      "given,g", po::value<std::vector<std::string>>()->composing(), "conditioning set, comma separated")(
      "json", "print JSON");
  po::options_description all;
  all.add(visible).add_options()("positional", po::value<std::vector<std::string>>(), "MODEL X Y");
  po::positional_options_description positional;
  positional.add("positional", 3);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    io.err << "causeway-cli dsep: " << e.what() << "\n" << visible;
    return 2;
  }
  if (vm.count("help") != 0U) {
    io.out << visible;
    return 0;
  }
  const auto words = vm.count("positional") != 0U ? vm["positional"].as<std::vector<std::string>>()
                                                  : std::vector<std::string>{};
  if (words.size() != 3) {
    io.err << "causeway-cli dsep: expected MODEL X Y\n" << visible;
    return 2;
  }
  auto model = loadModel(words[0], io);
  if (!model) return 1;
  const graph::IndexedGraph& g = *model;
  const std::vector<std::string> given =
      vm.count("given") != 0U ? splitList(vm["given"].as<std::vector<std::string>>()) : std::vector<std::string>{};
  auto x = id::nodesNamed(g, splitList({words[1]}));
  auto y = id::nodesNamed(g, splitList({words[2]}));
  auto z = id::nodesNamed(g, given);
  for (const auto* r : {&x, &y, &z})
    if (!r->ok()) {
      io.err << "causeway-cli dsep: " << r->error().message << "\n";
      return 1;
    }
  if (x->empty() || y->empty()) {
    io.err << "causeway-cli dsep: X and Y must name at least one variable each\n";
    return 2;
  }
  const id::NodeMask inZ = id::maskOf(*z, g.size());
  if (id::intersects(*x, inZ) || id::intersects(*y, inZ)) {
    io.err << "causeway-cli dsep: the conditioning set must not contain X or Y\n";
    return 1;
  }
  const bool separated = id::dSeparated(g, *x, *y, *z);
  std::optional<id::Path> open;
  if (!separated) open = id::findOpenPath(id::MixedGraph(g), *x, *y, id::conditioningMask(g, *z, *x, *y));
  const auto selected = g.withRole(graph::Role::Selected);
  if (vm.count("json") != 0U) {
    nlohmann::json j = {{"x", id::sortedNames(g, *x)},        {"y", id::sortedNames(g, *y)},
                        {"given", id::sortedNames(g, *z)},    {"selected", id::sortedNames(g, selected)},
                        {"d_separated", separated}};
    j["open_path"] = open ? nlohmann::json(id::formatPath(g, *open)) : nlohmann::json(nullptr);
    io.out << j.dump(2) << "\n";
    return 0;
  }
  io.out << id::formatSet(g, *x) << " and " << id::formatSet(g, *y) << " are "
         << (separated ? "d-separated" : "d-connected") << " given " << id::formatSet(g, *z);
  if (!selected.empty()) io.out << " (and the selected " << id::formatSet(g, selected) << ")";
  io.out << "\n";
  if (open) io.out << "open path: " << id::formatPath(g, *open) << "\n";
  return 0;
}

}  // namespace causeway::cli
