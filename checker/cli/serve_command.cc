// `citelint serve`: loads the config and rules as `check` does (the nearest
// .citelint.yaml from the current directory, or --config), then answers
// HTTP until SIGTERM. The HTTP itself is checker/serve/.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "checker/cli/app.h"
#include "checker/cli/commands.h"
#include "checker/serve/server.h"
#include "checker/serve/service.h"

namespace citelint::cli {

int RunServe(const ServeOptions& options) {
  serve::ServerOptions server;
  // HOST:PORT; the host may be [v6].
  const size_t colon = options.listen.rfind(':');
  std::string host = colon == std::string::npos ? options.listen : options.listen.substr(0, colon);
  const std::string port = colon == std::string::npos ? "" : options.listen.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535) {
    std::cerr << fmt::format("citelint serve: error: --listen '{}': give HOST:PORT, e.g. 127.0.0.1:8080\n", options.listen);
    return kExitError;
  }
  server.host = host;
  server.port = static_cast<uint16_t>(std::stoi(port));
  server.max_body = options.max_body;
  server.max_header = static_cast<uint32_t>(std::min<uint64_t>(options.max_header, UINT32_MAX));
  server.request_timeout = std::chrono::milliseconds(static_cast<int64_t>(options.request_timeout * 1000));
  server.workers = options.workers;
  server.max_in_flight = options.max_in_flight;

  std::string token;
  if (!options.token_file.empty()) {
    std::ifstream in(options.token_file, std::ios::binary);
    if (!in) {
      std::cerr << fmt::format("{}: error: cannot read the token file: {}\n", options.token_file, std::strerror(errno));
      return kExitError;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    token = ss.str();
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' ')) token.pop_back();
    if (token.empty() || token.find_first_of(" \t\r\n") != std::string::npos) {
      std::cerr << fmt::format("{}: error: the token file must hold one token (no spaces)\n", options.token_file);
      return kExitError;
    }
  }
  const std::string config_path = options.config.empty() ? FindConfig(".") : options.config;
  // Called at start and on every SIGHUP: the files are read again each time.
  auto loader = [config_path, options]() -> Expected<serve::Rules> {
    auto setup = MakeSetup(config_path, options.rules_dir, options.extra_rules, false, "");
    if (!setup.ok()) return setup.status();
    return serve::Rules{std::move(setup->config), std::move(setup->resources)};
  };
  auto service = serve::Service::Create(loader, token);
  if (!service.ok()) {
    std::cerr << service.status().message() << '\n';
    return kExitError;
  }
  return serve::RunServer(**service, server, std::cerr);
}

}  // namespace citelint::cli
