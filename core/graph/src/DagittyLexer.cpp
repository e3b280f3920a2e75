#include "DagittyLexer.hpp"

#include "causeway/common/Utf8.hpp"

#include <array>
#include <optional>

namespace causeway::graph::detail {

namespace {

bool isIdentifierChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c >= 0x80;  // UTF-8 names are allowed unquoted, as in DAGitty
}

// Longest arrows first so "<->" is not read as "<-".
constexpr std::array<std::string_view, 9> kArrows = {"<-@", "@->", "@-@", "@--", "--@", "<->", "->", "<-", "--"};

class Lexer {
 public:
  Lexer(std::string_view text, std::string_view sourceName) : text_(text), source_(sourceName) {}

  Result<std::vector<Token>> run() {
    if (auto bad = firstInvalidUtf8()) return *bad;
    std::vector<Token> tokens;
    while (true) {
      skipSpaceAndComments();
      if (!error_.message.empty()) return error_;
      if (pos_ >= text_.size()) break;
      Token token;
      token.line = line_;
      token.column = column_;
      const unsigned char c = static_cast<unsigned char>(text_[pos_]);
      if (auto arrow = matchArrow()) {
        token.kind = TokenKind::Arrow;
        token.text = std::string(*arrow);
        advance(arrow->size());
      } else if (c == '"') {
        if (auto s = readString(); s) {
          token.kind = TokenKind::String;
          token.text = std::move(*s);
        } else {
          return s.error();
        }
      } else if (isIdentifierChar(c)) {
        token.kind = TokenKind::Identifier;
        const std::size_t start = pos_;
        while (pos_ < text_.size() && isIdentifierChar(static_cast<unsigned char>(text_[pos_]))) advance(1);
        token.text = std::string(text_.substr(start, pos_ - start));
      } else {
        switch (c) {
          case '{': token.kind = TokenKind::LBrace; break;
          case '}': token.kind = TokenKind::RBrace; break;
          case '[': token.kind = TokenKind::LBracket; break;
          case ']': token.kind = TokenKind::RBracket; break;
          case '=': token.kind = TokenKind::Equals; break;
          case ';':
          case ',': token.kind = TokenKind::Separator; break;
          default:
            return fail(std::string("unexpected character '") + describeChar(c) + "'", line_, column_);
        }
        token.text = std::string(1, static_cast<char>(c));
        advance(1);
      }
      tokens.push_back(std::move(token));
    }
    Token end;
    end.kind = TokenKind::End;
    end.line = line_;
    end.column = column_;
    tokens.push_back(end);
    return tokens;
  }

 private:
  static std::string describeChar(unsigned char c) {
    if (c < 0x20 || c == 0x7f) {
      static constexpr char kHex[] = "0123456789abcdef";
      return std::string("\\x") + kHex[c >> 4U] + kHex[c & 0xFU];
    }
    return std::string(1, static_cast<char>(c));
  }

  Error fail(std::string message, std::size_t line, std::size_t column) const {
    return makeError(ErrorCode::SyntaxError, std::move(message), {std::string(source_), line, column, {}});
  }

  void advance(std::size_t count) {
    for (std::size_t i = 0; i < count && pos_ < text_.size(); ++i, ++pos_) {
      if (text_[pos_] == '\n') {
        ++line_;
        column_ = 1;
      } else if ((static_cast<unsigned char>(text_[pos_]) & 0xC0U) != 0x80U) {
        ++column_;  // count characters, not UTF-8 continuation bytes
      }
    }
  }

  // Models must be UTF-8: names travel into JSON, SVG and reports.
  std::optional<Error> firstInvalidUtf8() {
    const auto bad = findInvalidUtf8(text_);
    if (!bad) return std::nullopt;
    advance(*bad - pos_);
    return fail(describeInvalidUtf8(text_, *bad), line_, column_);
  }

  std::optional<std::string_view> matchArrow() const {
    for (std::string_view arrow : kArrows)
      if (text_.substr(pos_, arrow.size()) == arrow) return arrow;
    return std::nullopt;
  }

  void skipSpaceAndComments() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        advance(1);
      } else if (c == '#' || text_.substr(pos_, 2) == "//") {
        while (pos_ < text_.size() && text_[pos_] != '\n') advance(1);
      } else if (text_.substr(pos_, 2) == "/*") {
        const std::size_t line = line_, column = column_;
        const std::size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) {
          error_ = fail("unterminated comment (opened here with /*)", line, column);
          return;
        }
        advance(close + 2 - pos_);
      } else if (pos_ == 0 && text_.substr(0, 3) == "\xEF\xBB\xBF") {
        pos_ += 3;  // UTF-8 byte-order mark
      } else {
        return;
      }
    }
  }

  Result<std::string> readString() {
    const std::size_t line = line_, column = column_;
    advance(1);  // opening quote
    std::string out;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        advance(1);
        return out;
      }
      if (c == '\\' && pos_ + 1 < text_.size()) {
        const char next = text_[pos_ + 1];
        out += (next == 'n') ? '\n' : next;
        advance(2);
        continue;
      }
      out += c;
      advance(1);
    }
    return fail("unterminated quoted name (opened here)", line, column);
  }

  std::string_view text_;
  std::string_view source_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t column_ = 1;
  Error error_;
};

}  // namespace

Result<std::vector<Token>> tokenizeDagitty(std::string_view text, std::string_view sourceName) {
  return Lexer(text, sourceName).run();
}

}  // namespace causeway::graph::detail
