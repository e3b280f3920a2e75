// The desktop names the treated value and lets the user choose it and the matching order
// (issue 11, items 1 and 10), through the same study settings the CLI and projects use.
#include <memory>

#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "causeway/graph/ModelFile.hpp"
#include "causeway/ui/estimation/AnswerView.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"
#include "causeway/ui/estimation/EstimationPanel.hpp"
#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

// One workspace on one model, with its data loaded and the question identified.
struct Workspace {
  std::unique_ptr<QMainWindow> window = std::make_unique<QMainWindow>();
  graph::CausalGraph graph;
  DataWorkspace* workspace = nullptr;

  Workspace(const QString& model, const QString& data) {
    auto g = graph::readModelFile(model.toStdString());
    if (!g) qFatal("cannot read the model");
    graph = std::move(g).value();
    workspace = new DataWorkspace(window.get(), [this] { return graph; });
    workspace->openData(data);
  }
  EstimationSettingsPanel* settings() const { return workspace->estimationPanel()->settingsPanel(); }
  bool ready() const {
    return QTest::qWaitFor([&] { return settings()->question().ok() && settings()->runButton()->isEnabled(); }, 30000);
  }
  bool run() const {
    QSignalSpy finished(workspace, &DataWorkspace::estimationFinished);
    workspace->runEstimationAction()->trigger();
    return finished.wait(120000) && workspace->estimation().has_value();
  }
  QString treatedText() const { return workspace->estimationPanel()->answerView()->treatedLabel()->text(); }
};

}  // namespace

class TreatedValueTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void answerNamesATreatmentWrittenAsWords() {
    Workspace w(QStringLiteral(CAUSEWAY_CLI_DATA_DIR "/words-treatment.dag"),
                QStringLiteral(CAUSEWAY_CLI_DATA_DIR "/words-treatment.csv"));
    QVERIFY(w.ready());
    // The column's two words are offered besides Automatic.
    QComboBox* treated = w.settings()->treatedValueBox();
    QCOMPARE(treated->currentText(), QStringLiteral("Automatic"));
    QVERIFY(treated->findText(QStringLiteral("treated")) > 0);
    QVERIFY(treated->findText(QStringLiteral("untreated")) > 0);
    QVERIFY(w.settings()->selectMethod(QStringLiteral("difference-in-means")));
    QVERIFY(w.run());
    // The CSV has 4 rows of each word; "treated" is the known pair's treated word.
    QCOMPARE(w.treatedText(), QStringLiteral("Treated: T = treated (4 units); control: T = untreated (4 units)."));

    // Choosing the other word flips the roles.
    treated->setCurrentText(QStringLiteral("untreated"));
    QCOMPARE(w.settings()->settings().analysis.treatedValue, std::optional<std::string>("untreated"));
    QVERIFY(w.run());
    QCOMPARE(w.treatedText(), QStringLiteral("Treated: T = untreated (4 units); control: T = treated (4 units)."));
  }

  void matchItOrderGivesTheCliEstimateOnLalonde() {
    Workspace w(QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/lalonde.dag"), QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/lalonde.csv"));
    QVERIFY(w.ready());
    QVERIFY(w.settings()->selectMethod(QStringLiteral("matching")));
    QVERIFY(w.settings()->selectEstimand(estimation::Estimand::ATT));
    QComboBox* order = w.settings()->matchingOrderBox();
    QCOMPARE(order->currentData().toString(), QStringLiteral("greedy"));  // the default
    order->setCurrentIndex(order->findData(QStringLiteral("matchit")));
    QVERIFY(w.run());
    // `causeway-cli estimate lalonde.dag lalonde.csv --estimand ATT --method matching
    //  --matching-order matchit` prints 770.3901678 (MatchIt 4.5.1's order).
    const auto& estimate = w.workspace->estimation()->report().estimates.front();
    QCOMPARE(estimate.method, estimation::Method::Matching);
    QVERIFY2(std::abs(estimate.estimate - 770.3901678) < 1e-6, qPrintable(QString::number(estimate.estimate, 'g', 12)));
    // Lalonde's NSW sample: 185 treated and 429 controls, treatment coded 1 / 0.
    QCOMPARE(w.treatedText(), QStringLiteral("Treated: treat = 1 (185 units); control: treat = 0 (429 units)."));
  }
};

QTEST_MAIN(TreatedValueTest)
#include "TreatedValueTest.moc"
