#include "causeway/graph/Types.hpp"

namespace causeway::graph {

std::string_view roleKeyword(Role role) {
  switch (role) {
    case Role::Exposure: return "exposure";
    case Role::Outcome: return "outcome";
    case Role::Adjusted: return "adjusted";
    case Role::Latent: return "latent";
    case Role::Selected: return "selected";
    case Role::NegativeControlOutcome: return "nco";
    case Role::NegativeControlExposure: return "nce";
  }
  return "";
}

}  // namespace causeway::graph
