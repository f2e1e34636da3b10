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
 * options, Linux loopback with bad checksums) and 300 corrupted copies of each (random octets
 * changed: lengths, flags, options, checksums), so that whatever it does not decline, it reads right.
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
    Random random = new Random(10);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PcapWriter w = new PcapWriter(out, LinkType.ETHERNET);
    for (byte[] frame : ethernet) {
      w.write(1_700_000_000L, 5, frame);
      for (int i = 0; i < 300; i++) {
        byte[] bad = frame.clone();
        for (int k = random.nextInt(3); k >= 0; k--) {
          bad[14 + random.nextInt(Math.max(1, Math.min(bad.length, 94) - 14))] = (byte) random.nextInt(256);
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
        assertThat(general).as("frame %d: the general decoder finds no TCP segment", n).isNotNull();
        assertThat(fast.segment()).as("frame %d", n).isEqualTo(general.segment());
        assertThat(Arrays.equals(fast.src(), general.src()) && Arrays.equals(fast.dst(), general.dst())).as("frame %d: addresses", n).isTrue();
        assertThat(fast.srcPort()).isEqualTo(general.srcPort());
        assertThat(fast.dstPort()).isEqualTo(general.dstPort());
        assertThat(fast.ipHeaderOk()).as("frame %d", n).isEqualTo(general.ipHeaderOk());
        assertThat(fast.time()).isEqualTo(general.time());
      }
    }
    assertThat(accepted).as("frames read the fast way").isGreaterThan(ethernet.size());
    assertThat(declined).as("frames declined").isGreaterThan(100);
  }
}
