// A small RE2 wrapper that speaks std::string_view and byte offsets, so no RE2
// type appears outside checker/text/. Patterns are compiled once.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checker/base/span.h"
#include "checker/base/status.h"

namespace citelint::text {

class Regex {
 public:
  // Compiles a pattern; the error names RE2's reason.
  static Expected<Regex> Compile(std::string_view pattern, bool ignore_case = false);
  Regex(Regex&&) noexcept;
  Regex& operator=(Regex&&) noexcept;
  ~Regex();

  // Every non-overlapping match of the whole pattern, as byte spans of `text`.
  [[nodiscard]] std::vector<Span> FindAll(std::string_view text) const;
  [[nodiscard]] bool Contains(std::string_view text) const;
  // Every match with its capture groups: element 0 is the whole match; an
  // unmatched group is an empty span at 0.
  [[nodiscard]] std::vector<std::vector<Span>> FindAllGroups(std::string_view text) const;
  [[nodiscard]] int GroupCount() const;

 private:
  struct Impl;
  explicit Regex(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// URLs (http, https, www.) in free text, trailing punctuation trimmed.
std::vector<std::string> FindUrls(std::string_view text);

}  // namespace citelint::text
