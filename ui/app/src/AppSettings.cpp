#include "causeway/ui/app/AppSettings.hpp"

#include <QDir>
#include <QMainWindow>

namespace causeway::ui {

namespace {
constexpr int kStateVersion = 3;  // bump when docks are added or renamed, or their content changes
}

AppSettings::AppSettings() : recent_(settings_) {}

void AppSettings::saveWindow(const QMainWindow& window, bool withData) {
  settings_.setValue(QStringLiteral("window/geometry"), window.saveGeometry());
  if (withData) settings_.setValue(QStringLiteral("window/analysisState"), window.saveState(kStateVersion));
}

bool AppSettings::restoreWindow(QMainWindow& window) const {
  const QByteArray geometry = settings_.value(QStringLiteral("window/geometry")).toByteArray();
  if (geometry.isEmpty()) return false;
  window.restoreGeometry(geometry);
  return true;
}

bool AppSettings::restoreAnalysisLayout(QMainWindow& window) const {
  const QByteArray state = settings_.value(QStringLiteral("window/analysisState")).toByteArray();
  return !state.isEmpty() && window.restoreState(state, kStateVersion);
}

QString AppSettings::lastDirectory() const {
  return settings_.value(QStringLiteral("files/lastDirectory"), QDir::homePath()).toString();
}

void AppSettings::setLastDirectory(const QString& directory) {
  settings_.setValue(QStringLiteral("files/lastDirectory"), directory);
}

}  // namespace causeway::ui
