#include "ParallelWork.hpp"

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace causeway::data {

void runInParallel(std::size_t count, const std::function<void(std::size_t)>& task, const std::function<void()>& tick) {
  using namespace std::chrono_literals;
  std::mutex mutex;
  std::condition_variable finished;
  std::size_t remaining = count;
  std::exception_ptr failure;
  {
    std::vector<std::jthread> workers;  // declared after what they share, so joined before it dies
    workers.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      workers.emplace_back([&, i] {
        std::exception_ptr error;
        try {
          task(i);
        } catch (...) {
          error = std::current_exception();
        }
        const std::lock_guard lock(mutex);
        if (error && !failure) failure = error;
        --remaining;
        finished.notify_one();
      });
    }
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, 50ms, [&] { return remaining == 0; })) {
      lock.unlock();
      tick();
      lock.lock();
    }
  }
  tick();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace causeway::data
