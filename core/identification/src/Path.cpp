#include "causeway/identification/Path.hpp"

namespace causeway::identification {

const char* arrow(Step step) {
  switch (step) {
    case Step::Forward: return "->";
    case Step::Backward: return "<-";
    case Step::Bidirected: return "<->";
  }
  return "?";
}

std::string formatPath(const graph::IndexedGraph& g, const Path& path) {
  std::string out;
  for (std::size_t i = 0; i < path.nodes.size(); ++i) {
    if (i > 0) out += std::string(" ") + arrow(path.steps[i - 1]) + " ";
    out += g.name(path.nodes[i]);
  }
  return out;
}

bool isCollider(const Path& path, std::size_t i) {
  if (i == 0 || i + 1 >= path.nodes.size()) return false;
  const Step in = path.steps[i - 1];
  const Step out = path.steps[i];
  return (in == Step::Forward || in == Step::Bidirected) && (out == Step::Backward || out == Step::Bidirected);
}

}  // namespace causeway::identification
