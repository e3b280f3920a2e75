#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace causeway::estimation::detail {

// 0 means "all hardware threads"; never more threads than tasks.
inline unsigned resolveThreads(unsigned requested, std::size_t tasks) {
  unsigned threads = requested == 0 ? std::max(1u, std::thread::hardware_concurrency()) : requested;
  if (tasks < threads) threads = static_cast<unsigned>(std::max<std::size_t>(tasks, 1));
  return threads;
}

// Runs task(i) for i in [0, count) on `threads` threads (work taken from a shared counter).
// Callers store per-task results in slots indexed by i and combine them in index order, so
// the outcome never depends on the thread count.
template <typename Task>
void parallelFor(std::size_t count, unsigned threads, Task&& task) {
  threads = resolveThreads(threads, count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) task(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) task(i);
  };
  std::vector<std::jthread> pool;
  pool.reserve(threads - 1);
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
}

}  // namespace causeway::estimation::detail
