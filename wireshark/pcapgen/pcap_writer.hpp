// A pcap file of one TCP connection (Ethernet / IPv4 / TCP, valid checksums),
// written packet by packet. Deterministic: the timestamps are a fixed start
// plus one millisecond per packet, so the same input gives the same file.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <span>
#include <string>

namespace dhcpm::pcapgen {

struct endpoint {
  std::array<std::uint8_t, 6> mac;
  std::array<std::uint8_t, 4> ip;
  std::uint16_t port;
};

class pcap_writer {
 public:
  pcap_writer(const endpoint& client, const endpoint& server);
  ~pcap_writer();
  pcap_writer(const pcap_writer&) = delete;
  pcap_writer& operator=(const pcap_writer&) = delete;

  // Opens the file and writes the global header; false (and a message on
  // stderr) when it cannot.
  [[nodiscard]] bool open(const std::string& path);
  // SYN, SYN/ACK, ACK.
  void handshake();
  // One segment carrying payload (PSH/ACK) from the client or the server,
  // then an empty ACK from the other side.
  void send(bool from_client, std::span<const std::uint8_t> payload);
  // FIN/ACK both ways and the last ACK.
  void close_connection();
  // Writes what is buffered; false when any write failed.
  [[nodiscard]] bool finish();

 private:
  void segment(bool from_client, std::uint8_t flags, std::span<const std::uint8_t> payload);
  void record(std::span<const std::uint8_t> frame);

  endpoint client_;
  endpoint server_;
  std::uint32_t client_seq_ = 0x1000;
  std::uint32_t server_seq_ = 0x8000;
  std::uint16_t ip_id_ = 1;
  std::uint32_t packets_ = 0;
  std::FILE* file_ = nullptr;
  bool ok_ = true;
};

}  // namespace dhcpm::pcapgen
