// Live identification without widgets: debounced runs off the GUI thread, superseded runs
// dropped, results tagged with the revision, capped enumerations reported as such.
#include <QSignalSpy>
#include <QTest>

#include <stdexcept>

#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/ui/analysis/IdentificationRunner.hpp"
#include "causeway/ui/document/GraphDocument.hpp"
#include "causeway/ui/document/GraphEdits.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

void load(GraphDocument& d, const std::string& text) {
  auto g = graph::parseDagitty(text);
  QVERIFY2(g.ok(), g.ok() ? "" : g.error().message.c_str());
  edits::loadModel(d, *g);
}

QStringList texts(const std::vector<NodeGroup>& sets) {
  QStringList out;
  for (const auto& s : sets) out << s.text;
  return out;
}

}  // namespace

class IdentificationRunnerTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void debouncedAndTaggedWithRevision() {
    GraphDocument d;
    IdentificationRunner runner(d);
    runner.setDebounce(50);
    QSignalSpy ready(&runner, &IdentificationRunner::resultReady);
    load(d, "dag { X [exposure] Y [outcome] Z -> X Z -> Y X -> Y }");
    QVERIFY(runner.isBusy());
    QVERIFY(ready.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 10000);
    // Two deliveries for one model: everything but the front-door sets, then with them.
    QCOMPARE(ready.count(), 2);
    const auto first = ready.at(0).at(0).value<IdentificationResult>();
    const auto r = ready.at(1).at(0).value<IdentificationResult>();
    QVERIFY(first.frontDoorPending);
    QVERIFY(!r.frontDoorPending && r.frontDoorComputed);
    QCOMPARE(r.revision, d.analysisRevision());
    QCOMPARE(first.revision, d.analysisRevision());
    QCOMPARE(texts(r.adjustmentSets), QStringList{QStringLiteral("{Z}")});
    QVERIFY(r.adjustmentSentence().contains(QStringLiteral("adjust for {Z}")));
    QVERIFY(runner.current() != nullptr);
    // Moving a node does not invalidate identification.
    edits::moveNodes(d, {{*d.graph().findNode("Z"), QPointF(5, 5)}}, 1);
    QVERIFY(runner.current() != nullptr);
    QVERIFY(!runner.isBusy());
  }

  void supersededRunsAreDropped() {
    GraphDocument d;
    IdentificationRunner runner(d);
    runner.setDebounce(30);
    QSignalSpy ready(&runner, &IdentificationRunner::resultReady);
    load(d, "dag { X [exposure] Y [outcome] Z -> X Z -> Y X -> Y }");
    runner.runNow();  // start at once, then edit while it runs
    edits::toggleRole(d, {*d.graph().findNode("Z")}, graph::Role::Adjusted);
    edits::toggleRole(d, {*d.graph().findNode("Z")}, graph::Role::Latent);
    QVERIFY(ready.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 10000);
    QTest::qWait(100);
    // Only the run for the final model reports: Z is latent, so nothing can be adjusted for.
    QVERIFY(ready.count() >= 1 && ready.count() <= 2);
    for (const auto& signal : ready) QCOMPARE(signal.at(0).value<IdentificationResult>().revision, d.analysisRevision());
    const auto r = ready.last().at(0).value<IdentificationResult>();
    QVERIFY(r.adjustmentSets.empty());
    QVERIFY(r.adjustmentSentence().contains(QStringLiteral("cannot be estimated")));
  }

  void cappedEnumerationSaysSo() {
    // Eleven independent confounding paths X <- Ai -> Bi -> Y: 2^11 minimal sets.
    QString text = QStringLiteral("dag { X [exposure] Y [outcome] X -> Y ");
    for (int i = 0; i < 11; ++i) text += QStringLiteral("A%1 -> X A%1 -> B%1 B%1 -> Y ").arg(i);
    text += QLatin1Char('}');
    GraphDocument d;
    IdentificationRunner runner(d);
    runner.setDebounce(10);
    runner.setMaxSets(1000);
    QSignalSpy ready(&runner, &IdentificationRunner::resultReady);
    load(d, text.toStdString());
    QVERIFY(ready.wait(30000));
    const auto r = ready.takeFirst().at(0).value<IdentificationResult>();
    QVERIFY(r.adjustmentTruncated);
    QCOMPARE(r.adjustmentSets.size(), 1000U);
    QVERIFY2(r.adjustmentSentence().contains(QRegularExpression(QStringLiteral("Showing the first 1.?000 sets"))),
             qPrintable(r.adjustmentSentence()));
  }

  void errorsBecomeMessages() {
    GraphDocument d;
    IdentificationRunner runner(d);
    runner.setDebounce(10);
    QSignalSpy ready(&runner, &IdentificationRunner::resultReady);
    load(d, "dag { X [exposure,outcome] Y -> X }");
    QVERIFY(ready.wait(10000));
    const auto r = ready.takeFirst().at(0).value<IdentificationResult>();
    QVERIFY(!r.ok);
    QVERIFY(r.adjustmentSentence().contains(QStringLiteral("both an exposure and an outcome")));
  }

  void thrownExceptionShowsItsMessage() {
    // Left to Qt, a worker's exception would make the future read as cancelled and the panel
    // would say nothing useful; the runner must deliver the exception's own text instead.
    GraphDocument d;
    IdentificationRunner runner(d);
    runner.setDebounce(10);
    runner.setIdentifyFunction([](const graph::IndexedGraph&, const identification::IdentificationOptions&,
                                   const Progress&) -> Result<identification::IdentificationSummary> {
      throw std::runtime_error("identify blew up on purpose");
    });
    QSignalSpy ready(&runner, &IdentificationRunner::resultReady);
    load(d, "dag { X [exposure] Y [outcome] X -> Y }");
    QVERIFY(ready.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!runner.isBusy(), 10000);
    QCOMPARE(ready.count(), 1);  // no front-door phase after a failure
    const auto r = ready.takeFirst().at(0).value<IdentificationResult>();
    QVERIFY(!r.ok);
    QCOMPARE(r.error, QStringLiteral("identify blew up on purpose"));
    QVERIFY(!r.error.contains(QStringLiteral("Cancel"), Qt::CaseInsensitive));
    QCOMPARE(r.revision, d.analysisRevision());
    QVERIFY(runner.current() != nullptr);
  }
};

QTEST_GUILESS_MAIN(IdentificationRunnerTest)
#include "IdentificationRunnerTest.moc"
