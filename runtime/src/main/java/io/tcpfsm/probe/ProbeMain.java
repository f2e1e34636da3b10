package io.tcpfsm.probe;

import io.tcpfsm.machine.TcpProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The part of {@code probe} that runs inside a network namespace ({@link ProbeEngine} starts it
 * there): runs the probes listed in a file, one per line, and prints one {@link Observation} line
 * each. Arguments: {@code LIST OUT_DIR CAPTURE_MS FIRST_INDEX PATH_PROFILE}.
 */
public final class ProbeMain {
  private ProbeMain() {}

  public static void main(String[] args) throws Exception {
    List<String> ids = Files.readAllLines(Path.of(args[0]));
    Path out = Path.of(args[1]);
    int captureMs = Integer.parseInt(args[2]);
    int first = Integer.parseInt(args[3]);
    TcpProfile pathProfile = TcpProfile.named(args[4]).orElseThrow();
    try (ProbeRunner runner = new ProbeRunner(new ModelPaths(pathProfile), out, captureMs)) {
      int i = first;
      for (String id : ids) {
        if (!id.isBlank()) {
          System.out.println(runner.run(Probe.parse(id), i++).line());
          System.out.flush();
        }
      }
    }
  }
}
