// `citelint serve`: the Service over HTTP/1.1 with Boost.Beast. One I/O
// thread runs every connection asynchronously (an idle or slow client costs
// a socket and a timer, not a thread); the checks run on a pool of workers.
// Limits: body size (413), header size (431), time to read a request (408),
// requests in flight (503 with Retry-After). SIGHUP reloads the rules (a
// broken reload keeps the old ones); SIGTERM or SIGINT stops accepting,
// finishes the requests in flight and returns 0. Boost.Beast stays in here.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

#include "checker/serve/service.h"

namespace citelint::serve {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;                   // 0: any free port (printed when listening)
  uint64_t max_body = 16u << 20;          // bytes
  uint32_t max_header = 16u << 10;        // bytes, request line and headers
  std::chrono::milliseconds request_timeout{10000};  // to read one whole request
  int workers = 0;                        // check threads; 0: one per core
  int max_in_flight = 0;                  // requests being checked or waiting; 0: 16 per worker, at least 64
};

// Runs until SIGTERM or SIGINT; the access log (method, path, status, size,
// latency — never a draft) goes to `log`. Returns the exit status: 0 after a
// drain, 2 when it cannot listen (the message names the address).
int RunServer(Service& service, const ServerOptions& options, std::ostream& log);

}  // namespace citelint::serve
