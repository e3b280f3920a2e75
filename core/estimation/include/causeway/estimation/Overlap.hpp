#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/common/Result.hpp"

namespace causeway::estimation {

struct OverlapOptions {
  int bins = 20;         // histogram bins of equal width on [0, 1], shared by both groups
  int densityPoints = 101;  // KDE evaluation grid on [0, 1]
  // Scores below extremeLow or above 1 - extremeLow count as extreme (a positivity warning).
  double extremeLow = 0.01;
  unsigned threads = 0;  // the two groups' densities side by side (0: all cores)
};

struct PropensityHistogram {
  std::vector<double> edges;            // bins + 1 edges from 0 to 1
  std::vector<std::size_t> treated;     // counts per bin
  std::vector<std::size_t> control;
  std::vector<double> treatedDensity;   // count / (group size * bin width)
  std::vector<double> controlDensity;
};

struct PropensityDensity {
  std::vector<double> grid;
  std::vector<double> treated;
  std::vector<double> control;
  double bandwidthTreated = 0.0;
  double bandwidthControl = 0.0;
};

struct GroupRange {
  double min = 0.0;
  double max = 0.0;
  std::size_t count = 0;
};

struct OverlapSummary {
  PropensityHistogram histogram;
  PropensityDensity density;
  GroupRange treated;
  GroupRange control;
  // Common support: [max of the group minima, min of the group maxima].
  double supportLow = 0.0;
  double supportHigh = 1.0;
  std::size_t treatedOutside = 0;
  std::size_t controlOutside = 0;
  double treatedOutsideShare = 0.0;
  double controlOutsideShare = 0.0;
  std::size_t extremeTreated = 0;  // scores outside [extremeLow, 1 - extremeLow]
  std::size_t extremeControl = 0;
  // Positivity is a finding, not an error: set when units fall outside the common support or
  // have extreme scores; `warnings` says which, in words.
  bool positivityConcern = false;
  std::vector<std::string> warnings;
  std::string conventions;
};

// Errors: InvalidArgument (sizes, scores outside [0, 1], options), EmptyGroup.
[[nodiscard]] Result<OverlapSummary> summarizeOverlap(const Eigen::VectorXd& treatment,
                                                      const Eigen::VectorXd& propensity,
                                                      const OverlapOptions& options = {});

}  // namespace causeway::estimation
