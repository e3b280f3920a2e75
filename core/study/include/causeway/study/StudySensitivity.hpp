#pragma once

#include <optional>
#include <string>
#include <vector>

#include "causeway/estimation/EffectEstimate.hpp"
#include "causeway/estimation/EmpiricalCalibration.hpp"
#include "causeway/estimation/RosenbaumBounds.hpp"
#include "causeway/estimation/Sensitivity.hpp"

// A study's sensitivity to unmeasured confounding (issue 13): the omitted-variable-bias bounds of
// the regression estimate, Rosenbaum bounds when matching ran, and negative-control outcomes
// with empirical calibration. Plain data, shown alike by the CLI, the report and the GUI.
namespace causeway::study {

struct SensitivityRequest {
  // Benchmarks are DAG node names here (mapped to columns as everywhere else); empty = the
  // strongest measured confounder of the adjustment set.
  estimation::SensitivityOptions ols;
  bool rosenbaum = true;
  bool negativeControls = true;
};

struct NegativeControlOutcome {
  std::string node;
  std::string column;        // empty: not measured
  bool expectedZero = false; // the diagram says the chosen set makes its estimated effect zero
  std::string explanation;   // why, or why not (the open path)
  std::optional<estimation::EffectEstimate> estimate;  // the study's design on this outcome
  std::string problem;       // why there is no estimate
};

struct NegativeControlsReport {
  std::optional<estimation::Method> method;  // the primary method, used on every control
  std::vector<NegativeControlOutcome> outcomes;
  // Calibration of the primary estimate against the controls' estimates (at least 3).
  std::optional<estimation::CalibratedEstimate> calibration;
  std::string calibrationNote;  // why there is none, when there are controls
};

struct StudySensitivity {
  std::optional<estimation::SensitivityAnalysis> ols;
  std::string olsProblem;  // why there is no OLS analysis
  std::optional<estimation::RosenbaumResult> rosenbaum;
  std::string rosenbaumNote;  // why there are none, or how the pairs were formed
  NegativeControlsReport negativeControls;
};

// The robustness values in words: "A confounder explaining 13.9% of the residual variance of both
// the treatment and the outcome would bring the regression estimate to zero; 7.6% would make it
// not significant at the 5% level."
[[nodiscard]] std::string robustnessSentence(const estimation::SensitivityAnalysis& s);

}  // namespace causeway::study
