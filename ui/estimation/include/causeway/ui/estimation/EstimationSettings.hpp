#pragma once

#include <string>
#include <vector>

#include "causeway/estimation/EffectEstimate.hpp"
#include "causeway/project/Project.hpp"

namespace causeway::ui {

// What the user asked for in the estimation panel. `analysis` is exactly what a project file
// stores, and the run turns it into a study with study::studySpec, as `causeway-cli estimate
// PROJECT` does: the desktop and the CLI cannot drift apart.
struct EstimationSettings {
  std::string exposure;  // node names, for display (the graph's roles decide the run)
  std::string outcome;
  std::string adjustmentLabel;  // "automatic", "O-set {…}", "custom {…}"
  project::AnalysisSettings analysis = defaultAnalysis();

  // The defaults of study/Defaults.hpp as project settings (every method, ATE, no bootstrap).
  [[nodiscard]] static project::AnalysisSettings defaultAnalysis();
};

// The methods the panel offers besides "All" (the core's, in its order).
[[nodiscard]] std::vector<estimation::Method> offeredMethods();

}  // namespace causeway::ui
