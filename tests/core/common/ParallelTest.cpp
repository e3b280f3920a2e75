#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

#include "causeway/common/Parallel.hpp"

using causeway::parallelFor;
using causeway::resolveThreads;

TEST(Parallel, ResolvesThreadsWithinTaskCount) {
  EXPECT_EQ(resolveThreads(4, 2), 2U);
  EXPECT_EQ(resolveThreads(3, 100), 3U);
  EXPECT_EQ(resolveThreads(8, 0), 1U);
  EXPECT_GE(resolveThreads(0, 1000), 1U);
}

TEST(Parallel, RunsEveryTaskExactlyOnceForAnyThreadCount) {
  for (const unsigned threads : {1U, 2U, 3U, 7U}) {
    std::vector<int> hits(1000, 0);
    parallelFor(hits.size(), threads, [&](std::size_t i) { hits[i] += 1; });
    EXPECT_EQ(std::accumulate(hits.begin(), hits.end(), 0), 1000) << threads << " threads";
    EXPECT_EQ(*std::min_element(hits.begin(), hits.end()), 1) << threads << " threads";
  }
}

TEST(Parallel, TickedVariantTicksAtTheEndAndRunsEveryTask) {
  std::vector<int> hits(64, 0);
  int ticks = 0;
  parallelFor(hits.size(), 4, [&](std::size_t i) { hits[i] = static_cast<int>(i); }, [&] { ++ticks; });
  std::vector<int> expected(64);
  std::iota(expected.begin(), expected.end(), 0);
  EXPECT_EQ(hits, expected);
  EXPECT_GE(ticks, 1);
}

// The estimation helper this replaces ended in std::terminate here; the caller must see the error.
// The other tasks each take a millisecond, so that running all of them (about 0.7 s on three
// threads) is far longer than any scheduling delay of the failing thread, even under sanitizers.
TEST(Parallel, PropagatesAWorkersExceptionToTheCaller) {
  constexpr int kTasks = 2000;
  for (const unsigned threads : {1U, 2U, 4U}) {
    std::atomic<int> started{0};
    try {
      parallelFor(kTasks, threads, [&](std::size_t i) {
        ++started;
        if (i == 3) throw std::runtime_error("task 3 failed");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      });
      ADD_FAILURE() << "no exception with " << threads << " threads";
    } catch (const std::runtime_error& e) {
      EXPECT_STREQ(e.what(), "task 3 failed");
    }
    // Tasks already taken may finish, but the rest are not started after the failure.
    EXPECT_LT(started.load(), kTasks / 2) << threads << " threads";
  }
}

TEST(Parallel, TickedVariantPropagatesTheFirstException) {
  EXPECT_THROW(parallelFor(8, 8, [](std::size_t i) { if (i % 2 == 1) throw std::out_of_range("odd"); }, [] {}),
               std::out_of_range);
}
