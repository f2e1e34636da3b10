package io.tcpfsm.link;

import io.tcpfsm.capture.LinkType;
import io.tcpfsm.capture.PcapWriter;
import io.tcpfsm.tcp.Addresses;
import io.tcpfsm.tcp.Host;
import io.tcpfsm.tcp.TcpConfig;
import io.tcpfsm.time.SystemClock;
import io.tcpfsm.time.TimerWheel;
import io.tcpfsm.wire.DecodeException;
import io.tcpfsm.wire.IpHeader;
import io.tcpfsm.wire.Ipv4;
import io.tcpfsm.wire.SegmentCodec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The runtime's {@link Host} behind a TUN device, inside the network namespace this process runs
 * in: the kernel's side of the device is {@link #KERNEL} (10.9.0.1/24), the host is {@link #STACK}
 * (10.9.0.2), reached through the device. The namespace's only other device is {@code lo}; the
 * only route is the device's own /24, so nothing leaves the namespace.
 *
 * <p>Packets are read and written with the wire codec by the host itself; this link only moves
 * bytes, drops each with probability {@code loss} in either direction (seeded), and writes every
 * packet the device carried to a pcap, as tcpdump on the device would see it: a packet the kernel
 * sent is written before the link drops it, one the host sent only if it passed.
 */
public final class TunLink implements AutoCloseable {
  public static final String KERNEL = "10.9.0.1";
  public static final String STACK = "10.9.0.2";

  private final TunDevice tun;
  private final Host host;
  private final double loss;
  private final Random random;
  private final PcapWriter pcap;
  private final OutputStream pcapOut;
  private final byte[] buffer = new byte[65_536];
  private long dropped;
  private long packets;
  /** RSTs are lost for this long after the first one either side sends; 0: not on purpose. */
  private long loseResetsNanos;
  private long firstResetAt = -1;
  private final long epochNanos = System.currentTimeMillis() * 1_000_000L;
  private final long startNanos = System.nanoTime();

  private TunLink(TunDevice tun, TcpConfig config, double loss, long seed, Path pcapFile) throws IOException {
    this.tun = tun;
    this.loss = loss;
    this.random = new Random(seed);
    if (pcapFile != null) {
      this.pcapOut = new BufferedOutputStream(Files.newOutputStream(pcapFile), 1 << 16);
      this.pcap = new PcapWriter(pcapOut, LinkType.RAW);
    } else {
      this.pcapOut = null;
      this.pcap = null;
    }
    this.host = new Host(Addresses.parse(STACK), config, this::fromHost, SystemClock.INSTANCE.nanos());
  }

  /** Opens the device {@code name} in this process's namespace ({@link #openDevice}) and puts a host behind it. */
  public static TunLink open(String name, TcpConfig config, double loss, long seed, Path pcapFile) throws IOException {
    if (loss < 0 || loss >= 1) {
      throw new IllegalArgumentException("loss is a probability in [0, 1): " + loss);
    }
    TunDevice tun = openDevice(name);
    try {
      return new TunLink(tun, config, loss, seed, pcapFile);
    } catch (IOException | RuntimeException e) {
      tun.close();
      throw e;
    }
  }

  /**
   * Opens the device {@code name} and brings {@code lo} and it up, {@link #KERNEL}/24 on it and
   * no IPv6 link-local address (so the kernel sends nothing of its own on it).
   */
  public static TunDevice openDevice(String name) throws IOException {
    TunDevice tun = TunDevice.open(name);
    try {
      String ip = Netns.findIp();
      Netns.run(List.of(ip, "link", "set", "lo", "up"));
      Netns.run(List.of(ip, "link", "set", tun.name(), "addrgenmode", "none"));
      Netns.run(List.of(ip, "addr", "add", KERNEL + "/24", "dev", tun.name()));
      Netns.run(List.of(ip, "link", "set", tun.name(), "up"));
      return tun;
    } catch (IOException | RuntimeException e) {
      tun.close();
      throw e;
    }
  }

