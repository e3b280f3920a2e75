#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include "causeway/common/Result.hpp"
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

  // The same, synchronously (tests, the screenshot tool, a headless caller).
  [[nodiscard]] static Result<void> writeReport(const WorkspaceSnapshot& snapshot, const QString& path);

 Q_SIGNALS:
  void exported(const QString& path);
  void failed(const QString& path, const QString& message);

 private:
  QFutureWatcher<Result<void>> watcher_;
  QString path_;
  bool busy_ = false;
};

}  // namespace causeway::ui
