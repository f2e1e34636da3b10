package io.tcpfsm.cli;

import static io.tcpfsm.cli.EdgeFrames.pcap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tcpfsm.capture.LinkType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edge-case files of {@link EdgeFramesDecodeTest}, written by our PcapWriter, read by both
 * {@code decode} and {@code TZ=UTC tcpdump -S -nr}. Where tcpdump prints the frame its own way
 * (fragments, IPv6 extension headers, the SLL2 interface), what is compared is said per test.
 * Skipped, saying why, when tcpdump is not installed.
 */
class EdgeFramesTcpdumpTest {
  @TempDir Path tmp;

  @BeforeAll
  static void needTcpdump() {
    assumeTrue(ExternalTools.available("tcpdump"), "tcpdump is not installed: apt-get install -y tcpdump to run this comparison");
  }

  private static List<String> theirs(Path f, String... options) throws Exception {
    return ExternalTools.tcpdump(f, options).stream().map(ExternalTools::upToLength).toList();
  }

  @Test
  void vlanTaggedFramesMatchTcpdumpLineForLine() throws Exception {
    // Without -e tcpdump prints no "vlan N" prefix, so the lines are those of untagged frames.
    Path f = pcap(tmp.resolve("vlan.pcap"), LinkType.ETHERNET, 65535, EdgeFrames.VLAN);
    assertThat(ExternalTools.decodeLines(f, false)).hasSize(4).isEqualTo(theirs(f));
  }

  @Test
  void fragmentsGiveAsManyLinesAsTcpdumpAtTheSameTimes() throws Exception {
    // tcpdump decodes the TCP header inside a first fragment and prints "ip-proto-6" or
    // "frag (24|36)" for the rest; decode reports each fragment without decoding it.
    for (String[] frames : List.of(EdgeFrames.V4_FRAGMENTS, EdgeFrames.V6_FRAGMENTS)) {
      Path f = pcap(tmp.resolve("frag.pcap"), LinkType.ETHERNET, 65535, frames);
      List<String> ours = ExternalTools.decodeLines(f, false);
      List<String> theirs = theirs(f);
      assertThat(ours).hasSameSizeAs(theirs).hasSize(3);
      for (int i = 0; i < ours.size(); i++) {
        assertThat(ours.get(i).substring(0, 16)).isEqualTo(theirs.get(i).substring(0, 16));
      }
    }
  }

  @Test
  void ipv4FragmentsAreTheOnesTcpdumpShowsWithFragmentFlagsOrOffsets() throws Exception {
    Path f = pcap(tmp.resolve("frag4.pcap"), LinkType.ETHERNET, 65535, EdgeFrames.V4_FRAGMENTS);
    List<String> verbose = ExternalTools.tcpdump(f, "-v").stream().filter(l -> l.contains(" IP (")).toList();
    assertThat(verbose).hasSize(3).allSatisfy(l -> assertThat(l).containsAnyOf("flags [+]", "offset 24"));
    assertThat(CliRun.run("decode", f.toString()).err()).contains("3 fragments");
  }

  @Test
  void payloadCutBySnapLengthMatchesTcpdumpAndNeitherComplainsOfTheChecksum() throws Exception {
    Path f = pcap(tmp.resolve("snap60.pcap"), LinkType.ETHERNET, 60, EdgeFrames.V4_100);
    assertThat(ExternalTools.decodeLines(f, false)).hasSize(1).isEqualTo(theirs(f));
    assertThat(String.join("\n", ExternalTools.tcpdump(f, "-vv"))).doesNotContain("incorrect").doesNotContain("cksum 0x27f8 (correct)");
    CliRun r = CliRun.run("decode", f.toString());
    assertThat(r.out()).doesNotContain("bad tcp cksum");
    assertThat(r.err()).contains("0 bad checksums");
  }

