package io.tcpfsm.probe;

import io.tcpfsm.link.Netns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs probes in {@code jobs} network namespaces at once, each made and deleted here, each with a
 * JVM of its own ({@link ProbeMain}) that owns a TUN device and the kernel sockets; probes are
 * dealt to the namespaces in turn. Returns the observations in the order of the probes given.
 */
public final class ProbeEngine {
  private ProbeEngine() {}

  public static List<Observation> run(List<Probe> probes, int jobs, Path out, int captureMs, String pathProfile)
      throws IOException, InterruptedException {
    Files.createDirectories(out);
    int n = Math.max(1, Math.min(jobs, probes.size()));
    List<List<Probe>> shards = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      shards.add(new ArrayList<>());
    }
    for (int i = 0; i < probes.size(); i++) {
      shards.get(i % n).add(probes.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<List<Observation>>> results = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        List<Probe> shard = shards.get(i);
        int first = i * 10_000 / n; // ports 20000+index, 40000+index: disjoint per namespace anyway
        results.add(pool.submit(() -> runShard(shard, out, captureMs, first, pathProfile)));
      }
      Map<String, Observation> byId = new HashMap<>();
      for (Future<List<Observation>> f : results) {
        try {
          for (Observation o : f.get()) {
            byId.put(o.probe().id(), o);
          }
        } catch (java.util.concurrent.ExecutionException e) {
          Throwable c = e.getCause();
          throw c instanceof IOException io ? io : new IOException(c.getMessage(), c);
        }
      }
      List<Observation> ordered = new ArrayList<>();
      for (Probe p : probes) {
        Observation o = byId.get(p.id());
        ordered.add(o != null ? o : new Observation(p, "the probe's process ended before running it", null, List.of(), null, 0, 0));
      }
      ordered.sort(Comparator.comparingInt(o -> probes.indexOf(o.probe())));
      return ordered;
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Observation> runShard(List<Probe> shard, Path out, int captureMs, int first, String pathProfile)
      throws IOException, InterruptedException {
    Path list = Files.createTempFile("tcpfsm-probes", ".txt");
    try (Netns ns = Netns.create("tcpfsm-probe")) {
      Files.write(list, shard.stream().map(Probe::id).toList());
      Process p = ns.startJava(List.of("-Djava.net.preferIPv4Stack=true", "-XX:TieredStopAtLevel=1", "-Xshare:auto"),
          ProbeMain.class.getName(),
          List.of(list.toString(), out.toAbsolutePath().toString(), Integer.toString(captureMs), Integer.toString(first), pathProfile));
      List<Observation> seen = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          seen.add(Observation.parse(line));
        }
      }
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("the probe process in namespace " + ns.name() + " failed (exit "
            + (p.isAlive() ? "none: still running" : p.exitValue()) + ") after " + seen.size() + " of " + shard.size() + " probes");
      }
      return seen;
    } finally {
      Files.deleteIfExists(list);
    }
  }
}
