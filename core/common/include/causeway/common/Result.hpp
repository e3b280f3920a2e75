#pragma once

#include <cassert>
#include <stdexcept>
#include <utility>
#include <variant>

#include "causeway/common/Error.hpp"

namespace causeway {

// Expected failures are values: a Result holds either a T or an Error.
// (std::expected is C++23; this is the small subset we need.)
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const noexcept { return std::holds_alternative<T>(state_); }
  explicit operator bool() const noexcept { return ok(); }

  [[nodiscard]] T& value() & { return checkedValue(); }
  [[nodiscard]] const T& value() const& { return const_cast<Result*>(this)->checkedValue(); }
  [[nodiscard]] T&& value() && { return std::move(checkedValue()); }
  T* operator->() { return &checkedValue(); }
  const T* operator->() const { return &const_cast<Result*>(this)->checkedValue(); }
  T& operator*() & { return checkedValue(); }
  const T& operator*() const& { return const_cast<Result*>(this)->checkedValue(); }

  [[nodiscard]] const Error& error() const& {
    if (ok()) throw std::logic_error("Result::error() called on a success");
    return std::get<Error>(state_);
  }
  [[nodiscard]] Error&& error() && {
    if (ok()) throw std::logic_error("Result::error() called on a success");
    return std::move(std::get<Error>(state_));
  }

 private:
  T& checkedValue() {
    if (!ok()) throw std::logic_error("Result::value() on an error: " + std::get<Error>(state_).message);
    return std::get<T>(state_);
  }
  std::variant<T, Error> state_;
};

// Result<void>: success carries nothing.
struct Ok {};
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Ok) {}                                            // NOLINT(google-explicit-constructor)
  Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT

  [[nodiscard]] bool ok() const noexcept { return !failed_; }
  explicit operator bool() const noexcept { return ok(); }
  [[nodiscard]] const Error& error() const {
    if (!failed_) throw std::logic_error("Result::error() called on a success");
    return error_;
  }

 private:
  Error error_;
  bool failed_ = false;
};

inline Error makeError(ErrorCode code, std::string message, ErrorContext context = {}) {
  return Error{code, std::move(message), std::move(context)};
}

}  // namespace causeway
