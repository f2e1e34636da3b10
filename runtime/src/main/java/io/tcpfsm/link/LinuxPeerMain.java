package io.tcpfsm.link;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs {@link Transfer}s against the kernel of the network namespace it is started in (by {@link
 * Netns#startJava}); one report per transfer on standard output, exit 0 when all were ok.
 *
 * <p>Arguments: {@code --bytes N --loss P --seed S --pcap-dir DIR [--only NAME,...]
 * [--lose-resets-ms MS] [--suffix S]}: with {@code --lose-resets-ms}, RSTs are lost for that long
 * after the first ({@link TunLink#loseResets}); {@code --suffix} ends each pcap's name (default
 * {@code -loss} when there is loss).
 */
public final class LinuxPeerMain {
  private LinuxPeerMain() {}

  public static void main(String[] args) throws Exception {
    long bytes = 10_000_000L;
    double loss = 0;
    long seed = 1;
    Path dir = null;
    List<String> only = List.of();
    long loseResetsMs = 0;
    String suffix = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--bytes" -> bytes = Long.parseLong(args[i + 1]);
        case "--loss" -> loss = Double.parseDouble(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--pcap-dir" -> dir = Path.of(args[i + 1]);
        case "--only" -> only = List.of(args[i + 1].split(","));
        case "--lose-resets-ms" -> loseResetsMs = Long.parseLong(args[i + 1]);
        case "--suffix" -> suffix = args[i + 1];
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (dir != null) {
      Files.createDirectories(dir);
    }
    boolean allOk = true;
    int port = 5001;
    for (Transfer t : Transfer.standard(bytes)) {
      if (!only.isEmpty() && !only.contains(t.name())) {
        continue;
      }
      String name = t.name() + (suffix != null ? suffix : loss > 0 ? "-loss" : "");
      Path pcap = dir == null ? null : dir.resolve(name + ".pcap");
      TransferRun.Result r = TransferRun.run(t, port++, loss, seed, loseResetsMs * 1_000_000L, pcap, 300_000_000_000L);
      allOk &= r.ok();
      System.out.println(r.report());
      System.out.flush();
    }
    System.exit(allOk ? 0 : 1);
  }
}
