package io.tcpfsm.link;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network namespace this process creates ({@code ip netns add}) and deletes on {@link #close},
 * on JVM shutdown too, so a failing test or an interrupted command leaves none behind. A fresh
 * namespace has only {@code lo}, down, and no route: whatever runs in it can reach nothing
 * outside. Programs run in it through {@code ip netns exec}.
 */
public final class Netns implements AutoCloseable {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String name;
  private final Thread cleanup;
  private final List<Process> children = new ArrayList<>();
  private boolean closed;

  private Netns(String name) {
    this.name = name;
    this.cleanup = new Thread(this::delete, "netns-cleanup-" + name);
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /**
   * Why namespaces with a TUN device cannot be made here, or null when they can: this needs
   * root, the {@code ip} command and {@code /dev/net/tun}.
   */
  public static String unavailableReason() {
    if (!System.getProperty("os.name", "").startsWith("Linux")) {
      return "network namespaces and TUN devices exist only on Linux, not " + System.getProperty("os.name");
    }
    if (!isRoot()) {
      return "creating network namespaces and TUN devices needs root (CAP_SYS_ADMIN, CAP_NET_ADMIN)";
    }
    if (!Files.exists(Path.of("/dev/net/tun"))) {
      return "/dev/net/tun is missing: the kernel has no TUN support here (modprobe tun)";
    }
    if (findIp() == null) {
      return "the ip command (Debian package iproute2) is not installed";
    }
    return null;
  }

  private static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0"); // the effective uid
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  public static String findIp() {
    for (String dir : new String[] {"/usr/sbin", "/sbin", "/usr/bin", "/bin"}) {
      if (Files.isExecutable(Path.of(dir, "ip"))) {
        return dir + "/ip";
      }
    }
    return null;
  }

  /** Creates a namespace named {@code prefix-<pid>-<n>}. */
  public static Netns create(String prefix) throws IOException {
    String name = prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    run(List.of(findIp(), "netns", "add", name));
    return new Netns(name);
  }

  public String name() {
    return name;
  }

  /**
   * Starts {@code mainClass} with {@code args} in a JVM inside the namespace, on this JVM's class
   * path; its standard error goes to ours. The process is killed on {@link #close}.
   */
  public Process startJava(String mainClass, List<String> args) throws IOException {
    return startJava(List.of(), mainClass, args);
  }

  /** As {@link #startJava(String, List)}, with options for the JVM ({@code -Dname=value}). */
  public Process startJava(List<String> jvmOptions, String mainClass, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(findIp(), "netns", "exec", name,
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path")));
    cmd.addAll(jvmOptions);
    cmd.add(mainClass);
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    synchronized (children) {
      children.add(p);
    }
    return p;
  }

  /** Kills what it started and deletes the namespace. */
  @Override
  public void close() {
    delete();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run: nothing to remove
    }
  }

  private synchronized void delete() {
    if (closed) {
      return;
    }
    closed = true;
    synchronized (children) {
      for (Process p : children) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    try {
      run(List.of(findIp(), "netns", "delete", name));
    } catch (IOException e) {
      System.err.println("tcpfsm: could not delete network namespace " + name + ": " + e.getMessage());
    }
  }

  /** Runs a command to its end; a non-zero exit is an IOException with its output. */
  public static String run(List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out;
    try {
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", cmd) + ": no answer in 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + ": interrupted", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "): " + out);
    }
    return out;
  }
}
