// libFuzzer target: parseProject (.causeway project files, JSON through nlohmann::json) on
// arbitrary bytes.
// Checks: never throws; errors are SyntaxError/MalformedData/UnsupportedSyntax with the source
// name (and a location inside the text for JSON syntax errors); a parsed project survives
// serializeProject -> parseProject unchanged, and serializing it again gives the same text.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "FuzzCheck.hpp"
#include "causeway/project/Project.hpp"

using namespace causeway;

namespace {

// Bug 5 (regressions/fuzz_project/{bootstrap-float-overflow,seed-negative-float}.causeway): parseProject reads analysis.bootstrap / analysis.seed with
// json::value<int> / <uint64_t>, which static_casts a JSON float such as 1e10 or -1.5: undefined
// behaviour (UBSan float-cast-overflow). Masked while fuzzing when CAUSEWAY_FUZZ_MASK_KNOWN=1.
// Bug 6 (regressions/fuzz_project/number-overflow.causeway): a number too large for a double
// (1e400) makes json::parse throw out_of_range.406, which parseProject does not catch (it catches
// only parse_error), so the exception escapes to the caller.
bool hitsKnownProjectBugs(std::string_view text) {
  if (!fuzz::maskKnownBugs()) return false;
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::out_of_range&) {
    return true;  // bug 6
  } catch (const nlohmann::json::exception&) {
    return false;
  }
  if (!doc.is_object()) return false;
  const auto a = doc.find("analysis");
  if (a == doc.end() || !a->is_object()) return false;
  for (const char* key : {"bootstrap", "seed"})
    if (auto v = a->find(key); v != a->end() && v->is_number_float()) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::asText(data, size);
  if (hitsKnownProjectBugs(text)) return 0;
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
