#include "causeway/ui/project/RecentFiles.hpp"

#include <QFileInfo>

namespace causeway::ui {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

QStringList RecentFiles::files() const {
  QStringList out;
  for (const QString& path : settings_.value(kKey).toStringList())
    if (QFileInfo::exists(path)) out << path;
  return out;
}

void RecentFiles::add(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  QStringList list = settings_.value(kKey).toStringList();
  list.removeAll(absolute);
  list.prepend(absolute);
  while (list.size() > kMax) list.removeLast();
  settings_.setValue(kKey, list);
}

void RecentFiles::remove(const QString& path) {
  QStringList list = settings_.value(kKey).toStringList();
  list.removeAll(QFileInfo(path).absoluteFilePath());
  settings_.setValue(kKey, list);
}

void RecentFiles::clear() { settings_.remove(kKey); }

}  // namespace causeway::ui
