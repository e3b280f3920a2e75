// causeway-cli report: the postmortem report of a project, headless, as HTML or PDF.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "CliSupport.hpp"
#include "DataSource.hpp"
#include "PdfOutput.hpp"
#include "RolloutStudy.hpp"
#include "causeway/data/CsvReader.hpp"
#include "causeway/database/DataSource.hpp"
#include "causeway/database/DatabaseReader.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/layout/LayeredLayout.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/report/HtmlRenderer.hpp"
#include "causeway/report/StudyReport.hpp"
#include "causeway/study/ProjectStudy.hpp"

namespace causeway::cli {

namespace {

std::string nowIso() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  return buffer;
}

// Places nodes that have no position (models typed by hand) with the layered layout.
graph::CausalGraph laidOut(graph::CausalGraph graph) {
  bool complete = true;
  for (auto id : graph.nodeIds()) complete = complete && graph.node(id).position.has_value();
  if (complete) return graph;
  layout::LayoutOptions options;
  for (auto id : graph.nodeIds())
    if (graph.node(id).position) {
      options.pinned.insert(id);
      options.current[id] = *graph.node(id).position;
    }
  for (const auto& [id, point] : layout::layeredLayout(graph, options)) graph.setPosition(id, point);
  return graph;
}

// `report` has no --exposure / --outcome: the project's model must mark exactly one of each.
Result<void> checkProjectRoles(const graph::CausalGraph& graph, const std::string& projectName, bool hasData) {
  if (graph.nodeIds().empty())
    return makeError(ErrorCode::MalformedData,
                     "the project has no model (field 'model.text' is empty); draw or paste one in Causeway and save",
                     {projectName, 0, 0, {}});
  if (!hasData) return Ok{};  // a report of the model alone needs no exposure
  for (const auto& [role, word] : {std::pair{graph::Role::Exposure, "exposure"}, std::pair{graph::Role::Outcome, "outcome"}}) {
    std::size_t count = 0;
    for (const auto id : graph.nodeIds()) count += graph.roles(id).has(role) ? 1 : 0;
    if (count != 1)
      return makeError(ErrorCode::MalformedData,
                       std::string("the project's model marks ") + std::to_string(count) + " " + word +
                           " nodes; a report needs exactly one (mark it in Causeway, or [" + word + "] in model.text)",
                       {projectName, 0, 0, {}});
  }
  return Ok{};
}

// The rows a report is computed from and their fingerprint.
struct ReportData {
  data::Dataset dataset;
  report::DataFingerprint fingerprint;
};

// DATA given on the command line (a CSV, sqlite:PATH or postgresql://... with --table/--query)
// wins over the project's own data (its database source, else its data file). A database gets
// the checksum computed in the database; a file its SHA-256.
Result<std::optional<ReportData>> reportData(const project::Project& p, const std::filesystem::path& projectPath,
                                             const po::variables_map& vm) {
  std::optional<database::SourceSpec> spec;
  std::string file;
  if (vm.count("data")) {
    const std::string data = vm["data"].as<std::string>();
    auto loaded = loadData(data, vm);
    if (!loaded) return loaded.error();
    ReportData out{std::move(loaded->dataset), {}};
    if (!database::isDatabaseLocation(data)) {
      auto print = report::fingerprintFile(data);
      if (!print) return print.error();
      out.fingerprint = *print;
      return std::optional<ReportData>(std::move(out));
    }
    auto parsed = database::parseSource(data, vm.count("table") ? vm["table"].as<std::string>() : "",
                                        vm.count("query") ? vm["query"].as<std::string>() : "");
    if (!parsed) return parsed.error();
    auto print = report::fingerprintDatabase(*parsed);
    if (!print) return print.error();
    out.fingerprint = *print;
    return std::optional<ReportData>(std::move(out));
  }
  if (const auto source = p.resolveDatabase(projectPath)) {
    auto parsed = database::parseSource(source->kind == "sqlite" ? "sqlite:" + source->location : source->location,
                                        source->table, source->query);
    if (!parsed) return parsed.error();
    auto rows = database::readDatabase(*parsed);
    if (!rows) return rows.error();
    auto print = report::fingerprintDatabase(*parsed);
    if (!print) return print.error();
    return std::optional<ReportData>(ReportData{std::move(rows).value(), *print});
  }
  if (p.dataPath.empty()) return std::optional<ReportData>();
  const auto dataPath = p.resolveDataPath(projectPath);
  auto rows = data::readCsvFile(dataPath);
  if (!rows) return rows.error();
  auto print = report::fingerprintFile(dataPath.string());
  if (!print) return print.error();
  return std::optional<ReportData>(ReportData{std::move(rows).value(), *print});
}

Result<study::StudySpec> studySpecFrom(const project::Project& p, graph::CausalGraph graph) {
  return study::studySpec(p.analysis, p.columnOverrides, std::move(graph));  // as `estimate PROJECT` and the GUI
}

}  // namespace

