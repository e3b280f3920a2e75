#pragma once

namespace causeway::estimation {

// Standard normal distribution function, accurate to double precision in both tails.
[[nodiscard]] double normalCdf(double z);
// Inverse of normalCdf (Wichura 1988, AS 241 PPND16; relative error about 1e-16).
[[nodiscard]] double normalQuantile(double p);
// P(|Z| >= |z|) for a standard normal Z.
[[nodiscard]] double twoSidedPValue(double z);
// z such that a central interval estimate ± z·se has coverage `level` (1.959963984540054 for 0.95).
[[nodiscard]] double criticalValue(double level);

}  // namespace causeway::estimation
