#include "causeway/project/Project.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <regex>
#include <system_error>

#include <nlohmann/json.hpp>

namespace causeway::project {

namespace {

using nlohmann::json;

constexpr const char* kFormatName = "causeway-project";

// 1-based line and column of a byte offset, for parse errors.
std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t offset) {
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

Error invalid(std::string_view source, const std::string& field, const std::string& message) {
  return makeError(ErrorCode::MalformedData, "project field '" + field + "' " + message, {std::string(source), 0, 0, field});
}

// Every field is checked for its type before it is read: a wrong type is an error naming the
// field, never nlohmann's type_error.
class FieldReader {
 public:
  explicit FieldReader(std::string_view source) : source_(source) {}

  [[nodiscard]] Error wrongType(const std::string& field, const json& value, const char* expected) const {
    return invalid(source_, field, std::string("must be ") + expected + " (it is " + describe(value) + ")");
  }

  // Absent or null leaves `out` as it is.
  Result<void> string(const json& object, const char* key, const std::string& field, std::string& out) const {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return Ok{};
    if (!it->is_string()) return wrongType(field, *it, "a string");
    out = it->get<std::string>();
    return Ok{};
  }

  Result<void> strings(const json& value, const std::string& field, std::vector<std::string>& out) const {
    if (!value.is_array()) return wrongType(field, value, "a list of strings");
    std::vector<std::string> items;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (!value[i].is_string()) return wrongType(field + "[" + std::to_string(i) + "]", value[i], "a string");
      items.push_back(value[i].get<std::string>());
    }
    out = std::move(items);
    return Ok{};
  }

  Result<void> stringMap(const json& value, const std::string& field, std::map<std::string, std::string>& out) const {
    if (!value.is_object()) return wrongType(field, value, "an object of strings");
    for (const auto& [key, item] : value.items()) {
      if (!item.is_string()) return wrongType(field + "." + key, item, "a string");
      out[key] = item.get<std::string>();
    }
    return Ok{};
  }

  [[nodiscard]] std::string_view source() const { return source_; }

 private:
  static std::string describe(const json& value) {
    if (value.is_string()) return "the string \"" + value.get<std::string>().substr(0, 40) + "\"";
    if (value.is_number()) return "the number " + value.dump();
    return std::string(value.is_object() || value.is_array() ? "an " : "a ") + value.type_name();
  }

  std::string_view source_;
};

Result<void> readModel(const json& doc, const FieldReader& fields, std::string_view source, Project& p) {
  // "model" is {"syntax": "dagitty", "text": "..."} (also written by the GUI); a plain string is accepted too.
  const auto model = doc.find("model");
  if (model == doc.end() || model->is_null()) return Ok{};
  if (model->is_string()) {
    p.modelText = model->get<std::string>();
    return Ok{};
  }
  if (!model->is_object()) return fields.wrongType("model", *model, "an object or the model text");
  std::string syntax = "dagitty";
  if (auto read = fields.string(*model, "syntax", "model.syntax", syntax); !read) return read;
  if (syntax != "dagitty") return invalid(source, "model.syntax", "must be \"dagitty\"");
  return fields.string(*model, "text", "model.text", p.modelText);
}

Result<void> readDatabaseSource(const json& value, const FieldReader& fields, Project& p) {
  if (!value.is_object()) return fields.wrongType("data.database", value, "an object");
  DatabaseSource source;
  for (const auto& [key, out] : {std::pair{"kind", &source.kind}, std::pair{"location", &source.location},
                                 std::pair{"table", &source.table}, std::pair{"query", &source.query}})
    if (auto read = fields.string(value, key, std::string("data.database.") + key, *out); !read) return read;
  if (source.kind != "sqlite" && source.kind != "postgresql")
    return invalid(fields.source(), "data.database.kind",
                   "must be \"sqlite\" or \"postgresql\" (got \"" + source.kind.substr(0, 40) + "\")");
  if (source.location.empty()) return invalid(fields.source(), "data.database.location", "must name the file or server");
  if (source.table.empty() == source.query.empty())
    return invalid(fields.source(), "data.database", "needs exactly one of \"table\" and \"query\"");
  if (auto flag = value.find("inDatabase"); flag != value.end() && !flag->is_null()) {
    if (!flag->is_boolean()) return fields.wrongType("data.database.inDatabase", *flag, "true or false");
    source.inDatabase = flag->get<bool>();
  }
  p.database = std::move(source);
  return Ok{};
}

Result<void> readData(const json& doc, const FieldReader& fields, Project& p) {
  const auto data = doc.find("data");
  if (data == doc.end() || data->is_null()) return Ok{};
  if (!data->is_object()) return fields.wrongType("data", *data, "an object");
  if (auto read = fields.string(*data, "path", "data.path", p.dataPath); !read) return read;
  if (auto source = data->find("database"); source != data->end() && !source->is_null())
    if (auto read = readDatabaseSource(*source, fields, p); !read) return read;
  const auto overrides = data->find("columnOverrides");
  if (overrides == data->end() || overrides->is_null()) return Ok{};
  return fields.stringMap(*overrides, "data.columnOverrides", p.columnOverrides);
}

// The bounds' range is checked in one place, estimation::PropensityTrim::problem(), when the
// study is built from the project (study::studySpec).
Result<void> readTrim(const json& value, const FieldReader& fields, AnalysisSettings& a) {
  const bool twoNumbers = value.is_array() && value.size() == 2 && value[0].is_number() && value[1].is_number();
  if (!twoNumbers) return fields.wrongType("analysis.trim", value, "two numbers [low, high]");
  a.trim = std::pair{value[0].get<double>(), value[1].get<double>()};
  return Ok{};
}

Result<void> readAnalysis(const json& doc, const FieldReader& fields, std::string_view source, AnalysisSettings& a) {
  const auto it = doc.find("analysis");
  if (it == doc.end() || it->is_null()) return Ok{};
  if (!it->is_object()) return fields.wrongType("analysis", *it, "an object");
  const json& o = *it;
  if (auto read = fields.string(o, "estimand", "analysis.estimand", a.estimand); !read) return read;
  if (auto m = o.find("methods"); m != o.end() && !m->is_null())
    if (auto read = fields.strings(*m, "analysis.methods", a.methods); !read) return read;
  if (auto s = o.find("adjustmentSet"); s != o.end() && !s->is_null()) {
    std::vector<std::string> set;
    if (auto read = fields.strings(*s, "analysis.adjustmentSet", set); !read) return read;
    a.adjustmentSet = std::move(set);
  }
  if (auto b = o.find("bootstrap"); b != o.end()) {
    if (!b->is_number_integer() || b->get<std::int64_t>() < 0 || b->get<std::int64_t>() > kMaxBootstrapReplicates)
      return invalid(source, "analysis.bootstrap", "must be a whole number from 0 to 1000000");
    a.bootstrap = b->get<int>();
  }
  if (auto s = o.find("seed"); s != o.end()) {
    if (!s->is_number_unsigned()) return invalid(source, "analysis.seed", "must be a whole number of 0 or more");
    a.seed = s->get<std::uint64_t>();
  }
  if (auto t = o.find("trim"); t != o.end() && !t->is_null())
    if (auto read = readTrim(*t, fields, a); !read) return read;
  if (auto v = o.find("treatedValue"); v != o.end() && !v->is_null()) {
    if (!v->is_string() || v->get<std::string>().empty())
      return fields.wrongType("analysis.treatedValue", *v, "a value of the treatment column, as text");
    a.treatedValue = v->get<std::string>();
  }
  if (auto read = fields.string(o, "matchingOrder", "analysis.matchingOrder", a.matchingOrder); !read) return read;
  if (a.matchingOrder != kMatchingOrderGreedy && a.matchingOrder != kMatchingOrderMatchIt)
    return invalid(source, "analysis.matchingOrder",
                   "must be \"greedy\" or \"matchit\" (got \"" + a.matchingOrder.substr(0, 40) + "\")");
  return Ok{};
}

Result<void> readHeader(const json& doc, const FieldReader& fields, std::string_view source) {
  const auto format = doc.find("format");
  if (format == doc.end())
    return makeError(ErrorCode::MalformedData, "not a Causeway project (missing \"format\": \"causeway-project\")",
                     {std::string(source), 0, 0, {}});
  if (!format->is_string()) return fields.wrongType("format", *format, "the string \"causeway-project\"");
  if (format->get<std::string>() != kFormatName)
    return makeError(ErrorCode::MalformedData,
                     "not a Causeway project (\"format\" is \"" + format->get<std::string>().substr(0, 40) +
                         "\", not \"causeway-project\")",
                     {std::string(source), 0, 0, {}});
  const auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer()) return invalid(source, "version", "must be a whole number");
  if (version->get<std::int64_t>() > Project::kFormatVersion)
    return makeError(ErrorCode::UnsupportedSyntax,
                     "this project was written by a newer Causeway (format version " + version->dump() +
                         "; this version reads up to " + std::to_string(Project::kFormatVersion) + ")",
                     {std::string(source), 0, 0, {}});
  return Ok{};
}