  public Host host() {
    return host;
  }

  /**
   * Loses every RST either side sends within {@code nanos} of the first one: the abort's RST and
   * those answering segments still on their way, so an end learns of the abort only from what
   * follows (a keep-alive probe answered by a RST, RFC 9293 3.8.4). TCP never sends a RST again.
   */
  public TunLink loseResets(long nanos) {
    this.loseResetsNanos = nanos;
    return this;
  }

  /** Whether {@code packet} is a RST that {@link #loseResets} loses. */
  private boolean loseReset(byte[] packet) {
    if (loseResetsNanos == 0 || !isReset(packet)) {
      return false;
    }
    long now = SystemClock.INSTANCE.nanos();
    if (firstResetAt < 0) {
      firstResetAt = now;
    }
    return now - firstResetAt < loseResetsNanos;
  }

  private static boolean isReset(byte[] packet) {
    try {
      IpHeader ip = Ipv4.decode(packet, 0, packet.length);
      return ip.protocol() == 6 && SegmentCodec.decode(packet, ip.payloadOffset(), ip.payloadLength()).rst();
    } catch (DecodeException e) {
      return false; // not a segment: the host drops it anyway
    }
  }

  public String deviceName() {
    return tun.name();
  }

  /** Packets the link dropped on purpose. */
  public long dropped() {
    return dropped;
  }

  /** Packets the device carried (both ways, before loss). */
  public long packets() {
    return packets;
  }

  /**
   * Runs the host until {@code done} holds or {@code timeoutNanos} passes: reads what the kernel
   * sent, runs the host's timers, and lets {@code app} act after each round. Returns whether
   * {@code done} held. The host is single-threaded: only this loop may touch it while it runs.
   */
  public boolean run(BooleanSupplier done, long timeoutNanos, LongConsumer app) throws IOException {
    long end = SystemClock.INSTANCE.nanos() + timeoutNanos;
    while (true) {
      long now = SystemClock.INSTANCE.nanos();
      app.accept(now);
      if (done.getAsBoolean()) {
        return true;
      }
      if (now - end > 0) {
        return false;
      }
      long deadline = host.poll(now);
      long waitNanos = deadline == TimerWheel.NO_DEADLINE ? 2_000_000L : Math.max(0, deadline - now);
      int wait = (int) Math.min(2, waitNanos / 1_000_000L); // the app may have work: look again soon
      for (int i = 0, n; i < 256 && (n = tun.read(buffer, i == 0 ? wait : 0)) > 0; i++) {
        fromKernel(Arrays.copyOf(buffer, n), SystemClock.INSTANCE.nanos());
      }
      host.poll(SystemClock.INSTANCE.nanos());
    }
  }

  private void fromKernel(byte[] packet, long now) throws IOException {
    packets++;
    capture(packet);
    if ((packet[0] >> 4) != 4) {
      return; // the host speaks IPv4 only; the device has no IPv6 address, so none should come
    }
    if ((loss > 0 && random.nextDouble() < loss) || loseReset(packet)) {
      dropped++;
      return;
    }
    host.receive(packet, now);
  }

  private void fromHost(byte[] packet) {
    packets++;
    if ((loss > 0 && random.nextDouble() < loss) || loseReset(packet)) {
      dropped++;
      return;
    }
    try {
      capture(packet);
      tun.write(packet, 0, packet.length);
    } catch (IOException e) {
      throw new LinkException(e);
    }
  }

  private void capture(byte[] packet) throws IOException {
    if (pcap != null) {
      long t = epochNanos + (System.nanoTime() - startNanos); // monotonic, so the capture is in order
      pcap.write(t / 1_000_000_000L, (int) (t % 1_000_000_000L), packet);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (pcap != null) {
        pcap.close();
      }
    } finally {
      tun.close();
    }
  }

  /** A write to the device failed while the host was sending (Host.Link cannot throw checked). */
  public static final class LinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LinkException(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
