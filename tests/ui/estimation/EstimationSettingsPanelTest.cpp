// The estimation panel shows a project's settings unchanged: a bootstrap count above the old
// 10,000 cap must come back as read, not silently cut.
#include <QSpinBox>
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
};

QTEST_MAIN(EstimationSettingsPanelTest)
#include "EstimationSettingsPanelTest.moc"
