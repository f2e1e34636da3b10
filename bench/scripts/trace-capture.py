#!/usr/bin/env python3
"""Writes a pcap of many short TCP connections for measuring `tcpfsm trace` against tshark.

usage: trace-capture.py OUT.pcap [CONNECTIONS [OVERLAP]]

Each connection is 10 frames on its own 4-tuple (client 10.x.y.z:port -> 10.255.0.1:80):
SYN, SYN+ACK, ACK, a 100-octet request, its ACK, a 1000-octet answer, its ACK, the client's
FIN, the server's FIN+ACK, the last ACK. OVERLAP connections run interleaved at a time (default
100), so the checker holds that many open. Raw IPv4 (link type 228), correct checksums. A quick
generator for BENCHMARKS.md, not the project's capture generator.
"""
import struct
import sys


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def packet(src, dst, sport, dport, seq, ack, flags, payload):
    tcp = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF, 5 << 4, flags, 65535, 0, 0) + payload
    pseudo = src + dst + struct.pack("!BBH", 0, 6, len(tcp))
    c = csum(pseudo + tcp)
    tcp = tcp[:16] + struct.pack("!H", c) + tcp[18:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(tcp), 0, 0x4000, 64, 6, 0, src, dst)
    ip = ip[:10] + struct.pack("!H", csum(ip)) + ip[12:]
    return ip + tcp


def connection(i):
    src = bytes([10, (i >> 16) & 0xFF, (i >> 8) & 0xFF, i & 0xFF])
    dst = bytes([10, 255, 0, 1])
    sp, dp = 1024 + (i % 60000), 80
    c, s = 1000 + i * 7, 900000 + i * 13
    S, A, F, P = 0x02, 0x10, 0x01, 0x08
    req, ans = b"q" * 100, b"a" * 1000
    up = lambda seq, ack, fl, pl=b"": packet(src, dst, sp, dp, seq, ack, fl, pl)
    down = lambda seq, ack, fl, pl=b"": packet(dst, src, dp, sp, seq, ack, fl, pl)
    return [
        up(c, 0, S), down(s, c + 1, S | A), up(c + 1, s + 1, A),
        up(c + 1, s + 1, P | A, req), down(s + 1, c + 101, A),
        down(s + 1, c + 101, P | A, ans), up(c + 101, s + 1001, A),
        up(c + 101, s + 1001, F | A), down(s + 1001, c + 102, F | A), up(c + 102, s + 1002, A),
    ]


def main():
    out = sys.argv[1]
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    overlap = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    with open(out, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 228))
        t = 0
        for base in range(0, n, overlap):
            group = [connection(i) for i in range(base, min(n, base + overlap))]
            for k in range(10):
                for frames in group:
                    t += 10
                    p = frames[k]
                    f.write(struct.pack("<IIII", 1_700_000_000 + t // 1_000_000, t % 1_000_000, len(p), len(p)) + p)


if __name__ == "__main__":
    main()