// A PostgreSQL URI without "user:password@" and "password=" (as database::displayLocation, which
// this module cannot include): a project file must never carry a password.
std::string withoutPassword(const std::string& location) {
  static const std::regex userInfo(R"(^(postgres(?:ql)?://[^:@/?]*):[^@/?]*@)");
  static const std::regex passwordParam(R"(([?&])password=[^&]*&?)");
  std::string out = std::regex_replace(location, userInfo, "$1@");
  out = std::regex_replace(out, passwordParam, "$1");
  while (!out.empty() && (out.back() == '&' || out.back() == '?')) out.pop_back();
  return out;
}

}  // namespace

std::optional<DatabaseSource> Project::resolveDatabase(const std::filesystem::path& projectFile) const {
  if (!database || database->kind != "sqlite") return database;
  DatabaseSource resolved = *database;
  const std::filesystem::path file(resolved.location);
  if (file.is_relative()) resolved.location = (projectFile.parent_path() / file).string();
  return resolved;
}

std::filesystem::path Project::resolveDataPath(const std::filesystem::path& projectFile) const {
  if (dataPath.empty()) return {};
  std::filesystem::path data(dataPath);
  if (data.is_absolute()) return data;
  return projectFile.parent_path() / data;
}

Result<Project> parseProject(std::string_view text, std::string_view sourceName) {
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    // parse_error carries a byte offset; others (e.g. a number too large) do not.
    const auto* parseError = dynamic_cast<const json::parse_error*>(&e);
    const std::size_t byte = parseError && parseError->byte > 0 ? parseError->byte - 1 : 0;
    auto [line, column] = lineColumn(text, byte);
    std::string what = e.what();
    const auto cut = what.find("parse error");
    return makeError(ErrorCode::SyntaxError, "not a valid project file: " + (cut == std::string::npos ? what : what.substr(cut)),
                     {std::string(sourceName), line, column, {}});
  }
  if (!doc.is_object()) return invalid(sourceName, "(top level)", "must be a JSON object");
  const FieldReader fields(sourceName);
  if (auto header = readHeader(doc, fields, sourceName); !header) return header.error();
  Project p;
  if (auto read = fields.string(doc, "title", "title", p.title); !read) return read.error();
  if (auto read = readModel(doc, fields, sourceName, p); !read) return read.error();
  if (auto read = fields.string(doc, "notes", "notes", p.notes); !read) return read.error();
  if (auto read = readData(doc, fields, p); !read) return read.error();
  if (auto read = readAnalysis(doc, fields, sourceName, p.analysis); !read) return read.error();
  if (auto rollout = doc.find("rollout"); rollout != doc.end() && !rollout->is_null()) {
    if (!rollout->is_object()) return fields.wrongType("rollout", *rollout, "an object");
    p.rolloutJson = rollout->dump();
  }
  if (auto view = doc.find("view"); view != doc.end() && !view->is_null()) {
    if (!view->is_object()) return fields.wrongType("view", *view, "an object");
    p.viewStateJson = view->dump();
  }
  return p;
}

