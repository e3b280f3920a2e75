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

  // The geometry always; the dock layout only from a session with data (the analysis layout),
  // so that a later start without data does not open on empty Diagnostics with Data in front.
  void saveWindow(const QMainWindow& window, bool withData);
  // The geometry; false when nothing was saved yet (first start).
  bool restoreWindow(QMainWindow& window) const;
  // The analysis dock layout, once data is loaded; false when none was saved.
  bool restoreAnalysisLayout(QMainWindow& window) const;

  [[nodiscard]] RecentFiles& recentFiles() { return recent_; }
  [[nodiscard]] QString lastDirectory() const;
  void setLastDirectory(const QString& directory);

 private:
  QSettings settings_;
  RecentFiles recent_;
};

}  // namespace causeway::ui
