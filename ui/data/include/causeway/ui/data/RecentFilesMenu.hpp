#pragma once

#include <QMenu>
#include <QStringList>

namespace causeway::ui {

// "Recent Data Files": the last few files opened, kept in QSettings under `settingsKey`,
// newest first, missing files dropped; plus Clear Menu.
class RecentFilesMenu : public QMenu {
  Q_OBJECT

 public:
  explicit RecentFilesMenu(const QString& title, QString settingsKey = QStringLiteral("data/recentFiles"),
                           QWidget* parent = nullptr);

  [[nodiscard]] QStringList files() const { return files_; }
  static constexpr int kMaxFiles = 8;

 public Q_SLOTS:
  void addFile(const QString& path);
  void clearFiles();

 Q_SIGNALS:
  void fileTriggered(const QString& path);

 private:
  void rebuild();
  void save() const;

  QString key_;
  QStringList files_;
};

}  // namespace causeway::ui
