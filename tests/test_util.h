// Helpers shared by the tests: paths, loading from a string, running the
// citelint binary.
#pragma once

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include "checker/document/loader.h"
#include "checker/checks/register_checks.h"

namespace citelint::test {

inline std::filesystem::path SourceDir() { return CITELINT_SOURCE_DIR; }

// ../shared beside the checkout, or $CITELINT_SHARED_DIR; empty if absent.
inline std::filesystem::path SharedDir() {
  if (const char* env = std::getenv("CITELINT_SHARED_DIR"); env != nullptr && *env != '\0') return env;
  std::filesystem::path p = CITELINT_SHARED_DIR;
  std::error_code ec;
  return std::filesystem::is_directory(p, ec) ? p : std::filesystem::path();
}

// The shipped rules directory's lexicons and options, loaded once.
inline const Resources& ShippedResources() {
  static const Resources* r = [] {
    auto loaded = LoadRules((SourceDir() / "rules").string());
    if (!loaded.ok()) throw std::runtime_error(loaded.status().message());
    return new Resources(std::move(loaded).value());
  }();
  return *r;
}

inline Document Load(std::string text, Format format, std::string path = "test") {
  auto doc = LoadDocument(std::make_shared<const SourceFile>(std::move(path), std::move(text)), format);
  if (!doc.ok()) throw std::runtime_error(doc.status().message());
  return std::move(doc).value();
}

// Whether `s` is a view of the document's source bytes (read where the
// source has it, not a copy).
inline bool ViewsSource(const Document& doc, std::string_view s) {
  const std::string_view bytes = doc.source->bytes();
  return !s.empty() && s.data() >= bytes.data() && s.data() + s.size() <= bytes.data() + bytes.size();
}

inline std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the citelint binary with a shell-quoted argument string.
inline RunResult RunCitelint(const std::string& args, const std::string& stdin_text = "", const std::string& cwd = "") {
  namespace fs = std::filesystem;
  static int counter = 0;
  const fs::path dir = fs::temp_directory_path() / ("citelint-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string id = std::to_string(counter++);
  const fs::path in = dir / ("in" + id), out = dir / ("out" + id), err = dir / ("err" + id);
  std::ofstream(in, std::ios::binary) << stdin_text;
  const std::string cmd = std::string("'") + CITELINT_BINARY + "' " + args + " <'" + in.string() + "' >'" +
                          out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system((cwd.empty() ? cmd : "cd '" + cwd + "' && " + cmd).c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

// A test with its own temporary directory, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("citelint-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->test_suite_name() + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // Writes a file under the directory (creating folders) and returns its path.
  std::string Write(const std::string& name, const std::string& content) {
    const std::filesystem::path p = dir_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  std::filesystem::path dir_;
};

}  // namespace citelint::test
