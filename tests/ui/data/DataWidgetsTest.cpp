#include <QComboBox>
#include <QDialogButtonBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QLabel>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>
#include <random>

#include "causeway/graph/ModelFile.hpp"
#include "causeway/ui/charts/HistogramChartView.hpp"
#include "causeway/ui/data/ColumnMappingDialog.hpp"
#include "causeway/ui/data/ColumnMappingModel.hpp"
#include "causeway/ui/data/ColumnMappingPanel.hpp"
#include "causeway/ui/data/ColumnSummaryModel.hpp"
#include "causeway/ui/data/ColumnSummaryPanel.hpp"
#include "causeway/ui/data/CsvDropFilter.hpp"
#include "causeway/ui/data/DataLoadController.hpp"
#include "causeway/ui/data/DataPanel.hpp"
#include "causeway/ui/data/DatasetTableModel.hpp"
#include "causeway/ui/data/RecentFilesMenu.hpp"
#include "causeway/ui/data/VariableMapping.hpp"

using namespace causeway;
using namespace causeway::ui;

Q_DECLARE_METATYPE(causeway::ui::LoadedData)

namespace {

QString lalondeCsv() { return QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/lalonde.csv"); }

graph::CausalGraph lalondeGraph() {
  auto g = graph::readModelFile(CAUSEWAY_EXAMPLES_DIR "/lalonde.dag");
  if (!g) qFatal("cannot read lalonde.dag");
  return std::move(g).value();
}

// A seeded numeric CSV big enough that reading it takes a while.
void writeBigCsv(const QString& path, int rows) {
  std::ofstream out(path.toStdString());
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  out << "a,b,c,d,e,f\n";
  for (int i = 0; i < rows; ++i)
    out << normal(rng) << ',' << normal(rng) << ',' << normal(rng) << ',' << (i % 2) << ',' << normal(rng) << ','
        << normal(rng) << '\n';
}

LoadedData loadBlocking(const QString& path) {
  DataLoadController loader;
  QSignalSpy loaded(&loader, &DataLoadController::loaded);
  loader.load(path);
  if (!loaded.wait(20000)) qFatal("loading %s timed out", qPrintable(path));
  return loaded.front().front().value<LoadedData>();
}

}  // namespace

class DataWidgetsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    qRegisterMetaType<LoadedData>();
    QCoreApplication::setOrganizationName(QStringLiteral("causeway-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("ui_data_tests"));
    QSettings().clear();
  }

  void loadsLalondeOffTheGuiThread() {
    DataLoadController loader;
    QSignalSpy started(&loader, &DataLoadController::started);
    QSignalSpy loaded(&loader, &DataLoadController::loaded);
    QSignalSpy idle(&loader, &DataLoadController::idle);
    loader.load(lalondeCsv());
    QVERIFY(loader.isLoading());
    QCOMPARE(started.count(), 1);
    QVERIFY(loaded.wait(10000));
    QCOMPARE(idle.count(), 1);
    QVERIFY(!loader.isLoading());
    const auto data = loaded.front().front().value<LoadedData>();
    QVERIFY(data.dataset);
    QCOMPARE(data.dataset->rowCount(), std::size_t{614});
    QCOMPARE(data.dataset->columnCount(), std::size_t{9});
    QCOMPARE(data.summaries.size(), std::size_t{9});
    QCOMPARE(data.charts.size(), std::size_t{9});
    const auto treat = *data.dataset->indexOf("treat");
    QCOMPARE(data.summaries[treat].mean * 614, 185.0);
  }

  void tableAndSummaryShowTheDataset() {
    const LoadedData data = loadBlocking(lalondeCsv());
    DataPanel panel;
    panel.showLoaded(data);
    DatasetTableModel* model = panel.tableModel();
    QCOMPARE(model->rowCount(), 614);
    QCOMPARE(model->columnCount(), 9);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("treat"));
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("1"));
    QCOMPARE(model->index(0, 3).data().toString(), QStringLiteral("black"));
    QCOMPARE(model->index(0, 8).data().toString(), QStringLiteral("9930.046"));
    QCOMPARE(model->headerData(613, Qt::Vertical).toInt(), 614);
    QVERIFY(!panel.progressBar()->isVisibleTo(&panel));

