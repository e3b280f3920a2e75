#pragma once

#include <string>
#include <vector>

namespace causeway::report {

// Static charts for reports, drawn as standalone SVG from plain numbers (the GUI draws its
// interactive versions with Qt Charts from the same numbers).

struct MirroredHistogram {
  std::string title;
  std::string xLabel = "propensity score";
  std::vector<double> binEdges;   // size = bins + 1
  std::vector<double> upper;      // treated: one value per bin, drawn above the axis
  std::vector<double> lower;      // control: drawn below the axis
  std::string upperLabel = "treated";
  std::string lowerLabel = "control";
};

struct LovePlotRow {
  std::string covariate;
  double before = 0;  // |SMD| (or SMD) before adjustment
  double after = 0;   // after weighting / matching
};

struct ForestRow {
  std::string label;
  double estimate = 0;
  double low = 0;
  double high = 0;
};

std::string renderMirroredHistogramSvg(const MirroredHistogram& histogram, double width = 640, double height = 320);
// Dots per covariate before (hollow) and after (filled) with a dashed threshold line.
std::string renderLovePlotSvg(const std::vector<LovePlotRow>& rows, double threshold = 0.1,
                              const std::string& xLabel = "absolute standardised mean difference", double width = 640);
// Point estimates with confidence intervals and a reference line (usually 0).
std::string renderForestPlotSvg(const std::vector<ForestRow>& rows, double reference = 0,
                                const std::string& xLabel = "estimate (95% CI)", double width = 640);

// Round axis ticks covering [low, high] (about `count` of them).
std::vector<double> niceTicks(double low, double high, int count = 5);

}  // namespace causeway::report
