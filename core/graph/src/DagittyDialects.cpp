#include "DagittyDialects.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <vector>

namespace causeway::graph::detail {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

std::optional<Role> roleOfAttribute(const std::string& key) {
  static const std::map<std::string, Role, std::less<>> kRoles = {
      {"exposure", Role::Exposure}, {"e", Role::Exposure},  {"source", Role::Exposure},
      {"outcome", Role::Outcome},   {"o", Role::Outcome},   {"target", Role::Outcome},
      {"adjusted", Role::Adjusted}, {"a", Role::Adjusted},  {"latent", Role::Latent},
      {"l", Role::Latent},          {"unobserved", Role::Latent}, {"u", Role::Latent},
      {"selected", Role::Selected}, {"s", Role::Selected},
      {"nco", Role::NegativeControlOutcome}, {"nce", Role::NegativeControlExposure}};
  auto it = kRoles.find(key);
  if (it == kRoles.end()) return std::nullopt;
  return it->second;
}

// These model types belong with a later causal-discovery step.
std::string unsupportedGraphType(const std::string& type) {
  const std::string kind = lower(type);
  if (kind == "graph")
    return "'graph' models are undirected; Causeway reads 'dag' models. Give each edge a direction "
           "(write 'A -> B' for 'A -- B') and start the model with 'dag {'";
  const std::string what = kind == "pdag" ? "'pdag' models (an equivalence class with undirected '--' edges)"
                           : kind == "mag" ? "'mag' models (maximal ancestral graphs)"
                                           : "'pag' models (partial ancestral graphs with '@' edge marks)";
  return what + " are not supported yet; Causeway reads 'dag' models. Pick one DAG: orient every "
                "'--' or '@' edge as '->', or as '<->' for a hidden common cause, and change the first "
                "word to 'dag' (dagitty.net can list the DAGs of an equivalence class)";
}

// DAGitty's old adjacency-list format: node lines "X1 E @0.1,0.2" (name, role letters, optional
// position), a blank line, then adjacency lines "X1 Y M1" (X1 -> Y, X1 -> M1). Read as the new
// syntax it would silently become a different model, so it is recognised and refused by name.
// Returns the line of the first node line when the text has that shape.
std::optional<std::size_t> oldAdjacencyFormatLine(std::string_view text) {
  if (text.find_first_of("{}[]=") != std::string_view::npos) return std::nullopt;
  for (std::string_view arrow : {"->", "<-", "--"})
    if (text.find(arrow) != std::string_view::npos) return std::nullopt;
  std::size_t lineNo = 0, firstLine = 0, sections = 0;
  bool inSection = false, roleLetters = false;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string line = trim(text.substr(start, end - start));
    ++lineNo;
    if (line.empty()) {
      inSection = false;
    } else {
      if (!inSection) ++sections;
      inSection = true;
      if (sections == 1) {
        if (firstLine == 0) firstLine = lineNo;
        std::vector<std::string> fields;
        std::istringstream words(line);
        for (std::string w; words >> w;) fields.push_back(w);
        // "name code" or "name code @x,y", the code being role letters or a digit.
        if (fields.size() < 2 || fields.size() > 3 || (fields.size() == 3 && fields[2].front() != '@')) return std::nullopt;
        if (fields[1].find_first_not_of("EOAUSeoaus0123456789") != std::string::npos) return std::nullopt;
        roleLetters = true;
      }
    }
    start = end + 1;
  }
  if (sections < 2 || !roleLetters) return std::nullopt;
  return firstLine;
}

}  // namespace causeway::graph::detail
