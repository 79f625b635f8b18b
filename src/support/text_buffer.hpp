// An append-only character buffer for output written from many small fragments. Its appends
// are inline: a capacity check and a memcpy. std::string's are out-of-line calls in libstdc++
// (its instantiations live in the shared library), which shows when one assessment line is a
// hundred fragments long.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <string_view>

namespace scarwise::internal {

class TextBuffer {
 public:
  void clear() noexcept { size_ = 0; }
  std::string_view view() const noexcept { return {data_.get(), size_}; }

  TextBuffer& operator+=(std::string_view text) {
    if (capacity_ - size_ < text.size()) grow(text.size());
    copy_bytes(data_.get() + size_, text.data(), text.size());
    size_ += text.size();
    return *this;
  }
  TextBuffer& operator+=(char c) {
    if (capacity_ == size_) grow(1);
    data_[size_++] = c;
    return *this;
  }

 private:
  /// memcpy, with copies of up to 16 bytes (most fragments: a key, a quote and a colon, an id)
  /// done inline as two overlapping moves of a fixed size rather than by a call into the C
  /// library. For a fragment whose size is a constant the branches fold away.
  static void copy_bytes(char* to, const char* from, std::size_t n) noexcept {
    if (n <= 16) {
      if (n >= 8) {
        std::memcpy(to, from, 8);
        std::memcpy(to + n - 8, from + n - 8, 8);
      } else if (n >= 4) {
        std::memcpy(to, from, 4);
        std::memcpy(to + n - 4, from + n - 4, 4);
      } else if (n != 0) {  // 1 to 3 bytes: the first, the middle and the last
        to[0] = from[0];
        to[n / 2] = from[n / 2];
        to[n - 1] = from[n - 1];
      }
    } else {
      std::memcpy(to, from, n);
    }
  }

  void grow(std::size_t more) {
    std::size_t capacity = capacity_ ? capacity_ * 2 : kFirstCapacity;
    while (capacity - size_ < more) capacity *= 2;
    std::unique_ptr<char[]> data(new char[capacity]);
    if (size_) std::memcpy(data.get(), data_.get(), size_);
    data_ = std::move(data);
    capacity_ = capacity;
  }

  static constexpr std::size_t kFirstCapacity = 4096;
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace scarwise::internal
