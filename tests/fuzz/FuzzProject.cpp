// libFuzzer target: parseProject (.causeway project files, JSON through nlohmann::json) on
// arbitrary bytes.
// Checks: never throws; errors are SyntaxError/MalformedData/UnsupportedSyntax with the source
// name (and a location inside the text for JSON syntax errors); a parsed project survives
// serializeProject -> parseProject unchanged, and serializing it again gives the same text.
#include <cstddef>
#include <cstdint>

#include "FuzzCheck.hpp"
#include "causeway/project/Project.hpp"

using namespace causeway;

// Bugs 5 and 6 (regressions/fuzz_project/{bootstrap-float-overflow,seed-negative-float,
// number-overflow}.causeway) and the wrong-typed "format" (format-object.causeway) are fixed:
// every field is type-checked before it is read, so nothing is masked here any more.

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  auto parsed = fuzz::noThrow("parseProject", [&] { return project::parseProject(text, "fuzz.causeway"); });
  if (!parsed) {
    const Error& e = parsed.error();
    fuzz::checkError(e, {ErrorCode::SyntaxError, ErrorCode::MalformedData, ErrorCode::UnsupportedSyntax});
    fuzz::check(e.context.file == "fuzz.causeway", "error does not name the source: " + e.describe());
    if (e.code == ErrorCode::SyntaxError) fuzz::checkLocated(e, text);
    return 0;
  }
  const std::string written = fuzz::noThrow("serializeProject", [&] { return project::serializeProject(*parsed); });
  auto again = fuzz::noThrow("parseProject", [&] { return project::parseProject(written, "again.causeway"); });
  fuzz::check(again.ok(), "serializeProject output does not load: " + (again ? std::string() : again.error().describe()) +
                              "\n--- written:\n" + written);
  fuzz::check(*again == *parsed, "serializeProject -> parseProject changed the project\n--- written:\n" + written);
  fuzz::check(project::serializeProject(*again) == written, "serializeProject is not stable\n--- written:\n" + written);
  return 0;
}
