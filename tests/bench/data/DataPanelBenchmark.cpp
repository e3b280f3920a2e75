// Showing a 3,000,000-row dataset in the data panel and scrolling to its end: the table is
// virtual, so this must not grow with the row count (it was a wall-clock assertion in a unit
// test, which flakes on a shared machine). Run: QT_QPA_PLATFORM=offscreen bench_data_panel
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QTableView>

#include <memory>
#include <vector>

#include "causeway/data/Column.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/ui/data/DataPanel.hpp"
#include "causeway/ui/data/LoadedData.hpp"

using namespace causeway;

namespace {

std::shared_ptr<const data::Dataset> rows(std::size_t n) {
  std::vector<double> values(n);
  for (std::size_t i = 0; i < n; ++i) values[i] = static_cast<double>(i);
  std::vector<data::Column> columns;
  columns.push_back(data::Column::numeric("i", std::move(values)));
  return std::make_shared<const data::Dataset>(std::move(columns));
}

void BM_ShowAndScrollToEnd(benchmark::State& state) {
  ui::LoadedData loaded;
  loaded.dataset = rows(static_cast<std::size_t>(state.range(0)));
  loaded.path = QStringLiteral("big.csv");
  for (auto _ : state) {
    ui::DataPanel panel;
    panel.showLoaded(loaded);
    panel.resize(600, 400);
    panel.show();
    QCoreApplication::processEvents();
    panel.tableView()->scrollToBottom();
    QCoreApplication::processEvents();
  }
}
BENCHMARK(BM_ShowAndScrollToEnd)->Arg(30'000)->Arg(3'000'000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
