// Boxed<T>: an optional value kept on the heap, for a large member that is
// usually absent (a sentence's attribution): 8 bytes when empty, where
// std::optional<T> always takes sizeof(T). Copies are deep; reads like
// std::optional (bool test, ->, *, has_value, reset).
#pragma once

#include <memory>
#include <optional>
#include <utility>

namespace citelint {

template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}  // NOLINT(google-explicit-constructor): as std::optional
  Boxed(const T& v) : p_(std::make_unique<T>(v)) {}  // NOLINT(google-explicit-constructor)
  Boxed(T&& v) : p_(std::make_unique<T>(std::move(v))) {}  // NOLINT(google-explicit-constructor)
  Boxed(const std::optional<T>& v) {  // NOLINT(google-explicit-constructor)
    if (v) p_ = std::make_unique<T>(*v);
  }
  Boxed(std::optional<T>&& v) {  // NOLINT(google-explicit-constructor)
    if (v) p_ = std::make_unique<T>(std::move(*v));
  }
  Boxed(const Boxed& o) : p_(o.p_ ? std::make_unique<T>(*o.p_) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  Boxed& operator=(const Boxed& o) {
    if (this != &o) p_ = o.p_ ? std::make_unique<T>(*o.p_) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  ~Boxed() = default;

  [[nodiscard]] bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return p_ != nullptr; }
  T* operator->() { return p_.get(); }
  const T* operator->() const { return p_.get(); }
  T& operator*() { return *p_; }
  const T& operator*() const { return *p_; }
  void reset() { p_.reset(); }
  template <class... Args>
  T& emplace(Args&&... args) {
    p_ = std::make_unique<T>(std::forward<Args>(args)...);
    return *p_;
  }
  // A copy as a std::optional (for code that takes one).
  [[nodiscard]] std::optional<T> optional() const { return p_ ? std::optional<T>(*p_) : std::nullopt; }

 private:
  std::unique_ptr<T> p_;
};

}  // namespace citelint
