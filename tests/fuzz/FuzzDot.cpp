// libFuzzer target: parseDot (Boost's Graphviz reader) on arbitrary bytes.
// Checks: never throws; errors carry a message; a parsed graph is acyclic; writeDot -> parseDot
// gives an equal graph; the same graph survives writeDagitty -> parseDagitty (the two formats
// agree on what they can express).
#include <cstddef>
#include <cstdint>

#include "FuzzGraphCheck.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/graph/DotSyntax.hpp"

using namespace causeway;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  if (fuzz::hitsKnownDeepNestingBug(text)) return 0;
  auto parsed = fuzz::noThrow("parseDot", [&] { return graph::parseDot(text, "fuzz.dot"); });
  if (!parsed) {
    fuzz::checkError(parsed.error(), {ErrorCode::SyntaxError, ErrorCode::UnsupportedSyntax, ErrorCode::Cycle,
                                      ErrorCode::SelfLoop, ErrorCode::DuplicateNode, ErrorCode::InvalidArgument});
    return 0;
  }
  fuzz::checkGraph(*parsed);
  if (fuzz::hitsKnownNonFiniteBug(*parsed)) return 0;

  if (!fuzz::hitsKnownDotBackslashBug(*parsed)) {
    const std::string dot = fuzz::noThrow("writeDot", [&] { return graph::writeDot(*parsed); });
    auto again = fuzz::noThrow("parseDot", [&] { return graph::parseDot(dot); });
    fuzz::check(again.ok(), "writeDot output does not parse back: " +
                                (again ? std::string() : again.error().describe()) + "\n--- written:\n" + dot);
    // Boost's reader creates vertices in name order, so compare by names, not ids.
    fuzz::check(fuzz::canonical(*again) == fuzz::canonical(*parsed),
                "writeDot -> parseDot changed the graph\n--- written:\n" + dot);
  }

  const std::string dag = fuzz::noThrow("writeDagitty", [&] { return graph::writeDagitty(*parsed); });
  auto asDagitty = fuzz::noThrow("parseDagitty", [&] { return graph::parseDagitty(dag); });
  fuzz::check(asDagitty.ok(), "writeDagitty output of a DOT graph does not parse: " +
                                  (asDagitty ? std::string() : asDagitty.error().describe()) + "\n--- written:\n" + dag);
  fuzz::check(*asDagitty == *parsed, "DOT graph changed through writeDagitty -> parseDagitty\n--- written:\n" + dag);
  return 0;
}
