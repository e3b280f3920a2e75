#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "causeway/data/DesignBuilder.hpp"
#include "causeway/estimation/EstimationPipeline.hpp"
#include "causeway/graph/ModelFile.hpp"
#include "causeway/ui/charts/ForestPlotView.hpp"
#include "causeway/ui/charts/LovePlotView.hpp"
#include "causeway/ui/charts/OverlapChartView.hpp"
#include "causeway/ui/charts/WeightDistributionView.hpp"
#include "causeway/ui/data/ColumnMappingModel.hpp"
#include "causeway/ui/data/ColumnMappingPanel.hpp"
#include "causeway/ui/estimation/BalanceTableModel.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/DiagnosticsPanel.hpp"
#include "causeway/ui/estimation/EstimatesModel.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"
#include "causeway/ui/estimation/ImplicationsModel.hpp"
#include "causeway/ui/estimation/ImplicationsPanel.hpp"
#include "causeway/ui/estimation/NumberFormat.hpp"
#include "causeway/ui/estimation/RefutationsModel.hpp"
#include "causeway/ui/estimation/TableRoles.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

graph::CausalGraph lalondeGraph() {
  auto g = graph::readModelFile(CAUSEWAY_EXAMPLES_DIR "/lalonde.dag");
  if (!g) qFatal("cannot read lalonde.dag");
  return std::move(g).value();
}

QString runTool(const QString& tool, const QStringList& arguments) {
  const QString program = QStandardPaths::findExecutable(tool);
  if (program.isEmpty()) return {};
  QProcess process;
  process.start(program, arguments);
  if (!process.waitForFinished(60000)) return {};
  return QString::fromUtf8(process.readAllStandardOutput());
}

std::vector<ChartSeriesInfo> seriesOf(const RebuildingChartView* view, ChartSeriesInfo::Kind kind) {
  std::vector<ChartSeriesInfo> out;
  for (auto& s : view->seriesInfo())
    if (s.kind == kind) out.push_back(s);
  return out;
}

using Kind = ChartSeriesInfo::Kind;

}  // namespace

class EstimationWorkspaceTest : public QObject {
  Q_OBJECT

 private:
  std::unique_ptr<QMainWindow> window_;
  DataWorkspace* workspace_ = nullptr;
  graph::CausalGraph graph_;

  EstimationSettingsPanel* settings() const { return workspace_->estimationPanel()->settingsPanel(); }

  // Waits until identification has filled the adjustment sets.
  bool waitForQuestion() {
    return QTest::qWaitFor([&] { return settings()->question().ok() && settings()->runButton()->isEnabled(); }, 20000);
  }

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("causeway-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("ui_estimation_tests"));
    QSettings().clear();
    graph_ = lalondeGraph();
    window_ = std::make_unique<QMainWindow>();
    workspace_ = new DataWorkspace(window_.get(), [this] { return graph_; });
    window_->resize(1400, 900);
    window_->show();
  }

