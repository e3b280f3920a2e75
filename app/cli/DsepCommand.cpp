// causeway-cli dsep: is X d-separated from Y given Z in a model?
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "CliSupport.hpp"
#include "causeway/identification/DSeparation.hpp"
#include "causeway/identification/MixedGraph.hpp"

namespace causeway::cli {

namespace id = causeway::identification;

int runDsep(const std::vector<std::string>& args, CommandIo& io) {
  CommandLine line{"dsep",
                   po::options_description(
                       "Usage: causeway-cli dsep MODEL X Y [--given A,B] [--json]\n"
                       "X and Y may be comma-separated lists; selected nodes are always conditioned on.\n\nOptions"),
                   {}, {}, UsageStyle::OptionsAfterErrors};
  line.visible.add_options()("help,h", "show this help")(
      "given,g", po::value<std::vector<std::string>>()->composing(), "conditioning set, comma separated")(
      "json", "print JSON");
  line.hidden.add_options()("positional", po::value<std::vector<std::string>>(), "MODEL X Y");
  line.positional.add("positional", 3);
  po::variables_map vm;
  if (auto done = parseCommandLine(args, line, vm, io)) return *done;
  const auto words = vm.count("positional") != 0U ? vm["positional"].as<std::vector<std::string>>()
                                                  : std::vector<std::string>{};
  if (words.size() != 3) {
    io.err << "causeway-cli dsep: expected MODEL X Y\n" << line.visible;
    return 2;
  }
  const auto model = readModel(words[0], io);
  if (!model) return reportError(io, "dsep", model.error());
  const graph::IndexedGraph g(*model);
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
