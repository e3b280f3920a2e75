#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Dates and timestamps of a time column, as whole seconds since 1970-01-01 UTC. Only the ISO 8601
// forms telemetry exports use are read: "2026-12-04", "2026-12-04T14:05", "2026-12-04 14:05:30",
// optionally ending in "Z"; anything else is not a time (the caller names the cell).
namespace causeway::panel::detail {

[[nodiscard]] std::optional<std::int64_t> parseTimestamp(std::string_view text);

// "2026-12-04T14:05:00" (seconds since the epoch back to ISO text, UTC).
[[nodiscard]] std::string formatTimestamp(std::int64_t seconds);

// Rounds down to a multiple of `step` (> 0), also for times before 1970.
[[nodiscard]] std::int64_t floorTo(std::int64_t value, std::int64_t step);

}  // namespace causeway::panel::detail
