// causeway-cli report: the postmortem report of a project, headless, as HTML or PDF.
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "CliSupport.hpp"
#include "PdfOutput.hpp"
#include "causeway/data/CsvReader.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/layout/LayeredLayout.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/report/HtmlRenderer.hpp"
#include "causeway/report/StudyReport.hpp"

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

Result<study::StudySpec> studySpecFrom(const project::Project& p, graph::CausalGraph graph) {
  study::StudySpec spec;
  spec.graph = std::move(graph);
  spec.adjustmentSet = p.analysis.adjustmentSet;
  spec.columnOverrides = p.columnOverrides;
  auto estimand = estimation::parseEstimand(p.analysis.estimand);
  if (!estimand)
    return makeError(ErrorCode::MalformedData, "project field 'analysis.estimand' has an unknown estimand '" +
                                                   p.analysis.estimand + "' (expected ATE, ATT, ATC or ATO)");
  spec.request.estimand = *estimand;
  spec.request.methods.clear();
  for (const auto& name : p.analysis.methods) {
    auto method = estimation::parseMethod(name);
    if (!method) return makeError(ErrorCode::MalformedData, "project field 'analysis.methods' has an unknown method '" + name + "'");
    spec.request.methods.push_back(*method);
  }
  spec.request.bootstrapReplicates = p.analysis.bootstrap;
  spec.request.seed = p.analysis.seed;
  if (p.analysis.trim) spec.request.trim = estimation::PropensityTrim{p.analysis.trim->first, p.analysis.trim->second};
  spec.request.refute = true;
  return spec;
}

}  // namespace

int runReport(const std::vector<std::string>& args, CommandIo& io) {
  CommandLine line{"report",
                   po::options_description(
                       "Usage: causeway-cli report PROJECT.causeway -o REPORT.(html|pdf)\n\n"
                       "Writes the postmortem report of a project: the question, the model and its assumptions,\n"
                       "adjustment sets, and with data the overlap, balance, estimates, sensitivity and caveats.\n\nOptions"),
                   {}, {}, UsageStyle::Terse};
  line.visible.add_options()("help,h", "show this help")("output,o", po::value<std::string>(), "report file (.html or .pdf)");
  line.hidden.add_options()("project", po::value<std::string>());
  line.positional.add("project", 1);
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
  if (!project->dataPath.empty()) {
    const auto dataPath = project->resolveDataPath(projectPath);
    auto data = data::readCsvFile(dataPath);
    if (!data) return reportError(io, "report", data.error());
    auto fingerprint = report::fingerprintFile(dataPath.string());
    if (!fingerprint) return reportError(io, "report", fingerprint.error());
    request.data = *fingerprint;
    auto spec = studySpecFrom(*project, *graph);
    if (!spec) return reportError(io, "report", spec.error());
    auto result = study::runStudy(*spec, *data);
    if (!result) return reportError(io, "report", result.error());
    study = std::move(result).value();
  }

  const auto document = report::buildStudyReport(request, *summary, study ? &*study : nullptr);
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
