// causeway-cli rollout: staggered difference-in-differences and the event study on panel
// telemetry (issue 14). The work is core/panel's runRollout; this parses options, picks the
// covariates (given, or the model's adjustment set) and prints text or JSON.
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <utility>
#include <ostream>
#include <string>
#include <vector>

#include "CliSupport.hpp"
#include "RolloutStudy.hpp"
#include "causeway/data/CsvReader.hpp"
#include "causeway/graph/IndexedGraph.hpp"
#include "causeway/identification/Adjustment.hpp"
#include "causeway/identification/NodeSet.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/panel/RolloutAnswer.hpp"
#include "causeway/panel/RolloutJson.hpp"
#include "causeway/panel/RolloutSettings.hpp"
#include "causeway/project/Project.hpp"
#include "causeway/report/RolloutSection.hpp"

namespace causeway::cli {

namespace {

const char* kUsage =
    "Usage: causeway-cli rollout DATA --unit COL --time COL (--cohort COL | --treated COL) --outcome COL [options]\n"
    "       causeway-cli rollout PROJECT.causeway [options]   (its rollout study; options override it)\n\n"
    "Staggered difference-in-differences (Callaway & Sant'Anna 2021) on long-format panel DATA: one row per\n"
    "unit and period. ATT(g,t) for every cohort and period, their aggregations, the event study with a\n"
    "uniform band, the pre-trend test and the two-way fixed-effects regression for comparison.\n\nOptions";

// The first minimal adjustment set of the model's exposure -> outcome effect whose nodes are all
// columns of the data: the covariates that make parallel trends plausible.
Result<std::vector<std::string>> covariatesFromModel(const graph::CausalGraph& model, const data::Dataset& data,
                                                     std::string& reason) {
  const graph::IndexedGraph g(model);
  const auto x = g.withRole(graph::Role::Exposure);
  const auto y = g.withRole(graph::Role::Outcome);
  if (x.empty() || y.empty())
    return makeError(ErrorCode::InvalidArgument, "the model must mark the rollout as exposure and the metric as outcome");
  const auto sets = identification::listMinimalAdjustmentSets(g, x, y);
  if (sets.empty())
    return makeError(ErrorCode::InvalidArgument, "the model admits no adjustment set for the rollout's effect on the outcome");
  for (const auto& set : sets) {
    const auto names = identification::sortedNames(g, set);
    bool measured = true;
    for (const auto& name : names) measured = measured && data.find(name).ok();
    if (!measured) continue;
    reason = names.empty() ? "the model needs no covariates" : "the model's adjustment set " + identification::formatSet(g, set);
    return names;
  }
  return makeError(ErrorCode::MissingData, "no minimal adjustment set of the model has all its variables in the data (first: " +
                                               identification::formatSet(g, sets.front()) + ")");
}

std::string number(double value) { return fixed(value, 3); }

std::string interval(const panel::Effect& e) {
  return number(e.att) + " (95% CI " + number(e.ciLow) + " to " + number(e.ciHigh) + ")";
}

// The answer and its verdict first, as `estimate` prints them.
void printAnswer(std::ostream& out, const panel::RolloutAnswer& answer) {
  std::string level = panel::toString(answer.level);
  for (auto& c : level) c = c == '-' ? ' ' : c;
  out << answer.sentence << "\nVerdict: " << level << "\n";
  for (const auto& c : answer.checks)
    out << "  [" << panel::toString(c.status) << "] " << c.name << ": " << c.explanation << "\n";
  out << "\n";
}

void printText(std::ostream& out, const panel::RolloutResult& r, const panel::Panel& p, const std::string& covariateReason) {
  out << "Rollout: " << p.units() << " units, " << p.periods() << " periods, " << r.groupTime.cohorts.size() << " cohorts (";
  for (std::size_t s = 0; s < r.groupTime.cohorts.size(); ++s)
    out << (s ? ", " : "") << p.periodLabel(r.groupTime.cohorts[s]);
  out << ")\nComparison: " << panel::toString(r.options.groupTime.control) << " units; ";
  if (p.covariateNames.empty()) out << "no covariates\n";
  else out << panel::toString(r.options.groupTime.estimator) << " on " << covariateReason << "\n";
  const auto& a = r.aggregates;
  out << "\nAverage effect after the rollout (simple): " << interval(a.simple) << "\n"
      << "  by cohort:        " << interval(a.group) << "\n"
      << "  by calendar time: " << interval(a.calendar) << "\n"
      << "  by event time:    " << interval(a.dynamic) << "\n";
  if (r.preTrend) {
    out << "Pre-trend test: " << r.preTrend->description << ": W = " << number(r.preTrend->statistic) << ", p = "
        << fixed(r.preTrend->pValue, 4) << " (F(" << r.preTrend->df << ", " << r.preTrend->denominatorDf << "))"
        << (r.preTrend->pValue < 0.05 ? " (parallel trends rejected)\n" : " (no evidence against parallel trends)\n");
  }
  out << "\nEvent study (" << (r.bootstrap ? "band: uniform, multiplier bootstrap" : "band: pointwise") << ")\n";
  out << "  e        att       se     ci_low    ci_high   band_low  band_high\n";
  for (const auto& e : a.eventStudy) {
    char line[160];
    std::snprintf(line, sizeof line, "%4d %10.4f %8.4f %10.4f %10.4f %10.4f %10.4f\n", e.eventTime, e.effect.att, e.effect.se,
                  e.effect.ciLow, e.effect.ciHigh, e.bandLow, e.bandHigh);
    out << line;
  }
  if (r.twfe) out << "\nTWFE static coefficient (comparison): " << number(r.twfe->staticEstimate) << "\n";
  for (const auto& w : r.warnings) out << "warning: " << w << "\n";
}

// Options given on the command line override the project's settings (or the defaults).
void applyOptions(const po::variables_map& vm, panel::RolloutSettings& s) {
  const auto given = [&](const char* key) { return vm.count(key) != 0 && !vm[key].defaulted(); };
  for (auto [key, field] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"unit", &s.unit}, {"time", &s.time}, {"outcome", &s.outcome}, {"control", &s.control},
           {"method", &s.method}, {"period", &s.period}, {"aggregate", &s.aggregate}})
    if (given(key)) *field = vm[key].as<std::string>();
  if (given("cohort")) {
    s.cohort = vm["cohort"].as<std::string>();
    s.treated.clear();
  }
  if (given("treated")) {
    s.treated = vm["treated"].as<std::string>();
    if (!given("cohort")) s.cohort.clear();
  }
  if (given("covariates")) {
    s.covariates = splitList({vm["covariates"].as<std::string>()});
    s.covariatesFromModel = false;
  }
  if (given("model")) s.covariatesFromModel = true;
  if (given("anticipation")) s.anticipation = vm["anticipation"].as<int>();
  if (given("balance")) s.balance = vm["balance"].as<int>();
  if (given("bootstrap")) s.bootstrap = vm["bootstrap"].as<int>();
  if (given("seed")) s.seed = vm["seed"].as<std::uint64_t>();
}

