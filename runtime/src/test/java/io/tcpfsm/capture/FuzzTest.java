package io.tcpfsm.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.TcpOption;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.IntRange;

/**
 * Mutated real captures and frames: the readers and the frame decoder may only ever report a
 * {@link CaptureException} or a MALFORMED frame; any other throwable fails. 3 x 40,000 inputs,
 * fixed seeds; each input gets 1 to 8 mutations (bit flips, interesting values, cuts, inserts,
 * deletes, copied ranges) from a seeded Random, so a failure replays exactly.
 */
class FuzzTest {
  private static final List<byte[]> CAPTURES = new ArrayList<>();
  private static final List<byte[]> FRAMES = new ArrayList<>();
  private static final List<Integer> FRAME_LINKS = new ArrayList<>();
  static final AtomicLong INPUTS = new AtomicLong();

  static {
    try {
      for (String name : List.of("dns_tcp.pcap", "tcp-handshake-nano.pcap", "tcp_rst_data.pcap", "tcp_handshake.pcapng",
          "tcp_teardown.pcapng", "tcp_refuseconnection.pcapng", "tcp_retransmissions.pcapng", "tcp_zerowindowdead.pcapng")) {
        byte[] file = RealCaptures.bytes(name);
        CAPTURES.add(file);
        for (Record r : RealCaptures.records(file)) {
          FRAMES.add(r.bytes());
          FRAME_LINKS.add(r.linkType());
        }
      }
      CAPTURES.add(syntheticPcapng());
      byte[][] v6 = {new byte[16], new byte[16]};
      v6[0][15] = 1;
      v6[1][15] = 2;
      Segment s = Segment.builder().srcPort(1).dstPort(2).flags(Segment.SYN | Segment.ACK).options(
          new TcpOption.Sack(List.of(new TcpOption.SackBlock(1, 2))), new TcpOption.Unknown(99, new byte[] {1})).payload(new byte[10]).build();
      for (int lt : new int[] {LinkType.NULL, LinkType.LOOP, LinkType.LINUX_SLL2, LinkType.RAW, LinkType.IPV6}) {
        FRAMES.add(FrameBuilder.frame(lt, s, v6[0], v6[1]));
        FRAME_LINKS.add(lt);
      }
      // Golden edge frames: QinQ tags, a fragment, IPv6 options and routing headers (type 0 and segment routing).
      for (String hex : List.of(
          Golden.ETH_ADDRS + "88a8 000a 8100 0014 0800" + Golden.IPV4_TCP,
          Golden.ETH_ADDRS + "0800 45 00 002c 0007 2000 40 06 6e8e c0000201 c6336402 9c40 0050 000003e8 000007d0 50 18 0200 000c 0000 41414141",
          Golden.ETH_ADDRS + "86dd" + Golden.ipv6(65, 0) + "3c 00 01 04 00000000 2b 00 01 04 00000000 06 02 00 01 00000000 "
              + Golden.V6_FF + Golden.TCP6_TO_FF,
          Golden.ETH_ADDRS + "86dd" + Golden.ipv6(65, 43) + "06 04 04 01 01 00 0000 " + Golden.V6_FF + Golden.V6_DST + Golden.TCP6_TO_FF)) {
        FRAMES.add(Golden.hex(hex));
        FRAME_LINKS.add(LinkType.ETHERNET);
      }
    } catch (Exception e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Big-endian pcapng with two interfaces of different link types and an IPv6 frame, to mutate too. */
  private static byte[] syntheticPcapng() throws Exception {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    PcapngWriter w = new PcapngWriter(bos, ByteOrder.BIG_ENDIAN);
    w.addInterface(LinkType.LINUX_SLL2, 65535, 9);
    w.addInterface(LinkType.RAW, 65535, 6);
    byte[] a = new byte[16];
    a[15] = 1;
    Segment s = Segment.builder().srcPort(80).dstPort(81).flags(Segment.ACK).options(new TcpOption.Timestamps(1, 2)).payload(new byte[5]).build();
    w.write(0, 1, 2, FrameBuilder.frame(LinkType.LINUX_SLL2, s, a, a), 100);
    w.write(1, 1, 2, FrameBuilder.ip(s, new byte[] {1, 2, 3, 4}, new byte[] {5, 6, 7, 8}), 80);
    return bos.toByteArray();
  }

  static byte[] mutate(byte[] in, Random rnd) {
    byte[] b = in.clone();
    int n = 1 + rnd.nextInt(8);
    for (int k = 0; k < n; k++) {
      if (b.length == 0) {
        return b;
      }
      int at = rnd.nextInt(b.length);
      switch (rnd.nextInt(7)) {
        case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));
        case 1 -> b[at] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, 0x01, 0x05, 0x0F, 0x40}[rnd.nextInt(8)];
        case 2 -> b = java.util.Arrays.copyOf(b, at);
        case 3 -> {
          byte[] c = new byte[b.length + 1 + rnd.nextInt(8)];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at, c, c.length - (b.length - at), b.length - at);
          b = c;
        }
        case 4 -> {
          int len = Math.min(b.length - at, 1 + rnd.nextInt(16));
          byte[] c = new byte[b.length - len];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + len, c, at, c.length - at);
          b = c;
        }
        case 5 -> { // a 32-bit length-like value, the field readers trust most
          if (at + 4 <= b.length) {
            int v = new int[] {0, -1, 0x7FFFFFFF, 0x00040001, 12, 13, 1 << 20}[rnd.nextInt(7)];
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >>> 8);
            b[at + 2] = (byte) (v >>> 16);
            b[at + 3] = (byte) (v >>> 24);
          }
        }
        default -> {
          int from = rnd.nextInt(b.length);
          int len = Math.min(Math.min(b.length - from, b.length - at), 1 + rnd.nextInt(32));
          System.arraycopy(b, from, b, at, len);
        }
      }
    }
    return b;
  }

  /** Reads every record and decodes every frame; returns normally or by CaptureException only. */
  static void readAndDecode(byte[] file) {
    INPUTS.incrementAndGet();
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
      int records = 0;
      for (Record rec = r.next(); rec != null; rec = r.next()) {
        Frame f = FrameDecoder.decode(rec);
        assertThat(f.kind() == Frame.Kind.MALFORMED).isEqualTo(f.error() != null);
        // Every pcap record takes 16 bytes or more, every pcapng block 12: no reader loops in place.
        assertThat(++records).isLessThanOrEqualTo(file.length / 12);
      }
    } catch (CaptureException expected) {
      assertThat(expected.offset()).isBetween(0L, (long) file.length);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Property(tries = 40_000, seed = "20240601", edgeCases = EdgeCasesMode.NONE)
  void mutatedCapturesOnlyEverFailWithCaptureException(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int which) {
    Random rnd = new Random(seed);
    readAndDecode(mutate(CAPTURES.get(which % CAPTURES.size()), rnd));
  }

  @Property(tries = 40_000, seed = "20240602", edgeCases = EdgeCasesMode.NONE)
  void mutatedFramesOnlyEverDecodeToMalformed(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int which) {
    INPUTS.incrementAndGet();
    int i = which % FRAMES.size();
    byte[] frame = mutate(FRAMES.get(i), new Random(seed));
    Frame f = FrameDecoder.decode(FRAME_LINKS.get(i), frame, 1000);
    if (f.kind() == Frame.Kind.MALFORMED) {
      assertThat(f.error().offset()).isBetween(1000L, 1000L + frame.length);
    }
  }

  @Property(tries = 40_000, seed = "20240603", edgeCases = EdgeCasesMode.NONE)
  void mutatedFramesInsideAPcapDecodeOrFailTyped(@ForAll long seed, @ForAll @IntRange(min = 0, max = 1000) int which) throws Exception {
    Random rnd = new Random(seed);
    int i = which % FRAMES.size();
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    PcapWriter w = new PcapWriter(bos, FRAME_LINKS.get(i));
    byte[] frame = mutate(FRAMES.get(i), rnd);
    w.write(1, 2, frame, 0, frame.length, frame.length + rnd.nextInt(3));
    readAndDecode(bos.toByteArray());
  }

  @AfterContainer
  static void atLeast100kInputs() {
    assertThat(INPUTS.get()).isGreaterThanOrEqualTo(120_000);
  }
}
