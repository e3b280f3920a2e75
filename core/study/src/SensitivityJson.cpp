#include "causeway/study/SensitivityJson.hpp"

#include <cmath>

namespace causeway::study {

namespace {

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

json olsJson(const estimation::SensitivityAnalysis& s) {
  json bounds = json::array();
  for (const auto& b : s.bounds)
    bounds.push_back({{"benchmark", b.benchmark},
                      {"kd", b.kd},
                      {"ky", b.ky},
                      {"r2dz_x", number(b.adjusted.r2dz)},
                      {"r2yz_dx", number(b.adjusted.r2yz)},
                      {"adjusted_estimate", number(b.adjusted.estimate)},
                      {"adjusted_se", number(b.adjusted.se)},
                      {"adjusted_t", number(b.adjusted.t)},
                      {"ci_low", number(b.adjusted.ciLow)},
                      {"ci_high", number(b.adjusted.ciHigh)}});
  return {{"estimate", number(s.estimate)},
          {"se", number(s.se)},
          {"t", number(s.t)},
          {"dof", s.dof},
          {"r2yd_x", number(s.r2yd_x)},
          {"rv_q", number(s.rvQ)},
          {"rv_qa", number(s.rvQAlpha)},
          {"q", s.q},
          {"alpha", s.alpha},
          {"bounds", bounds},
          {"notes", s.notes},
          {"conventions", s.conventions}};
}

}  // namespace

void addSensitivityJson(json& doc, const StudySensitivity& s) {
  if (s.ols) {
    doc["sensitivity"] = olsJson(*s.ols);
  } else {
    doc["sensitivity"] = nullptr;
    doc["sensitivity_problem"] = s.olsProblem;
  }
  if (s.rosenbaum) {
    json rows = json::array();
    for (const auto& r : s.rosenbaum->rows) rows.push_back({{"gamma", r.gamma}, {"p_upper", number(r.pUpper)}});
    doc["rosenbaum"] = rows;
    doc["rosenbaum_gamma_critical"] = s.rosenbaum->gammaCritical ? json(*s.rosenbaum->gammaCritical) : json(nullptr);
    doc["rosenbaum_pairs"] = s.rosenbaum->pairs;
  }
  if (!s.rosenbaumNote.empty()) doc["rosenbaum_note"] = s.rosenbaumNote;
  json controls = json::array();
  for (const auto& nc : s.negativeControls.outcomes) {
    json j{{"node", nc.node}, {"expected_zero", nc.expectedZero}, {"explanation", nc.explanation}};
    const auto& e = nc.estimate;
    j["estimate"] = e ? number(e->estimate) : json(nullptr);
    j["se"] = e ? number(e->se) : json(nullptr);
    j["ci_low"] = e ? number(e->ciLow) : json(nullptr);
    j["ci_high"] = e ? number(e->ciHigh) : json(nullptr);
    if (!nc.problem.empty()) j["problem"] = nc.problem;
    controls.push_back(std::move(j));
  }
  doc["negative_controls"] = controls;
  if (const auto& c = s.negativeControls.calibration) {
    doc["calibration"] = {{"mu", c->error.mu},       {"sigma", c->error.sigma},   {"controls", c->error.controls},
                          {"estimate", c->estimate}, {"se", c->se},               {"p", number(c->p)},
                          {"ci_low", c->ciLow},      {"ci_high", c->ciHigh},      {"conventions", c->conventions}};
  }
}

}  // namespace causeway::study
