#include "causeway/ui/data/RecentFilesMenu.hpp"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace causeway::ui {

RecentFilesMenu::RecentFilesMenu(const QString& title, QString settingsKey, QWidget* parent)
    : QMenu(title, parent), key_(std::move(settingsKey)) {
  for (const QString& path : QSettings().value(key_).toStringList())
    if (QFileInfo::exists(path) && !files_.contains(path)) files_ << path;
  while (files_.size() > kMaxFiles) files_.removeLast();
  rebuild();
}

void RecentFilesMenu::addFile(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  files_.removeAll(absolute);
  files_.prepend(absolute);
  while (files_.size() > kMaxFiles) files_.removeLast();
  save();
  rebuild();
}

void RecentFilesMenu::clearFiles() {
  files_.clear();
  save();
  rebuild();
}

void RecentFilesMenu::save() const { QSettings().setValue(key_, files_); }

void RecentFilesMenu::rebuild() {
  clear();
  for (int i = 0; i < files_.size(); ++i) {
    const QString path = files_[i];
    QAction* action = addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(QFileInfo(path).fileName()));
    action->setToolTip(QDir::toNativeSeparators(path));
    action->setStatusTip(QDir::toNativeSeparators(path));
    connect(action, &QAction::triggered, this, [this, path] { Q_EMIT fileTriggered(path); });
  }
  if (!files_.isEmpty()) addSeparator();
  QAction* clearAction = addAction(tr("Clear Menu"));
  clearAction->setEnabled(!files_.isEmpty());
  connect(clearAction, &QAction::triggered, this, &RecentFilesMenu::clearFiles);
  setEnabled(!files_.isEmpty());
}

}  // namespace causeway::ui
