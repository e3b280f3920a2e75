#include "causeway/project/Project.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
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

}  // namespace

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
  if (doc.value("format", std::string()) != kFormatName)
    return makeError(ErrorCode::MalformedData, "not a Causeway project (missing \"format\": \"causeway-project\")",
                     {std::string(sourceName), 0, 0, {}});
  const auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer())
    return invalid(sourceName, "version", "must be a whole number");
  if (version->get<int>() > Project::kFormatVersion)
    return makeError(ErrorCode::UnsupportedSyntax,
                     "this project was written by a newer Causeway (format version " + std::to_string(version->get<int>()) +
                         "; this version reads up to " + std::to_string(Project::kFormatVersion) + ")",
                     {std::string(sourceName), 0, 0, {}});
  Project p;
  try {
    p.title = doc.value("title", std::string());
    // "model" is {"syntax": "dagitty", "text": "..."} (also written by the GUI); a plain string is accepted too.
    if (auto model = doc.find("model"); model != doc.end()) {
      if (model->is_string()) {
        p.modelText = model->get<std::string>();
      } else if (model->is_object()) {
        if (model->value("syntax", std::string("dagitty")) != "dagitty")
          return invalid(sourceName, "model.syntax", "must be \"dagitty\"");
        p.modelText = model->value("text", std::string());
      } else {
        return invalid(sourceName, "model", "must hold the model text");
      }
    }
    p.notes = doc.value("notes", std::string());
    if (auto data = doc.find("data"); data != doc.end() && !data->is_null()) {
      if (!data->is_object()) return invalid(sourceName, "data", "must be an object");
      p.dataPath = data->value("path", std::string());
      if (auto overrides = data->find("columnOverrides"); overrides != data->end())
        p.columnOverrides = overrides->get<std::map<std::string, std::string>>();
    }
    if (auto a = doc.find("analysis"); a != doc.end() && !a->is_null()) {
      if (!a->is_object()) return invalid(sourceName, "analysis", "must be an object");
      p.analysis.estimand = a->value("estimand", p.analysis.estimand);
      if (auto m = a->find("methods"); m != a->end()) p.analysis.methods = m->get<std::vector<std::string>>();
      if (auto s = a->find("adjustmentSet"); s != a->end() && !s->is_null())
        p.analysis.adjustmentSet = s->get<std::vector<std::string>>();
      if (auto b = a->find("bootstrap"); b != a->end()) {
        if (!b->is_number_integer() || b->get<std::int64_t>() < 0 || b->get<std::int64_t>() > 1'000'000)
          return invalid(sourceName, "analysis.bootstrap", "must be a whole number from 0 to 1000000");
        p.analysis.bootstrap = b->get<int>();
      }
      if (auto s = a->find("seed"); s != a->end()) {
        if (!s->is_number_unsigned()) return invalid(sourceName, "analysis.seed", "must be a whole number of 0 or more");
        p.analysis.seed = s->get<std::uint64_t>();
      }
      if (auto t = a->find("trim"); t != a->end() && !t->is_null()) {
        auto bounds = t->get<std::vector<double>>();
        if (bounds.size() != 2 || !(bounds[0] >= 0 && bounds[0] < bounds[1] && bounds[1] <= 1))
          return invalid(sourceName, "analysis.trim", "must be two propensity bounds [low, high] with 0 <= low < high <= 1");
        p.analysis.trim = std::pair{bounds[0], bounds[1]};
      }
    }
    if (auto view = doc.find("view"); view != doc.end()) p.viewStateJson = view->dump();
  } catch (const json::exception& e) {
    // A field of the wrong type (e.g. "bootstrap": "many").
    return makeError(ErrorCode::MalformedData, std::string("a project field has the wrong type: ") + e.what(),
                     {std::string(sourceName), 0, 0, {}});
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
  doc["data"] = data;
  json a;
  a["estimand"] = p.analysis.estimand;
  a["methods"] = p.analysis.methods;
  a["adjustmentSet"] = p.analysis.adjustmentSet ? json(*p.analysis.adjustmentSet) : json(nullptr);
  a["bootstrap"] = p.analysis.bootstrap;
  a["seed"] = p.analysis.seed;
  a["trim"] = p.analysis.trim ? json::array({p.analysis.trim->first, p.analysis.trim->second}) : json(nullptr);
  doc["analysis"] = a;
  doc["notes"] = p.notes;
  doc["view"] = json::parse(p.viewStateJson.empty() ? "{}" : p.viewStateJson, nullptr, /*allow_exceptions=*/false);
  if (doc["view"].is_discarded()) doc["view"] = json::object();
  return doc.dump(2) + "\n";
}

Result<Project> loadProject(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return makeError(ErrorCode::IoError, "cannot open project '" + path.string() + "'", {path.string(), 0, 0, {}});
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
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
