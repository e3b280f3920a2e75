// The data workspace's state without widgets: readiness and why, stale results dropped, column
// choices that no longer fit, and one shared graph snapshot per change.
#include <QTest>

#include "causeway/data/CsvReader.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/ui/estimation/BalanceTableModel.hpp"
#include "causeway/ui/estimation/ChartFeeds.hpp"
#include "causeway/ui/estimation/EstimationJob.hpp"
#include "causeway/ui/estimation/WorkspaceState.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

std::shared_ptr<const graph::CausalGraph> model(const char* text) {
  return std::make_shared<const graph::CausalGraph>(graph::parseDagitty(text).value());
}

LoadedData csv(const char* text) {
  LoadedData loaded;
  loaded.dataset = std::make_shared<const data::Dataset>(data::readCsvString(text).value());
  loaded.path = QStringLiteral("test.csv");
  return loaded;
}

// X <- A -> C -> Y: {A} and {C} both identify the effect.
constexpr const char* kTwoSets = "dag { X [exposure] Y [outcome] A -> X A -> C C -> Y X -> Y }";

AdjustmentQuestion twoSets() {
  AdjustmentQuestion q;
  q.exposure = "X";
  q.outcome = "Y";
  q.options = {{AdjustmentOption::Kind::Minimal, "minimal 1", "minimal 1 {A}", {"A"}},
               {AdjustmentOption::Kind::Minimal, "minimal 2", "minimal 2 {C}", {"C"}}};
  return q;
}

}  // namespace

class WorkspaceStateTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void needsDataThenAQuestionThenColumns() {
    WorkspaceState state;
    state.setGraph(model(kTwoSets));
    QVERIFY(!state.readiness(std::nullopt).ready);
    QCOMPARE(state.readiness(std::nullopt).why, std::string("Load data to estimate the effect."));

    state.setData(csv("X,Y,C\n0,1,2\n1,3,4\n0,2,1\n1,5,3\n"));
    (void)state.remap();
    AdjustmentQuestion broken;
    broken.problem = "Mark one exposure (treatment) and one outcome in the graph.";
    QVERIFY(state.setQuestion(broken, state.graphRevision()));
    QCOMPARE(state.readiness(std::nullopt).why, broken.problem);

