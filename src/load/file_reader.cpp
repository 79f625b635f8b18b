#include "load/file_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#if defined(_WIN32)
#include <fstream>
#else
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace scarwise::internal {

#if defined(_WIN32)

FileRead read_regular_file(const std::filesystem::path& path, std::size_t max_bytes) {
  FileRead result;
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    result.status = FileRead::Status::not_found;
    return result;
  }
  if (!std::filesystem::is_regular_file(status)) {
    result.status = FileRead::Status::not_regular;
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  result.bytes.resize(max_bytes + 1);
  in.read(result.bytes.data(), static_cast<std::streamsize>(result.bytes.size()));
  if (in.bad() || (!in && !in.eof())) {
    result.status = FileRead::Status::unreadable;
    result.reason = "read error";
    return result;
  }
  result.bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (result.bytes.size() > max_bytes) {
    result.status = FileRead::Status::too_large;
    result.size = result.bytes.size();
    result.bytes.clear();
  }
  return result;
}

#else

namespace {

/// Closes the descriptor on every path out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const noexcept { return fd_; }

 private:
  int fd_;
};

FileRead failure(FileRead::Status status, int error_number = 0) {
  FileRead result;
  result.status = status;
  if (error_number != 0) result.reason = std::strerror(error_number);
  return result;
}

}  // namespace

FileRead read_regular_file(const std::filesystem::path& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  const Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    const int error_number = errno;
    if (error_number == ENOENT || error_number == ENOTDIR) {
      return failure(FileRead::Status::not_found);
    }
    return failure(FileRead::Status::unreadable, error_number);
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return failure(FileRead::Status::unreadable, errno);
  if (!S_ISREG(info.st_mode)) return failure(FileRead::Status::not_regular);
  const auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > max_bytes) {
    // Refused before reading, so a huge file is never pulled into memory.
    FileRead result = failure(FileRead::Status::too_large);
    result.size = size;
    return result;
  }
  FileRead result;
  // One byte more than fstat promised, to see the end of the file (or that it grew).
  result.bytes.resize(static_cast<std::size_t>(size) + 1);
  std::size_t used = 0;
  for (;;) {
    if (used == result.bytes.size()) {
      // The file grew since fstat; read on only up to the limit.
      if (used > max_bytes) break;
      result.bytes.resize(std::min(max_bytes + 1, used * 2 + 1));
    }
    const ::ssize_t got = ::read(fd.get(), result.bytes.data() + used, result.bytes.size() - used);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return failure(FileRead::Status::unreadable, errno);
    if (got == 0) break;
    used += static_cast<std::size_t>(got);
  }
  if (used > max_bytes) {
    FileRead large = failure(FileRead::Status::too_large);
    large.size = used;
    return large;
  }
  result.bytes.resize(used);
  return result;
}

#endif

}  // namespace scarwise::internal
