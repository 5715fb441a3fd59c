// The pre-publish service's answers, without HTTP: a request (method, path,
// query, content type, bearer token, body) in, a response (status, type,
// body, headers) out. server.cc carries these over HTTP/1.1 (Boost.Beast);
// keeping the two apart lets every endpoint be tested without a socket.
// Nothing here writes a draft anywhere: a request lives in memory only.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "checker/base/status.h"
#include "checker/checks/register_checks.h"
#include "checker/engine/config.h"
#include "checker/engine/resources.h"

namespace citelint::serve {

// What a (re)load gives: the config and the rules it names.
struct Rules {
  Config config;
  Resources resources;
};
using RulesLoader = std::function<Expected<Rules>()>;

struct Request {
  std::string method;          // "GET", "POST", …
  std::string path;            // "/v1/check" (no query)
  std::string query;           // "profile=publish&path=story.md" (no "?")
  std::string content_type;    // as sent: "text/markdown; charset=utf-8"
  std::string authorization;   // as sent: "Bearer …"
  std::string body;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra: Allow, WWW-Authenticate, Retry-After
};

class Service {
 public:
  // Loads the rules once; fails as the loader does (path:line:col).
  static Expected<std::unique_ptr<Service>> Create(RulesLoader loader, std::string token);

  // Answers one request; safe from any thread.
  Response Handle(const Request& request);
  // Loads the rules again; on failure the old ones stay and the error is returned.
  Status Reload();
  // Draining (SIGTERM): /readyz answers 503 so a balancer stops sending.
  void SetDraining() { draining_ = true; }

  // Counted by the server: every answer (path, status, seconds), a request
  // refused before it reached Handle included.
  void Record(const std::string& path, int status, double seconds);
  [[nodiscard]] std::string Metrics() const;

 private:
  struct Loaded {
    Rules rules;
    std::map<std::string, Profile> profiles;   // every profile the config knows, by name
    std::map<std::string, CheckList> enabled;  // by profile name
    std::string default_profile;
  };
  Service(RulesLoader loader, std::string token) : loader_(std::move(loader)), token_(std::move(token)) {}
  static Expected<std::shared_ptr<const Loaded>> Load(const RulesLoader& loader);
  [[nodiscard]] std::shared_ptr<const Loaded> Current() const;
  Response Check(const Request& request, bool html);
  Response RulesList() const;

  RulesLoader loader_;
  std::string token_;
  mutable std::mutex mu_;
  std::mutex reload_mu_;
  std::shared_ptr<const Loaded> loaded_;
  std::atomic<bool> draining_{false};

  // Metrics.
  mutable std::mutex metrics_mu_;
  std::map<std::pair<std::string, int>, long> requests_;  // (path, status) → count
  std::vector<long> latency_buckets_;                     // cumulative counts per bound
  double latency_sum_ = 0;
  long latency_count_ = 0;
  std::map<std::string, long> findings_;                  // by rule
  std::map<std::string, long> reloads_;                   // "ok" / "failed"
};

// Seconds bounds of the latency histogram.
const std::vector<double>& LatencyBounds();

}  // namespace citelint::serve
