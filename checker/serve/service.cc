#include "checker/serve/service.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <sstream>

#include "checker/document/loader.h"
#include "checker/engine/check.h"
#include "checker/extract/quote_sheet.h"
#include "checker/report/html.h"
#include "checker/report/report.h"
#include "checker/text/unicode.h"

namespace citelint::serve {
namespace {

Response Error(int status, const std::string& message) {
  Response r;
  r.status = status;
  r.body = nlohmann::json{{"error", message}, {"status", status}}.dump(-1, ' ', false,
                                                                       nlohmann::json::error_handler_t::replace) +
           "\n";
  return r;
}

std::string Lower(std::string_view s) {
  std::string out;
  for (char c : s) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// "text/markdown; charset=UTF-8" → ("text/markdown", "UTF-8").
std::pair<std::string, std::string> ParseContentType(std::string_view value) {
  const size_t semi = value.find(';');
  std::string media = Lower(Trim(value.substr(0, semi)));
  std::string charset;
  while (semi != std::string_view::npos && !value.empty()) {
    value.remove_prefix(value.find(';') + 1);
    const size_t next = value.find(';');
    const std::string param = Trim(value.substr(0, next));
    const size_t eq = param.find('=');
    if (eq != std::string::npos && Lower(Trim(std::string_view(param).substr(0, eq))) == "charset") {
      charset = Trim(std::string_view(param).substr(eq + 1));
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') charset = charset.substr(1, charset.size() - 2);
    }
    if (next == std::string_view::npos) break;
  }
  return {media, charset};
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') {
      out += ' ';
    } else if (s[i] == '%' && i + 2 < s.size() && HexDigit(s[i + 1]) >= 0 && HexDigit(s[i + 2]) >= 0) {
      out += static_cast<char>(HexDigit(s[i + 1]) * 16 + HexDigit(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A flat JSON object: nothing nested outside strings. Checked before parsing,
// so that a body of 16 MB of "[" cannot grow a document tree of a gigabyte.
bool FlatJsonObject(std::string_view body) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > 1 || c == '[') return false;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return true;
}

// Same length and bytes, in time that does not depend on where they differ.
bool SameSecret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// The token of "Bearer TOKEN" (the scheme in any case), or "".
std::string_view BearerToken(std::string_view header) {
  if (header.size() < 7 || Lower(header.substr(0, 7)) != "bearer ") return {};
  header.remove_prefix(7);
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  return header;
}

std::map<std::string, std::string> ParseQuery(std::string_view q) {
  std::map<std::string, std::string> out;
  while (!q.empty()) {
    const size_t amp = q.find('&');
    const std::string_view pair = q.substr(0, amp);
    const size_t eq = pair.find('=');
    out[PercentDecode(pair.substr(0, eq))] = eq == std::string_view::npos ? "" : PercentDecode(pair.substr(eq + 1));
    if (amp == std::string_view::npos) break;
    q.remove_prefix(amp + 1);
  }
  return out;
}

// The format a media type names.
std::optional<Format> FormatOfMedia(const std::string& media) {
  if (media == "text/plain") return Format::kText;
  if (media == "text/markdown" || media == "text/x-markdown") return Format::kMarkdown;
  if (media == "text/html" || media == "application/xhtml+xml") return Format::kHtml;
  if (media == "text/x-rst" || media == "text/prs.fallenstein.rst") return Format::kRst;
  return std::nullopt;
}

// Only known paths name a metric series (a scanner's paths would not).
std::string MetricPath(const std::string& path) {
  static const char* known[] = {"/v1/check", "/v1/report", "/v1/rules", "/healthz", "/readyz", "/metrics"};
  for (const char* k : known) {
    if (path == k) return path;
  }
  return "other";
}

}  // namespace

const std::vector<double>& LatencyBounds() {
  static const std::vector<double> bounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
  return bounds;
}

Expected<std::shared_ptr<const Service::Loaded>> Service::Load(const RulesLoader& loader) {
  auto rules = loader();
  if (!rules.ok()) return rules.status();
  auto loaded = std::make_shared<Loaded>();
  loaded->rules = std::move(rules).value();
  const Config& config = loaded->rules.config;
  auto selected = ResolveProfile(config, "");
  if (!selected.ok()) return selected.status();
  loaded->default_profile = selected->name;
  std::vector<Profile> all = BuiltinProfiles();
  all.insert(all.end(), config.profiles.begin(), config.profiles.end());
  for (const Profile& p : all) {
    loaded->profiles[p.name] = p;
    loaded->enabled[p.name] = EnabledRules(loaded->rules.resources, config, false, p.name);
  }
  return std::shared_ptr<const Loaded>(std::move(loaded));
}

Expected<std::unique_ptr<Service>> Service::Create(RulesLoader loader, std::string token) {
  std::unique_ptr<Service> s(new Service(std::move(loader), std::move(token)));
  auto loaded = Load(s->loader_);
  if (!loaded.ok()) return loaded.status();
  s->loaded_ = std::move(loaded).value();
  s->latency_buckets_.assign(LatencyBounds().size(), 0);
  return s;
}

std::shared_ptr<const Service::Loaded> Service::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return loaded_;
}

Status Service::Reload() {
  // One reload at a time: two SIGHUPs close together cannot finish out of order.
  std::lock_guard<std::mutex> reloading(reload_mu_);
  auto loaded = Load(loader_);
  {
    std::lock_guard<std::mutex> lock(metrics_mu_);
    ++reloads_[loaded.ok() ? "ok" : "failed"];
  }
  if (!loaded.ok()) return loaded.status();
  std::lock_guard<std::mutex> lock(mu_);
  loaded_ = std::move(loaded).value();
  return Status::Ok();
}

Response Service::Handle(const Request& r) {
  const bool open = r.path == "/healthz" || r.path == "/readyz";
  if (!token_.empty() && !open && !SameSecret(BearerToken(r.authorization), token_)) {
    Response e = Error(401, r.authorization.empty() ? "a bearer token is required (Authorization: Bearer …)"
                                                    : "the bearer token is not the one this service was given");
    e.headers.emplace_back("WWW-Authenticate", "Bearer");
    return e;
  }
  auto only = [&](const char* method) -> std::optional<Response> {
    if (r.method == method) return std::nullopt;
    Response e = Error(405, fmt::format("{} takes {}", r.path, method));
    e.headers.emplace_back("Allow", method);
    return e;
  };
  if (r.path == "/healthz") {
    if (auto e = only("GET")) return *e;
    return {200, "application/json", "{\"status\":\"ok\"}\n", {}};
  }
  if (r.path == "/readyz") {
    if (auto e = only("GET")) return *e;
    if (draining_) return Error(503, "draining: finishing the requests in flight before it stops");
    return {200, "application/json", fmt::format("{{\"status\":\"ready\",\"rules\":{}}}\n", AllRules(Current()->rules.resources).size()), {}};
  }
  if (r.path == "/metrics") {
    if (auto e = only("GET")) return *e;
    return {200, "text/plain; version=0.0.4; charset=utf-8", Metrics(), {}};
  }
  if (r.path == "/v1/rules") {
    if (auto e = only("GET")) return *e;
    return RulesList();
  }
  if (r.path == "/v1/check" || r.path == "/v1/report") {
    if (auto e = only("POST")) return *e;
    try {
      return Check(r, r.path == "/v1/report");
    } catch (const std::bad_alloc&) {
      return Error(500, "out of memory while checking the draft");
    } catch (const std::exception& e) {
      return Error(500, fmt::format("internal error while checking the draft: {} (please report it)", e.what()));
    }
  }
  return Error(404, fmt::format("no such endpoint: {} (POST /v1/check, POST /v1/report, GET /v1/rules, /healthz, "
                                "/readyz, /metrics)",
                                r.path));
}

Response Service::RulesList() const {
  const auto loaded = Current();
  const Resources& res = loaded->rules.resources;
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& check : AllRules(res)) {
    const RuleInfo& i = check->info();
    auto sev = res.severity.find(i.id);
    out.push_back({{"id", i.id},
                   {"severity", SeverityName(sev == res.severity.end() ? i.severity : sev->second)},
                   {"status", i.status},
                   {"profile", RuleProfile(i, res)},
                   {"summary", i.summary}});
  }
  nlohmann::ordered_json profiles = nlohmann::ordered_json::array();
  for (const auto& [name, p] : loaded->profiles) {
    profiles.push_back({{"name", name}, {"runs", p.runs}, {"gate", p.gate()}, {"default", name == loaded->default_profile}});
  }
  return {200, "application/json", nlohmann::ordered_json{{"rules", out}, {"profiles", profiles}}.dump(2) + "\n", {}};
}

Response Service::Check(const Request& r, bool html) {
  const auto loaded = Current();
  const auto [media, charset] = ParseContentType(r.content_type);
  const auto query = ParseQuery(r.query);
  auto param = [&](const char* key) {
    auto it = query.find(key);
    return it == query.end() ? std::string() : it->second;
  };
  std::string text, path = param("path"), profile_name = param("profile");
  std::optional<Format> format;
  if (media == "application/json") {
    if (!FlatJsonObject(r.body)) {
      return Error(400, "the JSON body must be an object of strings: {\"format\", \"text\", \"profile\", \"path\"}");
    }
    const auto j = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return Error(400, "the body is not valid JSON");
    if (!j.is_object()) return Error(400, "the JSON body must be an object: {\"format\", \"text\", \"profile\", \"path\"}");
    for (const auto& [key, value] : j.items()) {
      if (key != "format" && key != "text" && key != "profile" && key != "path") {
        return Error(400, fmt::format("unknown key '{}' in the JSON body (format, text, profile, path)", key));
      }
      if (!value.is_string()) return Error(400, fmt::format("'{}' must be a string", key));
    }
    if (!j.contains("text")) return Error(400, "the JSON body has no 'text'");
    text = j["text"].get<std::string>();
    if (j.contains("profile")) profile_name = j["profile"].get<std::string>();
    if (j.contains("path")) path = j["path"].get<std::string>();
    const std::string name = j.value("format", std::string("txt"));
    format = ParseFormat(name);
    if (!format) return Error(400, fmt::format("unknown format '{}' (txt, md, html, rst)", name));
  } else {
    format = FormatOfMedia(media);
    if (!format) {
      return Error(415, fmt::format("unsupported Content-Type '{}': send text/plain, text/markdown, text/html, "
                                    "text/x-rst or application/json",
                                    media));
    }
    if (charset.empty()) {
      text = r.body;
    } else {
      bool unknown = false;
      auto utf8 = text::FromCharset(r.body, charset, &unknown);
      if (unknown) return Error(415, fmt::format("unsupported charset '{}'", charset));
      if (!utf8) return Error(400, fmt::format("the body is not valid {}", charset));
      text = std::move(*utf8);
    }
  }
  if (path.empty()) path = fmt::format("draft.{}", FormatName(*format));
  if (profile_name.empty()) profile_name = loaded->default_profile;
  const auto profile = loaded->profiles.find(profile_name);
  if (profile == loaded->profiles.end()) {
    auto resolved = ResolveProfile(loaded->rules.config, profile_name);
    const std::string message = resolved.ok() ? "unknown profile" : resolved.status().message();
    const size_t cut = message.find("unknown profile");
    return Error(400, cut == std::string::npos ? message : message.substr(cut));
  }

  auto source = std::make_shared<const SourceFile>(path, std::move(text));
  auto doc = LoadDocument(source, format);
  if (!doc.ok()) {
    const std::string& m = doc.status().message();
    const size_t cut = m.find(": error: ");
    return Error(400, cut == std::string::npos ? m : m.substr(cut + 9));
  }
  if (doc->format == Format::kHtml) ResolveAcrossDocuments({&*doc});  // as check does for one HTML file
  const Rules& rules = loaded->rules;
  const CheckList& enabled = loaded->enabled.at(profile_name);
  const Profile& p = profile->second;

  Response out;
  std::vector<Diagnostic> diagnostics;
  std::ostringstream body;
  if (html) {
    Analysis analysis(*doc, rules.resources);
    report::HtmlDraft draft;
    draft.doc = &*doc;
    draft.extraction = &analysis.extraction();
    draft.diagnostics = CheckDocument(analysis, rules.resources, rules.config, enabled);
    draft.quotes = extract::QuoteSheet(*doc, analysis.extraction(), analysis.lexicon());
    if (p.gate()) draft.blocking = p.Blocking(draft.diagnostics);
    diagnostics = draft.diagnostics;
    std::vector<RuleInfo> infos;
    for (const auto& c : AllRules(rules.resources)) infos.push_back(c->info());
    report::HtmlOptions options;
    options.version = CITELINT_VERSION;
    options.gate = p.gate();
    std::vector<report::HtmlDraft> drafts;
    drafts.push_back(std::move(draft));
    report::WriteHtmlReport(body, drafts, infos, options);
    out.content_type = "text/html; charset=utf-8";
  } else {
    diagnostics = CheckDocument(*doc, rules.resources, rules.config, enabled);
    const std::map<std::string, std::shared_ptr<const SourceFile>> sources = {{path, source}};
    const std::vector<std::string> files = {path};
    report::Input input{diagnostics, sources,
                        report::Summary{1, static_cast<int>(doc->markers.size()), static_cast<int>(doc->notes.size())}};
    input.files = &files;
    std::vector<bool> blocking;
    report::GateVerdict gate;
    if (p.gate()) {
      gate.profile = p.name;
      blocking = p.Blocking(diagnostics);
      gate.blocking = static_cast<int>(std::count(blocking.begin(), blocking.end(), true));
      gate.hold = gate.blocking > 0;
      input.gate = &gate;
      input.blocking = &blocking;
    }
    report::WriteJson(body, input);
  }
  {
    std::lock_guard<std::mutex> lock(metrics_mu_);
    for (const Diagnostic& d : diagnostics) ++findings_[d.rule];
  }
  out.body = std::move(body).str();
  return out;
}

void Service::Record(const std::string& path, int status, double seconds) {
  std::lock_guard<std::mutex> lock(metrics_mu_);
  ++requests_[{MetricPath(path), status}];
  const auto& bounds = LatencyBounds();
  for (size_t i = 0; i < bounds.size(); ++i) {
    if (seconds <= bounds[i]) ++latency_buckets_[i];
  }
  latency_sum_ += seconds;
  ++latency_count_;
}

std::string Service::Metrics() const {
  std::lock_guard<std::mutex> lock(metrics_mu_);
  std::string out;
  out += "# HELP citelint_requests_total Requests answered, by path and status.\n"
         "# TYPE citelint_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    out += fmt::format("citelint_requests_total{{path=\"{}\",status=\"{}\"}} {}\n", key.first, key.second, n);
  }
  out += "# HELP citelint_request_duration_seconds Time from a request read to its answer.\n"
         "# TYPE citelint_request_duration_seconds histogram\n";
  const auto& bounds = LatencyBounds();
  for (size_t i = 0; i < bounds.size(); ++i) {
    out += fmt::format("citelint_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", bounds[i], latency_buckets_[i]);
  }
  out += fmt::format("citelint_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", latency_count_);
  out += fmt::format("citelint_request_duration_seconds_sum {}\n", latency_sum_);
  out += fmt::format("citelint_request_duration_seconds_count {}\n", latency_count_);
  out += "# HELP citelint_findings_total Findings reported, by rule.\n# TYPE citelint_findings_total counter\n";
  for (const auto& [rule, n] : findings_) out += fmt::format("citelint_findings_total{{rule=\"{}\"}} {}\n", rule, n);
  long errors = 0;
  for (const auto& [key, n] : requests_) errors += key.second >= 400 ? n : 0;
  out += "# HELP citelint_errors_total Requests answered with a 4xx or 5xx status.\n# TYPE citelint_errors_total counter\n";
  out += fmt::format("citelint_errors_total {}\n", errors);
  out += "# HELP citelint_reloads_total Rule reloads (SIGHUP), by result.\n# TYPE citelint_reloads_total counter\n";
  for (const char* result : {"ok", "failed"}) {
    auto it = reloads_.find(result);
    out += fmt::format("citelint_reloads_total{{result=\"{}\"}} {}\n", result, it == reloads_.end() ? 0 : it->second);
  }
  return out;
}

}  // namespace citelint::serve
