package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.capture.CaptureReader;
import io.tcpfsm.capture.Frame;
import io.tcpfsm.capture.FrameDecoder;
import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.capture.Record;
import io.tcpfsm.capture.RecordView;
import io.tcpfsm.wire.Checksum;
import io.tcpfsm.wire.Ipv4;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FastLine writes exactly TcpdumpFormat's line for every frame it takes, and takes only good TCP segments. */
class FastLineTest {
  private static final byte[] OPTION_BYTES = {0, 1, 1, 1, 2, 3, 4, 5, 8, 10, 4, 2, 9, 34, (byte) 0xFE};

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void randomFramesAgreeWithTheGeneralPath(boolean nano) throws Exception {
    Random rnd = new Random(42);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    PcapWriter w = new PcapWriter(file, LinkType.ETHERNET, 65535, nano, rnd.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 20_000; i++) {
      byte[] f = frame(rnd);
      int len = f.length;
      if (rnd.nextInt(20) == 0) {
        len = rnd.nextInt(f.length + 1); // cut by the snap length
      }
      w.write(1_700_000_000L + rnd.nextInt(200_000), rnd.nextInt(nano ? 1_000_000_000 : 1_000_000) * (nano ? 1 : 1000), f, 0, len, f.length);
    }
    w.flush();
    int taken = compare(CaptureReader.open(new ByteArrayInputStream(file.toByteArray())), nano);
    assertThat(taken).as("frames the fast path took").isBetween(4_000, 16_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"dns_tcp.pcap", "tcp_rst_data.pcap", "tcp-handshake-nano.pcap", "tcp_handshake.pcapng", "tcp_retransmissions.pcapng"})
  void capturesAgreeWithTheGeneralPath(String name) throws Exception {
    compare(CaptureReader.open(new ByteArrayInputStream(Files.readAllBytes(CliRun.capture(name)))), false);
    compare(CaptureReader.open(new ByteArrayInputStream(Files.readAllBytes(CliRun.capture(name)))), true);
  }

  /** Returns how many frames the fast path took. */
  private static int compare(CaptureReader reader, boolean nano) throws Exception {
    TcpdumpFormat text = new TcpdumpFormat(ZoneId.of("Europe/Berlin"), nano);
    FastLine fast = new FastLine(text, nano);
    RecordView v = new RecordView();
    StringBuilder sb = new StringBuilder();
    int taken = 0;
    while (reader.next(v)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      AsciiOut out = new AsciiOut(bytes);
      boolean took = fast.append(out, v);
      out.flush();
      Record r = v.toRecord();
      Frame f = FrameDecoder.decode(r);
      if (took) {
        taken++;
        assertThat(f.kind()).isEqualTo(Frame.Kind.TCP);
        assertThat(f.checksum()).isEqualTo(Frame.ChecksumStatus.GOOD);
        assertThat(f.ip().headerChecksumOk()).isTrue();
        sb.setLength(0);
        text.append(sb, r, f);
        sb.append('\n');
        assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(sb.toString());
      } else {
        assertThat(bytes.size()).isZero();
      }
    }
    return taken;
  }

  /** Ethernet, IPv4 (good checksum), TCP with random fields, options from a small alphabet, and a good checksum; sometimes a flipped byte. */
  private static byte[] frame(Random rnd) {
    int doff = 5 + (rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(11));
    int payload = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(40);
    int tcpLen = doff * 4 + payload;
    byte[] b = new byte[14 + 20 + tcpLen + (rnd.nextInt(8) == 0 ? 6 : 0)]; // sometimes Ethernet padding
    b[12] = 0x08;
    byte[] src = new byte[4];
    byte[] dst = new byte[4];
    rnd.nextBytes(src);
    rnd.nextBytes(dst);
    Ipv4.writeHeader(b, 14, src, dst, 6, tcpLen, rnd.nextInt(65536), 64);
    int t = 34;
    byte[] head = new byte[20];
    rnd.nextBytes(head);
    System.arraycopy(head, 0, b, t, 20);
    b[t + 12] = (byte) ((doff << 4) | (rnd.nextInt(8) == 0 ? rnd.nextInt(16) : 0));
    b[t + 13] = (byte) (rnd.nextInt(2) == 0 ? rnd.nextInt(256) : new int[] {0x02, 0x12, 0x10, 0x18, 0x11, 0x04, 0x14}[rnd.nextInt(7)]);
    for (int i = t + 20; i < t + doff * 4; i++) {
      b[i] = rnd.nextInt(3) == 0 ? (byte) rnd.nextInt(256) : OPTION_BYTES[rnd.nextInt(OPTION_BYTES.length)];
    }
    if (rnd.nextBoolean() && doff >= 8) { // a well-formed TS option, as most real segments carry
      b[t + 20] = 1;
      b[t + 21] = 1;
      b[t + 22] = 8;
      b[t + 23] = 10;
    }
    for (int i = t + doff * 4; i < t + tcpLen; i++) {
      b[i] = (byte) rnd.nextInt(256);
    }
    b[t + 16] = 0;
    b[t + 17] = 0;
    int sum = Checksum.computeTcp(src, dst, b, t, tcpLen);
    b[t + 16] = (byte) (sum >>> 8);
    b[t + 17] = (byte) sum;
    if (rnd.nextInt(5) == 0) {
      b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
    }
    return b;
  }
}
