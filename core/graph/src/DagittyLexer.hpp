#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "causeway/common/Result.hpp"

namespace causeway::graph::detail {

enum class TokenKind {
  Identifier,  // unquoted name or keyword
  String,      // "quoted", escapes resolved
  Arrow,       // ->, <-, <->, --, and the PAG marks @->, @-@, @--, <-@, --@
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  Equals,
  Separator,  // ; or ,
  End,
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;
  std::size_t line = 1;
  std::size_t column = 1;
};

// Splits DAGitty / DOT-like model text into tokens, dropping whitespace and comments
// (// line, # line, /* block */). Errors name the line and column.
Result<std::vector<Token>> tokenizeDagitty(std::string_view text, std::string_view sourceName);

}  // namespace causeway::graph::detail
