#include "checker/text/regex.h"

#include <re2/re2.h>

namespace citelint::text {

struct Regex::Impl {
  explicit Impl(std::string_view pattern, const RE2::Options& options)
      : re(re2::StringPiece(pattern.data(), pattern.size()), options) {}
  RE2 re;
};

Regex::Regex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;
Regex::~Regex() = default;

Expected<Regex> Regex::Compile(std::string_view pattern, bool ignore_case) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(!ignore_case);
  auto impl = std::make_unique<Impl>(pattern, options);
  if (!impl->re.ok()) return Status::Error(impl->re.error());
  return Regex(std::move(impl));
}

std::vector<Span> Regex::FindAll(std::string_view text) const {
  std::vector<Span> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  size_t pos = 0;
  while (pos <= text.size() &&
         impl_->re.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const auto begin = static_cast<uint32_t>(match.data() - text.data());
    const auto end = static_cast<uint32_t>(begin + match.size());
    out.push_back({begin, end});
    pos = end > begin ? end : end + 1;
  }
  return out;
}

int Regex::GroupCount() const { return impl_->re.NumberOfCapturingGroups(); }

std::vector<std::vector<Span>> Regex::FindAllGroups(std::string_view text) const {
  std::vector<std::vector<Span>> out;
  const int n = impl_->re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(n);
  re2::StringPiece input(text.data(), text.size());
  size_t pos = 0;
  while (pos <= text.size() && impl_->re.Match(input, pos, text.size(), RE2::UNANCHORED, groups.data(), n)) {
    std::vector<Span> match;
    for (const auto& g : groups) {
      if (g.data() == nullptr) {
        match.push_back({0, 0});
      } else {
        const auto b = static_cast<uint32_t>(g.data() - text.data());
        match.push_back({b, b + static_cast<uint32_t>(g.size())});
      }
    }
    pos = match[0].end > match[0].begin ? match[0].end : match[0].end + 1;
    out.push_back(std::move(match));
  }
  return out;
}

bool Regex::Contains(std::string_view text) const {
  return RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), impl_->re);
}

std::vector<std::string> FindUrls(std::string_view text) {
  static const Regex* const kUrl =
      new Regex(std::move(Regex::Compile(R"((?:https?://|www\.)[^\s<>"“”‘’]+)", true).value()));
  std::vector<std::string> urls;
  for (Span s : kUrl->FindAll(text)) {
    std::string_view url = text.substr(s.begin, s.size());
    while (!url.empty() && std::string_view(".,;:!?)]}'").find(url.back()) != std::string_view::npos) {
      // Keep a closing parenthesis that balances one inside the URL.
      if (url.back() == ')' && url.find('(') != std::string_view::npos) break;
      url.remove_suffix(1);
    }
    urls.emplace_back(url);
  }
  return urls;
}

}  // namespace citelint::text
