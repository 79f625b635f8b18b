// Test helper shared by the unit and integration tests that hand a FIFO to a reader.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

namespace scarwise_test {

/// If a reader ever blocks opening `fifo` (waiting for a writer), opens its writing end after a
/// few seconds so that the test fails instead of hanging.
class FifoUnblocker {
 public:
  explicit FifoUnblocker(std::filesystem::path fifo) : fifo_(std::move(fifo)) {
    thread_ = std::thread([this] {
      std::unique_lock<std::mutex> lock(mutex_);
      if (done_cv_.wait_for(lock, std::chrono::seconds(5), [this] { return done_; })) return;
      const int fd = ::open(fifo_.c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
    });
  }
  FifoUnblocker(const FifoUnblocker&) = delete;
  FifoUnblocker& operator=(const FifoUnblocker&) = delete;
  ~FifoUnblocker() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    done_cv_.notify_all();
    thread_.join();
  }

 private:
  std::filesystem::path fifo_;
  std::mutex mutex_;
  std::condition_variable done_cv_;
  bool done_ = false;
  std::thread thread_;
};

}  // namespace scarwise_test
