#pragma once

#include <QObject>
#include <QStringList>

class QMimeData;
class QWidget;

namespace causeway::ui {

// Lets data files be dropped on a window: an event filter that accepts drags carrying one
// local .csv/.tsv/.txt file and reports the drop. Other drags (e.g. model files for the canvas)
// pass through untouched.
class CsvDropFilter : public QObject {
  Q_OBJECT

 public:
  explicit CsvDropFilter(QObject* parent = nullptr);

  // Installs the filter on `target` and makes it accept drops.
  void watch(QWidget* target);
  // The data file a drag carries, or an empty string.
  [[nodiscard]] static QString dataFileIn(const QMimeData* mime);
  [[nodiscard]] static QStringList suffixes() { return {QStringLiteral("csv"), QStringLiteral("tsv"), QStringLiteral("txt")}; }

 Q_SIGNALS:
  void fileDropped(const QString& path);

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;
};

}  // namespace causeway::ui
