// The Rollout view on a small noiseless panel: the columns are guessed, the run happens in the
// background, and the headline, plot and heat table show the known effect (2 in every post period).
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QSvgWidget>
#include <QTableWidget>
#include <QTest>

#include "causeway/data/CsvReader.hpp"
#include "causeway/ui/rollout/RolloutView.hpp"

using namespace causeway;

namespace {

// Hosts a and b first treated in period 3, c and d never (cohort 0); y = level + 0.5 t + 2 after.
std::shared_ptr<const data::Dataset> noiselessPanel() {
  std::string csv = "host,period,error_rate,wave\n";
  const char* hosts[] = {"a", "b", "c", "d"};
  const double level[] = {1, 3, 0, 5};
  for (int h = 0; h < 4; ++h)
    for (int t = 1; t <= 4; ++t) {
      const bool treated = h < 2;
      const double y = level[h] + 0.5 * t + (treated && t >= 3 ? 2.0 : 0.0);
      csv += std::string(hosts[h]) + "," + std::to_string(t) + "," + std::to_string(y) + "," + (treated ? "3" : "0") + "\n";
    }
  auto data = data::readCsvString(csv);
  return std::make_shared<const data::Dataset>(std::move(data).value());
}

}  // namespace

class RolloutViewTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void guessesColumnsAndShowsTheKnownEffect() {
    ui::RolloutView view;
    view.setData(noiselessPanel());
    QCOMPARE(view.unitChoice()->currentText(), QStringLiteral("host"));
    QCOMPARE(view.timeChoice()->currentText(), QStringLiteral("period"));
    QCOMPARE(view.cohortChoice()->currentText(), QStringLiteral("wave"));
    QCOMPARE(view.outcomeChoice()->currentText(), QStringLiteral("error_rate"));
    QSignalSpy done(&view, &ui::RolloutView::finished);
    view.run();
    QVERIFY(done.wait(20000));
    QCOMPARE(done.first().first().toBool(), true);
    QVERIFY2(view.headlineLabel()->text().contains(QStringLiteral("rose by 2.000")), qPrintable(view.headlineLabel()->text()));
    QVERIFY(view.headlineLabel()->text().contains(QStringLiteral("#1e7b34")));  // supported: green
    // One wave (period 3) over 4 periods; the post cells (periods 3 and 4) show 2.00.
    QCOMPARE(view.heatTable()->rowCount(), 1);
    QCOMPARE(view.heatTable()->columnCount(), 4);
    QVERIFY(view.heatTable()->item(0, 2) != nullptr);
    QCOMPARE(view.heatTable()->item(0, 2)->text(), QStringLiteral("2.00"));
    QCOMPARE(view.heatTable()->item(0, 3)->text(), QStringLiteral("2.00"));
    QVERIFY(view.plot()->renderer()->isValid());
  }

  void badChoiceIsAMessageNotACrash() {
    ui::RolloutView view;
    view.setData(noiselessPanel());
    view.outcomeChoice()->setCurrentText(QStringLiteral("host"));  // text, not a number
    QSignalSpy done(&view, &ui::RolloutView::finished);
    view.run();
    QVERIFY(done.wait(20000));
    QCOMPARE(done.first().first().toBool(), false);
    QVERIFY2(view.headlineLabel()->text().contains(QStringLiteral("numeric")), qPrintable(view.headlineLabel()->text()));
  }
};

QTEST_MAIN(RolloutViewTest)
#include "RolloutViewTest.moc"
