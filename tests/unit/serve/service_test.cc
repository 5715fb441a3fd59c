// The service's answers without a socket: routing, the token, content types
// and charsets, JSON bodies, profiles, reloads and the metrics text.
#include "checker/serve/service.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/test_util.h"

namespace citelint::serve {
namespace {

// A loader over the shipped rules; `fail` makes the next load fail as a broken config does.
struct Loader {
  bool fail = false;
  RulesLoader Get() {
    return [this]() -> Expected<Rules> {
      if (fail) return Status::Error(".citelint.yaml:1:1: error: broken");
      auto r = LoadRules((test::SourceDir() / "rules").string());
      if (!r.ok()) return r.status();
      return Rules{Config{}, std::move(r).value()};
    };
  }
};

Request Post(std::string path, std::string type, std::string body) {
  Request r;
  r.method = "POST";
  const size_t q = path.find('?');
  r.path = path.substr(0, q);
  r.query = q == std::string::npos ? "" : path.substr(q + 1);
  r.content_type = std::move(type);
  r.body = std::move(body);
  return r;
}

constexpr const char* kDangling = "Rates rose.1 Bonds fell.2\n\nNotes\n1. Central bank minutes\n";

TEST(ServiceTest, RoutesMethodsAndErrors) {
  Loader loader;
  auto s = Service::Create(loader.Get(), "");
  ASSERT_TRUE(s.ok()) << s.status().message();
  Request get;
  get.method = "GET";
  get.path = "/healthz";
  EXPECT_EQ((*s)->Handle(get).status, 200);
  get.path = "/v1/nothing";
  EXPECT_EQ((*s)->Handle(get).status, 404);
  get.path = "/v1/check";
  const Response wrong = (*s)->Handle(get);
  EXPECT_EQ(wrong.status, 405);
  ASSERT_EQ(wrong.headers.size(), 1u);
  EXPECT_EQ(wrong.headers[0], (std::pair<std::string, std::string>{"Allow", "POST"}));
  EXPECT_EQ((*s)->Handle(Post("/v1/check", "application/pdf", "x")).status, 415);
  EXPECT_EQ((*s)->Handle(Post("/v1/check", "text/plain; charset=\"nope-8\"", "x")).status, 415);
  EXPECT_EQ((*s)->Handle(Post("/v1/check", "application/json", "[1]")).status, 400);
  const Response profile = (*s)->Handle(Post("/v1/check?profile=stirct", "text/plain", "x"));
  EXPECT_EQ(profile.status, 400);
  EXPECT_EQ(nlohmann::json::parse(profile.body)["error"],
            "unknown profile 'stirct'; did you mean 'strict'? (profiles: default, strict, publish)");
}

TEST(ServiceTest, ChecksTextAndJsonBodiesWithAVerdict) {
  Loader loader;
  auto s = Service::Create(loader.Get(), "");
  ASSERT_TRUE(s.ok());
  const Response plain = (*s)->Handle(Post("/v1/check?path=rates.txt", "text/plain; charset=UTF-8", kDangling));
  ASSERT_EQ(plain.status, 200) << plain.body;
  const auto j = nlohmann::json::parse(plain.body);
  ASSERT_EQ(j["diagnostics"].size(), 1u);
  EXPECT_EQ(j["diagnostics"][0]["rule"], "notes.dangling-marker");
  EXPECT_EQ(j["diagnostics"][0]["path"], "rates.txt");
  EXPECT_FALSE(j.contains("verdict"));
  const nlohmann::json body = {{"format", "txt"}, {"text", kDangling}, {"profile", "publish"}};
  const auto gate = nlohmann::json::parse((*s)->Handle(Post("/v1/check", "application/json", body.dump())).body);
  EXPECT_EQ(gate["verdict"]["result"], "hold");
  EXPECT_EQ(gate["diagnostics"][0]["path"], "draft.txt");
  EXPECT_EQ(gate["diagnostics"][0]["blocking"], true);
  // Windows-1252 bytes declared as such read as the same text.
  const Response cp = (*s)->Handle(Post("/v1/check", "text/plain; charset=windows-1252", "Caf\xE9 rose.1\n"));
  const Response u8 = (*s)->Handle(Post("/v1/check", "text/plain", "Caf\xC3\xA9 rose.1\n"));
  EXPECT_EQ(cp.body, u8.body);
}

TEST(ServiceTest, TokenReloadAndMetrics) {
  Loader loader;
  auto s = Service::Create(loader.Get(), "t0ken");
  ASSERT_TRUE(s.ok());
  Request r = Post("/v1/check", "text/plain", kDangling);
  EXPECT_EQ((*s)->Handle(r).status, 401);
  r.authorization = "Bearer t0ken";
  EXPECT_EQ((*s)->Handle(r).status, 200);
  EXPECT_TRUE((*s)->Reload().ok());
  loader.fail = true;
  const Status failed = (*s)->Reload();
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.message(), ".citelint.yaml:1:1: error: broken");
  EXPECT_EQ((*s)->Handle(r).status, 200);  // the old rules still answer
  (*s)->Record("/v1/check", 200, 0.003);
  (*s)->Record("/wp-admin", 404, 0.001);
  const std::string m = (*s)->Metrics();
  EXPECT_NE(m.find("citelint_requests_total{path=\"/v1/check\",status=\"200\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("citelint_requests_total{path=\"other\",status=\"404\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("citelint_request_duration_seconds_bucket{le=\"0.0025\"} 1\n"), std::string::npos) << m;
  EXPECT_NE(m.find("citelint_request_duration_seconds_bucket{le=\"0.005\"} 2\n"), std::string::npos) << m;
  EXPECT_NE(m.find("citelint_findings_total{rule=\"notes.dangling-marker\"} 2\n"), std::string::npos) << m;
  EXPECT_NE(m.find("citelint_reloads_total{result=\"ok\"} 1\ncitelint_reloads_total{result=\"failed\"} 1\n"),
            std::string::npos)
      << m;
}

}  // namespace
}  // namespace citelint::serve
