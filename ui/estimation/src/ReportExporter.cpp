#include "causeway/ui/estimation/ReportExporter.hpp"

#include <QFileInfo>
#include <QSaveFile>

#include "causeway/report/HtmlRenderer.hpp"
#include "causeway/ui/analysis/BackgroundJob.hpp"
#include "causeway/ui/report/PdfRenderer.hpp"

namespace causeway::ui {

ReportExporter::ReportExporter(QObject* parent) : QObject(parent) {
  connect(&watcher_, &QFutureWatcherBase::finished, this, [this] {
    busy_ = false;
    if (watcher_.future().resultCount() == 0) {
      Q_EMIT failed(path_, tr("the export was stopped"));
      return;
    }
    const Result<void> result = watcher_.future().result();
    if (result.ok()) Q_EMIT exported(path_);
    else Q_EMIT failed(path_, QString::fromStdString(result.error().message));
  });
}

ReportExporter::~ReportExporter() {
  QFuture<Result<void>> future = watcher_.future();
  cancelRun(cancel_, future);
  future.waitForFinished();
}

Result<void> ReportExporter::writeReport(const WorkspaceSnapshot& snapshot, const QString& path,
                                         const Progress& progress) {
  const report::ReportDocument doc = buildWorkspaceReport(snapshot, progress);
  if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "the export was stopped");
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == QLatin1String("pdf")) return renderPdf(doc, path);
  if (suffix != QLatin1String("html") && suffix != QLatin1String("htm"))
    return makeError(ErrorCode::InvalidArgument, "reports are written as .html or .pdf");
  // Written atomically: a failed export never leaves half a file behind.
  QSaveFile file(path);
  const std::string html = report::renderHtml(doc);
  if (!file.open(QIODevice::WriteOnly) || file.write(html.data(), static_cast<qint64>(html.size())) < 0 || !file.commit())
    return makeError(ErrorCode::IoError, "cannot write " + path.toStdString() + ": " + file.errorString().toStdString());
  return Ok{};
}

void ReportExporter::exportReport(WorkspaceSnapshot snapshot, const QString& path) {
  if (busy_) return;
  busy_ = true;
  path_ = path;
  cancel_ = CancelHandle{};
  watcher_.setFuture(runJob<Result<void>>(cancel_, [snapshot = std::move(snapshot), path](const Progress& progress) {
    return writeReport(snapshot, path, progress);
  }));
}

}  // namespace causeway::ui
