#include <QAreaSeries>
#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>
#include <QtTest>

#include "causeway/ui/charts/ForestPlotView.hpp"
#include "causeway/ui/charts/HistogramChartView.hpp"
#include "causeway/ui/charts/LovePlotView.hpp"
#include "causeway/ui/charts/OverlapChartView.hpp"
#include "causeway/ui/charts/WeightDistributionView.hpp"

using namespace causeway;
using namespace causeway::ui;

namespace {

report::MirroredHistogram histogram(std::vector<double> upper, std::vector<double> lower) {
  report::MirroredHistogram h;
  for (std::size_t i = 0; i <= upper.size(); ++i) h.binEdges.push_back(static_cast<double>(i) / upper.size());
  h.upper = std::move(upper);
  h.lower = std::move(lower);
  return h;
}

template <typename T>
QList<T*> seriesOf(QChart* chart) {
  QList<T*> out;
  for (QAbstractSeries* s : chart->series())
    if (auto* t = qobject_cast<T*>(s)) out << t;
  return out;
}

}  // namespace

class ChartViewsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void overlapTogglesBetweenUnweightedAndWeighted() {
    OverlapChartView view;
    QVERIFY(view.chart()->series().isEmpty());  // placeholder
    view.setData(histogram({1, 2, 3, 4}, {4, 3, 2, 1}), histogram({2, 2, 2, 2}, {2, 2, 2, 2}));
    QVERIFY(view.hasWeighted());
    QVERIFY(!view.showsWeighted());
    auto areas = seriesOf<QAreaSeries>(view.chart());
    QCOMPARE(areas.size(), 2);
    QCOMPARE(seriesOf<QLineSeries>(view.chart()).size(), 1);  // the zero line
    // Treated above: 4 bins -> 2 * 4 + 2 step points, the third bin at height 3.
    QCOMPARE(areas[0]->upperSeries()->count(), 10);
    QCOMPARE(areas[0]->upperSeries()->at(5).y(), 3.0);
    // Control mirrored below zero.
    QCOMPARE(areas[1]->lowerSeries()->at(1).y(), -4.0);
    QVERIFY(view.chart()->title().contains(QStringLiteral("unweighted")));

    QSignalSpy toggled(&view, &OverlapChartView::showWeightedChanged);
    view.setShowWeighted(true);
    QCOMPARE(toggled.count(), 1);
    QVERIFY(view.showsWeighted());
    areas = seriesOf<QAreaSeries>(view.chart());
    QCOMPARE(areas[0]->upperSeries()->at(5).y(), 2.0);
    QVERIFY(view.chart()->title().contains(QStringLiteral("weighted")));

    // Without weights the toggle has nothing to show.
    view.setData(histogram({1, 2}, {2, 1}), std::nullopt);
    QVERIFY(!view.showsWeighted());
    QCOMPARE(seriesOf<QAreaSeries>(view.chart())[0]->upperSeries()->count(), 6);
  }

  void lovePlotHasBeforeAfterAndThreshold() {
    LovePlotView view;
    view.setRows({{"age", 0.3, 0.05}, {"educ", 0.2, 0.02}, {"re74", 0.8, 0.08}});
    const auto scatter = seriesOf<QScatterSeries>(view.chart());
    QCOMPARE(scatter.size(), 2);
    QCOMPARE(scatter[0]->name(), QStringLiteral("unadjusted"));
    QCOMPARE(scatter[0]->count(), 3);
    QCOMPARE(scatter[1]->count(), 3);
    // First covariate on top.
    QCOMPARE(scatter[0]->at(0), QPointF(0.3, 2.0));
    QCOMPARE(scatter[1]->at(2), QPointF(0.08, 0.0));
    const auto lines = seriesOf<QLineSeries>(view.chart());
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines[0]->at(0).x(), 0.1);
    auto* yAxis = qobject_cast<QCategoryAxis*>(view.chart()->axes(Qt::Vertical).front());
    QVERIFY(yAxis);
    QCOMPARE(yAxis->categoriesLabels(), (QStringList{QStringLiteral("re74"), QStringLiteral("educ"), QStringLiteral("age")}));
    auto* xAxis = qobject_cast<QValueAxis*>(view.chart()->axes(Qt::Horizontal).front());
    QVERIFY(xAxis->max() >= 0.8);

    view.setRows({{"age", 0.3, 0.0}}, 0.1, false);
    QCOMPARE(seriesOf<QScatterSeries>(view.chart()).size(), 1);
  }

  void forestPlotHasOneIntervalPerRow() {
    ForestPlotView view;
    view.setRows({{"{age, educ}", 1.0, 0.5, 1.5}, {"{re74}", 2.0, 1.0, 3.0}, {"{}", -1.0, -2.0, 0.1}});
    QCOMPARE(seriesOf<QScatterSeries>(view.chart()).size(), 1);
    QCOMPARE(seriesOf<QScatterSeries>(view.chart())[0]->count(), 3);
    QCOMPARE(seriesOf<QLineSeries>(view.chart()).size(), 4);  // 3 intervals + the reference line
    auto* xAxis = qobject_cast<QValueAxis*>(view.chart()->axes(Qt::Horizontal).front());
    QVERIFY(xAxis->min() <= -2.0 && xAxis->max() >= 3.0);
  }

  void weightDistributionIsMirrored() {
    WeightDistributionView view;
    view.setData(histogram({10, 0, 0}, {5, 3, 1}));
    QCOMPARE(seriesOf<QAreaSeries>(view.chart()).size(), 2);
    view.clear();
    QVERIFY(view.chart()->series().isEmpty());
  }

  void histogramAndBars() {
    HistogramChartView view;
    view.setHistogram({{0, 1, 2, 3}, {5, 7, 2}, "x"});
    QCOMPARE(view.chart()->series().size(), 1);
    QCOMPARE(qobject_cast<QAreaSeries*>(view.chart()->series().front())->upperSeries()->count(), 8);
    view.setCategories({{"a", "b"}, {3, 4}});
    // Sideways bars, the first level on top: the bar set runs bottom-up, so b's count comes first.
    QCOMPARE(view.chart()->series().front()->type(), QAbstractSeries::SeriesTypeHorizontalBar);
    const auto bars = view.seriesInfo();
    QCOMPARE(bars.front().kind, ChartSeriesInfo::Kind::Bar);
    QCOMPARE(bars.front().points, (QList<QPointF>{{0, 4}, {1, 3}}));
  }

  void followsDarkPalette() {
    LovePlotView view;
    view.setRows({{"age", 0.3, 0.05}});
    QPalette dark;
    dark.setColor(QPalette::Base, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Text, QColor(0xEE, 0xEE, 0xEE));
    view.setPalette(dark);
    QCOMPARE(view.chart()->backgroundBrush().color(), QColor(0x20, 0x20, 0x20));
    QCOMPARE(seriesOf<QScatterSeries>(view.chart()).size(), 2);
  }
};

QTEST_MAIN(ChartViewsTest)
#include "ChartViewsTest.moc"
