#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>

#include "causeway/common/Result.hpp"
#include "causeway/data/CsvReader.hpp"
#include "causeway/database/DataSource.hpp"
#include "causeway/ui/analysis/BackgroundJob.hpp"
#include "causeway/ui/data/LoadedData.hpp"

namespace causeway::ui {

// Reads a CSV file off the GUI thread (core CsvReader, then the column summaries) with progress
// and cancel. One load at a time: a new load cancels the previous one, whose result is dropped.
class DataLoadController : public QObject {
  Q_OBJECT

 public:
  explicit DataLoadController(QObject* parent = nullptr);
  ~DataLoadController() override;

  void load(const QString& path, const data::CsvOptions& options = {});
  // Reads a database table or query (core readDatabase) the same way: the signals carry the
  // source's label (database::sourceLabel) where a CSV load carries its path. `sampleRows` > 0:
  // a source with more rows than that (counted in the database first) is read as a random sample
  // of that many (database::randomSample), marked in LoadedData::sampledFrom.
  void loadDatabase(const database::SourceSpec& source, std::size_t sampleRows = 0);
  [[nodiscard]] bool isLoading() const { return loading_; }
  [[nodiscard]] QString loadingPath() const { return path_; }

 public Q_SLOTS:
  void cancel();

 Q_SIGNALS:
  void started(const QString& path);
  void progressChanged(int permille);  // 0..1000
  void loaded(const causeway::ui::LoadedData& data);
  void failed(const QString& path, const QString& message);
  void cancelled(const QString& path);
  void idle();  // after loaded, failed or cancelled

 private:
  // What a load reads: the rows, and when they are a sample, the source's row count.
  using Read = std::function<Result<data::Dataset>(const Progress&, std::optional<std::uint64_t>& sampledFrom)>;
  // Cancels a running load (waiting for it), then starts `read` for `label`.
  void start(const QString& label, Read read, std::optional<database::SourceSpec> source);
  void finishRun();

  QFutureWatcher<Result<LoadedData>> watcher_;
  CancelHandle cancel_;
  QString path_;
  bool loading_ = false;
};

}  // namespace causeway::ui
