#include "causeway/estimation/Estimand.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace causeway::estimation {

const char* toString(Estimand estimand) {
  switch (estimand) {
    case Estimand::ATE: return "ATE";
    case Estimand::ATT: return "ATT";
    case Estimand::ATC: return "ATC";
    case Estimand::ATO: return "ATO";
  }
  return "?";
}

std::optional<Estimand> parseEstimand(std::string_view text) {
  std::string upper(text);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (Estimand e : {Estimand::ATE, Estimand::ATT, Estimand::ATC, Estimand::ATO})
    if (upper == toString(e)) return e;
  return std::nullopt;
}

}  // namespace causeway::estimation
