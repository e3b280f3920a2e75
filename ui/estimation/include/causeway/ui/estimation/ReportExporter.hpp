#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "causeway/common/Result.hpp"
#include "causeway/ui/analysis/BackgroundJob.hpp"
#include "causeway/ui/estimation/WorkspaceReport.hpp"

namespace causeway::ui {

// Writes the workspace report off the GUI thread: HTML (core renderer) when the path ends in
// .html/.htm, PDF (ui/report renderer) when it ends in .pdf.
class ReportExporter : public QObject {
  Q_OBJECT

 public:
  explicit ReportExporter(QObject* parent = nullptr);
  ~ReportExporter() override;

  void exportReport(WorkspaceSnapshot snapshot, const QString& path);
  [[nodiscard]] bool isBusy() const { return busy_; }

  // The same, synchronously (tests, the screenshot tool, a headless caller). Stopped through
  // `progress` (a database source's checksum can take a while), it writes nothing: Cancelled.
  [[nodiscard]] static Result<void> writeReport(const WorkspaceSnapshot& snapshot, const QString& path,
                                                const Progress& progress = {});

 Q_SIGNALS:
  void exported(const QString& path);
  void failed(const QString& path, const QString& message);

 private:
  QFutureWatcher<Result<void>> watcher_;
  CancelHandle cancel_;  // a window closed mid-export does not wait for the database
  QString path_;
  bool busy_ = false;
};

}  // namespace causeway::ui
