#include "causeway/ui/data/DataLoadController.hpp"

#include <QElapsedTimer>
#include <QFileInfo>

#include "causeway/database/Catalog.hpp"
#include "causeway/database/DatabaseReader.hpp"

namespace causeway::ui {

DataLoadController::DataLoadController(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcherBase::progressValueChanged, this, &DataLoadController::progressChanged);
  connect(&watcher_, &QFutureWatcherBase::finished, this, &DataLoadController::finishRun);
}

DataLoadController::~DataLoadController() {
  // Do not leave a reader running against a destroyed watcher.
  if (loading_) {
    QFuture<Result<LoadedData>> future = watcher_.future();
    cancelRun(cancel_, future);
    future.waitForFinished();
  }
}

void DataLoadController::load(const QString& path, const data::CsvOptions& options) {
  const std::string file = QFileInfo(path).absoluteFilePath().toStdString();
  start(
      path,
      [file, options](const Progress& reading, std::optional<std::uint64_t>&) {
        return data::readCsvFile(file, options, reading);
      },
      std::nullopt);
}

void DataLoadController::loadDatabase(const database::SourceSpec& source, std::size_t sampleRows) {
  start(
      QString::fromStdString(database::sourceLabel(source)),
      [source, sampleRows](const Progress& reading, std::optional<std::uint64_t>& sampledFrom) -> Result<data::Dataset> {
        if (sampleRows == 0) return database::readDatabase(source, reading);
        // Counting first: a source that fits is read whole, in its own order.
        const Progress counting(reading.stopToken(), [&reading](double f) { reading.report(0.2 * f); });
        auto rows = database::countRows(source, counting);
        if (!rows) return rows.error();
        const Progress fetching(reading.stopToken(), [&reading](double f) { reading.report(0.2 + 0.8 * f); });
        if (*rows <= sampleRows) return database::readDatabase(source, fetching);
        sampledFrom = *rows;
        return database::readDatabase(database::randomSample(source, sampleRows), fetching);
      },
      source);
}

void DataLoadController::start(const QString& label, Read read, std::optional<database::SourceSpec> source) {
  if (loading_) {
    // setFuture() below drops the old run's pending signals; waiting keeps two files from
    // being held in memory at once (the reader stops at its next poll).
    QFuture<Result<LoadedData>> old = watcher_.future();
    cancelRun(cancel_, old);
    old.waitForFinished();
    Q_EMIT cancelled(path_);
  }
  cancel_ = CancelHandle{};
  path_ = label;
  loading_ = true;
  Q_EMIT started(label);
  watcher_.setFuture(runJob<Result<LoadedData>>(
      cancel_, [read = std::move(read), label, source = std::move(source)](const Progress& progress) -> Result<LoadedData> {
        QElapsedTimer timer;
        timer.start();
        // Reading is most of the work; the summaries take the last few percent.
        const Progress reading(progress.stopToken(), [&progress](double f) { progress.report(0.95 * f); });
        std::optional<std::uint64_t> sampledFrom;
        Result<data::Dataset> dataset = read(reading, sampledFrom);
        if (!dataset) return std::move(dataset).error();
        LoadedData out = describeDataset(std::make_shared<const data::Dataset>(std::move(dataset).value()), label);
        out.source = source;
        out.sampledFrom = sampledFrom;
        progress.report(1.0);
        out.seconds = static_cast<double>(timer.elapsed()) / 1000.0;
        return out;
      }));
}

void DataLoadController::cancel() {
  if (!loading_) return;
  QFuture<Result<LoadedData>> future = watcher_.future();
  cancelRun(cancel_, future);
}

void DataLoadController::finishRun() {
  if (!loading_) return;
  loading_ = false;
  const QFuture<Result<LoadedData>> future = watcher_.future();
  if (future.isCanceled() || future.resultCount() == 0) {
    Q_EMIT cancelled(path_);
  } else {
    const Result<LoadedData>& result = future.result();
    if (result.ok()) {
      Q_EMIT loaded(result.value());
    } else if (result.error().code == ErrorCode::Cancelled) {
      Q_EMIT cancelled(path_);
    } else {
      Q_EMIT failed(path_, QString::fromStdString(result.error().describe()));
    }
  }
  Q_EMIT idle();
}

}  // namespace causeway::ui
