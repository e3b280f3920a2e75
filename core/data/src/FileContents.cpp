#include "FileContents.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#define CAUSEWAY_HAS_MMAP 1
#endif

namespace causeway::data {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{8} << 20;

struct FileCloser {
  void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};

Error ioError(const std::filesystem::path& path, const std::string& what) {
  return makeError(ErrorCode::IoError, what, ErrorContext{path.string(), 0, 0, {}});
}

Error cancelled(const std::filesystem::path& path) {
  return makeError(ErrorCode::Cancelled, "reading cancelled", ErrorContext{path.string(), 0, 0, {}});
}

}  // namespace

Result<FileContents> FileContents::read(const std::filesystem::path& path, const Progress& progress,
                                        double progressShare) {
  std::error_code status;
  if (std::filesystem::is_directory(path, status)) return ioError(path, "cannot read a directory as a data file");
  // Pipes and other special files have no size up front; they are read until EOF.
  std::uintmax_t knownSize = 0;
  if (std::filesystem::is_regular_file(path, status)) {
    knownSize = std::filesystem::file_size(path, status);
    if (status) knownSize = 0;
  }
  FileContents contents;
  if (knownSize > 0 && tryMap(path, knownSize, progress, progressShare, contents)) {
    if (progress.cancelled()) return cancelled(path);
    return contents;
  }
  return readIntoBuffer(path, knownSize, progress, progressShare);
}

bool FileContents::tryMap(const std::filesystem::path& path, std::uintmax_t size, const Progress& progress,
                          double progressShare, FileContents& contents) {
#ifdef CAUSEWAY_HAS_MMAP
  const int descriptor = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (descriptor < 0) return false;  // the buffered path reports why
  const auto length = static_cast<std::size_t>(size);
  void* address = ::mmap(nullptr, length, PROT_READ, MAP_PRIVATE, descriptor, 0);
  ::close(descriptor);  // the mapping keeps the file open
  if (address == MAP_FAILED) return false;
  contents.data_ = std::shared_ptr<const char>(
      static_cast<const char*>(address), [length](const char* mapped) { ::munmap(const_cast<char*>(mapped), length); });
  contents.size_ = length;
#ifdef MADV_POPULATE_READ
  // Fault the pages in now, block by block, so a cold file shows progress and can be cancelled;
  // older kernels refuse this and the parser's threads fault the pages in instead.
  auto* bytes = static_cast<char*>(address);
  for (std::size_t offset = 0; offset < length && !progress.cancelled(); offset += kBlockBytes) {
    const std::size_t block = std::min(kBlockBytes, length - offset);
    if (::madvise(bytes + offset, block, MADV_POPULATE_READ) != 0) break;
    progress.report(progressShare * static_cast<double>(offset + block) / static_cast<double>(length));
  }
#else
  ::madvise(address, length, MADV_WILLNEED);
#endif
  return true;
#else
  (void)path;
  (void)size;
  (void)progress;
  (void)progressShare;
  (void)contents;
  return false;
#endif
}

Result<FileContents> FileContents::readIntoBuffer(const std::filesystem::path& path, std::uintmax_t knownSize,
                                                  const Progress& progress, double progressShare) {
  errno = 0;
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.string().c_str(), "rb"));
  if (!file) return ioError(path, std::string("cannot open file: ") + std::strerror(errno));

  // One byte more than the file, so the read that finds EOF needs no larger buffer.
  std::size_t capacity = knownSize > 0 ? static_cast<std::size_t>(knownSize) + 1 : kBlockBytes;
  auto buffer = std::make_unique_for_overwrite<char[]>(capacity);
  std::size_t size = 0;
  for (;;) {
    if (size == capacity) {  // the file grew, or its size was unknown
      const std::size_t larger = capacity * 2;
      auto bigger = std::make_unique_for_overwrite<char[]>(larger);
      std::memcpy(bigger.get(), buffer.get(), size);
      buffer = std::move(bigger);
      capacity = larger;
    }
    const std::size_t want = std::min(kBlockBytes, capacity - size);
    const std::size_t got = std::fread(buffer.get() + size, 1, want, file.get());
    size += got;
    if (got < want) {
      if (std::ferror(file.get()) != 0) return ioError(path, std::string("read error: ") + std::strerror(errno));
      break;
    }
    if (progress.cancelled()) return cancelled(path);
    if (knownSize > 0)
      progress.report(progressShare * std::min(1.0, static_cast<double>(size) / static_cast<double>(knownSize)));
  }
  FileContents contents;
  contents.data_ = std::shared_ptr<const char>(buffer.release(), std::default_delete<const char[]>());
  contents.size_ = size;
  return contents;
}

}  // namespace causeway::data
