#include "pcap_writer.hpp"

#include <boost/endian/conversion.hpp>

#include <vector>

namespace dhcpm::pcapgen {
namespace {

using boost::endian::order;

constexpr std::uint8_t tcp_fin = 0x01;
constexpr std::uint8_t tcp_syn = 0x02;
constexpr std::uint8_t tcp_psh = 0x08;
constexpr std::uint8_t tcp_ack = 0x10;
constexpr std::uint32_t start_seconds = 1764318600;  // 2025-11-28 08:30:00 UTC

template <order Order, class T>
void put(std::vector<std::uint8_t>& out, T value) {
  std::uint8_t bytes[sizeof(T)];
  boost::endian::endian_store<T, sizeof(T), Order>(bytes, value);
  out.insert(out.end(), bytes, bytes + sizeof(T));
}

// The Internet checksum (RFC 1071) of data, starting from sum.
std::uint16_t internet_checksum(std::span<const std::uint8_t> data, std::uint32_t sum = 0) {
  for (std::size_t i = 0; i + 1 < data.size(); i += 2) sum += static_cast<std::uint32_t>(data[i] << 8 | data[i + 1]);
  if (data.size() % 2 != 0) sum += static_cast<std::uint32_t>(data.back() << 8);
  while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum);
}

std::uint32_t pseudo_header_sum(const endpoint& from, const endpoint& to, std::size_t tcp_length) {
  std::uint32_t sum = 0;
  for (int i = 0; i < 4; i += 2) {
    sum += static_cast<std::uint32_t>(from.ip[i] << 8 | from.ip[i + 1]);
    sum += static_cast<std::uint32_t>(to.ip[i] << 8 | to.ip[i + 1]);
  }
  return sum + 6 /* TCP */ + static_cast<std::uint32_t>(tcp_length);
}

}  // namespace

pcap_writer::pcap_writer(const endpoint& client, const endpoint& server) : client_(client), server_(server) {}

pcap_writer::~pcap_writer() {
  if (file_ != nullptr) std::fclose(file_);
}

bool pcap_writer::open(const std::string& path) {
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    std::perror(path.c_str());
    return false;
  }
  std::vector<std::uint8_t> header;
  put<order::little, std::uint32_t>(header, 0xa1b2c3d4);  // microsecond timestamps
  put<order::little, std::uint16_t>(header, 2);
  put<order::little, std::uint16_t>(header, 4);
  put<order::little, std::uint32_t>(header, 0);       // thiszone
  put<order::little, std::uint32_t>(header, 0);       // sigfigs
  put<order::little, std::uint32_t>(header, 262144);  // snaplen
  put<order::little, std::uint32_t>(header, 1);       // LINKTYPE_ETHERNET
  ok_ = std::fwrite(header.data(), 1, header.size(), file_) == header.size();
  return ok_;
}

void pcap_writer::handshake() {
  segment(true, tcp_syn, {});
  segment(false, tcp_syn | tcp_ack, {});
  segment(true, tcp_ack, {});
}

void pcap_writer::send(bool from_client, std::span<const std::uint8_t> payload) {
  segment(from_client, tcp_psh | tcp_ack, payload);
  segment(!from_client, tcp_ack, {});
}

void pcap_writer::close_connection() {
  segment(true, tcp_fin | tcp_ack, {});
  segment(false, tcp_fin | tcp_ack, {});
  segment(true, tcp_ack, {});
}

bool pcap_writer::finish() {
  if (file_ == nullptr) return false;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  return ok_ && closed;
}

void pcap_writer::segment(bool from_client, std::uint8_t flags, std::span<const std::uint8_t> payload) {
  const endpoint& from = from_client ? client_ : server_;
  const endpoint& to = from_client ? server_ : client_;
  std::uint32_t& seq = from_client ? client_seq_ : server_seq_;
  const std::uint32_t ack = from_client ? server_seq_ : client_seq_;

  std::vector<std::uint8_t> tcp;
  put<order::big, std::uint16_t>(tcp, from.port);
  put<order::big, std::uint16_t>(tcp, to.port);
  put<order::big, std::uint32_t>(tcp, seq);
  put<order::big, std::uint32_t>(tcp, (flags & tcp_ack) != 0 ? ack : 0);
  tcp.push_back(5 << 4);  // data offset: 20 bytes, no options
  tcp.push_back(flags);
  put<order::big, std::uint16_t>(tcp, 64240);  // window
  put<order::big, std::uint16_t>(tcp, 0);      // checksum, below
  put<order::big, std::uint16_t>(tcp, 0);      // urgent pointer
  tcp.insert(tcp.end(), payload.begin(), payload.end());
  const std::uint16_t tcp_sum = internet_checksum(tcp, pseudo_header_sum(from, to, tcp.size()));
  boost::endian::endian_store<std::uint16_t, 2, order::big>(&tcp[16], tcp_sum);

  std::vector<std::uint8_t> frame(to.mac.begin(), to.mac.end());
  frame.insert(frame.end(), from.mac.begin(), from.mac.end());
  put<order::big, std::uint16_t>(frame, 0x0800);
  const std::size_t ip_start = frame.size();
  frame.push_back(0x45);
  frame.push_back(0);
  put<order::big, std::uint16_t>(frame, static_cast<std::uint16_t>(20 + tcp.size()));
  put<order::big, std::uint16_t>(frame, ip_id_++);
  put<order::big, std::uint16_t>(frame, 0x4000);  // don't fragment
  frame.push_back(128);                            // TTL
  frame.push_back(6);                              // TCP
  put<order::big, std::uint16_t>(frame, 0);        // checksum, below
  frame.insert(frame.end(), from.ip.begin(), from.ip.end());
  frame.insert(frame.end(), to.ip.begin(), to.ip.end());
  const std::uint16_t ip_sum = internet_checksum(std::span(frame).subspan(ip_start, 20));
  boost::endian::endian_store<std::uint16_t, 2, order::big>(&frame[ip_start + 10], ip_sum);
  frame.insert(frame.end(), tcp.begin(), tcp.end());

  seq += static_cast<std::uint32_t>(payload.size()) + ((flags & (tcp_syn | tcp_fin)) != 0 ? 1 : 0);
  record(frame);
}

void pcap_writer::record(std::span<const std::uint8_t> frame) {
  if (file_ == nullptr) return;
  std::vector<std::uint8_t> header;
  const std::uint32_t ms = packets_++;
  put<order::little, std::uint32_t>(header, start_seconds + ms / 1000);
  put<order::little, std::uint32_t>(header, (ms % 1000) * 1000);
  put<order::little, std::uint32_t>(header, static_cast<std::uint32_t>(frame.size()));
  put<order::little, std::uint32_t>(header, static_cast<std::uint32_t>(frame.size()));
  ok_ = ok_ && std::fwrite(header.data(), 1, header.size(), file_) == header.size();
  ok_ = ok_ && std::fwrite(frame.data(), 1, frame.size(), file_) == frame.size();
}

}  // namespace dhcpm::pcapgen
