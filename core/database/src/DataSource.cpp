#include "causeway/database/DataSource.hpp"

#include <regex>

#include "causeway/data/Column.hpp"  // formatNumber

namespace causeway::database {
namespace {

// `text` between two `mark`s, each `mark` inside doubled: SQL's quoting of names and strings.
std::string enclosed(std::string_view text, char mark) {
  std::string out(1, mark);
  for (char c : text) {
    if (c == mark) out += mark;
    out += c;
  }
  return out + mark;
}

constexpr std::string_view kSqlitePrefix = "sqlite:";

bool startsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

}  // namespace

std::string quoteIdentifier(std::string_view name) { return enclosed(name, '"'); }

std::string quoteLiteral(std::string_view text) { return enclosed(text, '\''); }

const char* toString(SourceKind kind) { return kind == SourceKind::Sqlite ? "sqlite" : "postgresql"; }

bool isDatabaseLocation(std::string_view data) {
  return startsWith(data, kSqlitePrefix) || startsWith(data, "postgresql://") || startsWith(data, "postgres://");
}

Result<SourceSpec> parseSource(std::string_view data, std::string table, std::string query) {
  SourceSpec spec;
  if (startsWith(data, kSqlitePrefix)) {
    spec.kind = SourceKind::Sqlite;
    spec.location = std::string(data.substr(kSqlitePrefix.size()));
    if (spec.location.empty())
      return makeError(ErrorCode::InvalidArgument, "'sqlite:' needs a file path, e.g. sqlite:telemetry.db");
  } else if (startsWith(data, "postgresql://") || startsWith(data, "postgres://")) {
    spec.kind = SourceKind::Postgres;
    spec.location = std::string(data);
  } else {
    return makeError(ErrorCode::InvalidArgument, "'" + std::string(data) +
                                                     "' is not a database: use sqlite:PATH or postgresql://user@host:port/db");
  }
  if (table.empty() == query.empty())
    return makeError(ErrorCode::InvalidArgument,
                     "A database source needs exactly one of --table NAME or --query SQL (" + displayLocation(spec) + ")");
  spec.table = std::move(table);
  spec.query = std::move(query);
  return spec;
}

std::string displayLocation(const SourceSpec& spec) {
  if (spec.kind == SourceKind::Sqlite) return spec.location;
  // user:password@ -> user@, and password=... among the parameters goes away.
  static const std::regex userInfo(R"(^(postgres(?:ql)?://[^:@/?]*):[^@/?]*@)");
  static const std::regex passwordParam(R"(([?&])password=[^&]*&?)");
  std::string out = std::regex_replace(spec.location, userInfo, "$1@");
  out = std::regex_replace(out, passwordParam, "$1");
  while (!out.empty() && (out.back() == '&' || out.back() == '?')) out.pop_back();
  return out;
}

std::string quoteQualifiedName(std::string_view name) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    const auto dot = name.find('.', start);
    out += quoteIdentifier(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
    if (dot == std::string_view::npos) break;
    out += '.';
    start = dot + 1;
  }
  return out;
}

std::string effectiveQuery(const SourceSpec& spec) {
  return spec.query.empty() ? "SELECT * FROM " + quoteQualifiedName(spec.table) : spec.query;
}

SourceSpec randomSample(const SourceSpec& source, std::size_t rows, double seed) {
  const std::string from = "(" + effectiveQuery(source) + ") AS src";
  const std::string limit = " ORDER BY random() LIMIT " + std::to_string(rows);
  SourceSpec drawn = source;
  drawn.table.clear();
  if (source.kind == SourceKind::Sqlite) {
    drawn.query = "SELECT src.* FROM " + from + limit;
  } else {
    // The one-row seed relation is joined in, so setseed runs before the first random() of the sort.
    drawn.query = "SELECT src.* FROM " + from + ", (SELECT setseed(" + data::formatNumber(seed) + ")) AS seed" + limit;
  }
  return drawn;
}

}  // namespace causeway::database
