#include "causeway/ui/app/AppSettings.hpp"

#include <QDir>
#include <QMainWindow>

namespace causeway::ui {

namespace {
constexpr int kStateVersion = 2;  // bump when docks are added or renamed
}

AppSettings::AppSettings() : recent_(settings_) {}

void AppSettings::saveWindow(const QMainWindow& window) {
  settings_.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
  settings_.setValue(QStringLiteral("window/state"), window.saveState(kStateVersion));
}

bool AppSettings::restoreWindow(QMainWindow& window) const {
  const QByteArray geometry = settings_.value(QStringLiteral("window/geometry")).toByteArray();
  const QByteArray state = settings_.value(QStringLiteral("window/state")).toByteArray();
  if (geometry.isEmpty()) return false;
  window.restoreGeometry(geometry);
  window.restoreState(state, kStateVersion);
  return true;
}

QString AppSettings::lastDirectory() const {
  return settings_.value(QStringLiteral("files/lastDirectory"), QDir::homePath()).toString();
}

void AppSettings::setLastDirectory(const QString& directory) {
  settings_.setValue(QStringLiteral("files/lastDirectory"), directory);
}

}  // namespace causeway::ui
