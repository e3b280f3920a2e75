#pragma once

#include <optional>
#include <string_view>

namespace causeway::estimation {

// Which population the causal contrast averages over.
enum class Estimand {
  ATE,  // all units
  ATT,  // the treated
  ATC,  // the controls
  ATO,  // the overlap population (Li, Morgan & Zaslavsky 2018), weights e(1-e)
};

[[nodiscard]] const char* toString(Estimand estimand);
// Case-insensitive "ATE", "ATT", "ATC", "ATO".
[[nodiscard]] std::optional<Estimand> parseEstimand(std::string_view text);

}  // namespace causeway::estimation
