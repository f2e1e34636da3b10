package io.tcpfsm.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import jdk.net.ExtendedSocketOptions;

/**
 * The kernel's end of a {@link Transfer}: an ordinary Linux socket (java.net) on {@link
 * TunLink#KERNEL}, reading and writing on its own threads while the tcpfsm endpoint runs on the
 * link's loop. It records what it saw; the run judges.
 */
final class LinuxSide implements Runnable {
  private static final int LINUX_SEED = 0x4c;

  private final Transfer t;
  private final int port;
  private final ServerSocket server;
  volatile boolean finished;
  volatile long received;
  volatile long sent;
  volatile long mismatchAt = -1;
  volatile boolean eof;
  volatile String error;
  private volatile boolean readerDone;

  /** Binds the listening socket now when the Linux side is the server, so the SYN finds it. */
  LinuxSide(Transfer t, int port) throws IOException {
    this.t = t;
    this.port = port;
    if (!t.linuxOpens() && t.end() != Transfer.End.REFUSED) {
      server = new ServerSocket();
      server.bind(new InetSocketAddress(TunLink.KERNEL, port));
      server.setSoTimeout(30_000);
    } else {
      server = null;
    }
  }

  static int seed() {
    return LINUX_SEED;
  }

  @Override
  public void run() {
    try (Socket s = open()) {
      if (s != null) {
        Thread writer = new Thread(() -> write(s), "linux-writer");
        writer.start();
        read(s);
        writer.join();
      }
    } catch (IOException e) {
      note(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    } finally {
      finished = true;
      try {
        if (server != null) {
          server.close();
        }
      } catch (IOException ignored) {
        // the socket is gone either way
      }
    }
  }

  private Socket open() throws IOException {
    Socket s;
    if (t.linuxOpens()) {
      s = new Socket();
      s.connect(new InetSocketAddress(TunLink.STACK, port), 30_000);
    } else {
      s = server == null ? null : server.accept();
    }
    if (s != null && t.end() == Transfer.End.STACK_ABORTS) {
      // This end waits for tcpfsm's RST, which is never sent again: if the lossy path drops it,
      // the kernel's keep-alive probe (tcp(7) TCP_KEEPIDLE) draws another from tcpfsm's host,
      // which no longer has the connection. A second idle, as on tcpfsm's side for LINUX_ABORTS.
      s.setKeepAlive(true);
      s.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 1);
      s.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 1);
      s.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 5);
    }
    return s;
  }

  private void read(Socket s) {
    byte[] buf = new byte[1 << 16];
    try {
      InputStream in = s.getInputStream(); // not closed here: closing it closes the socket, whose output may still send
      for (int n; (n = in.read(buf)) >= 0; ) {
        long at = Pattern.firstMismatch(buf, 0, n, received, StackSide.seed());
        if (at >= 0 && mismatchAt < 0) {
          mismatchAt = at;
        }
        received += n;
      }
      eof = true;
    } catch (IOException e) {
      note(e);
    } finally {
      readerDone = true;
    }
  }

  private void write(Socket s) {
    try {
      OutputStream out = s.getOutputStream();
      boolean waitForFin = t.secondSendsAfterClose() && !t.linuxClosesFirst();
      while (waitForFin && !readerDone) {
        Thread.sleep(1);
      }
      while (sent < t.linuxBytes()) {
        int n = (int) Math.min(1 << 16, t.linuxBytes() - sent);
        out.write(Pattern.fill(sent, n, LINUX_SEED));
        sent += n;
      }
      if (t.end() == Transfer.End.LINUX_ABORTS) {
        s.setSoLinger(true, 0); // close sends RST instead of FIN (socket(7) SO_LINGER)
        s.close();
        return;
      }
      if (!t.linuxClosesFirst()) {
        while (!readerDone) {
          Thread.sleep(1);
        }
      }
      s.shutdownOutput();
    } catch (IOException e) {
      note(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private synchronized void note(IOException e) {
    if (error == null) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
