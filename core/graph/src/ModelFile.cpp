#include "causeway/graph/ModelFile.hpp"

#include <cctype>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/graph/DotSyntax.hpp"

namespace causeway::graph {

namespace {

// True when the first words are "digraph" or "strict digraph" (Graphviz), case-insensitive.
bool looksLikeDot(std::string_view text) {
  std::istringstream words{std::string(text.substr(0, 256))};
  std::string word;
  words >> word;
  auto lower = [](std::string w) {
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
  };
  word = lower(word);
  if (word == "strict") {
    words >> word;
    word = lower(word);
  }
  return word == "digraph" || word.rfind("digraph{", 0) == 0;
}

bool hasUninterpretedAttributes(const CausalGraph& graph) {
  for (NodeId id : graph.nodeIds())
    if (!graph.node(id).otherAttributes.empty()) return true;
  return false;
}

}  // namespace

Result<CausalGraph> parseModel(std::string_view text, std::string_view sourceName) {
  // DAGitty also accepts "digraph {...}"; prefer it unless the text uses DOT-only [key=value] forms.
  if (looksLikeDot(text)) {
    auto asDagitty = parseDagitty(text, sourceName);
    // Only a syntax the DAGitty reader does not know is worth a second try as Graphviz DOT;
    // its located errors (cycles, self-loops, ...) are the better message.
    const auto code = asDagitty ? ErrorCode::InvalidArgument : asDagitty.error().code;
    if (!asDagitty && code != ErrorCode::SyntaxError && code != ErrorCode::UnsupportedSyntax) return asDagitty;
    // The DAGitty reader keeps attributes it does not know, so DOT's role="..." or style=... would
    // read as plain nodes: a "digraph" carrying such attributes is left to the DOT reader.
    if (asDagitty && !hasUninterpretedAttributes(*asDagitty)) return asDagitty;
    return parseDot(text, sourceName);
  }
  return parseDagitty(text, sourceName);
}

Result<CausalGraph> readModelFile(const std::string& path) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return parseModel(text, "<stdin>");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return makeError(ErrorCode::IoError, "cannot open model file '" + path + "'", {path, 0, 0, {}});
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return makeError(ErrorCode::IoError, "error while reading '" + path + "'", {path, 0, 0, {}});
  return parseModel(text, path);
}

}  // namespace causeway::graph