std::string serializeProject(const Project& p) {
  json doc;
  doc["format"] = kFormatName;
  doc["version"] = Project::kFormatVersion;
  doc["title"] = p.title;
  doc["model"] = {{"syntax", "dagitty"}, {"text", p.modelText}};
  json data;
  data["path"] = p.dataPath;
  data["columnOverrides"] = p.columnOverrides;
  if (p.database) {  // written only when set, so file-based projects save byte-identical
    json source{{"kind", p.database->kind}, {"location", withoutPassword(p.database->location)},
                {"inDatabase", p.database->inDatabase}};
    if (!p.database->table.empty()) source["table"] = p.database->table;
    else source["query"] = p.database->query;
    data["database"] = source;
  }
  doc["data"] = data;
  json a;
  a["estimand"] = p.analysis.estimand;
  a["methods"] = p.analysis.methods;
  a["adjustmentSet"] = p.analysis.adjustmentSet ? json(*p.analysis.adjustmentSet) : json(nullptr);
  a["bootstrap"] = p.analysis.bootstrap;
  a["seed"] = p.analysis.seed;
  a["trim"] = p.analysis.trim ? json::array({p.analysis.trim->first, p.analysis.trim->second}) : json(nullptr);
  if (p.analysis.treatedValue) a["treatedValue"] = *p.analysis.treatedValue;
  if (p.analysis.matchingOrder != kMatchingOrderGreedy) a["matchingOrder"] = p.analysis.matchingOrder;
  doc["analysis"] = a;
  if (!p.rolloutJson.empty()) {
    auto rollout = json::parse(p.rolloutJson, nullptr, /*allow_exceptions=*/false);
    if (rollout.is_object()) doc["rollout"] = rollout;
  }
  doc["notes"] = p.notes;
  doc["view"] = json::parse(p.viewStateJson.empty() ? "{}" : p.viewStateJson, nullptr, /*allow_exceptions=*/false);
  if (doc["view"].is_discarded()) doc["view"] = json::object();
  return doc.dump(2) + "\n";
}

