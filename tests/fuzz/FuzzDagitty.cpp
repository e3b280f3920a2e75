// libFuzzer target: parseDagitty on arbitrary bytes.
// Checks: never throws; errors are SyntaxError/UnsupportedSyntax/DuplicateNode/Cycle/SelfLoop with a
// location inside the text; a parsed graph is acyclic; writeDagitty -> parseDagitty gives an
// equal graph, and writing that again gives the same text.
#include <cstddef>
#include <cstdint>

#include "FuzzGraphCheck.hpp"
#include "causeway/graph/DagittySyntax.hpp"

using namespace causeway;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  if (fuzz::hitsKnownEmptyNameBug(text)) return 0;
  auto parsed = fuzz::noThrow("parseDagitty", [&] { return graph::parseDagitty(text, "fuzz.dag"); });
  if (!parsed) {
    const Error& e = parsed.error();
    fuzz::checkError(e, {ErrorCode::SyntaxError, ErrorCode::UnsupportedSyntax, ErrorCode::DuplicateNode,
                         ErrorCode::Cycle, ErrorCode::SelfLoop});
    fuzz::check(e.context.file == "fuzz.dag", "error does not name the source: " + e.describe());
    fuzz::checkLocated(e, text);
    return 0;
  }
  fuzz::checkGraph(*parsed);
  if (fuzz::hitsKnownNonFiniteBug(*parsed)) return 0;
  const std::string written = fuzz::noThrow("writeDagitty", [&] { return graph::writeDagitty(*parsed); });
  auto again = fuzz::noThrow("parseDagitty", [&] { return graph::parseDagitty(written); });
  fuzz::check(again.ok(), "writeDagitty output does not parse back: " +
                              (again ? std::string() : again.error().describe()) + "\n--- written:\n" + written);
  fuzz::check(*again == *parsed, "writeDagitty -> parseDagitty changed the graph\n--- written:\n" + written);
  fuzz::check(graph::writeDagitty(*again) == written, "writeDagitty is not stable\n--- written:\n" + written);
  return 0;
}
