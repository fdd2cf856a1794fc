#include "util/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>
#include <mutex>
#include <vector>

TEST(ParallelForTest, EveryIndexOnceWhateverTheThreadCount) {
  for (const unsigned threads : {1u, 2u, 3u, 8u, 64u}) {
    std::vector<int> hits(100, 0);
    util::parallel_for(hits.size(), threads, [&](std::size_t i) { ++hits[i]; });
    for (std::size_t i = 0; i < hits.size(); ++i) EXPECT_EQ(hits[i], 1) << threads << " threads, index " << i;
  }
  util::parallel_for(0, 4, [](std::size_t) { FAIL() << "no work, no call"; });
}

TEST(ParallelForTest, UsesSeveralThreadsAndNoMoreThanAsked) {
  std::mutex m;
  std::set<std::thread::id> seen;
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  util::parallel_for(40, 3, [&](std::size_t) {
    const int now = ++running;
    int prev = most.load();
    while (now > prev && !most.compare_exchange_weak(prev, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    {
      const std::lock_guard lock(m);
      seen.insert(std::this_thread::get_id());
    }
    --running;
  });
  EXPECT_LE(most.load(), 3);
  EXPECT_GE(seen.size(), 2u);
  EXPECT_LE(seen.size(), 3u);
}

TEST(ParallelForTest, OneThreadRunsInOrderOnTheCaller) {
  std::vector<std::size_t> order;
  const auto caller = std::this_thread::get_id();
  util::parallel_for(5, 1, [&](std::size_t i) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    order.push_back(i);
  });
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
}

TEST(ParallelForTest, TheFirstExceptionComesBackAndWorkStops) {
  // One thread: in order, nothing after the call that threw.
  int calls_alone = 0;
  EXPECT_THROW(util::parallel_for(1000, 1,
                                  [&](std::size_t i) {
                                    ++calls_alone;
                                    if (i == 3) throw std::runtime_error("bad");
                                  }),
               std::runtime_error);
  EXPECT_EQ(calls_alone, 4);
  // Two threads: the other worker stops taking indices. Each call takes a
  // millisecond, so a loaded machine cannot let it finish all of them first.
  std::atomic<int> calls{0};
  EXPECT_THROW(util::parallel_for(1000, 2,
                                  [&](std::size_t i) {
                                    ++calls;
                                    if (i == 3) throw std::runtime_error("bad");
                                    std::this_thread::sleep_for(std::chrono::milliseconds(1));
                                  }),
               std::runtime_error);
  EXPECT_LT(calls.load(), 1000);
}

TEST(ParallelForTest, WorkerCount) {
  EXPECT_EQ(util::worker_count(3), 3u);
  EXPECT_GE(util::worker_count(0), 1u);
}
