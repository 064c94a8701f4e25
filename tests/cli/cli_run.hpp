// Running the real `dhcpm` binary from a test: a scratch directory for the
// run, the process with stdin from a file and stdout/stderr captured, and
// checks of the one-line diagnostics of docs/cli.md. Shared by the CLI tests.
#pragma once

#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <gtest/gtest.h>

extern char** environ;

namespace dhcpm_cli_test {

namespace fs = std::filesystem;

inline const fs::path vector_dir{DHCPM_VECTOR_DIR};

// The documented exit codes (docs/cli.md), spelled out: the test checks the contract.
inline constexpr int exit_success = 0;
inline constexpr int exit_malformed_input = 1;
inline constexpr int exit_usage = 2;

inline std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_file(const fs::path& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

// A scratch directory for the whole run, made on first use, removed at the end.
class scratch_directory : public ::testing::Environment {
 public:
  static const fs::path& path() {
    if (dir_.empty()) {
      std::string pattern = (fs::temp_directory_path() / "dhcpm-cli-pickle-test-XXXXXX").string();
      if (::mkdtemp(pattern.data()) == nullptr) throw std::system_error(errno, std::generic_category(), "mkdtemp");
      dir_ = pattern;
    }
    return dir_;
  }
  void TearDown() override {
    if (dir_.empty()) return;
    std::error_code ignored;
    fs::remove_all(dir_, ignored);
  }

 private:
  static inline fs::path dir_;
};

inline const auto* const scratch_registration = ::testing::AddGlobalTestEnvironment(new scratch_directory);

// A file in the scratch directory, named after the running test.
inline fs::path scratch_file(const std::string& name) {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string test = info != nullptr ? std::string(info->test_suite_name()) + "." + info->name() : "global";
  for (char& c : test) {
    if (c == '/') c = '_';
  }
  return scratch_directory::path() / (test + "." + name);
}

struct run_result {
  int exit_code = -1;  // the exit status, or -signal when killed
  std::string out;
  std::string err;
};

// Runs dhcpm with `args`, stdin from `stdin_path`, stdout and stderr captured
// separately through files (so neither can block the other).
inline run_result run_cli(const std::vector<std::string>& args, const fs::path& stdin_path = "/dev/null") {
  const fs::path out_path = scratch_file("stdout");
  const fs::path err_path = scratch_file("stderr");
  std::vector<std::string> storage{DHCPM_CLI_PATH};
  storage.insert(storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& s : storage) argv.push_back(s.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) throw std::system_error(spawned, std::generic_category(), "posix_spawn " DHCPM_CLI_PATH);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::system_error(errno, std::generic_category(), "waitpid");
  }
  run_result r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

// "dhcpm decode --layout ..." for failure messages.
inline std::string shown(const std::vector<std::string>& args) {
  std::string s = "dhcpm";
  for (const std::string& a : args) s += " " + a;
  return s;
}

// The lines of `text` without their newlines.
inline std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// One diagnostic line: `<severity>: <code> at offset 0x<hex>: <path>: <message>`.
struct diagnostic {
  std::string severity;
  std::string code;
  std::string offset_hex;
  std::string path;
  std::string message;
};

inline std::optional<diagnostic> parse_diagnostic(std::string_view line) {
  const auto take_until = [&line](std::string_view separator) -> std::optional<std::string> {
    const std::size_t at = line.find(separator);
    if (at == std::string_view::npos || at == 0) return std::nullopt;
    std::string part(line.substr(0, at));
    line.remove_prefix(at + separator.size());
    return part;
  };
  auto severity = take_until(": ");
  auto code = take_until(" at offset 0x");
  auto offset = take_until(": ");
  auto path = take_until(": ");
  if (!severity || !code || !offset || !path || line.empty()) return std::nullopt;
  if (offset->find_first_not_of("0123456789abcdef") != std::string::npos) return std::nullopt;
  return diagnostic{*severity, *code, *offset, *path, std::string(line)};
}

// stderr is exactly the diagnostic lines wanted, each `severity code` at
// `offset` (hex, as printed) with exactly `path` (`(value)` for the whole value).
struct wanted_line {
  std::string severity;
  std::string code;
  std::string offset_hex;  // "" = any
  std::string path;        // "" = any
};

inline ::testing::AssertionResult diagnostics_are(const std::string& err, const std::vector<wanted_line>& wanted) {
  if (!err.empty() && err.back() != '\n') return ::testing::AssertionFailure() << "stderr does not end in a newline: [" << err << "]";
  const std::vector<std::string> lines = lines_of(err);
  if (lines.size() != wanted.size()) {
    return ::testing::AssertionFailure() << "expected " << wanted.size() << " line(s) on stderr, got: [" << err << "]";
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::optional<diagnostic> d = parse_diagnostic(lines[i]);
    const wanted_line& w = wanted[i];
    if (!d || d->severity != w.severity || d->code != w.code || (!w.offset_hex.empty() && d->offset_hex != w.offset_hex) ||
        (!w.path.empty() && d->path != w.path)) {
      return ::testing::AssertionFailure() << "line [" << lines[i] << "], wanted " << w.severity << ": " << w.code
                                           << " at offset 0x" << (w.offset_hex.empty() ? "*" : w.offset_hex) << ": "
                                           << (w.path.empty() ? "*" : w.path);
    }
  }
  return ::testing::AssertionSuccess();
}

// stderr is exactly one `error: usage: <message>` line.
inline ::testing::AssertionResult one_usage_error(const std::string& err) {
  const std::vector<std::string> lines = lines_of(err);
  if (err.empty() || err.back() != '\n' || lines.size() != 1) {
    return ::testing::AssertionFailure() << "expected exactly one line on stderr, got: [" << err << "]";
  }
  const std::string prefix = "error: usage: ";
  if (!lines[0].starts_with(prefix) || lines[0].size() == prefix.size()) {
    return ::testing::AssertionFailure() << "not a usage error line: [" << lines[0] << "]";
  }
  return ::testing::AssertionSuccess();
}

// Lower-case hex without leading zeros, as the error line prints offsets.
inline std::string hex(std::size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[n % 16]);
    n /= 16;
  } while (n != 0);
  return out;
}

}  // namespace dhcpm_cli_test
