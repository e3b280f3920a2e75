#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "causeway/estimation/EffectEstimate.hpp"
#include "causeway/estimation/Estimand.hpp"

namespace causeway::ui {

// What the user asked for in the estimation panel, by node names.
struct EstimationSettings {
  std::string exposure;
  std::string outcome;
  estimation::Estimand estimand = estimation::Estimand::ATT;
  std::vector<estimation::Method> methods{estimation::Method::Ipw};
  std::vector<std::string> adjustment;  // node names
  std::string adjustmentLabel;          // "O-set {…}", "custom {…}"
  int bootstrapReplicates = 200;        // 0 = no bootstrap
  std::uint64_t seed = 1;
  bool acrossAllSets = true;            // also estimate with every minimal set (forest plot)
};

// The methods the panel offers besides "All" (the core's, in its order).
[[nodiscard]] std::vector<estimation::Method> offeredMethods();

}  // namespace causeway::ui