  void actionsAndDocksExist() {
    QCOMPARE(workspace_->openDataAction()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    QCOMPARE(workspace_->docks().size(), 6);
    QVERIFY(window_->acceptDrops());
    QMenu file, analysis, view;
    workspace_->populateMenus(&file, &analysis, &view);
    QCOMPARE(view.actions().size(), 6);
    QVERIFY(!workspace_->runEstimationAction()->isEnabled());  // no data yet
  }

  void loadsAndMapsLalonde() {
    QSignalSpy loaded(workspace_, &DataWorkspace::dataLoaded);
    QSignalSpy mapped(workspace_, &DataWorkspace::mappingChanged);
    workspace_->openData(QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/lalonde.csv"));
    QVERIFY(loaded.wait(20000));
    QVERIFY(workspace_->data());
    QCOMPARE(workspace_->data()->dataset->rowCount(), std::size_t{614});
    QVERIFY(!mapped.isEmpty());
    const auto nodeToColumn = mapped.last().at(0).value<QHash<QString, QString>>();
    QCOMPARE(nodeToColumn.size(), 9);
    QCOMPARE(nodeToColumn.value(QStringLiteral("re78")), QStringLiteral("re78"));
    QVERIFY(mapped.last().at(1).toStringList().isEmpty());
    QCOMPARE(workspace_->mappingPanel()->mappingModel()->rowCount(), 9);
    QVERIFY(waitForQuestion());
    QCOMPARE(settings()->question().exposure, std::string("treat"));
    QCOMPARE(settings()->question().outcome, std::string("re78"));
  }

  void testsImpliedIndependencies() {
    QVERIFY(QTest::qWaitFor([&] { return workspace_->implications().has_value(); }, 30000));
    const ImplicationResults& r = *workspace_->implications();
    QVERIFY(!r.rows.empty());
    // Every Lalonde variable has a column. race (3 levels) is implied independent only of age and
    // of nodegree given {age, educ}: both meet the continuous age, so neither the partial
    // correlation (numeric or two-level x and y) nor the chi-square test (categorical or 0/1
    // variables throughout) applies, and the row says why. Every other row is tested.
    QVERIFY(r.testedCount() >= 1);
    std::size_t raceRows = 0;
    for (const auto& row : r.rows) {
      const bool race = row.test.x == "race" || row.test.y == "race";
      raceRows += race ? 1 : 0;
      if (row.tested()) {
        QVERIFY(!race);
        QVERIFY(row.result.has_value());  // Lalonde's other x and y are numeric or 0/1
        QCOMPARE(row.testName(), std::string("partial-correlation (Fisher z)"));
        continue;
      }
      qInfo("not tested: %s: %s", row.label.c_str(), row.problem.c_str());
      QVERIFY(race);
      QVERIFY(row.problem.find("'race' is categorical with 3 levels and 'age' is continuous") != std::string::npos);
    }
    QCOMPARE(raceRows, std::size_t{2});
    ImplicationsModel* model = workspace_->implicationsPanel()->implicationsModel();
    QCOMPARE(model->rowCount(), static_cast<int>(r.rows.size()));
    // The table shows the local test's numbers.
    for (int i = 0; i < model->rowCount(); ++i) {
      const auto& row = r.rows[static_cast<std::size_t>(i)];
      if (!row.tested()) {
        QVERIFY(model->index(i, ImplicationsModel::Verdict).data().toString().startsWith(QStringLiteral("not tested")));
        continue;
      }
      QCOMPARE(model->index(i, ImplicationsModel::Test).data().toString(), QStringLiteral("partial r"));
      QCOMPARE(model->index(i, ImplicationsModel::Estimate).data().toString(), formatFixed(row.result->estimate, 3));
      QCOMPARE(model->index(i, ImplicationsModel::PValue).data().toString(), formatPValue(row.result->pValue));
      QVERIFY(row.result->ciLow <= row.result->estimate && row.result->estimate <= row.result->ciHigh);
    }
    // Turning Holm off may only add failures, and the signal lists the failing pairs.
    QSignalSpy failing(workspace_, &DataWorkspace::failingIndependenciesChanged);
    const auto before = r.failingCount();
    workspace_->implicationsPanel()->holmCheckBox()->setChecked(false);
    QCOMPARE(failing.count(), 1);
    QVERIFY(workspace_->implications()->failingCount() >= before);
    using Pairs = QList<QPair<QString, QString>>;
    const auto pairs = failing.last().front().value<Pairs>();
    QCOMPARE(pairs.size(), static_cast<qsizetype>(workspace_->implications()->failingPairs().size()));
    workspace_->implicationsPanel()->holmCheckBox()->setChecked(true);
  }

  void testsCategoricalImplicationsByChiSquare() {
    // race with 0/1 variables only: the stratified Pearson chi-square. race _||_ nodegree |
    // married on Lalonde gives X2 = 19.269541 on 4 df, p = 0.00069567 (Python, from the CSV:
    // tests/cli/check-chisquare.py). age _||_ race meets a continuous variable: not tested.
    const data::Dataset& lalonde = *workspace_->data()->dataset;
    std::map<std::string, std::string> identity;
    for (const char* name : {"race", "nodegree", "married", "age", "treat"}) identity[name] = name;
    const estimation::ImpliedIndependence chi{"race", "nodegree", {"married"}};
    const estimation::ImpliedIndependence mixed{"age", "race", {}};
    const estimation::ImpliedIndependence binary{"treat", "nodegree", {"married"}};
    auto tested = testImplications(lalonde, identity, {chi, mixed, binary});
    QVERIFY(tested.ok());
    const ImplicationResults& r = *tested;
    QCOMPARE(r.rows.size(), std::size_t{3});
    const ImplicationRow& row = r.rows[0];
    QVERIFY(row.chiSquare.has_value() && !row.result.has_value());
    QCOMPARE(row.testName(), std::string("chi-square (Pearson)"));
    QVERIFY(std::abs(row.chiSquare->statistic - 19.269540874082487) < 1e-9);
    QCOMPARE(row.chiSquare->df, 4.0);
    QVERIFY(std::abs(row.pValue() - 0.0006956655294776479) < 1e-12);
    QVERIFY(!r.rows[1].tested());
    QVERIFY(r.rows[2].result.has_value());  // 0/1 variables only: partial correlation, as before

    // The same p-value from the core's function called directly on the race, nodegree and married codes.
    estimation::CategoricalColumns codes{{"race", "nodegree", "married"}, {{}, {}, {}}};
    const data::Column& race = lalonde.column(*lalonde.find("race"));
    const data::Column& nodegree = lalonde.column(*lalonde.find("nodegree"));
    const data::Column& married = lalonde.column(*lalonde.find("married"));
    for (std::size_t i = 0; i < lalonde.rowCount(); ++i) {
      codes.codes[0].push_back(race.codes()[i]);
      codes.codes[1].push_back(static_cast<std::int32_t>(nodegree.values()[i]));
      codes.codes[2].push_back(static_cast<std::int32_t>(married.values()[i]));
    }
    const auto direct = estimation::runChiSquareLocalTests(codes, {chi});
    QVERIFY(direct.ok());
    QCOMPARE(row.pValue(), direct->results.front().pValue);

    // Holm over the two tested rows (step-down, written out for two) flags it; the canvas gets its pair.
    const double a = row.pValue(), b = r.rows[2].pValue();
    const double holm = a <= b ? std::min(1.0, 2 * a) : std::max(std::min(1.0, 2 * b), a);
    QVERIFY(std::abs(row.pHolm - holm) < 1e-15);
    QVERIFY(row.fails);
    const auto pairs = r.failingPairs();
    QVERIFY(std::find(pairs.begin(), pairs.end(), std::pair<std::string, std::string>{"race", "nodegree"}) != pairs.end());
    QVERIFY(r.conventions.find("Pearson chi-square") != std::string::npos);

    // The panel's table shows the statistic, df and p-value of the chi-square row.
    ImplicationsModel model;
    model.setResults(r);
    QCOMPARE(model.index(0, ImplicationsModel::Test).data().toString(), QStringLiteral("chi-square"));
    QCOMPARE(model.index(0, ImplicationsModel::Estimate).data().toString(), formatFixed(19.269540874082487, 3));
    QCOMPARE(model.index(0, ImplicationsModel::Df).data().toString(), QStringLiteral("4"));
    QCOMPARE(model.index(0, ImplicationsModel::PValue).data().toString(), formatPValue(direct->results.front().pValue));
    QCOMPARE(model.index(0, ImplicationsModel::Verdict).data().toString(), QStringLiteral("violated"));
  }

  void ipwAttMatchesTheCorePipeline() {
    QVERIFY(settings()->selectMethod(QStringLiteral("ipw")));
    QVERIFY(settings()->selectEstimand(estimation::Estimand::ATT));
    settings()->bootstrapBox()->setValue(30);
    const EstimationSettings chosen = settings()->settings();
    QVERIFY(!chosen.analysis.adjustmentSet);  // automatic: the study picks, as the CLI does

    QSignalSpy finished(workspace_, &DataWorkspace::estimationFinished);
    workspace_->runEstimationAction()->trigger();
    QVERIFY(workspace_->isEstimating());
    QVERIFY(finished.wait(180000));
    QVERIFY(workspace_->estimation());

    // The core pipeline, called directly with the same request.
    estimation::EstimationRequest request;
    request.estimand = estimation::Estimand::ATT;
    request.methods = {estimation::Method::Ipw};
    const auto& dataset = *workspace_->data()->dataset;
    // Lalonde's one minimal set is every pre-treatment variable.
    const study::AdjustmentChoice& used = workspace_->estimation()->study->adjustment;
    std::vector<std::string> sorted = used.nodes;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted, (std::vector<std::string>{"age", "educ", "married", "nodegree", "race", "re74", "re75"}));
    auto design = data::buildDesign(dataset, "treat", "re78", used.columns);
    QVERIFY(design.ok());
    auto core = estimation::runEstimation(*design, request);
    QVERIFY(core.ok());
    QCOMPARE(core->estimates.size(), std::size_t{1});
    const estimation::EffectEstimate& expected = core->estimates.front();

    EstimatesModel* estimates = workspace_->estimationPanel()->estimatesModel();
    QCOMPARE(estimates->rowCount(), 1);
    auto cell = [&](int column, int role = RawValueRole) { return estimates->index(0, column).data(role); };
    QCOMPARE(cell(EstimatesModel::Estimate).toDouble(), expected.estimate);
    QCOMPARE(cell(EstimatesModel::Se).toDouble(), expected.se);
    QCOMPARE(cell(EstimatesModel::Ci).toList().at(0).toDouble(), expected.ciLow);
    QCOMPARE(cell(EstimatesModel::Ci).toList().at(1).toDouble(), expected.ciHigh);
    QCOMPARE(cell(EstimatesModel::EValue).toDouble(), expected.eValue);
    QCOMPARE(cell(EstimatesModel::EValueCi).toDouble(), expected.eValueCi);
    QCOMPARE(cell(EstimatesModel::Estimate, Qt::DisplayRole).toString(), formatNumberSig(expected.estimate));
    QCOMPARE(cell(EstimatesModel::Ci, Qt::DisplayRole).toString(), formatIntervalSig(expected.ciLow, expected.ciHigh));
    QCOMPARE(cell(EstimatesModel::Units, Qt::DisplayRole).toString(), QStringLiteral("614 (185 T / 429 C)"));
    QVERIFY(cell(EstimatesModel::BootstrapCi).isValid());  // 30 replicates ran

    BalanceTableModel* balance = workspace_->diagnosticsPanel()->balanceModel();
    QVERIFY(core->balanceWeighted);
    const auto& table = *core->balanceWeighted;
    QCOMPARE(balance->rowCount(), static_cast<int>(table.rows.size()));
    QCOMPARE(balance->rowCount(), 8);  // age, educ, racehispan, racewhite, married, nodegree, re74, re75
    for (int i = 0; i < balance->rowCount(); ++i) {
      const auto& row = table.rows[static_cast<std::size_t>(i)];
      auto value = [&](int column) { return balance->index(i, column).data(RawValueRole).toDouble(); };
      QCOMPARE(balance->index(i, 0).data(RawValueRole).toString(), QString::fromStdString(row.name));
      QCOMPARE(value(BalanceTableModel::MeanTreated), row.unadjusted.meanTreated);
      QCOMPARE(value(BalanceTableModel::MeanControl), row.unadjusted.meanControl);
      QCOMPARE(value(BalanceTableModel::SmdBefore), row.unadjusted.smd);
      QCOMPARE(value(BalanceTableModel::MeanTreatedAfter), row.adjusted->meanTreated);
      QCOMPARE(value(BalanceTableModel::MeanControlAfter), row.adjusted->meanControl);
      QCOMPARE(value(BalanceTableModel::SmdAfter), row.adjusted->smd);
      QCOMPARE(balance->index(i, BalanceTableModel::SmdAfter).data().toString(), formatFixed(row.adjusted->smd, 3));
    }
    // The header states the conventions.
    QVERIFY(balance->caption().contains(QStringLiteral("treated group's SD")));
    QVERIFY(workspace_->diagnosticsPanel()->balanceCaption()->text().contains(QStringLiteral("ATT weights")));
    QVERIFY(workspace_->estimationPanel()->sampleLabel()->text().contains(QStringLiteral("ESS")));

    // Refutation checks ran with verdicts.
    RefutationsModel* refutations = workspace_->estimationPanel()->refutationsModel();
    QCOMPARE(refutations->rowCount(), 3);
    for (int i = 0; i < 3; ++i) {
      const QString verdict = refutations->index(i, RefutationsModel::Verdict).data().toString();
      QVERIFY(verdict == QStringLiteral("pass") || verdict == QStringLiteral("concern"));
    }
  }

  void chartsHaveTheRightSeries() {
    DiagnosticsPanel* d = workspace_->diagnosticsPanel();
    const auto& outcome = *workspace_->estimation();
    const std::size_t bins = outcome.report().overlap->histogram.edges.size() - 1;
    // Overlap: treated and control areas plus the zero line; 2 * bins + 2 step points each.
    auto areas = seriesOf(d->overlapView(), Kind::Area);
    QCOMPARE(areas.size(), std::size_t{2});
    QCOMPARE(seriesOf(d->overlapView(), Kind::Line).size(), std::size_t{1});
    QCOMPARE(areas[0].points.size(), static_cast<qsizetype>(2 * bins + 2));
    QCOMPARE(areas[1].lowerPoints.size(), static_cast<qsizetype>(2 * bins + 2));
    // The first treated bin's height is the core's density, the control one mirrored.
    QCOMPARE(areas[0].points.at(1).y(), outcome.report().overlap->histogram.treatedDensity[0]);
    QCOMPARE(areas[1].lowerPoints.at(1).y(), -outcome.report().overlap->histogram.controlDensity[0]);
    QVERIFY(d->weightedCheckBox()->isEnabled());
    d->weightedCheckBox()->setChecked(true);
    QVERIFY(d->overlapView()->showsWeighted());
    QVERIFY(d->overlapView()->title().contains(QStringLiteral("weighted")));
    QCOMPARE(seriesOf(d->overlapView(), Kind::Area).size(), std::size_t{2});
    d->weightedCheckBox()->setChecked(false);

    // Love plot: one dot per covariate before and after, and the 0.1 line.
    const auto dots = seriesOf(d->lovePlotView(), Kind::Scatter);
    QCOMPARE(dots.size(), std::size_t{2});
    QCOMPARE(dots[0].points.size(), 8);
    QCOMPARE(dots[1].points.size(), 8);
    const auto threshold = seriesOf(d->lovePlotView(), Kind::Line);
    QCOMPARE(threshold.size(), std::size_t{1});
    QCOMPARE(threshold[0].points.at(0).x(), 0.1);
    const auto& first = outcome.report().balanceWeighted->rows.front();
    QCOMPARE(dots[0].points.at(0).x(), std::abs(first.unadjusted.smd));
    QCOMPARE(dots[1].points.at(0).x(), std::abs(first.adjusted->smd));

    // Weights: treated and control areas.
    QCOMPARE(seriesOf(d->weightsView(), Kind::Area).size(), std::size_t{2});
    // Both weighted charts come from the core's per-unit scores and weights (no refit): every
    // analysed unit is counted once, and each weighted density integrates to 1.
    const auto& units = outcome.report().units;
    QCOMPARE(static_cast<std::size_t>(units.propensity.size()), outcome.report().nUsed);
    QCOMPARE(static_cast<std::size_t>(units.weights.size()), outcome.report().nUsed);
    QVERIFY(outcome.weights.has_value() && outcome.overlapWeighted.has_value());
    const auto total = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); };
    QCOMPARE(total(outcome.weights->upper), static_cast<double>(outcome.report().nTreated));
    QCOMPARE(total(outcome.weights->lower), static_cast<double>(outcome.report().nControl));
    for (const auto* side : {&outcome.overlapWeighted->upper, &outcome.overlapWeighted->lower}) {
      double mass = 0;
      for (std::size_t b = 0; b < side->size(); ++b)
        mass += (*side)[b] * (outcome.overlapWeighted->binEdges[b + 1] - outcome.overlapWeighted->binEdges[b]);
      QVERIFY(std::abs(std::abs(mass) - 1.0) < 1e-9);
    }

