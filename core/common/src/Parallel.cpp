#include "causeway/common/Parallel.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace causeway {

namespace {

// What the threads of one parallelFor share: the next task, and the first failure.
class TaskQueue {
 public:
  TaskQueue(std::size_t count, const std::function<void(std::size_t)>& task) : count_(count), task_(task) {}

  // Runs tasks until none is left or one has failed; never throws.
  void drain() {
    for (std::size_t i = next_.fetch_add(1); i < count_ && !failed_.load(); i = next_.fetch_add(1)) {
      try {
        task_(i);
      } catch (...) {
        const std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
        failed_ = true;
      }
    }
  }

  void rethrowFailure() const {
    if (failure_) std::rethrow_exception(failure_);
  }

 private:
  std::size_t count_;
  const std::function<void(std::size_t)>& task_;
  std::atomic<std::size_t> next_{0};
  std::atomic<bool> failed_{false};
  std::mutex mutex_;
  std::exception_ptr failure_;
};

}  // namespace

unsigned resolveThreads(unsigned requested, std::size_t tasks) noexcept {
  unsigned threads = requested == 0 ? std::max(1U, std::thread::hardware_concurrency()) : requested;
  if (tasks < threads) threads = static_cast<unsigned>(std::max<std::size_t>(tasks, 1));
  return threads;
}

void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task) {
  threads = resolveThreads(threads, count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) task(i);
    return;
  }
  TaskQueue queue(count, task);
  {
    std::vector<std::jthread> pool;  // joined at the end of this block, before the queue dies
    pool.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back([&queue] { queue.drain(); });
    queue.drain();
  }
  queue.rethrowFailure();
}

void parallelFor(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& task,
                 const std::function<void()>& tick) {
  using namespace std::chrono_literals;
  threads = resolveThreads(threads, count);
  TaskQueue queue(count, task);
  std::mutex mutex;
  std::condition_variable finished;
  unsigned running = threads;
  {
    std::vector<std::jthread> pool;
    pool.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&] {
        queue.drain();
        const std::lock_guard lock(mutex);
        --running;
        finished.notify_one();
      });
    }
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, 50ms, [&] { return running == 0; })) {
      lock.unlock();
      if (tick) tick();
      lock.lock();
    }
  }
  if (tick) tick();
  queue.rethrowFailure();
}

}  // namespace causeway
