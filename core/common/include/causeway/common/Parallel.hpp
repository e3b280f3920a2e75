#pragma once

#include <cstddef>
#include <functional>

// The one parallel-for of the core. Callers store per-task results in slots indexed by i and
// combine them in index order, so the outcome never depends on the thread count.
namespace causeway {

// 0 means "all hardware threads"; never more threads than tasks, never fewer than one.
[[nodiscard]] unsigned resolveThreads(unsigned requested, std::size_t tasks) noexcept;

// Runs task(i) for every i in [0, count) on resolveThreads(threads, count) threads, the calling
// thread among them; tasks are taken from a shared counter. When a task throws, no further task
// starts, and the first exception is rethrown here once every thread has stopped.
void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task);

// The same on resolveThreads(threads, count) worker threads while the calling thread only calls
// `tick` every few tens of milliseconds and once at the end, so that progress is reported from
// the caller's thread alone.
void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task,
                 const std::function<void()>& tick);

}  // namespace causeway
