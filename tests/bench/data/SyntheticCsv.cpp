#include "SyntheticCsv.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numbers>
#include <random>
#include <stdexcept>
#include <system_error>
#include <vector>

namespace causeway::data::bench {
namespace {

class PortableNormal {
 public:
  explicit PortableNormal(std::uint64_t seed) : engine_(seed) {}

  double uniform() {  // in (0, 1): 53 random bits, never 0 so the log below is finite
    return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53;
  }
  double normal() {
    if (hasSpare_) {
      hasSpare_ = false;
      return spare_;
    }
    const double radius = std::sqrt(-2.0 * std::log(uniform()));
    const double angle = 2.0 * std::numbers::pi * uniform();
    spare_ = radius * std::sin(angle);
    hasSpare_ = true;
    return radius * std::cos(angle);
  }

 private:
  std::mt19937_64 engine_;
  double spare_ = 0.0;
  bool hasSpare_ = false;
};

// Appends text to a 1 MB buffer that is written out whenever it fills.
class CsvWriter {
 public:
  explicit CsvWriter(std::FILE* file) : file_(file), buffer_(kSize) {}

  void text(std::string_view s) {
    makeRoom(s.size());
    for (const char c : s) buffer_[used_++] = c;
  }
  void character(char c) {
    makeRoom(1);
    buffer_[used_++] = c;
  }
  void fixed(double value, int decimals) {
    makeRoom(kLongestFixed);
    const auto result = std::to_chars(buffer_.data() + used_, buffer_.data() + buffer_.size(), value,
                                      std::chars_format::fixed, decimals);
    used_ = static_cast<std::size_t>(result.ptr - buffer_.data());
  }
  // Writes what is left; false if any write failed.
  [[nodiscard]] bool finish() {
    writeOut();
    return !failed_;
  }

 private:
  static constexpr std::size_t kSize = std::size_t{1} << 20;
  static constexpr std::size_t kLongestFixed = 330;  // DBL_MAX in fixed notation, with decimals

  void makeRoom(std::size_t bytes) {
    if (used_ + bytes > buffer_.size()) writeOut();
  }
  void writeOut() {
    if (std::fwrite(buffer_.data(), 1, used_, file_) != used_) failed_ = true;
    used_ = 0;
  }

  std::FILE* file_;
  std::vector<char> buffer_;
  std::size_t used_ = 0;
  bool failed_ = false;
};

struct FileCloser {
  void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};

}  // namespace

double treatmentCoefficient(std::size_t j) { return (j % 2 == 1 ? 0.5 : -0.5) / static_cast<double>(j); }

double outcomeCoefficient(std::size_t j) { return (j % 3 == 0 ? -1.0 : 1.0) / std::sqrt(static_cast<double>(j)); }

std::string writeSyntheticCsv(const SyntheticCsvSpec& spec, const std::filesystem::path& path) {
  if (spec.columns < 2) return "need at least 2 columns (treat and y)";
  const std::size_t covariates = spec.columns - 2;
  const std::filesystem::path partial = path.string() + ".partial";
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(partial.string().c_str(), "wb"));
  if (!file) return "cannot create " + partial.string();

  CsvWriter out(file.get());
  out.text("treat,y");
  for (std::size_t j = 1; j <= covariates; ++j) out.text(",x" + std::to_string(j));
  out.character('\n');

  PortableNormal random(spec.seed);
  std::vector<double> x(covariates + 1);
  for (std::size_t row = 0; row < spec.rows; ++row) {
    double treatmentLogit = -0.2;
    double outcomeMean = 1.0;
    for (std::size_t j = 1; j <= covariates; ++j) {
      x[j] = (j % 5 == 0) ? (random.uniform() < 0.5 ? 0.0 : 1.0) : random.normal();
      treatmentLogit += treatmentCoefficient(j) * x[j];
      outcomeMean += outcomeCoefficient(j) * x[j];
    }
    const bool treated = random.uniform() < 1.0 / (1.0 + std::exp(-treatmentLogit));
    const double y = outcomeMean + (treated ? kTrueEffect : 0.0) + random.normal();
    out.character(treated ? '1' : '0');
    out.character(',');
    out.fixed(y, 4);
    for (std::size_t j = 1; j <= covariates; ++j) {
      out.character(',');
      if (j % 5 == 0) {
        out.character(x[j] == 1.0 ? '1' : '0');
      } else {
        out.fixed(x[j], 4);
      }
    }
    out.character('\n');
  }
  if (!out.finish()) return "cannot write " + partial.string();
  file.reset();
  std::error_code error;
  std::filesystem::rename(partial, path, error);
  if (error) return "cannot rename " + partial.string() + ": " + error.message();
  return {};
}

std::filesystem::path ensureSyntheticCsv(const SyntheticCsvSpec& spec, const std::filesystem::path& directory) {
  const std::filesystem::path path =
      directory / ("synthetic_" + std::to_string(spec.rows) + "x" + std::to_string(spec.columns) + "_seed" +
                   std::to_string(spec.seed) + ".csv");
  if (std::filesystem::exists(path)) return path;
  std::filesystem::create_directories(directory);
  if (const std::string problem = writeSyntheticCsv(spec, path); !problem.empty()) throw std::runtime_error(problem);
  return path;
}

}  // namespace causeway::data::bench
