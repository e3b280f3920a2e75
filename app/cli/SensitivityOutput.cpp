#include "SensitivityOutput.hpp"

#include "causeway/common/NumberFormat.hpp"

namespace causeway::cli {

void printSensitivityText(std::ostream& out, const study::StudySensitivity& s) {
  out << "\nSensitivity to unmeasured confounding\n";
  if (s.ols) {
    const auto& o = *s.ols;
    out << "  " << study::robustnessSentence(o) << "\n";
    out << "  OLS estimate " << format::significant(o.estimate, 4) << ", classical SE " << format::significant(o.se, 3)
        << ", t = " << format::fixed(o.t, 2) << " on " << format::fixed(o.dof, 0)
        << " dof, partial R2 of the exposure with the outcome " << format::percent(o.r2yd_x, 2) << "\n";
    for (const auto& b : o.bounds)
      out << "  " << format::significant(b.kd, 3) << "x/" << format::significant(b.ky, 3) << "x " << b.benchmark
          << ": R2D~Z " << format::percent(b.adjusted.r2dz) << ", R2Y~Z " << format::percent(b.adjusted.r2yz)
          << " -> estimate " << format::significant(b.adjusted.estimate, 4) << " "
          << format::interval(b.adjusted.ciLow, b.adjusted.ciHigh) << "\n";
    for (const auto& note : o.notes) out << "  note: " << note << "\n";
  } else {
    out << "  The omitted-variable-bias analysis could not run: " << s.olsProblem << "\n";
  }
  if (s.rosenbaum) {
    out << "  Rosenbaum bounds (" << s.rosenbaum->nonZeroPairs << " pairs):";
    for (const auto& r : s.rosenbaum->rows) out << " G=" << format::significant(r.gamma, 3) << " p<=" << format::pValue(r.pUpper) << ";";
    out << " critical Gamma "
        << (s.rosenbaum->gammaCritical ? format::fixed(*s.rosenbaum->gammaCritical, 2) : std::string("> 1000")) << "\n";
  }
  if (!s.rosenbaumNote.empty()) out << "  note: " << s.rosenbaumNote << "\n";
  for (const auto& nc : s.negativeControls.outcomes) {
    out << "  negative control " << nc.node << ": ";
    if (nc.estimate)
      out << format::significant(nc.estimate->estimate, 3) << " " << format::interval(nc.estimate->ciLow, nc.estimate->ciHigh);
    else
      out << nc.problem;
    out << (nc.expectedZero ? " (expected 0)" : " (not expected 0)") << "\n";
  }
  if (const auto& c = s.negativeControls.calibration)
    out << "  calibrated: p = " << format::pValue(c->p) << ", 95% CI " << format::interval(c->ciLow, c->ciHigh) << "\n";
  else if (!s.negativeControls.calibrationNote.empty())
    out << "  " << s.negativeControls.calibrationNote << "\n";
}

}  // namespace causeway::cli
