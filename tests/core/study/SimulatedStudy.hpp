#pragma once

#include <cmath>
#include <random>
#include <sstream>
#include <string>

#include "causeway/data/CsvReader.hpp"
#include "causeway/graph/DagittySyntax.hpp"
#include "causeway/study/Study.hpp"

// Seeded data sets with a known effect for the answer and verdict tests: two measured
// confounders Z1, Z2 (correlated unless told otherwise), an optional unmeasured one U, a binary
// exposure X and a continuous outcome Y = tau(Z1) X + 0.5 Z1 + 0.5 Z2 + u U + N(0, 1).
namespace causeway::study::simulation {

struct Scenario {
  std::size_t n = 600;
  double effect = 1.0;         // ATE (the effect is 1 + 0.3 Z1 - its mean, so heterogeneous)
  double heterogeneity = 0.3;
  double z2OnZ1 = 0.5;         // Z2 = z2OnZ1 Z1 + N(0, 1)
  double confounding = 0.5;    // coefficient of Z1 and Z2 in the exposure's logit and the outcome
  double unmeasured = 0.0;     // U's coefficient in both (0: no U)
  double separation = 0.0;     // shift of Z1 among the treated (large: no overlap)
};

inline std::string simulateCsv(const Scenario& s, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, 1.0);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  std::ostringstream csv;
  csv.precision(10);
  csv << "X,Y,Z1,Z2\n";
  for (std::size_t i = 0; i < s.n; ++i) {
    double z1 = normal(rng);
    const double z2 = s.z2OnZ1 * z1 + normal(rng);
    const double u = normal(rng);
    int x = 0;
    if (s.separation > 0.0) {
      x = uniform(rng) < 0.5 ? 1 : 0;
      z1 += s.separation * x;
    } else {
      const double logit = s.confounding * (z1 + z2) + s.unmeasured * u;
      x = uniform(rng) < 1.0 / (1.0 + std::exp(-logit)) ? 1 : 0;
    }
    // Z1 has mean 0 (without separation), so the ATE is `effect`.
    const double tau = s.effect + s.heterogeneity * z1;
    const double y = tau * x + s.confounding * (z1 + z2) + s.unmeasured * u + normal(rng);
    csv << x << ',' << y << ',' << z1 << ',' << z2 << '\n';
  }
  return csv.str();
}

inline StudySpec simulationSpec(bool z2CausedByZ1 = true) {
  StudySpec spec;
  spec.graph = graph::parseDagitty(std::string("dag { X [exposure] Y [outcome] Z1 -> X Z2 -> X Z1 -> Y Z2 -> Y X -> Y ") +
                                   (z2CausedByZ1 ? "Z1 -> Z2 " : "") + "}")
                   .value();
  spec.request.estimand = estimation::Estimand::ATE;
  spec.compareAdjustmentSets = false;
  spec.request.threads = 1;
  return spec;
}

inline Result<StudyResult> runSimulated(const Scenario& s, std::uint64_t seed, const StudySpec& spec) {
  auto data = data::readCsvString(simulateCsv(s, seed));
  if (!data) return data.error();
  return runStudy(spec, *data);
}

}  // namespace causeway::study::simulation
