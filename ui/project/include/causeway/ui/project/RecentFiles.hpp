#pragma once

#include <QSettings>
#include <QStringList>

namespace causeway::ui {

// The most recently opened or saved files, kept in QSettings (newest first, existing files only).
class RecentFiles {
 public:
  static constexpr int kMax = 10;

  explicit RecentFiles(QSettings& settings) : settings_(settings) {}
  [[nodiscard]] QStringList files() const;
  void add(const QString& path);
  void remove(const QString& path);
  void clear();

 private:
  QSettings& settings_;
};

}  // namespace causeway::ui
