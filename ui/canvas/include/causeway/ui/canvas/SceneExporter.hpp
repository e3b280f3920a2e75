#pragma once

#include <QString>

#include "causeway/common/Result.hpp"

namespace causeway::ui {

class GraphScene;

// Writes the diagram (without selection marks) and the legend to a picture file.
class SceneExporter {
 public:
  // PNG at `scale` times the on-screen size (2 = sharp on high-DPI screens and in print).
  static Result<void> exportPng(GraphScene& scene, const QString& path, double scale = 2.0, bool legend = true);
  // Scalable vector graphics through QSvgGenerator.
  static Result<void> exportSvg(GraphScene& scene, const QString& path, bool legend = true);
};

}  // namespace causeway::ui
