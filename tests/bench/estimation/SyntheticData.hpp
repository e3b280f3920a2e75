#pragma once

// A seeded synthetic observational study for the benchmarks: n units, p covariates (half
// standard normal, half binary), a logistic treatment model and a heterogeneous effect.

#include <cmath>
#include <random>
#include <string>

#include "causeway/data/Design.hpp"

namespace causeway::estimation::bench {

inline data::Design makeSyntheticDesign(Eigen::Index n, Eigen::Index p, std::uint64_t seed = 20240611) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> uniform;
  data::Design d;
  d.treatmentName = std::string("t");
  d.outcomeName = std::string("y");
  d.covariates.resize(n, p);
  for (Eigen::Index j = 0; j < p; ++j) {
    std::string name = "x";
    name += std::to_string(j + 1);
    d.covariateNames.push_back(name);
    d.covariateSources.push_back(d.covariateNames.back());
    const bool binary = j % 2 == 1;
    for (Eigen::Index i = 0; i < n; ++i) d.covariates(i, j) = binary ? (uniform(rng) < 0.3 ? 1.0 : 0.0) : normal(rng);
  }
  d.treatment.resize(n);
  d.outcome.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    double eta = -0.5;
    double mu = 1.0;
    for (Eigen::Index j = 0; j < p; ++j) {
      eta += (j % 3 == 0 ? 0.3 : -0.15) * d.covariates(i, j);
      mu += 0.5 * d.covariates(i, j);
    }
    const double t = uniform(rng) < 1.0 / (1.0 + std::exp(-eta)) ? 1.0 : 0.0;
    d.treatment(i) = t;
    d.outcome(i) = mu + t * (1.0 + 0.5 * d.covariates(i, 0)) + normal(rng);
  }
  return d;
}

}  // namespace causeway::estimation::bench
