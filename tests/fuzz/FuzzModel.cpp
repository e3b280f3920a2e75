// libFuzzer target: parseModel (format sniffing, then the DAGitty or DOT reader) on arbitrary bytes.
// Checks: never throws; errors carry a message; a parsed graph is acyclic; it survives
// writeDagitty -> parseModel, and (when it has no DAGitty-only graph attributes) writeDot -> parseModel.
#include <cstddef>
#include <cstdint>

#include "FuzzGraphCheck.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/graph/DotSyntax.hpp"
#include "causeway/graph/ModelFile.hpp"

using namespace causeway;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  if (fuzz::hitsKnownEmptyNameBug(text) || fuzz::hitsKnownDeepNestingBug(text)) return 0;
  auto parsed = fuzz::noThrow("parseModel", [&] { return graph::parseModel(text, "fuzz.model"); });
  if (!parsed) {
    fuzz::checkError(parsed.error(), {ErrorCode::SyntaxError, ErrorCode::UnsupportedSyntax, ErrorCode::Cycle,
                                      ErrorCode::SelfLoop, ErrorCode::DuplicateNode, ErrorCode::InvalidArgument});
    return 0;
  }
  fuzz::checkGraph(*parsed);
  if (fuzz::hitsKnownNonFiniteBug(*parsed)) return 0;

  const std::string dag = fuzz::noThrow("writeDagitty", [&] { return graph::writeDagitty(*parsed); });
  auto fromDag = fuzz::noThrow("parseModel", [&] { return graph::parseModel(dag); });
  fuzz::check(fromDag.ok() && *fromDag == *parsed, "writeDagitty -> parseModel changed the graph\n--- written:\n" + dag);

  if (parsed->attributes().empty() && !fuzz::hitsKnownDotBackslashBug(*parsed)) {
    const std::string dot = fuzz::noThrow("writeDot", [&] { return graph::writeDot(*parsed); });
    auto fromDot = fuzz::noThrow("parseModel", [&] { return graph::parseModel(dot); });
    // Boost's DOT reader creates vertices in name order, so compare by names, not ids.
    fuzz::check(fromDot.ok() && fuzz::canonical(*fromDot) == fuzz::canonical(*parsed),
                "writeDot -> parseModel changed the graph\n--- written:\n" + dot);
  }
  return 0;
}
