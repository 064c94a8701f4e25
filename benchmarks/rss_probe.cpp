// dhcpm_rss_probe: the peak memory of a process that reads one file of an
// array and decodes it — the number behind "peak RSS ≤ 2.5 × file + 16 MiB".
// Writing the file and decoding it are separate invocations, so the writer's
// memory does not count:
//
//   dhcpm_rss_probe write FILE [CLIENTS]     bench::make_clients(CLIENTS) (default 1,000,000) as NDR 2.0
//   dhcpm_rss_probe decode FILE [LAYOUT]     read FILE, dhcpm::decode<client_info_array> (LAYOUT default ndr20)
//   dhcpm_rss_probe samba-pull FILE          read FILE, Samba libndr pull (when built with libndr)
//
// decode and samba-pull print one line of key=value pairs on stdout:
//   what=... file_bytes=N clients=N checksum=X baseline_rss_bytes=N peak_rss_bytes=N
// peak_rss_bytes is getrusage(RUSAGE_SELF).ru_maxrss of the whole process
// (its code and libraries included); baseline_rss_bytes is the same before
// the file was read.
#include <sys/resource.h>

#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "bench_data.hpp"
#include "dhcpm/codec.hpp"
#include "dhcpm/error.hpp"
#include "dhcpm/options.hpp"

#if defined(DHCPM_HAVE_SAMBA_PEER)
#include "samba_peer/dhcpm_samba_peer.h"
#endif

namespace {

std::uint64_t peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss) * 1024;  // Linux: KiB
}

int fail(const std::string& what) {
  std::fprintf(stderr, "dhcpm_rss_probe: %s\n", what.c_str());
  return 1;
}

// The whole file in one exactly sized buffer, as a reader would hold it.
bool read_file(const char* path, std::vector<std::uint8_t>& out) {
  std::FILE* f = std::fopen(path, "rb");
  if (f == nullptr) return false;
  bool ok = std::fseek(f, 0, SEEK_END) == 0;
  const long size = ok ? std::ftell(f) : -1;
  ok = ok && size >= 0 && std::fseek(f, 0, SEEK_SET) == 0;
  if (ok) {
    out.resize(static_cast<std::size_t>(size));
    ok = std::fread(out.data(), 1, out.size(), f) == out.size();
  }
  std::fclose(f);
  return ok;
}

void report(const char* what, std::size_t file_bytes, std::uint64_t clients, std::uint64_t sum, std::uint64_t baseline) {
  std::printf("what=%s file_bytes=%zu clients=%" PRIu64 " checksum=%016" PRIx64 " baseline_rss_bytes=%" PRIu64
              " peak_rss_bytes=%" PRIu64 "\n",
              what, file_bytes, clients, sum, baseline, peak_rss_bytes());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s write FILE [CLIENTS] | decode FILE [LAYOUT] | samba-pull FILE\n", argv[0]);
    return 2;
  }
  const std::string mode = argv[1];
  const char* path = argv[2];

  if (mode == "write") {
    const std::size_t clients = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1'000'000;
    auto encoded = dhcpm::encode<dhcpm::client_info_array>(dhcpm::bench::make_clients(clients), dhcpm::layout::ndr20);
    if (!encoded) return fail(dhcpm::format_error(encoded.error_value()));
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(encoded->data()), static_cast<std::streamsize>(encoded->size()));
    if (!out) return fail(std::string("cannot write ") + path);
    return 0;
  }

  const std::uint64_t baseline = peak_rss_bytes();
  std::vector<std::uint8_t> input;
  if (!read_file(path, input)) return fail(std::string("cannot read ") + path);

  if (mode == "decode") {
    const auto wire = dhcpm::parse_layout(argc > 3 ? argv[3] : "ndr20");
    if (!wire) return fail("unknown layout");
    auto decoded = dhcpm::decode<dhcpm::client_info_array>(input, *wire);
    if (!decoded) return fail(dhcpm::format_error(decoded.error_value()));
    report("dhcpm-decode", input.size(), decoded->value.num_elements, dhcpm::bench::checksum(decoded->value), baseline);
    return 0;
  }
#if defined(DHCPM_HAVE_SAMBA_PEER)
  if (mode == "samba-pull") {
    void* ctx = samba_peer_new_context();
    DHCPV4_FAILOVER_CLIENT_INFO_ARRAY out{};
    const char* error = nullptr;
    if (samba_peer_pull_array(ctx, input.data(), input.size(), 0, &out, &error) != 0)
      return fail(std::string("Samba pull failed: ") + (error ? error : "?"));
    std::uint64_t sum = 0;
    for (std::uint32_t i = 0; i < out.NumElements; ++i)
      if (out.Clients[i] != nullptr) sum += out.Clients[i]->ClientIpAddress;
    report("samba-pull", input.size(), out.NumElements, sum, baseline);
    samba_peer_free(ctx);
    return 0;
  }
#endif
  return fail("unknown mode " + mode);
}
