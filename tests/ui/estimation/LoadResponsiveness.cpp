// causeway-load-responsiveness [file.csv | --rows N]
//
// How responsive the window stays while a large CSV loads: a DataWorkspace in a main window
// loads the file through the GUI path (worker thread, progress bar), while a 5 ms QTimer
// heartbeat records when the event loop gets to run. Prints the load time and the largest gaps
// between heartbeats. Not a pass/fail test (timings depend on the machine); make the input with
//   causeway-gen-data --rows 2000000 -o big.csv      (tests/bench/data)
// or let this program write a seeded file of N rows (default 2,000,000) to a temporary folder.
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QMainWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <vector>

#include "causeway/ui/data/DataLoadController.hpp"
#include "causeway/ui/estimation/DataWorkspace.hpp"

using namespace causeway;

namespace {

// treat, y and 8 covariates, like causeway-gen-data's layout (smaller when no file is given).
void writeCsv(const QString& path, long rows) {
  std::ofstream out(path.toStdString());
  std::mt19937_64 rng(42);
  std::normal_distribution<double> normal;
  std::bernoulli_distribution coin(0.3);
  out << "treat,y,x1,x2,x3,x4,x5,x6,x7,x8\n";
  out.precision(6);
  for (long i = 0; i < rows; ++i) {
    out << (coin(rng) ? 1 : 0) << ',' << normal(rng);
    for (int j = 0; j < 8; ++j) out << ',' << normal(rng);
    out << '\n';
  }
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QStringList args = QApplication::arguments();
  args.removeFirst();
  long rows = 2'000'000;
  QString file;
  for (int i = 0; i < args.size(); ++i) {
    if (args[i] == QLatin1String("--rows") && i + 1 < args.size()) rows = args[++i].toLong();
    else file = args[i];
  }
  QTemporaryDir dir;
  if (file.isEmpty()) {
    file = dir.filePath(QStringLiteral("responsiveness.csv"));
    std::printf("writing %ld rows to %s...\n", rows, qPrintable(file));
    writeCsv(file, rows);
  }

  QMainWindow window;
  graph::CausalGraph g;
  (void)g.addNode("treat", graph::Role::Exposure);
  (void)g.addNode("y", graph::Role::Outcome);
  auto* workspace = new ui::DataWorkspace(&window, [g] { return g; });
  window.resize(1200, 800);
  window.show();

  QElapsedTimer clock;
  std::vector<qint64> beats;
  beats.reserve(1 << 16);
  QTimer heartbeat;
  heartbeat.setInterval(5);
  QObject::connect(&heartbeat, &QTimer::timeout, [&] { beats.push_back(clock.nsecsElapsed()); });

  QEventLoop loop;
  qint64 loadedAt = 0;
  QObject::connect(workspace, &ui::DataWorkspace::dataLoaded, &loop, [&] {
    loadedAt = clock.nsecsElapsed();
    // Keep beating a little: the table and summaries are shown after the signal.
    QTimer::singleShot(300, &loop, &QEventLoop::quit);
  });
  QObject::connect(workspace->loader(), &ui::DataLoadController::failed, &loop, [&](const QString&, const QString& m) {
    std::fprintf(stderr, "load failed: %s\n", qPrintable(m));
    loop.exit(1);
  });
  int progressUpdates = 0;
  QObject::connect(workspace->loader(), &ui::DataLoadController::progressChanged, [&](int) { ++progressUpdates; });

  clock.start();
  heartbeat.start();
  beats.push_back(clock.nsecsElapsed());
  workspace->openData(file);
  if (loop.exec() != 0) return 1;
  heartbeat.stop();

  std::vector<double> gaps;
  for (std::size_t i = 1; i < beats.size(); ++i) {
    gaps.push_back(static_cast<double>(beats[i] - beats[i - 1]) / 1e6);
    if (gaps.back() > 50.0)
      std::printf("  gap of %.0f ms ending at %.2f s (%s the data was shown)\n", gaps.back(),
                  static_cast<double>(beats[i]) / 1e9, beats[i] <= loadedAt ? "before" : "after");
  }
  std::sort(gaps.begin(), gaps.end());
  const auto at = [&](double q) { return gaps.empty() ? 0.0 : gaps[static_cast<std::size_t>(q * static_cast<double>(gaps.size() - 1))]; };
  const long over50 = std::count_if(gaps.begin(), gaps.end(), [](double gap) { return gap > 50.0; });
  const auto& data = workspace->data();
  std::printf("file: %s (%.1f MB), %zu rows x %zu columns\n", qPrintable(QFileInfo(file).fileName()),
              static_cast<double>(QFileInfo(file).size()) / 1e6, data ? data->dataset->rowCount() : 0,
              data ? data->dataset->columnCount() : 0);
  std::printf("load (read + summaries, worker thread): %.2f s; shown after %.2f s\n", data ? data->seconds : 0.0,
              static_cast<double>(loadedAt) / 1e9);
  std::printf("heartbeats: %zu (5 ms timer), progress updates: %d\n", beats.size(), progressUpdates);
  std::printf("event-loop gap: median %.1f ms, p99 %.1f ms, max %.1f ms; gaps over 50 ms: %ld\n", at(0.5), at(0.99),
              gaps.empty() ? 0.0 : gaps.back(), over50);
  return 0;
}
