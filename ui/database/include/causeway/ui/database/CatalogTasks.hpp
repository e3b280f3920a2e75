#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <variant>
#include <vector>

#include "causeway/common/Result.hpp"
#include "causeway/data/Dataset.hpp"
#include "causeway/database/Catalog.hpp"
#include "causeway/ui/analysis/BackgroundJob.hpp"

namespace causeway::ui {

// The database dialog's queries (connect and list tables, preview, count) off the GUI thread
// through runJob, one at a time, each with progress and cancel. A new task cancels the running
// one, whose result is dropped.
class CatalogTasks : public QObject {
  Q_OBJECT

 public:
  using Tables = std::vector<database::TableInfo>;
  using Preview = std::shared_ptr<const data::Dataset>;
  using Outcome = std::variant<Tables, Preview, std::uint64_t>;

  explicit CatalogTasks(QObject* parent = nullptr);
  ~CatalogTasks() override;

  void listTables(const database::SourceSpec& source);
  void preview(const database::SourceSpec& source, std::size_t rows);
  void count(const database::SourceSpec& source);
  [[nodiscard]] bool isRunning() const { return running_; }

 public Q_SLOTS:
  void cancel();

 Q_SIGNALS:
  void started(const QString& what);  // "Connecting…", "Reading the first 200 rows…", ...
  void progressChanged(int permille);
  void tablesReady(const causeway::ui::CatalogTasks::Tables& tables);
  void previewReady(const causeway::ui::CatalogTasks::Preview& rows);
  void countReady(quint64 rows);
  void failed(const QString& message);
  void cancelled();
  void idle();

 private:
  template <typename Work>
  void start(const QString& what, Work work);
  void finishRun();
  void stopRunning();

  QFutureWatcher<Result<Outcome>> watcher_;
  CancelHandle cancel_;
  bool running_ = false;
};

}  // namespace causeway::ui
