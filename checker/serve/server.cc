#include "checker/serve/server.h"

#include <fmt/format.h>

#include <array>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <csignal>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace citelint::serve {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

class Session;

class Server {
 public:
  Server(Service& service, const ServerOptions& options, std::ostream& log)
      : service_(service),
        options_(options),
        log_(log),
        acceptor_(io_),
        pool_(static_cast<size_t>(Workers(options))),
        signals_(io_, SIGTERM, SIGINT, SIGHUP),
        retry_(io_) {}

  static int Workers(const ServerOptions& o) {
    return o.workers > 0 ? o.workers : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  int Run() {
    beast::error_code ec;
    const auto address = net::ip::make_address(options_.host, ec);
    if (ec) {
      log_ << fmt::format("citelint serve: error: --listen: '{}' is not an IP address\n", options_.host);
      return 2;
    }
    const tcp::endpoint endpoint(address, options_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      log_ << fmt::format("citelint serve: error: cannot listen on {}:{}: {}\n", options_.host, options_.port, ec.message());
      return 2;
    }
    log_ << fmt::format("citelint serve: listening on http://{}:{} ({} workers)\n", options_.host,
                        acceptor_.local_endpoint().port(), Workers(options_))
         << std::flush;
    Accept();
    Signals();
    io_.run();
    pool_.join();
    log_ << "citelint serve: stopped\n" << std::flush;
    return 0;
  }

  Service& service() { return service_; }
  const ServerOptions& options() const { return options_; }
  net::thread_pool& pool() { return pool_; }
  bool draining() const { return draining_; }
  int max_in_flight() const {
    return options_.max_in_flight > 0 ? options_.max_in_flight : std::max(64, 16 * Workers(options_));
  }
  std::atomic<int> in_flight{0};

  void Add(Session* s) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_.insert(s);
  }
  void Remove(Session* s) {
    std::lock_guard<std::mutex> lock(mu_);
    sessions_.erase(s);
  }
  // One access-log line: never a query string, a header or a body.
  void Log(const std::string& method, const std::string& path, int status, size_t bytes, double seconds) {
    service_.Record(path, status, seconds);
    log_ << fmt::format("{} {} {} {} {:.1f}ms\n", method.empty() ? "-" : method, path.empty() ? "-" : path, status, bytes,
                        seconds * 1000)
         << std::flush;
  }

 private:
  void Accept();
  void Signals();
  void Drain();

