// The `dhcpm` command: parse the command line, run the chosen command, and
// turn every outcome into one of the exit codes of exit_code.hpp.
#include <algorithm>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>

#include "command.hpp"
#include "exit_code.hpp"

#ifndef DHCPM_VERSION
#define DHCPM_VERSION "unknown"
#endif

namespace {

// Usage errors get the same one-line shape as every other error.
std::string usage_error_line(const CLI::App* app, const CLI::Error& e) {
  std::string message = e.what();
  std::replace(message.begin(), message.end(), '\n', ' ');
  std::string help = "dhcpm";
  if (const auto chosen = app->get_subcommands(); !chosen.empty()) help += " " + chosen.front()->get_name();
  return "error: usage: " + message + " (see " + help + " --help)\n";
}

int run(int argc, char** argv) {
  CLI::App app{"dhcpm: decode, encode, validate and dissect the MS-DHCPM DHCPV4_FAILOVER_CLIENT_INFO record and\n"
               "its _ARRAY in every layout, and generate realistic values.\n"
               "Exit codes: 0 success, 1 malformed input, 2 usage error, 3 I/O error, 4 internal error.",
               "dhcpm"};
  app.set_version_flag("--version", DHCPM_VERSION);
  app.require_subcommand(1);
  app.failure_message(usage_error_line);

  dhcpm::cli::command_runner chosen;
  dhcpm::cli::add_decode_command(app, chosen);
  dhcpm::cli::add_encode_command(app, chosen);
  dhcpm::cli::add_convert_command(app, chosen);
  dhcpm::cli::add_validate_command(app, chosen);
  dhcpm::cli::add_dissect_command(app, chosen);
  dhcpm::cli::add_gen_command(app, chosen);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end here with CLI11's success code; every other
    // parse failure is a usage error, whatever CLI11's own number for it.
    return app.exit(e) == 0 ? dhcpm::cli::exit_code::success : dhcpm::cli::exit_code::usage;
  }
  if (!chosen) return dhcpm::cli::exit_code::usage;  // unreachable: a subcommand is required
  return chosen();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    // The codec does not throw; this is memory exhaustion or a bug.
    return dhcpm::cli::report(dhcpm::error{dhcpm::error_code::internal_error, 0, "", e.what()});
  }
}
