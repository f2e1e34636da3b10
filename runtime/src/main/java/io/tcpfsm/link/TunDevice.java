package io.tcpfsm.link;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A Linux TUN device (Documentation/networking/tuntap.rst): {@code /dev/net/tun} opened and bound
 * to an interface with {@code ioctl(TUNSETIFF)} and {@code IFF_TUN | IFF_NO_PI}, so each read
 * returns one whole IP packet and each write sends one, with no extra header. The device lives in
 * the network namespace of the process that opens it. This is the only class that calls native
 * code (libc through JNA); it reads and writes bytes and knows nothing of TCP.
 *
 * <p>{@link #read} and {@link #write} may be called from different threads; {@link #close} only
 * after both have stopped.
 */
public final class TunDevice implements Closeable {
  /** linux/if_tun.h: {@code _IOW('T', 202, int)}. */
  private static final int TUNSETIFF = 0x400454ca;
  private static final short IFF_TUN = 0x0001;
  private static final short IFF_NO_PI = 0x1000;
  private static final int O_RDWR = 2;
  private static final int O_CLOEXEC = 0x80000;
  private static final short POLLIN = 0x0001;
  private static final int EINTR = 4;
  /** struct ifreq: a 16-byte name, then a union of which TUNSETIFF reads a short of flags. */
  private static final int IFREQ_SIZE = 40;
  private static final int IFNAMSIZ = 16;

  private interface LibC extends Library {
    int open(String path, int flags) throws LastErrorException;

    int ioctl(int fd, long request, Pointer arg) throws LastErrorException;

    int poll(Pointer fds, long nfds, int timeoutMillis) throws LastErrorException;

    long read(int fd, Pointer buf, long count) throws LastErrorException;

    long write(int fd, Pointer buf, long count) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private static volatile LibC libc;

  private final int fd;
  private final String name;
  private final Memory readBuffer = new Memory(65_536);
  private final Memory writeBuffer = new Memory(65_536);
  private final Memory pollFd = new Memory(8);
  private volatile boolean closed;

  private TunDevice(int fd, String name) {
    this.fd = fd;
    this.name = name;
  }

  /**
   * Opens a TUN device named {@code requested} (at most 15 bytes) in this process's network
   * namespace. Fails with a sentence naming what is missing: the device file, the privilege
   * (CAP_NET_ADMIN), or the kernel's TUN support.
   */
  public static TunDevice open(String requested) throws IOException {
    byte[] nameBytes = requested.getBytes(StandardCharsets.US_ASCII);
    if (nameBytes.length == 0 || nameBytes.length >= IFNAMSIZ) {
      throw new IllegalArgumentException("a network interface name has 1 to 15 characters: '" + requested + "'");
    }
    LibC c = libc();
    int fd;
    try {
      fd = c.open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    } catch (LastErrorException e) {
      throw new IOException("cannot open /dev/net/tun (" + errno(e) + "): this needs the kernel's TUN support"
          + " (module tun) and read-write access to the device", e);
    }
    Memory ifr = new Memory(IFREQ_SIZE);
    ifr.clear();
    ifr.write(0, nameBytes, 0, nameBytes.length);
    ifr.setShort(IFNAMSIZ, (short) (IFF_TUN | IFF_NO_PI));
    try {
      c.ioctl(fd, TUNSETIFF, ifr);
    } catch (LastErrorException e) {
      closeQuietly(c, fd);
      throw new IOException("ioctl(TUNSETIFF, " + requested + ") failed (" + errno(e)
          + "): creating a TUN device needs CAP_NET_ADMIN (run as root)", e);
    }
    return new TunDevice(fd, ifr.getString(0, "US-ASCII"));
  }

  /** The interface's name, as the kernel gave it. */
  public String name() {
    return name;
  }

  /**
   * Waits up to {@code timeoutMillis} for one IP packet (0: do not wait) and copies it into
   * {@code into}; returns its length, or -1 if none came in time or the device was closed.
   */
  public int read(byte[] into, int timeoutMillis) throws IOException {
    if (closed) {
      return -1;
    }
    pollFd.setInt(0, fd);
    pollFd.setShort(4, POLLIN);
    pollFd.setShort(6, (short) 0);
    try {
      if (libc.poll(pollFd, 1, timeoutMillis) == 0) {
        return -1;
      }
      long n = libc.read(fd, readBuffer, Math.min(into.length, readBuffer.size()));
      readBuffer.read(0, into, 0, (int) n);
      return (int) n;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == EINTR) {
        return -1;
      }
      throw new IOException("reading " + name + ": " + errno(e), e);
    }
  }

  /** Hands one IP packet to the kernel, as if it had arrived on this interface. */
  public void write(byte[] packet, int off, int len) throws IOException {
    if (len > writeBuffer.size()) {
      throw new IllegalArgumentException("an IP packet has at most 65,535 bytes: " + len);
    }
    synchronized (writeBuffer) {
      writeBuffer.write(0, packet, off, len);
      try {
        libc.write(fd, writeBuffer, len);
      } catch (LastErrorException e) {
        throw new IOException("writing " + len + " bytes to " + name + ": " + errno(e), e);
      }
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      closeQuietly(libc, fd); // the kernel deletes a non-persistent TUN interface with its last fd
    }
  }

  private static LibC libc() {
    if (libc == null) {
      libc = Native.load("c", LibC.class);
    }
    return libc;
  }

  private static void closeQuietly(LibC c, int fd) {
    try {
      c.close(fd);
    } catch (LastErrorException ignored) {
      // closing is best effort: the fd is gone either way
    }
  }

  private static String errno(LastErrorException e) {
    return switch (e.getErrorCode()) {
      case 1 -> "EPERM, operation not permitted";
      case 2 -> "ENOENT, no such file";
      case 13 -> "EACCES, permission denied";
      case 16 -> "EBUSY, the name is in use";
      case 19 -> "ENODEV, no such device";
      case 22 -> "EINVAL, invalid argument";
      default -> "errno " + e.getErrorCode();
    };
  }
}
