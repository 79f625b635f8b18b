// Reading a rule file from disk without trusting what the path names. The file is opened
// first and checked through the open descriptor, so that a FIFO, a device or a directory is
// refused instead of blocking the load or feeding it endless bytes, and a file is never read
// past the size limit, even if it grows while it is read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace scarwise::internal {

struct FileRead {
  enum class Status { ok, not_found, not_regular, too_large, unreadable };
  Status status = Status::ok;
  std::string bytes;        ///< the whole file when ok
  std::uintmax_t size = 0;  ///< the size seen when too_large (at least max_bytes + 1)
  std::string reason;       ///< the system's words when unreadable
};

/// Reads `path` when it is a regular file of at most `max_bytes` bytes.
FileRead read_regular_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace scarwise::internal
