#include "FileContents.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace causeway::data {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{8} << 20;

struct FileCloser {
  void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};

Error ioError(const std::filesystem::path& path, const std::string& what) {
  return makeError(ErrorCode::IoError, what, ErrorContext{path.string(), 0, 0, {}});
}

}  // namespace

Result<FileContents> FileContents::read(const std::filesystem::path& path, const Progress& progress,
                                        double progressShare) {
  std::error_code status;
  if (std::filesystem::is_directory(path, status))
    return ioError(path, "cannot read a directory as a data file");
  // Pipes and other special files have no size up front; they are read until EOF.
  std::uintmax_t knownSize = 0;
  if (std::filesystem::is_regular_file(path, status)) {
    knownSize = std::filesystem::file_size(path, status);
    if (status) knownSize = 0;
  }
  errno = 0;
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.string().c_str(), "rb"));
  if (!file) return ioError(path, std::string("cannot open file: ") + std::strerror(errno));

  FileContents contents;
  // One byte more than the file, so the read that finds EOF needs no larger buffer.
  std::size_t capacity = knownSize > 0 ? static_cast<std::size_t>(knownSize) + 1 : kBlockBytes;
  contents.data_ = std::make_unique_for_overwrite<char[]>(capacity);
  for (;;) {
    if (contents.size_ == capacity) {  // the file grew, or its size was unknown
      const std::size_t larger = capacity * 2;
      auto bigger = std::make_unique_for_overwrite<char[]>(larger);
      std::memcpy(bigger.get(), contents.data_.get(), contents.size_);
      contents.data_ = std::move(bigger);
      capacity = larger;
    }
    const std::size_t want = std::min(kBlockBytes, capacity - contents.size_);
    const std::size_t got = std::fread(contents.data_.get() + contents.size_, 1, want, file.get());
    contents.size_ += got;
    if (got < want) {
      if (std::ferror(file.get()) != 0) return ioError(path, "read error");
      break;
    }
    if (progress.cancelled()) return makeError(ErrorCode::Cancelled, "reading cancelled", {path.string(), 0, 0, {}});
    if (knownSize > 0)
      progress.report(progressShare * std::min(1.0, static_cast<double>(contents.size_) / static_cast<double>(knownSize)));
  }
  return contents;
}

}  // namespace causeway::data
