#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

// Where in DOT text an error lies. Boost's Graphviz reader reports no positions, so the DOT
// reader finds them afterwards: attributes by scanning the text, syntax errors by re-parsing
// prefixes of it. Internal to the graph module.
namespace causeway::graph::detail {

struct TextPosition {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, in characters (UTF-8 continuation bytes not counted)
};

TextPosition positionAt(std::string_view text, std::size_t offset);

// The first `key = value` (value quoted or bare) whose value satisfies `matches`; the offset of
// the key. Text in comments and quoted strings is not read as a key.
std::optional<std::size_t> findAttribute(std::string_view text, std::string_view key,
                                         const std::function<bool(std::string_view)>& matches);

// `parse` returns the reader's error message for a text ("" when it reads). For Boost's
// messages "... (token is "<kind> 'T'")" and "... (char is 'C')": the offset of the first
// occurrence of T (or C) whose prefix already fails with the same message, found by binary
// search over the occurrences; the end of the text for "<eof>". nullopt when it cannot tell.
std::optional<std::size_t> locateSyntaxError(std::string_view text, const std::string& message,
                                             const std::function<std::string(std::string_view)>& parse);

}  // namespace causeway::graph::detail
