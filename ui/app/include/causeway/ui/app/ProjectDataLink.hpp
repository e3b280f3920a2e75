#pragma once

#include <QObject>
#include <QString>

#include <optional>

#include "causeway/database/DataSource.hpp"
#include "causeway/project/Project.hpp"

namespace causeway::ui {

class DataWorkspace;
class FileController;

// The data side of a project: when a project opens, its data file, column choices and analysis
// settings go to the data workspace; when it is saved, they are collected back from it.
class ProjectDataLink : public QObject {
  Q_OBJECT

 public:
  ProjectDataLink(FileController& files, DataWorkspace& workspace, QObject* parent);

  // Fills `project` and `dataPath` from the workspace (the FileController's save hook).
  void collect(project::Project& project, QString& dataPath) const;

 Q_SIGNALS:
  void statusMessage(const QString& message, int timeoutMs);

 private:
  void projectOpened();
  // A project whose data live in a database: reconnect and load (asking for a password only
  // when the server refuses without one).
  void openDatabaseSource(const project::Project& project);
  void loadFailed(const QString& message);
  void applyAnalysisSettings(const project::AnalysisSettings& analysis);

  FileController& files_;
  DataWorkspace& workspace_;
  std::optional<database::SourceSpec> pending_;  // the project's source while it loads
  bool askedPassword_ = false;
};

}  // namespace causeway::ui