    QVERIFY(state.setQuestion(twoSets(), state.graphRevision()));
    // Automatic: {C} is measured, so the study can run although A has no column.
    QVERIFY(state.readiness(std::nullopt).ready);
    // The user's own set {A} cannot: A has no column, and the message names it.
    const Readiness chosen = state.readiness(std::vector<std::string>{"A"});
    QVERIFY(!chosen.ready);
    QVERIFY(chosen.why.starts_with("No data column for A:"));
  }

  void automaticNeedsOneMeasuredSet() {
    WorkspaceState state;
    state.setGraph(model(kTwoSets));
    state.setData(csv("X,Y\n0,1\n1,3\n"));
    (void)state.remap();
    QVERIFY(state.setQuestion(twoSets(), state.graphRevision()));
    const Readiness r = state.readiness(std::nullopt);
    QVERIFY(!r.ready);
    QVERIFY(r.why.starts_with("No data column for A:"));  // the first offered set's missing variable
  }

  void staleResultsAreDropped() {
    WorkspaceState state;
    state.setGraph(model(kTwoSets));
    const auto before = state.revision();
    const auto graphBefore = state.graphRevision();
    state.setMappingChoices({});  // a mapping change: estimates go stale, the question does not
    QVERIFY(state.revision() > before);
    QVERIFY(!state.acceptEstimation(EstimationOutcome{}, before));
    QVERIFY(!state.estimation().has_value());
    QVERIFY(state.acceptEstimation(EstimationOutcome{}, state.revision()));
    QVERIFY(state.setQuestion(twoSets(), graphBefore));
    state.setGraph(model(kTwoSets));
    QVERIFY(!state.setQuestion(AdjustmentQuestion{}, graphBefore));
    QCOMPARE(state.question().options.size(), std::size_t{2});  // the stale one was ignored
  }

  void choicesThatNoLongerFitAreReset() {
    WorkspaceState state;
    state.setGraph(model(kTwoSets));
    state.setData(csv("X,Y,c1\n0,1,2\n1,3,4\n"));
    MappingChoices choices;
    choices.overrides = {{"A", "c1"}, {"C", "c1"}};  // two nodes on one column
    state.setMappingChoices(choices);
    const auto reset = state.remap();
    QVERIFY(reset.has_value());
    QVERIFY(reset->starts_with("Column choices reset:"));
    QVERIFY(state.choices().overrides.empty());
    QCOMPARE(state.mapping().columnFor("X"), std::optional<std::string>("X"));
  }

  // Display helpers the panels use (items 6 and 7 of issue 10).
  void factorIndicatorsReadAsLevels() {
    const std::vector<std::string> vars{"Region", "Traffic", "age", "agegroup"};
    QCOMPARE(covariateLabel("Regioneu-west", vars), QStringLiteral("Region = eu-west"));
    QCOMPARE(covariateLabel("Traffic", vars), QStringLiteral("Traffic"));
    QCOMPARE(covariateLabel("agegroup40+", vars), QStringLiteral("agegroup = 40+"));  // the longest variable
    QCOMPARE(covariateLabel("agegroup", vars), QStringLiteral("agegroup"));
    QCOMPARE(covariateLabel("income", vars), QStringLiteral("income"));
  }

  void weightAxisShowsTheMass() {
    // 99 units of weight 1 and one of 100: the axis ends at the 99th percentile (1), and the
    // outlier is counted in the last bin, so no unit is lost.
    Eigen::VectorXd treatment = Eigen::VectorXd::Zero(100), weights = Eigen::VectorXd::Ones(100);
    weights(99) = 100;
    treatment.head(50).setOnes();
    const auto h = weightHistogram(treatment, weights, 10);
    QCOMPARE(h.binEdges.back(), 1.0);
    double total = 0;
    for (double v : h.upper) total += v;
    for (double v : h.lower) total += v;
    QCOMPARE(total, 100.0);
    QCOMPARE(h.lower.back(), 50.0);  // 49 weights of 1 and the clipped 100, all controls
    QVERIFY(QString::fromStdString(h.xLabel).contains(QStringLiteral("also 1 above 1")));
    // Without outliers the axis ends at the largest weight.
    weights(99) = 1.2;
    QCOMPARE(weightHistogram(treatment, weights, 10).binEdges.back(), 1.2);
  }

  void runsShareTheGraphSnapshotAndCarryTheChoices() {
    WorkspaceState state;
    const auto graph = model(kTwoSets);
    state.setGraph(graph);
    state.setData(csv("X,Y,cee\n0,1,2\n1,3,4\n"));
    MappingChoices choices;
    choices.overrides = {{"C", "cee"}};
    state.setMappingChoices(choices);
    (void)state.remap();
    QCOMPARE(state.mapping().columnFor("C"), std::optional<std::string>("cee"));
    EstimationSettings settings;
    settings.analysis.estimand = "ATT";
    const EstimationInputs inputs = state.estimationInputs(settings);
    QCOMPARE(inputs.graph.get(), graph.get());  // the same immutable snapshot, not a copy
    QCOMPARE(inputs.dataset.get(), state.data()->dataset.get());
    QCOMPARE(inputs.columnOverrides, (std::map<std::string, std::string>{{"C", "cee"}}));
    QCOMPARE(inputs.settings.analysis.estimand, std::string("ATT"));
  }

  void nodesLeftUnmappedAreUnmeasuredInTheStudy() {
    // X <- A -> C -> Y with columns for all four: left alone, C is found by name; left unmapped,
    // it must count as unmeasured, so the only measured minimal set is {A}; with A unmapped
    // too, no valid set is measured. (Sets and measurement by the adjustment criterion, by hand.)
    std::string text = "X,Y,A,C\n";
    for (int i = 0; i < 40; ++i) {
      const int a = i % 2, x = (i / 2) % 2, c = a + (i % 5 == 0 ? 1 : 0);
      text += std::to_string(x) + "," + std::to_string(2 * x + c + (i % 3)) + "," + std::to_string(a) + "," +
              std::to_string(c) + "\n";
    }
    WorkspaceState state;
    state.setGraph(model(kTwoSets));
    state.setData(csv(text.c_str()));
    EstimationSettings settings;
    settings.analysis.methods = {"regression"};

    MappingChoices leaveC;
    leaveC.unmapped = {"C"};
    leaveC.overrides = {{"C", "C"}};  // a stale choice for the same node must not break the run
    state.setMappingChoices(leaveC);
    (void)state.remap();
    const EstimationInputs inputs = state.estimationInputs(settings);
    QCOMPARE(inputs.unmeasuredNodes, (std::set<std::string>{"C"}));
    auto run = runEstimationJob(inputs);
    QVERIFY2(run.ok(), run.ok() ? "" : run.error().message.c_str());
    QCOMPARE(run->study->adjustment.nodes, std::vector<std::string>{"A"});
    QVERIFY(!run->study->mapping.columnFor("C"));
    QCOMPARE(run->study->mapping.columnFor("A"), std::optional<std::string>("A"));

    MappingChoices leaveBoth;
    leaveBoth.unmapped = {"A", "C"};
    state.setMappingChoices(leaveBoth);
    (void)state.remap();
    auto none = runEstimationJob(state.estimationInputs(settings));
    QVERIFY(!none.ok());
    QVERIFY2(none.error().message.find("no valid adjustment set is measured") != std::string::npos,
             none.error().message.c_str());
  }
};

QTEST_GUILESS_MAIN(WorkspaceStateTest)
#include "WorkspaceStateTest.moc"