  Service& service_;
  const ServerOptions& options_;
  std::ostream& log_;
  net::io_context io_{1};
  tcp::acceptor acceptor_;
  net::thread_pool pool_;
  net::signal_set signals_;
  net::steady_timer retry_;
  std::mutex mu_;
  std::set<Session*> sessions_;
  bool draining_ = false;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, Server& server)
      : stream_(std::move(socket)),
        timer_(stream_.get_executor()),
        server_(server),
        // Room for the headers and one read; the body goes to the parser's
        // string as it comes. Without a cap, an endless chunk-size line
        // (which no header limit covers) would grow the buffer unbounded.
        buffer_(static_cast<size_t>(server.options().max_header) + 65536) {}
  ~Session() { server_.Remove(this); }

  void Start() {
    server_.Add(this);
    Read();
  }
  // Draining: a connection waiting for its next request is closed now; one
  // with a request arriving or being checked is answered, then closed.
  void CloseIfIdle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_ && !(self->parser_ && self->parser_->got_some())) self->Close();
    });
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->header_limit(server_.options().max_header);
    parser_->body_limit(server_.options().max_body);
    timed_out_ = false;
    reading_ = true;
    const uint64_t generation = ++generation_;
    // Our own deadline, not the stream's: on expiry the read is cancelled
    // and the socket stays open for a 408. A late expiry (the read already
    // done, a reply on its way) is ignored by its generation.
    timer_.expires_after(server_.options().request_timeout);
    timer_.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
      if (ec || !self->reading_ || self->generation_ != generation) return;
      self->timed_out_ = true;
      beast::error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    timer_.cancel();
    reading_ = false;
    started_ = Clock::now();
    if (ec == http::error::end_of_stream || ec == http::error::partial_message || ec == net::error::eof ||
        ec == net::error::connection_reset) {
      return Close();  // the client went away (mid-body, too)
    }
    if (timed_out_ && ec) {
      if (parser_->got_some()) return Refuse(408, "the request took too long to arrive");
      return Close();  // an idle keep-alive connection
    }
    if (ec == http::error::body_limit) {
      return Refuse(413, fmt::format("the body is larger than {} bytes (--max-body)", server_.options().max_body));
    }
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
      return Refuse(431, fmt::format("the request line and headers (or a chunk header) are larger than {} bytes",
                                     server_.options().max_header));
    }
    if (ec == net::error::operation_aborted || ec == net::error::bad_descriptor) return Close();
    if (ec) {
      if (ec.category() == http::make_error_code(http::error::bad_method).category()) {
        return Refuse(400, fmt::format("malformed request: {}", ec.message()));
      }
      return Close();
    }
    auto& req = parser_->get();
    Request r;
    r.method = std::string(req.method_string());
    const std::string target(req.target());
    const size_t q = target.find('?');
    r.path = target.substr(0, q);
    r.query = q == std::string::npos ? "" : target.substr(q + 1);
    r.content_type = std::string(req[http::field::content_type]);
    r.authorization = std::string(req[http::field::authorization]);
    r.body = std::move(req.body());
    method_ = r.method;
    path_ = r.path;
    keep_alive_ = req.keep_alive();
    version_ = req.version();
    if (server_.in_flight.fetch_add(1) >= server_.max_in_flight()) {
      server_.in_flight.fetch_sub(1);
      Response busy;
      busy.status = 503;
      busy.body = "{\"error\":\"too many requests in flight; retry shortly\",\"status\":503}\n";
      busy.headers.emplace_back("Retry-After", "1");
      return Reply(std::move(busy));
    }
    busy_ = true;
    // The I/O loop must not run out of work (and return) while a check is
    // on a worker: the tracked executor counts as outstanding work.
    auto io = net::prefer(stream_.get_executor(), net::execution::outstanding_work.tracked);
    net::post(server_.pool(), [self = shared_from_this(), r = std::move(r), io = std::move(io)]() mutable {
      Response resp;
      try {
        resp = self->server_.service().Handle(r);
      } catch (const std::exception& e) {  // an exception must not end the process from a worker
        resp.status = 500;
        resp.body = "{\"error\":\"internal error (please report it)\",\"status\":500}\n";
      }
      r.body.clear();
      r.body.shrink_to_fit();
      net::post(io, [self = std::move(self), resp = std::move(resp)]() mutable {
        self->server_.in_flight.fetch_sub(1);
        self->busy_ = false;
        self->Reply(std::move(resp));
      });
    });
  }

  void Refuse(int status, const std::string& why) {
    Response r;
    r.status = status;
    r.body = fmt::format("{{\"error\":\"{}\",\"status\":{}}}\n", why, status);
    keep_alive_ = false;
    Reply(std::move(r));
  }

  void Reply(Response resp) {
    auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(resp.status), version_);
    res->set(http::field::server, "citelint/" CITELINT_VERSION);
    res->set(http::field::content_type, resp.content_type);
    res->set(http::field::cache_control, "no-store");
    for (const auto& [k, v] : resp.headers) res->set(k, v);
    const bool keep = keep_alive_ && !server_.draining();
    res->keep_alive(keep);
    res->body() = std::move(resp.body);
    res->prepare_payload();
    const size_t size = res->body().size();
    const int status = resp.status;
    stream_.expires_after(std::chrono::seconds(30));  // a client that stops reading is dropped
    http::async_write(stream_, *res, [self = shared_from_this(), res, keep, size, status](beast::error_code ec, std::size_t) {
      self->stream_.expires_never();
      self->server_.Log(self->method_, self->path_, status, size,
                        std::chrono::duration<double>(Clock::now() - self->started_).count());
      self->method_.clear();
      self->path_.clear();
      if (ec) return self->Close();
      if (!keep || self->server_.draining()) return self->Linger();
      self->Read();
    });
  }

  // After the last answer: stop sending, then read and drop what the client
  // still sends for a moment, so that closing does not reset the connection
  // before it has read the answer (a 413 sent while its body still comes).
  void Linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (!ec) self->Close();
    });
    Discard();
  }
  void Discard() {
    stream_.socket().async_read_some(net::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      self->discarded_ += n;
      if (ec || self->discarded_ > (1u << 20)) return self->Close();
      self->Discard();
    });
  }

  void Close() {
    beast::error_code ec;
    timer_.cancel();
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.socket().close(ec);
  }

  beast::tcp_stream stream_;
  net::steady_timer timer_;
  Server& server_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  bool timed_out_ = false;
  bool reading_ = false;
  uint64_t generation_ = 0;
  unsigned version_ = 11;
  std::array<char, 4096> scratch_{};
  size_t discarded_ = 0;
  bool keep_alive_ = true;
  bool busy_ = false;
  std::string method_, path_;
  Clock::time_point started_ = Clock::now();
};

void Server::Accept() {
  acceptor_.async_accept(io_, [this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      // Out of file descriptors (EMFILE) and the like: wait a moment, keep serving the others.
      log_ << fmt::format("citelint serve: accept: {}\n", ec.message()) << std::flush;
      retry_.expires_after(std::chrono::milliseconds(100));
      retry_.async_wait([this](beast::error_code e) {
        if (!e) Accept();
      });
      return;
    }
    std::make_shared<Session>(std::move(socket), *this)->Start();
    Accept();
  });
}

void Server::Signals() {
  signals_.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    if (signal == SIGHUP) {
      // Reloaded on a worker, so requests keep being read meanwhile.
      net::post(pool_, [this] {
        const Status s = service_.Reload();
        net::post(io_, [this, s] {
          if (s.ok()) log_ << "citelint serve: rules reloaded\n" << std::flush;
          else log_ << "citelint serve: reload failed, the old rules stay: " << s.message() << '\n' << std::flush;
        });
      });
      Signals();
      return;
    }
    Drain();
  });
}

void Server::Drain() {
  log_ << "citelint serve: draining: no new connections, finishing the requests in flight\n" << std::flush;
  draining_ = true;
  service_.SetDraining();
  beast::error_code ec;
  acceptor_.close(ec);
  retry_.cancel();
  // A second SIGTERM or SIGINT now has its default effect: it ends the process at once.
  signals_.clear(ec);
  signals_.cancel(ec);
  std::vector<std::shared_ptr<Session>> idle;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (Session* s : sessions_) {
      if (auto p = s->weak_from_this().lock()) idle.push_back(std::move(p));
    }
  }
  for (auto& s : idle) s->CloseIfIdle();
}

}  // namespace

int RunServer(Service& service, const ServerOptions& options, std::ostream& log) {
  std::signal(SIGPIPE, SIG_IGN);
  Server server(service, options, log);
  return server.Run();
}

}  // namespace citelint::serve
