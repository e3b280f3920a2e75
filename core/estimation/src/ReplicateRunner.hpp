#pragma once

#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>

#include "causeway/common/Parallel.hpp"
#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"

namespace causeway::estimation::detail {

// Runs task(i) for i in [0, count) over threads, each result stored in its slot i (so the
// outcome does not depend on scheduling). Reports progress (serialised, from the workers) and
// stops early when the Progress is cancelled; returns how many tasks completed.
template <typename T>
std::size_t runReplicates(std::size_t count, unsigned threads, const Progress& progress,
                          const std::function<Result<T>(std::size_t)>& task, std::vector<std::optional<Result<T>>>& slots) {
  slots.assign(count, std::nullopt);
  std::atomic<std::size_t> done{0};
  std::mutex reportMutex;
  std::size_t lastPercent = 0;
  parallelFor(count, threads, [&](std::size_t i) {
    if (progress.cancelled()) return;
    slots[i].emplace(task(i));
    const std::size_t finished = done.fetch_add(1) + 1;
    const std::size_t percent = finished * 100 / count;
    std::scoped_lock lock(reportMutex);
    if (percent > lastPercent) {
      lastPercent = percent;
      progress.report(static_cast<double>(finished) / static_cast<double>(count));
    }
  });
  return done.load();
}

}  // namespace causeway::estimation::detail
