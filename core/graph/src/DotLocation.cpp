#include "DotLocation.hpp"

#include <cctype>
#include <vector>

namespace causeway::graph::detail {

TextPosition positionAt(std::string_view text, std::size_t offset) {
  TextPosition p{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') p.line += 1, p.column = 1;
    else if ((c & 0xC0U) != 0x80U) ++p.column;
  }
  return p;
}

namespace {

bool isIdChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.'; }

// Offset past a comment or quoted string starting at i, or i when none starts there.
std::size_t skipOpaque(std::string_view t, std::size_t i) {
  if (t[i] == '"') {
    for (std::size_t j = i + 1; j < t.size(); ++j) {
      if (t[j] == '\\') ++j;
      else if (t[j] == '"') return j + 1;
    }
    return t.size();
  }
  if (t.substr(i, 2) == "//" || t[i] == '#') {
    const auto end = t.find('\n', i);
    return end == std::string_view::npos ? t.size() : end;
  }
  if (t.substr(i, 2) == "/*") {
    const auto end = t.find("*/", i + 2);
    return end == std::string_view::npos ? t.size() : end + 2;
  }
  return i;
}

}  // namespace

std::optional<std::size_t> findAttribute(std::string_view t, std::string_view key,
                                         const std::function<bool(std::string_view)>& matches) {
  for (std::size_t i = 0; i < t.size();) {
    if (const std::size_t past = skipOpaque(t, i); past != i) {
      i = past;
      continue;
    }
    const bool atKey = t.substr(i, key.size()) == key && (i == 0 || !isIdChar(t[i - 1])) &&
                       (i + key.size() == t.size() || !isIdChar(t[i + key.size()]));
    if (!atKey) {
      ++i;
      continue;
    }
    std::size_t j = i + key.size();
    while (j < t.size() && std::isspace(static_cast<unsigned char>(t[j])) != 0) ++j;
    if (j < t.size() && t[j] == '=') {
      ++j;
      while (j < t.size() && std::isspace(static_cast<unsigned char>(t[j])) != 0) ++j;
      std::string_view value;
      if (j < t.size() && t[j] == '"') {
        const std::size_t end = skipOpaque(t, j);
        const bool closed = end > j + 1 && t[end - 1] == '"';
        value = t.substr(j + 1, end - (j + 1) - (closed ? 1 : 0));
      } else {
        std::size_t end = j;
        while (end < t.size() && isIdChar(t[end])) ++end;
        value = t.substr(j, end - j);
      }
      if (matches(value)) return i;
    }
    i += key.size();
  }
  return std::nullopt;
}

std::optional<std::size_t> locateSyntaxError(std::string_view text, const std::string& message,
                                             const std::function<std::string(std::string_view)>& parse) {
  // The offending text: 'T' at the end of "(token is "<kind> 'T'")" or "(char is 'C')".
  std::string needle;
  if (const auto token = message.rfind("(token is \"<"); token != std::string::npos) {
    const auto open = message.find("> '", token);
    const auto close = message.rfind("'\")");
    if (open == std::string::npos || close == std::string::npos || close < open + 3) return std::nullopt;
    needle = message.substr(open + 3, close - open - 3);
    if (message.compare(token, 17, "(token is \"<eof> ") == 0) return text.size();
  } else if (const auto ch = message.rfind("(char is '"); ch != std::string::npos) {
    const auto close = message.rfind("')");
    if (close == std::string::npos || close < ch + 10) return std::nullopt;
    needle = message.substr(ch + 10, close - ch - 10);
  }
  if (needle.empty()) return std::nullopt;
  std::vector<std::size_t> at;
  for (auto i = text.find(needle); i != std::string_view::npos; i = text.find(needle, i + 1)) at.push_back(i);
  // A prefix that ends before the error fails at its end instead (another message), one that
  // holds the error fails there as the whole text does.
  std::size_t low = 0, high = at.size();
  while (low < high) {
    const std::size_t mid = (low + high) / 2;
    if (parse(text.substr(0, at[mid] + needle.size())) == message) high = mid;
    else low = mid + 1;
  }
  if (low == at.size()) return std::nullopt;
  return at[low];
}

}  // namespace causeway::graph::detail
