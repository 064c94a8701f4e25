// Plain POSIX read(2)/write(2): no stdio buffering between the bytes and the
// file descriptor, so the offset in an error is the number of bytes that
// really went through, and errno is always the system call's.
#include "io.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace dhcpm::cli {
namespace {

constexpr int stdin_fd = 0;
constexpr int stdout_fd = 1;

std::string display_name(const std::string& path, const char* stream_name) {
  return path == standard_stream ? std::string(stream_name) : path;
}

// Closes a descriptor that this file opened (never stdin or stdout).
class owned_fd {
 public:
  explicit owned_fd(int fd) noexcept : fd_(fd) {}
  owned_fd(const owned_fd&) = delete;
  owned_fd& operator=(const owned_fd&) = delete;
  ~owned_fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  // Close now and report the result: for output, close is where some
  // file systems (NFS, quotas) report that the data did not make it.
  int close() noexcept {
    const int status = ::close(fd_);
    fd_ = -1;
    return status;
  }

 private:
  int fd_;
};

}  // namespace

std::string format_io_error(const io_error& e) {
  char offset[32];
  std::snprintf(offset, sizeof offset, "%llx", static_cast<unsigned long long>(e.offset));
  return "io at offset 0x" + std::string(offset) + ": " + e.path + ": " + std::strerror(e.errno_value);
}

std::variant<std::vector<std::uint8_t>, io_error> read_all(const std::string& path) {
  const std::string name = display_name(path, "<stdin>");
  int fd = stdin_fd;
  if (path != standard_stream) {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return io_error{name, 0, errno};
  }
  owned_fd closer(fd == stdin_fd ? -1 : fd);

  std::vector<std::uint8_t> data;
  constexpr std::size_t chunk = 64 * 1024;
  for (;;) {
    const std::size_t used = data.size();
    data.resize(used + chunk);
    const ssize_t got = ::read(fd, data.data() + used, chunk);
    if (got < 0) {
      data.resize(used);
      if (errno == EINTR) continue;
      return io_error{name, used, errno};
    }
    data.resize(used + static_cast<std::size_t>(got));
    if (got == 0) return data;  // end of file
  }
}

std::variant<std::monostate, io_error> write_all(const std::string& path, std::span<const std::uint8_t> data) {
  const std::string name = display_name(path, "<stdout>");
  int fd = stdout_fd;
  if (path != standard_stream) {
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) return io_error{name, 0, errno};
  }
  owned_fd closer(fd == stdout_fd ? -1 : fd);

  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t put = ::write(fd, data.data() + done, data.size() - done);
    if (put < 0) {
      if (errno == EINTR) continue;
      return io_error{name, done, errno};
    }
    done += static_cast<std::size_t>(put);
  }
  if (fd != stdout_fd && closer.close() != 0) return io_error{name, done, errno};
  return std::monostate{};
}

}  // namespace dhcpm::cli