bool isProject(const std::string& path) {
  return path.size() > 9 && path.compare(path.size() - 9, 9, ".causeway") == 0;
}

}  // namespace

Result<RolloutRun> runRolloutStudy(const panel::RolloutSettings& settings, const data::Dataset& data,
                                   const std::optional<graph::CausalGraph>& model, unsigned threads) {
  auto plan = panel::planRollout(settings);
  if (!plan) return plan.error();
  plan->options.groupTime.threads = threads;
  RolloutRun run;
  run.covariateSource = settings.covariates.empty() ? "no covariates" : "the given covariates";
  if (settings.covariatesFromModel) {
    if (!model) return makeError(ErrorCode::InvalidArgument, "covariates from the model, but there is no model");
    auto covariates = covariatesFromModel(*model, data, run.covariateSource);
    if (!covariates) return covariates.error();
    plan->spec.covariates = std::move(covariates).value();
  }
  auto panel = panel::buildPanel(data, plan->spec);
  if (!panel) return panel.error();
  run.panel = std::move(panel).value();
  auto result = panel::runRollout(run.panel, plan->options);
  if (!result) return result.error();
  run.result = std::move(result).value();
  if (settings.covariatesFromModel) run.result.warnings.insert(run.result.warnings.begin(), "covariates: " + run.covariateSource);
  return run;
}

Result<report::Section> rolloutReportSection(const project::Project& project, const std::string& projectName,
                                             const data::Dataset& data, const graph::CausalGraph& model) {
  const auto object = nlohmann::json::parse(project.rolloutJson, nullptr, /*allow_exceptions=*/false);
  auto settings = panel::rolloutSettingsFromJson(object, projectName);
  if (!settings) return settings.error();
  auto run = runRolloutStudy(*settings, data, model);
  if (!run) return run.error();
  return report::rolloutSection(run->result, run->panel, settings->outcome, run->covariateSource);
}

