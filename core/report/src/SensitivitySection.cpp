#include "causeway/report/SensitivitySection.hpp"

#include <string>

#include "causeway/common/NumberFormat.hpp"
#include "causeway/report/SensitivityPlotSvg.hpp"

namespace causeway::report {

namespace {

std::string interval(double low, double high) { return format::interval(low, high); }
// As in the robustness sentence: two decimals below 1%.
std::string share(double v) { return format::percent(v, v < 0.01 ? 2 : 1); }

void addOls(Section& section, const estimation::SensitivityAnalysis& s) {
  section.blocks.emplace_back(Paragraph{study::robustnessSentence(s)});
  Table summary{"Regression estimate and its robustness values (Cinelli & Hazlett 2020)",
                {"estimate", "SE (classical)", "t", "dof", "partial R\u00b2 Y~D|X", "RV_q", "RV_q,\u03b1"},
                {{format::significant(s.estimate, 4), format::significant(s.se, 3), format::fixed(s.t, 2),
                  format::fixed(s.dof, 0), format::percent(s.r2yd_x, 2), share(s.rvQ), share(s.rvQAlpha)}},
                s.conventions};
  section.blocks.emplace_back(std::move(summary));
  if (!s.bounds.empty()) {
    Table bounds{"Bounds on a confounder k times as strong as a measured covariate",
                 {"benchmark", "kD", "kY", "R\u00b2D~Z|X", "R\u00b2Y~Z|D,X", "adjusted estimate", "adjusted SE",
                  "adjusted t", "adjusted CI"},
                 {},
                 "R\u00b2D~Z|X and R\u00b2Y~Z|D,X from the benchmark's own partial R\u00b2s (a categorical benchmark: all its "
                 "dummies together); the estimate is moved towards zero by the largest bias such a confounder can cause."};
    for (const auto& b : s.bounds)
      bounds.rows.push_back({b.benchmark, format::significant(b.kd, 3), format::significant(b.ky, 3),
                             format::percent(b.adjusted.r2dz, 1), format::percent(b.adjusted.r2yz, 1),
                             format::significant(b.adjusted.estimate, 4), format::significant(b.adjusted.se, 3),
                             format::fixed(b.adjusted.t, 2), interval(b.adjusted.ciLow, b.adjusted.ciHigh)});
    section.blocks.emplace_back(std::move(bounds));
  }
  for (const auto& note : s.notes) section.blocks.emplace_back(Paragraph{note, Paragraph::Style::Note});
  if (!s.plots.estimate.xs.empty()) {
    section.blocks.emplace_back(Figure{"Adjusted estimate over the strength of an unmeasured confounder; the red dashed "
                                       "line is where it reaches zero",
                                       renderContourPlotSvg(s.plots.estimate, s.plots.benchmarks, false), 460, 420});
    section.blocks.emplace_back(Figure{"Adjusted t-value; the red dashed line is the critical value at \u03b1 = " +
                                           format::significant(s.alpha, 2),
                                       renderContourPlotSvg(s.plots.t, s.plots.benchmarks, true), 460, 420});
    section.blocks.emplace_back(Figure{"Extreme scenarios: a confounder explaining all, 75% or 50% of the outcome's "
                                       "residual variance",
                                       renderExtremePlotSvg(s.plots.extreme), 520, 320});
  }
}

void addRosenbaum(Section& section, const estimation::RosenbaumResult& r) {
  std::string text = "Rosenbaum bounds on " + std::to_string(r.nonZeroPairs) + " matched pairs with different outcomes: ";
  if (!r.gammaCritical) text += "the effect stays significant at the 5% level for every \u0393 up to 1000.";
  else if (*r.gammaCritical <= 1.0) text += "the effect is not significant at the 5% level even without hidden bias.";
  else
    text += "the effect stops being significant at the 5% level when hidden bias can change the odds of treatment "
            "of matched units by a factor of " + format::fixed(*r.gammaCritical, 2) + " (\u0393).";
  section.blocks.emplace_back(Paragraph{text});
  Table table{"Upper bound of the one-sided p-value (Wilcoxon signed-rank) under hidden bias \u0393", {"\u0393", "p upper"}, {},
              r.conventions};
  for (const auto& row : r.rows) table.rows.push_back({format::significant(row.gamma, 3), format::pValue(row.pUpper)});
  section.blocks.emplace_back(std::move(table));
}

void addNegativeControls(Section& section, const study::NegativeControlsReport& nc) {
  Table table{"Negative-control outcomes: the study's design (set, estimand" +
                  std::string(nc.method ? ", " + std::string(estimation::displayName(*nc.method)) : "") +
                  ") with each as the outcome",
              {"outcome", "expected zero", "estimate", "95% CI", "why"}, {}, ""};
  for (const auto& o : nc.outcomes)
    table.rows.push_back({o.node, o.expectedZero ? "yes" : "no", o.estimate ? format::significant(o.estimate->estimate, 3) : "",
                          o.estimate ? interval(o.estimate->ciLow, o.estimate->ciHigh) : o.problem, o.explanation});
  section.blocks.emplace_back(std::move(table));
  if (const auto& c = nc.calibration) {
    section.blocks.emplace_back(Paragraph{
        "Empirical calibration on " + std::to_string(c->error.controls) + " negative controls: systematic error N(" +
        format::significant(c->error.mu, 3) + ", " + format::significant(c->error.sigma, 3) + "\u00b2); calibrated p = " +
        format::pValue(c->p) + ", calibrated 95% CI " + interval(c->ciLow, c->ciHigh) + "."});
    section.blocks.emplace_back(Paragraph{c->conventions, Paragraph::Style::Note});
  } else if (!nc.calibrationNote.empty()) {
    section.blocks.emplace_back(Paragraph{nc.calibrationNote + ".", Paragraph::Style::Note});
  }
}

}  // namespace

std::optional<Section> sensitivitySection(const study::StudyResult& s) {
  if (!s.sensitivity) return std::nullopt;
  const auto& sens = *s.sensitivity;
  Section section{"Sensitivity to unmeasured confounding", {}};
  if (sens.ols) addOls(section, *sens.ols);
  else if (!sens.olsProblem.empty())
    section.blocks.emplace_back(Paragraph{"The omitted-variable-bias analysis could not run: " + sens.olsProblem,
                                          Paragraph::Style::Warning});
  if (sens.rosenbaum) addRosenbaum(section, *sens.rosenbaum);
  if (!sens.rosenbaumNote.empty()) section.blocks.emplace_back(Paragraph{sens.rosenbaumNote + ".", Paragraph::Style::Note});
  if (!sens.negativeControls.outcomes.empty()) addNegativeControls(section, sens.negativeControls);
  if (section.blocks.empty()) return std::nullopt;
  return section;
}

}  // namespace causeway::report
