#pragma once

#include <cstdint>
#include <limits>
#include <string_view>

namespace causeway::graph {

// Stable node identity: never reused within one graph, survives removal of other nodes.
using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

enum class Role : std::uint8_t {
  Exposure = 1U << 0U,
  Outcome = 1U << 1U,
  Adjusted = 1U << 2U,
  Latent = 1U << 3U,
  Selected = 1U << 4U,
  // Negative controls (Lipsitch et al. 2010) for the sensitivity analysis; no effect on
  // identification. DAGitty keeps them as the node attributes `nco` / `nce`.
  NegativeControlOutcome = 1U << 5U,
  NegativeControlExposure = 1U << 6U,
};
inline constexpr Role kAllRoles[] = {Role::Exposure, Role::Outcome,  Role::Adjusted,
                                     Role::Latent,   Role::Selected, Role::NegativeControlOutcome,
                                     Role::NegativeControlExposure};

// The DAGitty keyword for a role ("exposure", "outcome", "adjusted", "latent", "selected", "nco", "nce").
[[nodiscard]] std::string_view roleKeyword(Role role);

// A node may carry several roles at once (as in DAGitty, e.g. selected and adjusted).
class RoleSet {
 public:
  constexpr RoleSet() = default;
  constexpr RoleSet(Role role) : bits_(static_cast<std::uint8_t>(role)) {}  // NOLINT
  [[nodiscard]] constexpr bool has(Role role) const { return (bits_ & static_cast<std::uint8_t>(role)) != 0; }
  constexpr RoleSet& set(Role role, bool on = true) {
    if (on) bits_ |= static_cast<std::uint8_t>(role);
    else bits_ &= static_cast<std::uint8_t>(~static_cast<std::uint8_t>(role));
    return *this;
  }
  [[nodiscard]] constexpr bool empty() const { return bits_ == 0; }
  [[nodiscard]] constexpr std::uint8_t bits() const { return bits_; }
  constexpr bool operator==(const RoleSet&) const = default;

 private:
  std::uint8_t bits_ = 0;
};

enum class EdgeKind : std::uint8_t {
  Directed,    // from -> to
  Bidirected,  // from <-> to: an unobserved common cause
};

struct Point {
  double x = 0.0;
  double y = 0.0;
  bool operator==(const Point&) const = default;
};

}  // namespace causeway::graph
