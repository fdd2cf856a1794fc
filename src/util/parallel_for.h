// A bounded pool for independent pieces of work (reading forms, writing
// directors' workbooks): `threads` workers take the next index until none is
// left. Results are meant to go into slot i of a vector sized beforehand, so
// the outcome does not depend on which worker did what or in which order.
//
//   std::vector<Result> out(files.size());
//   util::parallel_for(files.size(), util::worker_count(options.threads),
//                      [&](std::size_t i) { out[i] = read(files[i]); });
#pragma once

#include <cstddef>
#include <functional>

namespace util {

// Workers to use: `requested` when > 0, else one per core (at least 1).
unsigned worker_count(int requested);

// Calls body(i) once for every i in [0, n), on min(threads, n) threads (the
// calling thread is one of them; threads <= 1: in order, on the calling
// thread alone). Returns when all calls have returned. If a call throws, no
// new index is started and the first exception is rethrown here.
void parallel_for(std::size_t n, unsigned threads, const std::function<void(std::size_t)>& body);

}  // namespace util
