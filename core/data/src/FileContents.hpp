#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"

namespace causeway::data {

// A whole file in one buffer: the parser splits it into chunks for its threads and keeps text
// cells as views into it, so it must stay alive until parsing ends.
class FileContents {
 public:
  [[nodiscard]] std::string_view text() const noexcept { return {data_.get(), size_}; }

  // Reports progress from 0 to `progressShare` of the whole load; IoError or Cancelled on failure.
  [[nodiscard]] static Result<FileContents> read(const std::filesystem::path& path, const Progress& progress,
                                                 double progressShare);

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
};

}  // namespace causeway::data
