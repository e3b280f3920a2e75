#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>

#include "causeway/common/Progress.hpp"
#include "causeway/common/Result.hpp"

namespace causeway::data {

// A whole file as one block of text: the parser splits it into chunks for its threads and keeps
// text cells as views into it, so it must stay alive until parsing ends. Regular files are
// memory-mapped where the platform allows (no copy, and the page cache is shared); other files
// (pipes, or where mapping fails) are read into a buffer. A file truncated by another program
// while mapped can still bring the process down (SIGBUS), as with any mapped file.
class FileContents {
 public:
  [[nodiscard]] std::string_view text() const noexcept { return {data_.get(), size_}; }

  // Reports progress from 0 to `progressShare` of the whole load; IoError or Cancelled on failure.
  [[nodiscard]] static Result<FileContents> read(const std::filesystem::path& path, const Progress& progress,
                                                 double progressShare);

 private:
  static Result<FileContents> readIntoBuffer(const std::filesystem::path& path, std::uintmax_t knownSize,
                                             const Progress& progress, double progressShare);
  static bool tryMap(const std::filesystem::path& path, std::uintmax_t size, const Progress& progress,
                     double progressShare, FileContents& contents);

  std::shared_ptr<const char> data_;  // a buffer or a mapping; the deleter knows which
  std::size_t size_ = 0;
};

}  // namespace causeway::data