    ColumnSummaryPanel summary;
    summary.setLoadedData(data);
    ColumnSummaryModel* sm = summary.summaryModel();
    QCOMPARE(sm->rowCount(), 9);
    QCOMPARE(sm->index(3, ColumnSummaryModel::Type).data().toString(), QStringLiteral("categorical"));
    QVERIFY(sm->index(3, ColumnSummaryModel::Levels).data().toString().startsWith(QStringLiteral("3 levels")));
    QCOMPARE(sm->index(1, ColumnSummaryModel::Missing).data().toString(), QStringLiteral("0"));
    // Age: the histogram has one step series of 2 * bins + 2 points.
    summary.selectColumn(1);
    const auto& hist = std::get<HistogramData>(data.charts[1]);
    auto series = summary.histogramView()->seriesInfo();
    QCOMPARE(series.size(), std::size_t{1});
    QCOMPARE(series[0].kind, ChartSeriesInfo::Kind::Area);
    QCOMPARE(series[0].points.size(), static_cast<qsizetype>(2 * hist.counts.size() + 2));
    QCOMPARE(hist.edges.size(), hist.counts.size() + 1);
    double total = 0;
    for (double c : hist.counts) total += c;
    QCOMPARE(total, 614.0);
    // treat (0/1): two labelled bars, 429 controls and 185 treated.
    const auto& treat = std::get<CategoryCounts>(data.charts[0]);
    QCOMPARE(treat.labels, (std::vector<std::string>{"0", "1"}));
    QCOMPARE(treat.counts, (std::vector<double>{429.0, 185.0}));
    summary.selectColumn(0);
    series = summary.histogramView()->seriesInfo();
    QCOMPARE(series.size(), std::size_t{1});
    QCOMPARE(series[0].kind, ChartSeriesInfo::Kind::Bar);
    QCOMPARE(series[0].points.size(), 2);
    summary.selectColumn(3);  // race: bars, one per level
    series = summary.histogramView()->seriesInfo();
    QCOMPARE(series.size(), std::size_t{1});
    QCOMPARE(series[0].kind, ChartSeriesInfo::Kind::Bar);
    QCOMPARE(series[0].points.size(), 3);
  }

  void missingCellsShowNa() {
    std::vector<data::Column> columns;
    columns.push_back(data::Column::numeric("x", {1.5, std::nan(""), 3.0}));
    auto dataset = std::make_shared<const data::Dataset>(std::move(columns));
    DatasetTableModel model;
    model.setDataset(dataset);
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("NA"));
    QVERIFY(model.index(1, 0).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("1.5"));
  }

  void millionsOfRowsStayVirtual() {
    std::vector<double> values(3'000'000);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(i);
    std::vector<data::Column> columns;
    columns.push_back(data::Column::numeric("i", std::move(values)));
    DataPanel panel;
    LoadedData big;
    big.dataset = std::make_shared<const data::Dataset>(std::move(columns));
    big.path = QStringLiteral("big.csv");
    // How long this takes is measured by bench_data_panel (tests/bench/data), not asserted here.
    panel.showLoaded(big);
    panel.resize(600, 400);
    panel.show();
    QCoreApplication::processEvents();
    panel.tableView()->scrollToBottom();
    QCoreApplication::processEvents();
    QCOMPARE(panel.tableModel()->rowCount(), 3'000'000);
    QCOMPARE(panel.tableModel()->index(2'999'999, 0).data().toString(), QStringLiteral("2999999"));
  }

  void cancelStopsALoad() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    writeBigCsv(path, 400'000);
    DataLoadController loader;
    QSignalSpy cancelled(&loader, &DataLoadController::cancelled);
    QSignalSpy loaded(&loader, &DataLoadController::loaded);
    QSignalSpy idle(&loader, &DataLoadController::idle);
    loader.load(path);
    loader.cancel();
    QVERIFY(idle.wait(20000));
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!loader.isLoading());
    // The loader is usable again afterwards.
    loader.load(lalondeCsv());
    QVERIFY(loaded.wait(10000));
  }

  void reportsErrors() {
    DataLoadController loader;
    QSignalSpy failed(&loader, &DataLoadController::failed);
    loader.load(QStringLiteral("/nonexistent/file.csv"));
    QVERIFY(failed.wait(10000));
    DataPanel panel;
    panel.showFailed(failed.front().at(0).toString(), failed.front().at(1).toString());
    QCOMPARE(panel.statusLabel()->text(), QStringLiteral("No data loaded"));
    QVERIFY(panel.errorLabel()->text().startsWith(QStringLiteral("Could not load file.csv")));

    // A file that is not a table (a program) after good data: the error is said apart, and the
    // header keeps describing the rows still shown.
    panel.showLoaded(loadBlocking(lalondeCsv()));
    const QString loadedHeader = panel.statusLabel()->text();
    QVERIFY(loadedHeader.startsWith(QStringLiteral("lalonde.csv")));
    loader.load(QStringLiteral("/bin/ls"));
    QVERIFY(failed.wait(10000));
    panel.showFailed(failed.last().at(0).toString(), failed.last().at(1).toString());
    QCOMPARE(panel.statusLabel()->text(), loadedHeader);
    QVERIFY(!panel.errorLabel()->isHidden());
    QVERIFY(panel.errorLabel()->text().startsWith(QStringLiteral("Could not load ls: ")));
    QCOMPARE(panel.tableModel()->rowCount(), 614);
  }

  void mapsNodesToColumns() {
    const LoadedData data = loadBlocking(lalondeCsv());
    graph::CausalGraph g = lalondeGraph();
    auto mapping = mapVariables(g, data.dataset.get());
    QVERIFY(mapping.ok());
    QCOMPARE(mapping->mappedCount(), std::size_t{9});
    QVERIFY(mapping->unmappedNodes().empty());
    QCOMPARE(*mapping->columnFor("re78"), std::string("re78"));

    // A latent node and a node spelled in another case.
    const auto age = *g.findNode("age");
    QVERIFY(g.renameNode(age, "AGE").ok());
    QVERIFY(g.addNode("ability", graph::Role::Latent).ok());
    QVERIFY(g.addNode("motivation").ok());
    mapping = mapVariables(g, data.dataset.get());
    QVERIFY(mapping.ok());
    QCOMPARE(*mapping->columnFor("AGE"), std::string("age"));
    QCOMPARE(mapping->unmappedNodes(), std::vector<std::string>{"motivation"});
    ColumnMappingPanel panel;
    panel.setMapping(*mapping, true);
    ColumnMappingModel* model = panel.mappingModel();
    QCOMPARE(model->rowCount(), 11);
    int flagged = 0;
    for (int r = 0; r < model->rowCount(); ++r) flagged += model->index(r, 0).data(Qt::UserRole).toBool() ? 1 : 0;
    QCOMPARE(flagged, 1);  // motivation; the latent node is expected to be unmapped

    // The dialog: map motivation to re74 would clash with re74's own column; choose none for educ.
    ColumnMappingDialog dialog(*mapping, data.dataset->columnNames(), {});
    QComboBox* motivation = dialog.comboFor(QStringLiteral("motivation"));
    QVERIFY(motivation);
    QVERIFY(!dialog.comboFor(QStringLiteral("ability")));
    motivation->setCurrentText(QStringLiteral("re74"));
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.comboFor(QStringLiteral("re74"))->setCurrentIndex(0);
    QVERIFY(ok->isEnabled());
    const MappingChoices choices = dialog.choices();
    QCOMPARE(choices.overrides.at("motivation"), std::string("re74"));
    QVERIFY(choices.unmapped.contains("re74"));
    QCOMPARE(choices.overrides.size(), std::size_t{1});
    mapping = mapVariables(g, data.dataset.get(), choices);
    QVERIFY(mapping.ok());
    QCOMPARE(*mapping->columnFor("motivation"), std::string("re74"));
    QVERIFY(!mapping->columnFor("re74"));
    QCOMPARE(mapping->unmappedNodes(), std::vector<std::string>{"re74"});
  }

  void dropFilterAcceptsDataFiles() {
    QWidget window;
    CsvDropFilter filter;
    filter.watch(&window);
    QVERIFY(window.acceptDrops());
    QSignalSpy dropped(&filter, &CsvDropFilter::fileDropped);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(lalondeCsv())});
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.front().front().toString(), lalondeCsv());

    QMimeData model;
    model.setUrls({QUrl::fromLocalFile(QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/lalonde.dag"))});
    QVERIFY(CsvDropFilter::dataFileIn(&model).isEmpty());
  }

  void recentFilesPersist() {
    {
      RecentFilesMenu menu(QStringLiteral("Recent"), QStringLiteral("test/recent"));
      QVERIFY(!menu.isEnabled());
      menu.addFile(lalondeCsv());
      menu.addFile(QStringLiteral(CAUSEWAY_EXAMPLES_DIR "/postmortem.csv"));
      menu.addFile(lalondeCsv());
      QCOMPARE(menu.files().size(), 2);
      QCOMPARE(menu.files().front(), QFileInfo(lalondeCsv()).absoluteFilePath());
    }
    RecentFilesMenu again(QStringLiteral("Recent"), QStringLiteral("test/recent"));
    QCOMPARE(again.files().size(), 2);
    QSignalSpy triggered(&again, &RecentFilesMenu::fileTriggered);
    again.actions().front()->trigger();
    QCOMPARE(triggered.count(), 1);
    again.clearFiles();
    QVERIFY(again.files().isEmpty());
  }
};

QTEST_MAIN(DataWidgetsTest)
#include "DataWidgetsTest.moc"
