#pragma once

#include <QSettings>
#include <QString>

#include "causeway/ui/project/RecentFiles.hpp"

class QMainWindow;

namespace causeway::ui {

// Per-user settings: window geometry and dock layout, recent files, the last folder used.
class AppSettings {
 public:
  AppSettings();

  void saveWindow(const QMainWindow& window);
  // False when nothing was saved yet (first start).
  bool restoreWindow(QMainWindow& window) const;

  [[nodiscard]] RecentFiles& recentFiles() { return recent_; }
  [[nodiscard]] QString lastDirectory() const;
  void setLastDirectory(const QString& directory);

 private:
  QSettings settings_;
  RecentFiles recent_;
};

}  // namespace causeway::ui
