#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "causeway/estimation/Balance.hpp"
#include "causeway/estimation/Overlap.hpp"
#include "causeway/report/ChartSvg.hpp"

namespace causeway::ui {

// Plain chart inputs from the core's numbers; the same structs feed the Qt charts (ui/charts)
// and the report's SVG charts, so screen and report agree.

// The core's unweighted propensity histogram, as densities (treated above, control below).
[[nodiscard]] report::MirroredHistogram overlapHistogram(const estimation::PropensityHistogram& histogram);

// Weighted propensity densities on the same bins: bin height = (sum of the group's weights in
// the bin) / (group's total weight × bin width), so an unweighted run reproduces the core's.
[[nodiscard]] report::MirroredHistogram weightedOverlapHistogram(const Eigen::VectorXd& treatment,
                                                                 const Eigen::VectorXd& propensity,
                                                                 const Eigen::VectorXd& weights,
                                                                 const std::vector<double>& edges);

// Units per weight bin, treated above and control below; equal-width bins from 0 to the
// largest weight. Units with weight 0 (unmatched) are left out.
[[nodiscard]] report::MirroredHistogram weightHistogram(const Eigen::VectorXd& treatment, const Eigen::VectorXd& weights,
                                                        int bins = 30);

// |SMD| before and after per covariate, in table order.
[[nodiscard]] std::vector<report::LovePlotRow> loveRows(const estimation::BalanceTable& balance);

}  // namespace causeway::ui
