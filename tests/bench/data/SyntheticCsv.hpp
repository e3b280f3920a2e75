#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace causeway::data::bench {

// A large numeric CSV with a known truth, for load benchmarks and for estimation benchmarks:
//   columns  treat, y, x1 .. x(columns-2)
//   x_j      N(0, 1), except every fifth (x5, x10, ...) which is Bernoulli(0.5)
//   treat    Bernoulli(logistic(-0.2 + sum_j treatmentCoefficient(j) x_j))
//   y        1 + kTrueEffect * treat + sum_j outcomeCoefficient(j) x_j + N(0, 1)
// Random numbers come from std::mt19937_64 with our own uniform and Box-Muller transforms, so
// a seed gives the same file on every platform and standard library.
struct SyntheticCsvSpec {
  std::size_t rows = 2'000'000;
  std::size_t columns = 22;  // at least 2: treat and y
  std::uint64_t seed = 42;
};

inline constexpr double kTrueEffect = 2.0;
[[nodiscard]] double treatmentCoefficient(std::size_t j);  // j = 1 .. columns - 2
[[nodiscard]] double outcomeCoefficient(std::size_t j);

// Writes the file (to a temporary name first, so an interrupted run leaves no half file).
// Returns an empty string on success, else what went wrong.
[[nodiscard]] std::string writeSyntheticCsv(const SyntheticCsvSpec& spec, const std::filesystem::path& path);

// The file for `spec` in `directory` ("synthetic_<rows>x<columns>_seed<seed>.csv"), written first
// if absent. Throws std::runtime_error if it cannot be written.
[[nodiscard]] std::filesystem::path ensureSyntheticCsv(const SyntheticCsvSpec& spec,
                                                       const std::filesystem::path& directory);

}  // namespace causeway::data::bench
