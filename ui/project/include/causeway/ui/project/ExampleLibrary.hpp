#pragma once

#include <QList>
#include <QString>

namespace causeway::ui {

struct Example {
  QString title;        // from the file name: "m-bias" -> "M-bias"
  QString description;  // the file's leading comment lines
  QString resourcePath; // ":/examples/m-bias.dag"
};

// The example models bundled into the application as a Qt resource.
class ExampleLibrary {
 public:
  [[nodiscard]] static QList<Example> examples();
  [[nodiscard]] static QByteArray read(const Example& example);
};

}  // namespace causeway::ui
