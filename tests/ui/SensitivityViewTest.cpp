// The Sensitivity view shows the core's sensitivity result: the robustness sentence, one bounds
// row per k, the Rosenbaum and negative-control tables, and a painted contour plot whose
// critical line is red (checked on the rendered pixels).
#include <random>

#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QTableWidget>
#include <QTest>

#include "causeway/ui/sensitivity/ContourPlotWidget.hpp"
#include "causeway/ui/sensitivity/SensitivityView.hpp"

using namespace causeway;

namespace {

data::Design smallDesign() {
  std::mt19937_64 rng(3);
  std::normal_distribution<double> normal;
  data::Design d;
  d.treatmentName = std::string("t");  // not = "t": GCC 12 warns falsely (-Wrestrict) on that
  d.outcomeName = std::string("y");
  d.covariateNames = d.covariateSources = {"a", "b"};
  const int n = 400;
  d.treatment.resize(n);
  d.outcome.resize(n);
  d.covariates.resize(n, 2);
  for (int i = 0; i < n; ++i) {
    const double a = normal(rng), b = normal(rng);
    d.treatment(i) = a + normal(rng) > 0 ? 1.0 : 0.0;
    d.outcome(i) = 0.8 * d.treatment(i) + a + 0.5 * b + normal(rng);
    d.covariates(i, 0) = a;
    d.covariates(i, 1) = b;
  }
  return d;
}

int reddish(const QImage& image) {
  int count = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) {
      const QColor c = image.pixelColor(x, y);
      count += c.red() > 150 && c.green() < 110 && c.blue() < 110 ? 1 : 0;
    }
  return count;
}

}  // namespace

class SensitivityViewTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void showsTheCoreResult() {
    study::StudySensitivity s;
    estimation::SensitivityOptions options;
    options.benchmarks = {"a"};
    options.kd = {0.25, 0.5, 1.0};  // a drives the treatment: 2 or 3 times a is impossible
    auto ols = estimation::analyzeSensitivity(smallDesign(), options);
    QVERIFY(ols.ok());
    s.ols = *ols;
    auto rosenbaum = estimation::rosenbaumBounds({3, -1, 2, 5, 4, 0, 6, -2, 7, 1});
    QVERIFY(rosenbaum.ok());
    s.rosenbaum = *rosenbaum;
    study::NegativeControlOutcome nc;
    nc.node = "N";
    nc.problem = "no column in the data";
    s.negativeControls.outcomes.push_back(nc);

    ui::SensitivityView view;
    view.resize(600, 900);
    view.setSensitivity(s);
    QVERIFY(view.sentenceLabel()->text().startsWith("A confounder explaining "));
    QCOMPARE(view.boundsTable()->rowCount(), 3);  // one row per k
    QCOMPARE(view.boundsTable()->item(0, 0)->text(), QString("a"));
    QCOMPARE(view.rosenbaumTable()->rowCount(), static_cast<int>(rosenbaum->rows.size()));
    QCOMPARE(view.controlsTable()->rowCount(), 1);
    QCOMPARE(view.controlsTable()->item(0, 3)->text(), QString("no column in the data"));
    // Caveats sit below the plot, not in the headline sentence.
    QCOMPARE(view.notesLabel()->isHidden(), ols->notes.empty());
    for (const auto& note : ols->notes) {
      QVERIFY(view.notesLabel()->text().contains(QString::fromStdString(note)));
      QVERIFY(!view.sentenceLabel()->text().contains(QString::fromStdString(note)));
    }

    ui::ContourPlotWidget* plot = view.plot();
    plot->resize(460, 400);
    QVERIFY(plot->hasPlot());
    QVERIFY(reddish(plot->grab().toImage()) > 100);  // the critical line and the benchmark diamonds
    view.plotChoice()->setCurrentIndex(2);           // extreme scenarios: the red zero line
    QVERIFY(plot->hasPlot());
    QVERIFY(reddish(plot->grab().toImage()) > 50);

    view.clear("nothing yet");
    QCOMPARE(view.sentenceLabel()->text(), QString("nothing yet"));
    QVERIFY(view.notesLabel()->isHidden());
    QVERIFY(!plot->hasPlot());
    QCOMPARE(view.boundsTable()->rowCount(), 0);
  }
};

QTEST_MAIN(SensitivityViewTest)
#include "SensitivityViewTest.moc"
