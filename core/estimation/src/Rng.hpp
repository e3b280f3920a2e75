#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>

namespace causeway::estimation::detail {

// SplitMix64 finaliser: decorrelates nearby seeds (seed, seed+1, ...).
inline std::uint64_t mixSeed(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// One generator per replicate, derived from (seed, stream, index): results do not depend on
// how replicates are spread over threads.
inline std::mt19937_64 replicateEngine(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
  return std::mt19937_64(mixSeed(mixSeed(seed ^ mixSeed(stream)) + index));
}

// Uniform integer in [0, n) by rejection (portable, unlike std::uniform_int_distribution).
inline std::uint64_t uniformBelow(std::mt19937_64& engine, std::uint64_t n) {
  const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                              std::numeric_limits<std::uint64_t>::max() % n;
  std::uint64_t x = engine();
  while (x >= limit) x = engine();
  return x % n;
}

// Uniform double in [0, 1) from the top 53 bits.
inline double uniformUnit(std::mt19937_64& engine) {
  return static_cast<double>(engine() >> 11) * 0x1.0p-53;
}

// Standard normal by the Box-Muller transform (portable, unlike std::normal_distribution).
inline double standardNormal(std::mt19937_64& engine) {
  double u1 = uniformUnit(engine);
  while (u1 <= 0.0) u1 = uniformUnit(engine);
  const double u2 = uniformUnit(engine);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * 3.14159265358979323846 * u2);
}

}  // namespace causeway::estimation::detail