int runReport(const std::vector<std::string>& args, CommandIo& io) {
  CommandLine line{"report",
                   po::options_description(
                       "Usage: causeway-cli report PROJECT.causeway [DATA] -o REPORT.(html|pdf)\n\n"
                       "Writes the postmortem report of a project: the question, the model and its assumptions,\n"
                       "adjustment sets, and with data the overlap, balance, estimates, sensitivity and caveats.\n"
                       "DATA (a CSV file, sqlite:PATH or postgresql://... with --table or --query) replaces the\n"
                       "project's data; the report's data section fingerprints it (a database: server, query, rows\n"
                       "and a checksum computed in the database).\n\nOptions"),
                   {}, {}, UsageStyle::Terse};
  line.visible.add_options()("help,h", "show this help")("output,o", po::value<std::string>(), "report file (.html or .pdf)")(
      "table", po::value<std::string>(), "database DATA: read this table (schema.table allowed)")(
      "query", po::value<std::string>(), "database DATA: read the rows of this SQL query");
  line.hidden.add_options()("project", po::value<std::string>())("data", po::value<std::string>());
  line.positional.add("project", 1).add("data", 1);
  po::variables_map vm;
  if (auto done = parseCommandLine(args, line, vm, io)) return *done;
  if (!vm.count("project") || !vm.count("output")) {
    io.err << "causeway-cli report: needs a PROJECT and -o REPORT.html or REPORT.pdf (see --help)\n";
    return 2;
  }
  const std::filesystem::path projectPath = vm["project"].as<std::string>();
  const std::filesystem::path output = vm["output"].as<std::string>();
  const std::string extension = output.extension().string();
  if (extension != ".html" && extension != ".htm" && extension != ".pdf") {
    io.err << "causeway-cli report: the output must end in .html or .pdf\n";
    return 2;
  }
  if (extension == ".pdf" && !pdfOutputAvailable()) {
    io.err << "causeway-cli report: this build has no PDF writer (built without Qt); write .html instead\n";
    return 2;
  }

  auto project = project::loadProject(projectPath);
  if (!project) return reportError(io, "report", project.error());
  auto graph = graph::parseDagitty(project->modelText, projectPath.string() + " (model)");
  if (!graph) return reportError(io, "report", graph.error());
  const bool hasData = vm.count("data") || project->database || !project->dataPath.empty();
  if (auto roles = checkProjectRoles(*graph, projectPath.string(), hasData); !roles)
    return reportError(io, "report", roles.error());

  report::ReportRequest request;
  request.title = project->title.empty() ? projectPath.stem().string() : project->title;
  request.notes = project->notes;
  request.version = CAUSEWAY_VERSION;
  request.generated = nowIso();
  request.laidOutGraph = laidOut(*graph);
  request.modelText = graph::writeDagitty(*graph);

  const graph::IndexedGraph indexed(*graph);
  auto summary = identification::identify(indexed);
  if (!summary) return reportError(io, "report", summary.error());

  std::optional<study::StudyResult> study;
  std::optional<report::Section> rollout;  // a panel study: its section replaces the cross-sectional estimate
  auto data = reportData(*project, projectPath, vm);
  if (!data) return reportError(io, "report", data.error());
  if (*data) {
    request.data = (*data)->fingerprint;
    const data::Dataset& rows = (*data)->dataset;
    if (!project->rolloutJson.empty()) {
      auto section = rolloutReportSection(*project, projectPath.string(), rows, *graph);
      if (!section) return reportError(io, "report", section.error());
      rollout = std::move(section).value();
    } else {
      auto spec = studySpecFrom(*project, *graph);
      if (!spec) return reportError(io, "report", spec.error());
      auto result = study::runStudy(*spec, rows);
      if (!result) return reportError(io, "report", result.error());
      study = std::move(result).value();
    }
  }

  auto document = report::buildStudyReport(request, *summary, study ? &*study : nullptr);
  if (rollout) document.sections.push_back(std::move(*rollout));
  if (extension == ".pdf") {
    if (auto written = writePdf(document, output); !written) return reportError(io, "report", written.error());
  } else {
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    out << report::renderHtml(document);
    if (!out) return reportError(io, "report", makeError(ErrorCode::IoError, "cannot write '" + output.string() + "'"));
  }
  io.out << "Wrote " << output.string() << "\n";
  return 0;
}

}  // namespace causeway::cli