int runRollout(const std::vector<std::string>& args, CommandIo& io) {
  CommandLine line{"rollout", po::options_description(kUsage), {}, {}, UsageStyle::Terse};
  line.visible.add_options()
      ("help,h", "show this help")
      ("unit", po::value<std::string>(), "unit id column (host, region, ...)")
      ("time", po::value<std::string>(), "time column: integer periods, dates or timestamps")
      ("cohort", po::value<std::string>(), "first treated period per unit (0 or empty: never treated)")
      ("treated", po::value<std::string>(), "0/1 column: treated in this period (absorbing)")
      ("outcome", po::value<std::string>(), "outcome column (the metric)")
      ("model", po::value<std::string>(), "causal model: covariates = its adjustment set for exposure -> outcome")
      ("covariates", po::value<std::string>(), "covariate columns \"A,B\" (taken at each comparison's base period)")
      ("control", po::value<std::string>()->default_value("never-treated"), "never-treated or not-yet-treated")
      ("method", po::value<std::string>()->default_value("dr"), "with covariates: regression, ipw or dr")
      ("anticipation", po::value<int>()->default_value(0), "periods of anticipation before the rollout")
      ("period", po::value<std::string>(), "bin timestamps into periods: 30s, 5min, 1h, 1d, ...")
      ("aggregate", po::value<std::string>(), "combine duplicate (unit, period) rows: mean or sum")
      ("balance", po::value<int>(), "event study on cohorts observed for event times 0..E only")
      ("bootstrap", po::value<int>()->default_value(999), "multiplier bootstrap draws for the uniform band (0: none)")
      ("seed", po::value<std::uint64_t>()->default_value(1), "bootstrap seed")
      ("threads", po::value<unsigned>()->default_value(0), "worker threads (0: all cores)")
      ("json", "print JSON (documented in the README)");
  line.hidden.add_options()("data", po::value<std::string>());
  line.positional.add("data", 1);
  po::variables_map vm;
  if (auto done = parseCommandLine(args, line, vm, io)) return *done;
  const auto usage = [&](const std::string& message) {
    io.err << "causeway-cli rollout: " << message << "\n";
    return 2;
  };
  if (!vm.count("data")) return usage("needs a DATA file or a PROJECT.causeway with a rollout study (see --help)");
  if (vm.count("model") && vm.count("covariates")) return usage("give --model or --covariates, not both");
  if (vm.count("cohort") && vm.count("treated")) return usage("give exactly one of --cohort and --treated");

  // A project brings the data file, the model and the study's settings.
  panel::RolloutSettings settings;
  std::string dataPath = vm["data"].as<std::string>();
  std::optional<graph::CausalGraph> model;
  if (isProject(dataPath)) {
    auto project = project::loadProject(dataPath);
    if (!project) return reportError(io, "rollout", project.error());
    if (project->rolloutJson.empty())
      return reportError(io, "rollout", makeError(ErrorCode::InvalidArgument, "the project has no rollout study", {dataPath, 0, 0, {}}));
    auto stored = panel::rolloutSettingsFromJson(nlohmann::json::parse(project->rolloutJson), dataPath);
    if (!stored) return reportError(io, "rollout", stored.error());
    settings = std::move(stored).value();
    if (!project->modelText.empty()) {
      auto parsed = graph::parseModel(project->modelText, dataPath);
      if (!parsed) return reportError(io, "rollout", parsed.error());
      model = std::move(parsed).value();
    }
    dataPath = project->resolveDataPath(dataPath).string();
  } else {
    for (const char* required : {"unit", "time", "outcome"})
      if (!vm.count(required)) return usage(std::string("--") + required + " is required");
    if (!vm.count("cohort") && !vm.count("treated")) return usage("give exactly one of --cohort and --treated");
  }
  applyOptions(vm, settings);
  if (auto plan = panel::planRollout(settings); !plan) return usage(plan.error().message);
  if (vm.count("model")) {
    auto read = readModel(vm["model"].as<std::string>(), io);
    if (!read) return reportError(io, "rollout", read.error());
    model = std::move(read).value();
  }
  auto data = data::readCsvFile(dataPath);
  if (!data) return reportError(io, "rollout", data.error());
  auto run = runRolloutStudy(settings, *data, model, vm["threads"].as<unsigned>());
  if (!run) return reportError(io, "rollout", run.error());
  const auto& result = run->result;
  const auto& panel = run->panel;
  const auto answer = panel::answerRollout(result, panel, settings.outcome);
  if (vm.count("json")) {
    auto out = panel::rolloutJson(result, panel);
    out.update(panel::rolloutAnswerJson(answer));
    io.out << out.dump(2) << "\n";
  } else {
    printAnswer(io.out, answer);
    printText(io.out, result, panel, run->covariateSource);
  }
  return 0;
}

}  // namespace causeway::cli