    // Forest: one interval per adjustment set estimated, plus the reference line.
    const auto rows = acrossSetRows(outcome);
    QVERIFY(!rows.empty());
    QCOMPARE(seriesOf(d->forestView(), Kind::Scatter).front().points.size(), static_cast<qsizetype>(rows.size()));
    QCOMPARE(seriesOf(d->forestView(), Kind::Line).size(), rows.size() + 1);
    QCOMPARE(seriesOf(d->forestView(), Kind::Scatter).front().points.at(0).x(), rows.front().estimate);
  }

  void cancelStopsARunMidBootstrap() {
    QVERIFY(settings()->selectMethod(QStringLiteral("all")));
    settings()->bootstrapBox()->setValue(5000);
    QSignalSpy cancelled(workspace_, &DataWorkspace::estimationCancelled);
    QSignalSpy finished(workspace_, &DataWorkspace::estimationFinished);
    workspace_->runEstimation();
    QVERIFY(workspace_->isEstimating());
    QVERIFY(workspace_->cancelEstimationAction()->isEnabled());
    // The bootstrap starts at 40% of the run.
    QVERIFY(QTest::qWaitFor([&] { return settings()->progressBar()->value() > 420; }, 120000));
    QVERIFY(workspace_->isEstimating());
    QElapsedTimer timer;
    timer.start();
    workspace_->cancelEstimationAction()->trigger();
    QVERIFY(cancelled.wait(30000));
    qInfo("cancel took effect after %lld ms", timer.elapsed());
    QCOMPARE(finished.count(), 0);
    QVERIFY(!workspace_->isEstimating());
    QVERIFY(settings()->runButton()->isEnabled());
    QVERIFY(!settings()->cancelButton()->isVisible());
    QVERIFY(!workspace_->cancelEstimationAction()->isEnabled());
    // The previous estimate is still shown.
    QCOMPARE(workspace_->estimationPanel()->estimatesModel()->rowCount(), 1);
    settings()->bootstrapBox()->setValue(30);
    QVERIFY(settings()->selectMethod(QStringLiteral("ipw")));
  }

  void exportsHtmlAndPdf() {
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIntValue("CAUSEWAY_KEEP_TEST_OUTPUT") == 0);
    const auto& estimate = workspace_->estimation()->report().estimates.front();
    // The report (the core's study report) prints the estimate with its own rounding; its
    // integer part is common to every rounding.
    const QString shown = QString::number(std::trunc(estimate.estimate), 'f', 0);
    QVERIFY(shown.size() >= 3);

    const QString html = dir.filePath(QStringLiteral("lalonde-report.html"));
    QSignalSpy exported(workspace_, &DataWorkspace::reportExported);
    workspace_->exportReportTo(html);
    QVERIFY(exported.wait(60000));
    QFile htmlFile(html);
    QVERIFY(htmlFile.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(htmlFile.readAll());
    QVERIFY(text.contains(shown));
    QVERIFY(text.contains(QStringLiteral("Desktop session")));
    // Graph, overlap (unweighted and weighted), love plot, forest, weights.
    QVERIFY2(text.count(QStringLiteral("<svg")) >= 5, qPrintable(QString::number(text.count(QStringLiteral("<svg")))));
    QVERIFY(text.contains(QStringLiteral("treated-group SD")));  // the balance conventions

    const QString pdf = dir.filePath(QStringLiteral("lalonde-report.pdf"));
    workspace_->exportReportTo(pdf);
    QVERIFY(exported.wait(120000));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    QVERIFY(pdfFile.size() > 50000);
    if (!dir.autoRemove()) qInfo("reports kept in %s", qPrintable(dir.path()));
    // Read back with poppler (packaging/install-deps.sh installs it); without it, a visible skip.
    for (const char* tool : {"pdftotext", "pdfimages"})
      if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
        QSKIP(qPrintable(QStringLiteral("%1 (poppler-utils) is not installed: the PDF's text and images are not "
                                        "checked").arg(QLatin1String(tool))));
    const QString pdfText = runTool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY2(!pdfText.isNull(), "pdftotext did not finish");
    QVERIFY(pdfText.contains(shown));
    QVERIFY(pdfText.contains(QStringLiteral("page 1 of")));
    const QString images = runTool(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
    QVERIFY2(!images.isNull(), "pdfimages did not finish");
    QVERIFY(images.split(QLatin1Char('\n')).filter(QStringLiteral("image")).size() >= 5);
  }

  void graphEditsUpdateMappingAndDropStaleness() {
    QSignalSpy mapped(workspace_, &DataWorkspace::mappingChanged);
    const auto id = graph_.addNode("motivation");
    QVERIFY(id.ok());
    QVERIFY(graph_.addEdge(*id, *graph_.findNode("treat")).ok());
    QVERIFY(graph_.addEdge(*id, *graph_.findNode("re78")).ok());
    workspace_->graphChanged();
    QVERIFY(!mapped.isEmpty());
    QCOMPARE(mapped.last().at(1).toStringList(), QStringList{QStringLiteral("motivation")});
    // Now every valid set needs the unmeasured confounder: estimation is not ready.
    QVERIFY(QTest::qWaitFor([&] { return !workspace_->runEstimationAction()->isEnabled(); }, 20000));
  }

  void cleanupTestCase() {
    delete workspace_;
    window_.reset();
  }
};

QTEST_MAIN(EstimationWorkspaceTest)
#include "EstimationWorkspaceTest.moc"
