#pragma once

#include <QObject>
#include <QString>

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
  void applyAnalysisSettings(const project::AnalysisSettings& analysis);

  FileController& files_;
  DataWorkspace& workspace_;
};

}  // namespace causeway::ui