Result<Project> loadProject(const std::filesystem::path& path) {
  std::error_code status;
  if (std::filesystem::is_directory(path, status))
    return makeError(ErrorCode::IoError, "cannot open project '" + path.string() + "': it is a directory",
                     {path.string(), 0, 0, {}});
  std::ifstream in(path, std::ios::binary);
  if (!in) return makeError(ErrorCode::IoError, "cannot open project '" + path.string() + "'", {path.string(), 0, 0, {}});
  std::string text;
  try {  // a read error (e.g. a special file) throws from inside the stream buffer
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::ios_base::failure& e) {
    return makeError(ErrorCode::IoError, "cannot read project '" + path.string() + "': " + e.what(),
                     {path.string(), 0, 0, {}});
  }
  return parseProject(text, path.string());
}

Result<void> saveProject(const Project& project, const std::filesystem::path& path) {
  const std::string text = serializeProject(project);
  std::filesystem::path temporary = path;
  temporary += ".saving";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out)
      return makeError(ErrorCode::IoError, "cannot write '" + temporary.string() + "' (is the folder writable?)",
                       {path.string(), 0, 0, {}});
    out << text;
    out.flush();
    if (!out) {
      out.close();
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return makeError(ErrorCode::IoError, "writing '" + path.string() + "' failed (disk full?)", {path.string(), 0, 0, {}});
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return makeError(ErrorCode::IoError, "cannot replace '" + path.string() + "': " + ec.message(), {path.string(), 0, 0, {}});
  }
  return Ok{};
}

}  // namespace causeway::project
