// certportal tls: the in-memory transport between the simulated browser and the bank's server, and
// the record log a capture is made of.
//
// Two byte queues, one per direction. Each side's Mbed TLS context sends and receives through it
// (send/receive callbacks); every byte written is also cut into TLS records (5-byte header + body)
// and logged with its direction and a timestamp from the caller's clock. The server-to-client queue
// can be held: bytes queue up but the client reads nothing until release() — how the handshake
// waits for the person's choice of certificate while the server's flight is on the wire.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <vector>

#include "pki/bytes.h"

namespace cp::tls {

enum class Direction : std::uint8_t { ClientToServer, ServerToClient };
const char* direction_name(Direction direction);  // "client→server" …

// One TLS record as it crossed the wire: header and body, as sent.
// A record's content type (RFC 8446 5.1), its first byte.
enum class ContentType : std::uint8_t { Invalid = 0, ChangeCipherSpec = 20, Alert = 21, Handshake = 22, ApplicationData = 23 };

struct Record {
    Direction direction = Direction::ClientToServer;
    std::int64_t time_us = 0;  // the caller's clock (microseconds since 1970, simulated)
    pki::Bytes bytes;          // 5-byte header + body
    ContentType content_type() const { return bytes.empty() ? ContentType::Invalid : ContentType{bytes[0]}; }
};

class MemoryTransport {
public:
    using Clock = std::function<std::int64_t()>;
    explicit MemoryTransport(Clock clock) : clock_(std::move(clock)) {}

    // Mbed TLS's bio callbacks (ctx: the Endpoint). Return bytes moved or MBEDTLS_ERR_SSL_WANT_READ.
    struct Endpoint {
        MemoryTransport* transport = nullptr;
        Direction sends = Direction::ClientToServer;
    };
    Endpoint& client() { return client_; }
    Endpoint& server() { return server_; }
    static int send(void* endpoint, const unsigned char* data, std::size_t size);
    static int receive(void* endpoint, unsigned char* data, std::size_t size);

    // Holding the server-to-client direction: what the server sends waits in the queue.
    void hold() { held_ = true; }
    void release() { held_ = false; }
    bool held() const { return held_; }
    // Bytes the server sent that the client has not read (the held flight when held).
    std::size_t pending_to_client() const { return to_client_.size(); }
    std::size_t pending_to_server() const { return to_server_.size(); }
    // Bytes written plus bytes read, both directions: whether a handshake loop made progress.
    std::uint64_t bytes_moved() const { return written_ + read_; }

    const std::vector<Record>& records() const { return records_; }
    // Records of the server-to-client direction still waiting in the queue (the held flight).
    std::vector<const Record*> undelivered_to_client() const;

private:
    void log(Direction direction, const unsigned char* data, std::size_t size);

    Clock clock_;
    Endpoint client_{this, Direction::ClientToServer};
    Endpoint server_{this, Direction::ServerToClient};
    std::deque<std::uint8_t> to_server_;
    std::deque<std::uint8_t> to_client_;
    bool held_ = false;
    std::uint64_t written_ = 0;
    std::uint64_t read_ = 0;
    std::uint64_t delivered_to_client_ = 0;  // bytes of the server's stream the client has read
    pki::Bytes partial_[2];                  // a record being written, per direction
    std::vector<Record> records_;
};

}  // namespace cp::tls
