package io.tcpfsm.cli;

import static io.tcpfsm.cli.EdgeFrames.pcap;
import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.LinkType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code decode} prints and counts for frames at the wire layer's edges: VLAN tags, IP
 * fragments, snap-length cuts, Kuznetsov's pcap variant, IPv6 routing headers. Exact lines, no
 * external tool needed ({@link EdgeFramesTcpdumpTest} holds the same files against tcpdump).
 */
class EdgeFramesDecodeTest {
  @TempDir Path tmp;

  static final String SEGMENT_V4 = "IP 192.0.2.1.40000 > 198.51.100.2.80: Flags [P.], seq 1000:1005, ack 2000, win 512, length 5";
  static final String SEGMENT_V6 = "IP6 2001:db8::1.40000 > 2001:db8::2.80: Flags [P.], seq 1000:1005, ack 2000, win 512, length 5";

  @Test
  void vlanTaggedFramesPrintLikeUntaggedOnes() throws Exception {
    CliRun r = CliRun.run("decode", pcap(tmp.resolve("vlan.pcap"), LinkType.ETHERNET, 65535, EdgeFrames.VLAN).toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(
        "22:13:20.000000 " + SEGMENT_V4 + "\n"
            + "22:13:21.000000 " + SEGMENT_V6 + "\n"
            + "22:13:22.000000 " + SEGMENT_V4 + "\n"
            + "22:13:23.000000 " + SEGMENT_V4 + "\n");
    assertThat(r.err()).isEqualTo(
        "summary: 4 frames, 4 TCP segments, 0 bad checksums, 0 non-TCP frames, 0 fragments, 0 malformed, 0 skipped records\n");
  }

  @Test
  void fragmentsArePrintedOneLineEachAndCountedNotReassembled() throws Exception {
    String[] frames = new String[6];
    System.arraycopy(EdgeFrames.V4_FRAGMENTS, 0, frames, 0, 3);
    System.arraycopy(EdgeFrames.V6_FRAGMENTS, 0, frames, 3, 3);
    CliRun r = CliRun.run("decode", pcap(tmp.resolve("frag.pcap"), LinkType.ETHERNET, 65535, frames).toString());
    assertThat(r.exit()).as("fragments are not a problem of the file").isZero();
    assertThat(r.out()).isEqualTo(
        "22:13:20.000000 IP 192.0.2.1 > 198.51.100.2: tcp fragment (not reassembled)\n"
            + "22:13:21.000000 IP 192.0.2.1 > 198.51.100.2: tcp fragment (not reassembled)\n"
            + "22:13:22.000000 IP 192.0.2.1 > 198.51.100.2: tcp fragment (not reassembled)\n"
            + "22:13:23.000000 IP6 2001:db8::1 > 2001:db8::2: tcp fragment (not reassembled)\n"
            + "22:13:24.000000 IP6 2001:db8::1 > 2001:db8::2: tcp fragment (not reassembled)\n"
            + "22:13:25.000000 " + SEGMENT_V6 + "\n"); // the atomic fragment is a whole datagram
    assertThat(r.err()).isEqualTo("summary: 6 frames, 1 TCP segments, 0 bad checksums, 0 non-TCP frames, 5 fragments, 0 malformed, 0 skipped records\n");
  }

  @Test
  void fragmentsInJsonAreKindFragmentWithoutSegmentFields() throws Exception {
    CliRun r = CliRun.run("decode", "--json", pcap(tmp.resolve("frag.pcap"), LinkType.ETHERNET, 65535, EdgeFrames.V4_FRAGMENTS[1]).toString());
    assertThat(r.lines().get(0)).isEqualTo(
        "{\"offset\":24,\"time\":\"1700000000.000000000\",\"kind\":\"fragment\",\"ip\":4,\"src\":\"192.0.2.1\",\"dst\":\"198.51.100.2\"}");
    assertThat(r.lines()).hasSize(1);
    assertThat(r.summary()).contains("\"fragments\":1", "\"tcp\":0");
  }

  @Test
  void payloadCutBySnapLengthShowsTheWireLengthAndNoChecksumComplaint() throws Exception {
    CliRun r = CliRun.run("decode", pcap(tmp.resolve("snap60.pcap"), LinkType.ETHERNET, 60, EdgeFrames.V4_100).toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo(
        "22:13:20.000000 IP 192.0.2.1.40000 > 198.51.100.2.80: Flags [P.], seq 1000:1100, ack 2000, win 512, length 100\n");
    assertThat(r.err()).isEqualTo("summary: 1 frames, 1 TCP segments, 0 bad checksums, 0 non-TCP frames, 0 fragments, 0 malformed, 0 skipped records\n");
  }

  @Test
  void payloadCutInJsonSaysUnverifiedAndHowMuchWasCaptured() throws Exception {
    CliRun r = CliRun.run("decode", "--json", pcap(tmp.resolve("snap60.pcap"), LinkType.ETHERNET, 60, EdgeFrames.V4_100).toString());
    assertThat(r.lines().get(0)).contains("\"length\":100,\"captured\":6,\"checksum\":\"unverified\"");
  }

  @Test
  void headerCutBySnapLengthIsOneMalformedLineCountedAndNamedOnStderr() throws Exception {
    Path f = pcap(tmp.resolve("snap44.pcap"), LinkType.ETHERNET, 44, EdgeFrames.V4_100);
    CliRun r = CliRun.run("decode", f.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(
        "22:13:20.000000 IP 192.0.2.1 > 198.51.100.2: malformed tcp: truncated TCP header: 10 bytes, need 20 at offset 74\n");
    assertThat(r.err()).isEqualTo("tcpfsm: " + f + ": offset 74: truncated TCP header: 10 bytes, need 20\n"
        + "summary: 1 frames, 0 TCP segments, 0 bad checksums, 0 non-TCP frames, 0 fragments, 1 malformed, 0 skipped records\n");
  }

  @Test
  void kuznetsovPcapInEitherByteOrderDecodes() throws Exception {
    for (String file : new String[] {EdgeFrames.KUZNETSOV_LE, EdgeFrames.KUZNETSOV_BE}) {
      Path f = Files.write(tmp.resolve("kuznetsov.pcap"), EdgeFrames.hex(file));
      CliRun r = CliRun.run("decode", f.toString());
      assertThat(r.exit()).isZero();
      assertThat(r.lines()).containsExactly("22:13:20.123456 " + SEGMENT_V4);
      assertThat(r.summary()).isEqualTo("summary: 1 frames, 1 TCP segments, 0 bad checksums, 0 non-TCP frames, 0 fragments, 0 malformed, 0 skipped records");
    }
  }

  @Test
  void routedIpv6SegmentsAreNotFlaggedAsBadChecksums() throws Exception {
    CliRun r = CliRun.run("decode", pcap(tmp.resolve("ext.pcap"), LinkType.ETHERNET, 65535, EdgeFrames.V6_EXTENSIONS).toString());
    assertThat(r.exit()).isZero();
    assertThat(r.lines()).hasSize(5);
    assertThat(r.lines()).allSatisfy(l -> assertThat(l).endsWith(SEGMENT_V6)); // no "[bad tcp cksum ...]" after it
    assertThat(r.summary()).contains("5 TCP segments, 0 bad checksums");
  }
}
