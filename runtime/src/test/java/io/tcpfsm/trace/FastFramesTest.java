package io.tcpfsm.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.capture.Record;
import io.tcpfsm.capture.RecordView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link FastFrames} reads a frame as the general decoder ({@code FrameDecoder}, then {@link
 * TcpFrame#of}) does, on every frame it accepts: the Ethernet frames of captures/ (handshakes,
 * options, Linux loopback with bad checksums), the same as raw IP and Linux cooked frames, and 300
 * corrupted copies of each (random octets changed: lengths, flags, options, checksums), so that
 * whatever it does not decline, it reads right.
 */
class FastFramesTest {
  @Test
  void readsEveryFrameItAcceptsAsTheGeneralDecoder() throws Exception {
    List<byte[]> ethernet = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(Traces.captures())) {
      files = s.filter(p -> p.toString().matches(".*\\.pcap(ng)?$")).sorted().toList();
    }
    for (Path f : files) {
      try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(Files.readAllBytes(f)))) {
        for (Record rec = r.next(); rec != null; rec = r.next()) {
          if (rec.linkType() == LinkType.ETHERNET) {
            ethernet.add(rec.bytes());
          }
        }
      }
    }
    assertThat(ethernet).hasSizeGreaterThan(100);
    List<byte[]> raw = new ArrayList<>();
    List<byte[]> cooked = new ArrayList<>();
    for (byte[] e : ethernet) {
      raw.add(Arrays.copyOfRange(e, 14, e.length));
      byte[] sll = new byte[e.length + 2]; // pcap-linktype(7) LINUX_SLL: 16 bytes, the protocol type last
      System.arraycopy(e, 12, sll, 14, e.length - 12);
      cooked.add(sll);
    }
    Random random = new Random(10);
    int accepted = check(LinkType.ETHERNET, 14, ethernet, random);
    accepted += check(LinkType.RAW, 0, raw, random);
    accepted += check(LinkType.IPV4, 0, raw, random);
    accepted += check(LinkType.LINUX_SLL, 16, cooked, random);
    assertThat(accepted).as("frames read the fast way").isGreaterThan(4 * ethernet.size());
  }

  /** Writes {@code frames} and 300 corrupted copies of each (after the link header), and compares the two readers on all. */
  private static int check(int linkType, int linkHeader, List<byte[]> frames, Random random) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PcapWriter w = new PcapWriter(out, linkType);
    for (byte[] frame : frames) {
      w.write(1_700_000_000L, 5, frame);
      for (int i = 0; i < 300; i++) {
        byte[] bad = frame.clone();
        for (int k = random.nextInt(3); k >= 0; k--) {
          bad[linkHeader + random.nextInt(Math.max(1, Math.min(bad.length, linkHeader + 80) - linkHeader))] = (byte) random.nextInt(256);
        }
        w.write(1_700_000_000L, 5, bad);
      }
    }
    w.flush();
    int accepted = 0;
    int declined = 0;
    try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(out.toByteArray()))) {
      RecordView view = new RecordView();
      long n = 0;
      while (r.next(view)) {
        n++;
        TcpFrame fast = FastFrames.of(view, n);
        Record rec = view.toRecord();
        TcpFrame general = TcpFrame.of(FrameDecoder.decode(rec), n, rec.epochSecond() * 1_000_000_000L + rec.nanos());
        if (fast == null) {
          declined++;
          continue;
        }
        accepted++;
        assertThat(general).as("link type %d, frame %d: the general decoder finds no TCP segment", linkType, n).isNotNull();
        assertThat(fast.segment()).as("link type %d, frame %d", linkType, n).isEqualTo(general.segment());
        assertThat(Arrays.equals(fast.src(), general.src()) && Arrays.equals(fast.dst(), general.dst())).as("frame %d: addresses", n).isTrue();
        int h = (Arrays.hashCode(general.src()) * 31 + general.srcPort()) ^ (Arrays.hashCode(general.dst()) * 31 + general.dstPort());
        assertThat(fast.flowHash()).as("frame %d: the checker thread, as the addresses' bytes give it", n).isEqualTo(h ^ (h >>> 16));
        assertThat(fast.srcPort()).isEqualTo(general.srcPort());
        assertThat(fast.dstPort()).isEqualTo(general.dstPort());
        assertThat(fast.ipHeaderOk()).as("link type %d, frame %d", linkType, n).isEqualTo(general.ipHeaderOk());
        assertThat(fast.time()).isEqualTo(general.time());
      }
    }
    assertThat(declined).as("link type %d: frames declined", linkType).isGreaterThan(100);
    assertThat(accepted).as("link type %d: frames read the fast way", linkType).isGreaterThan(frames.size());
    return accepted;
  }
}
