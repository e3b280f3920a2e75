#pragma once

#include <functional>
#include <stop_token>
#include <utility>

namespace causeway {

// Long-running core work reports progress and polls for cancellation through this;
// it knows nothing of threads. A default-constructed Progress reports nowhere and never stops.
class Progress {
 public:
  using Callback = std::function<void(double fraction)>;

  Progress() = default;
  explicit Progress(std::stop_token stop, Callback callback = {})
      : stop_(std::move(stop)), callback_(std::move(callback)) {}

  [[nodiscard]] bool cancelled() const noexcept { return stop_.stop_requested(); }
  void report(double fraction) const {
    if (callback_) callback_(fraction);
  }
  [[nodiscard]] const std::stop_token& stopToken() const noexcept { return stop_; }

 private:
  std::stop_token stop_;
  Callback callback_;
};

}  // namespace causeway
