#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "causeway/graph/Types.hpp"

// The parts of DAGitty's syntax beyond the core grammar: attribute aliases, and the model types
// and formats Causeway recognises only to refuse them with a useful message.
namespace causeway::graph::detail {

// ASCII lower case, and the text without leading or trailing blanks: shared by the readers.
[[nodiscard]] std::string lower(std::string_view s);
[[nodiscard]] std::string trim(std::string_view s);

// The role a (lower-cased) node attribute stands for, with DAGitty's short and alternative names
// (e/source, o/target, a, l/u/unobserved, s) and Causeway's nco/nce; nullopt for other keys.
std::optional<Role> roleOfAttribute(const std::string& key);

// The message for a 'graph', 'pdag', 'mag' or 'pag' model: what it is and what the user can do.
std::string unsupportedGraphType(const std::string& type);

// The line of the first node line when the text is in DAGitty's old adjacency-list format.
std::optional<std::size_t> oldAdjacencyFormatLine(std::string_view text);

}  // namespace causeway::graph::detail
