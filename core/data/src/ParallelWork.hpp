#pragma once

#include <cstddef>
#include <functional>

namespace causeway::data {

// Runs task(0) ... task(count - 1) each on its own std::jthread while the calling thread calls
// `tick` every few tens of milliseconds (to report progress from the caller's thread only) and
// once more at the end. An exception thrown by a task is rethrown here after all have finished.
void runInParallel(std::size_t count, const std::function<void(std::size_t)>& task, const std::function<void()>& tick);

}  // namespace causeway::data