  @Test
  void headerCutBySnapLengthIsOneLineHereAndThere() throws Exception {
    Path f = pcap(tmp.resolve("snap44.pcap"), LinkType.ETHERNET, 44, EdgeFrames.V4_100);
    List<String> theirs = theirs(f);
    assertThat(theirs).singleElement().asString().endsWith("[|tcp]");
    assertThat(ExternalTools.decodeLines(f, false)).singleElement().asString().contains("malformed tcp: truncated TCP header");
  }

  @Test
  void kuznetsovPcapMatchesTcpdumpInEitherByteOrder() throws Exception {
    for (String file : new String[] {EdgeFrames.KUZNETSOV_LE, EdgeFrames.KUZNETSOV_BE}) {
      Path f = Files.write(tmp.resolve("kuznetsov.pcap"), EdgeFrames.hex(file));
      assertThat(ExternalTools.decodeLines(f, true)).hasSize(1).isEqualTo(theirs(f, "--nano"));
    }
  }

  @Test
  void linuxCookedV2MatchesTcpdumpAfterItsInterfaceAndDirection() throws Exception {
    // tcpdump prints SLL2's interface name (looked up by index on the reading host) and direction
    // before the protocol, even without -e; decode does not. The rest of the line must agree.
    String sll2 = " 0000 00000002 0304 00 06 0000000000000000 ";
    Path f = pcap(tmp.resolve("sll2.pcap"), LinkType.LINUX_SLL2, 65535, "0800" + sll2 + EdgeFrames.IPV4_TCP, "86dd" + sll2 + EdgeFrames.IPV6_TCP);
    List<String> theirs = theirs(f).stream().map(l -> l.replaceFirst("^(\\S+) \\S+\\s+In\\s+", "$1 ")).toList();
    assertThat(ExternalTools.decodeLines(f, false)).hasSize(2).isEqualTo(theirs);
  }

  @Test
  void bsdNullEveryFamilyInEitherByteOrderMatchesTcpdump() throws Exception {
    String[] frames = {
      "02000000" + EdgeFrames.IPV4_TCP, "00000002" + EdgeFrames.IPV4_TCP,
      "18000000" + EdgeFrames.IPV6_TCP, "00000018" + EdgeFrames.IPV6_TCP,
      "1c000000" + EdgeFrames.IPV6_TCP, "0000001c" + EdgeFrames.IPV6_TCP,
      "1e000000" + EdgeFrames.IPV6_TCP, "0000001e" + EdgeFrames.IPV6_TCP,
    };
    Path f = pcap(tmp.resolve("null.pcap"), LinkType.NULL, 65535, frames);
    assertThat(ExternalTools.decodeLines(f, false)).hasSize(8).isEqualTo(theirs(f));
  }

  @Test
  void ipv6ExtensionHeadersAgreeWithTcpdumpOnTheSegmentAndItsChecksum() throws Exception {
    // tcpdump names the extension headers ("HBH", "RT6 (...)") and moves the ports after them;
    // the part from "Flags" to "length" must agree, and tcpdump -v must call every checksum
    // correct, as decode does (none flagged).
    Path f = pcap(tmp.resolve("ext.pcap"), LinkType.ETHERNET, 65535, EdgeFrames.V6_EXTENSIONS);
    List<String> ours = ExternalTools.decodeLines(f, false);
    List<String> theirs = theirs(f);
    assertThat(ours).hasSameSizeAs(theirs).hasSize(5);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(theirs.get(i)).contains(" 40000 > 80: ");
      assertThat(fromFlags(ours.get(i))).isEqualTo(fromFlags(theirs.get(i)));
    }
    assertThat(ExternalTools.tcpdump(f, "-v")).filteredOn(l -> l.contains("cksum")).hasSize(5)
        .allSatisfy(l -> assertThat(l).contains("(correct)"));
  }

  private static String fromFlags(String line) {
    return line.substring(line.indexOf("Flags ["));
  }
}
