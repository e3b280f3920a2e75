#pragma once
// Shared helpers for the libFuzzer targets: invariant checks that abort with a readable message
// (libFuzzer then saves the input), and the switch that masks known, reported bugs.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <initializer_list>
#include <string>
#include <string_view>

#include "causeway/common/Result.hpp"

namespace causeway::fuzz {

[[noreturn]] inline void failInvariant(const std::string& what) {
  std::fprintf(stderr, "\n==== causeway fuzz invariant violated ====\n%s\n", what.c_str());
  std::abort();
}

inline void check(bool condition, const std::string& what) {
  if (!condition) failInvariant(what);
}

// Runs `parse`; a parser must report expected failures as values, so any exception is a bug.
template <typename F>
auto noThrow(const char* what, F&& parse) -> decltype(parse()) {
  try {
    return parse();
  } catch (const std::exception& e) {
    failInvariant(std::string(what) + " threw " + e.what());
  } catch (...) {
    failInvariant(std::string(what) + " threw a non-std exception");
  }
}

// Known, reported bugs that would otherwise stop every long run at the first input that hits
// them. Masked only when CAUSEWAY_FUZZ_MASK_KNOWN=1 (run.sh sets it while fuzzing, never while
// replaying regressions/). Delete a mask when its bug is fixed; docs/fuzzing.md lists them.
inline bool maskKnownBugs() {
  static const bool on = [] {
    const char* v = std::getenv("CAUSEWAY_FUZZ_MASK_KNOWN");
    return v != nullptr && std::string_view(v) == "1";
  }();
  return on;
}

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Errors are values with a code the caller can branch on and a message a user can read.
inline void checkError(const Error& error, std::initializer_list<ErrorCode> allowed) {
  check(!error.message.empty(), "error without a message");
  bool ok = false;
  for (ErrorCode code : allowed) ok = ok || code == error.code;
  check(ok, std::string("unexpected error code '") + toString(error.code) + "': " + error.describe());
}

// A located error points inside the text: 1 <= line <= number of lines, column >= 1.
inline void checkLocated(const Error& error, std::string_view text) {
  std::size_t lines = 1;
  for (char c : text) lines += c == '\n' ? 1U : 0U;
  check(error.context.line >= 1 && error.context.line <= lines && error.context.column >= 1,
        "error location " + std::to_string(error.context.line) + ":" + std::to_string(error.context.column) +
            " is outside the text (" + std::to_string(lines) + " lines): " + error.describe());
}

}  // namespace causeway::fuzz
