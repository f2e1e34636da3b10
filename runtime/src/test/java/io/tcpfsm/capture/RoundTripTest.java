package io.tcpfsm.capture;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.wire.Segment;
import io.tcpfsm.wire.SegmentCodec;
import io.tcpfsm.wire.TcpOption;
import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Writer then reader gives back what was written, for pcap and pcapng, and codec encode/decode round-trips. */
class RoundTripTest {
  record Packet(long second, int nanos, byte[] data, int ifChoice) {}

  @Provide
  Arbitrary<Packet> packets() {
    return Combinators.combine(
            Arbitraries.longs().between(0, 0xFFFF_FFFFL),
            Arbitraries.integers().between(0, 999_999_999),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(1600),
            Arbitraries.integers().between(0, 7))
        .as(Packet::new);
  }

  @Property(tries = 200, seed = "4242")
  void pcapWriterThenReader(@ForAll @Size(max = 20) List<@net.jqwik.api.From("packets") Packet> packets, @ForAll boolean nano, @ForAll boolean bigEndian)
      throws Exception {
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    PcapWriter w = new PcapWriter(bos, LinkType.RAW, 262144, nano, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    for (Packet p : packets) {
      w.write(p.second, p.nanos, p.data);
    }
    List<Record> read = RealCaptures.records(bos.toByteArray());
    assertThat(read).hasSize(packets.size());
    for (int i = 0; i < packets.size(); i++) {
      Packet p = packets.get(i);
      Record r = read.get(i);
      assertThat(r.bytes()).isEqualTo(p.data);
      assertThat(r.originalLength()).isEqualTo(p.data.length);
      assertThat(r.epochSecond()).isEqualTo(p.second);
      assertThat(r.nanos()).isEqualTo(nano ? p.nanos : p.nanos / 1000 * 1000);
      assertThat(r.linkType()).isEqualTo(LinkType.RAW);
    }
  }

  @Property(tries = 200, seed = "4243")
  void pcapngWriterThenReaderWithSeveralSectionsAndInterfaces(
      @ForAll @Size(max = 20) List<@net.jqwik.api.From("packets") Packet> packets, @ForAll boolean bigEndian) throws Exception {
    int[] linkTypes = {LinkType.ETHERNET, LinkType.RAW, LinkType.LINUX_SLL, LinkType.NULL};
    int[] digits = {6, 9, 3, 9};
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    PcapngWriter w = new PcapngWriter(bos, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < 4; i++) {
      w.addInterface(linkTypes[i], 65535, digits[i]);
    }
    for (int i = 0; i < packets.size(); i++) {
      if (i == packets.size() / 2) { // a second section; the reader must forget and relearn the interfaces
        w.startSection();
        for (int k = 3; k >= 0; k--) {
          w.addInterface(linkTypes[k], 65535, digits[k]);
        }
      }
      Packet p = packets.get(i);
      w.write(p.ifChoice % 4, p.second, p.nanos, p.data, p.data.length + 7);
    }
    List<Record> read = RealCaptures.records(bos.toByteArray());
    assertThat(read).hasSize(packets.size());
    for (int i = 0; i < packets.size(); i++) {
      Packet p = packets.get(i);
      Record r = read.get(i);
      int itf = p.ifChoice % 4;
      int described = i >= packets.size() / 2 && packets.size() > 0 ? 3 - itf : itf;
      long unit = (long) Math.pow(10, 9 - digits[described]);
      assertThat(r.interfaceId()).isEqualTo(itf);
      assertThat(r.linkType()).isEqualTo(linkTypes[described]);
      assertThat(r.bytes()).isEqualTo(p.data);
      assertThat(r.originalLength()).isEqualTo(p.data.length + 7);
      assertThat(r.epochSecond()).isEqualTo(p.second);
      assertThat(r.nanos()).isEqualTo(p.nanos / unit * unit);
    }
  }

  @Provide
  Arbitrary<Segment> segments() {
    Arbitrary<TcpOption> option = Arbitraries.oneOf(
        Arbitraries.just(new TcpOption.Nop()),
        Arbitraries.integers().between(0, 0xFFFF).map(TcpOption.Mss::new),
        Arbitraries.integers().between(0, 14).map(TcpOption.WindowScale::new),
        Arbitraries.just(new TcpOption.SackPermitted()),
        Combinators.combine(Arbitraries.integers(), Arbitraries.integers()).as(TcpOption.Timestamps::new),
        Combinators.combine(Arbitraries.integers(), Arbitraries.integers())
            .as(TcpOption.SackBlock::new).list().ofMinSize(1).ofMaxSize(3).map(TcpOption.Sack::new),
        Combinators.combine(Arbitraries.integers().between(9, 255).filter(k -> k != 8), Arbitraries.bytes().array(byte[].class).ofMaxSize(6))
            .as(TcpOption.Unknown::new));
    Arbitrary<List<TcpOption>> options = option.list().ofMaxSize(4).filter(l -> TcpOptions_length(l) <= 40);
    return Combinators.combine(
            Arbitraries.integers().between(0, 0xFFFF),
            Arbitraries.integers().between(0, 0xFFFF),
            Arbitraries.integers(),
            Arbitraries.integers(),
            Arbitraries.integers().between(0, 0xFFF),
            Arbitraries.integers().between(0, 0xFFFF),
            options,
            Arbitraries.bytes().array(byte[].class).ofMaxSize(100))
        .as((sp, dp, seq, ack, flags, win, opts, payload) ->
            Segment.builder().srcPort(sp).dstPort(dp).seq(seq).ack(ack).flags(flags).window(win).urgentPointer(win ^ 0x5555)
                .options(opts).payload(payload).build());
  }

  private static int TcpOptions_length(List<TcpOption> l) {
    return io.tcpfsm.wire.TcpOptions.length(l);
  }

  @Property(tries = 500, seed = "793")
  void segmentEncodeThenDecodeIsTheIdentity(@ForAll("segments") Segment s) throws Exception {
    byte[] src = {1, 2, 3, 4};
    byte[] dst = {5, 6, 7, 8};
    byte[] bytes = SegmentCodec.encode(s, src, dst);
    Segment back = SegmentCodec.decode(bytes);
    // RFC 9293 §3.1: padding is zeros, and a zero octet reads back as End of Option List.
    List<TcpOption> expected = new java.util.ArrayList<>(s.options());
    int used = io.tcpfsm.wire.TcpOptions.length(expected);
    boolean endsInEol = !expected.isEmpty() && expected.get(expected.size() - 1) instanceof TcpOption.EndOfList;
    if (used < (s.dataOffset() - 5) * 4 && !endsInEol) {
      expected.add(new TcpOption.EndOfList());
    }
    assertThat(back.toBuilder().checksum(0).build()).isEqualTo(s.toBuilder().checksum(0).options(expected).build());
    assertThat(io.tcpfsm.wire.Checksum.verifyTcp(src, dst, bytes, 0, bytes.length)).isTrue();
    assertThat(SegmentCodec.encode(back)).isEqualTo(bytes);
  }
}
