// The estimation panel shows a project's settings unchanged: a bootstrap count above the old
// 10,000 cap must come back as read, not silently cut; treated value and matching order round-trip.
#include <QComboBox>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include "causeway/ui/estimation/EstimationSettingsPanel.hpp"

using namespace causeway;
using namespace causeway::ui;

class EstimationSettingsPanelTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void largeBootstrapCountsSurviveARoundTrip() {
    EstimationSettingsPanel panel;
    for (const int replicates : {0, 250, 25'000, 1'000'000}) {  // 1,000,000: a project file's maximum
      project::AnalysisSettings analysis = EstimationSettings::defaultAnalysis();
      analysis.bootstrap = replicates;
      panel.setAnalysis(analysis);
      QCOMPARE(panel.bootstrapBox()->value(), replicates);
      QCOMPARE(panel.settings().analysis.bootstrap, replicates);
    }
  }

  // Treated value and matching order: chosen in the panel, saved in a project file, read back
  // into a fresh panel (ProjectDataLink stores settings().analysis and shows it with setAnalysis).
  void treatedValueAndMatchingOrderSurviveASavedProject() {
    EstimationSettingsPanel panel;
    const project::AnalysisSettings defaults = panel.settings().analysis;
    QVERIFY(!defaults.treatedValue);  // Automatic
    QCOMPARE(defaults.matchingOrder, std::string("greedy"));

    panel.treatedValueBox()->setCurrentText(QStringLiteral("yes"));
    panel.matchingOrderBox()->setCurrentIndex(panel.matchingOrderBox()->findData(QStringLiteral("matchit")));
    project::Project project;
    project.analysis = panel.settings().analysis;
    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath(QStringLiteral("p.causeway")).toStdString();
    QVERIFY(project::saveProject(project, file));
    auto loaded = project::loadProject(file);
    QVERIFY(loaded);
    QCOMPARE(loaded->analysis.treatedValue, std::optional<std::string>("yes"));
    QCOMPARE(loaded->analysis.matchingOrder, std::string("matchit"));

    EstimationSettingsPanel reopened;
    reopened.setAnalysis(loaded->analysis);
    QCOMPARE(reopened.treatedValueBox()->currentText(), QStringLiteral("yes"));
    QCOMPARE(reopened.matchingOrderBox()->currentData().toString(), QStringLiteral("matchit"));
    QCOMPARE(reopened.settings().analysis.treatedValue, std::optional<std::string>("yes"));
    QCOMPARE(reopened.settings().analysis.matchingOrder, std::string("matchit"));

    // Back to Automatic and greedy: the project stores no treated value.
    project::AnalysisSettings automatic = loaded->analysis;
    automatic.treatedValue.reset();
    automatic.matchingOrder = "greedy";
    reopened.setAnalysis(automatic);
    QCOMPARE(reopened.treatedValueBox()->currentText(), QStringLiteral("Automatic"));
    QVERIFY(!reopened.settings().analysis.treatedValue);
    QCOMPARE(reopened.settings().analysis.matchingOrder, std::string("greedy"));
  }
};

QTEST_MAIN(EstimationSettingsPanelTest)
#include "EstimationSettingsPanelTest.moc"
