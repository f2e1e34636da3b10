package io.tcpfsm.bench;

import io.tcpfsm.explore.ExploreConfig;
import io.tcpfsm.explore.Explorer;
import io.tcpfsm.explore.StateGraph;
import io.tcpfsm.model.Machine;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One exhaustive exploration of the bundled spec, rfc9293 at both ends, over a network that
 * loses and reorders (and with {@code dup}, duplicates) segments: one in flight each way ({@code
 * inFlight} 0, what {@code ./tcpfsm explore --profile rfc9293 --loss --reorder} searches), or two in
 * the whole network ({@code inFlight} 2, {@code --in-flight 2}, where reordering changes an order),
 * properties aside. Single shot, since one exploration is the unit a user waits for (issue 12:
 * under a minute).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx4g"})
public class ExploreBenchmark {
  @Param({"loss,reorder", "loss,dup,reorder"})
  public String faults;

  /** 0: one segment per direction ({@code --capacity 1}); N: at most N in the whole network ({@code --in-flight N}). */
  @Param({"0", "2"})
  public int inFlight;

  private Machine machine;
  private ExploreConfig config;

  @Setup
  public void load() {
    try (InputStream in = ExploreBenchmark.class.getResourceAsStream("/tcpfsm/tcp.fsm")) {
      Validator.Result r = Validator.check("spec/tcp.fsm", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!r.ok()) {
        throw new IllegalStateException("the bundled spec does not validate");
      }
      machine = r.machine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Two in flight is some 6 to 8 million states: the bound the README's command gives (--max-states 20000000).
    int maxStates = inFlight > 0 ? 20_000_000 : ExploreConfig.DEFAULT_MAX_STATES;
    config = ExploreConfig.of("rfc9293").withBounds(1, ExploreConfig.DEFAULT_SENDS, maxStates)
        .withFaults(faults.contains("loss"), faults.contains("dup"), faults.contains("reorder"));
    if (inFlight > 0) {
      config = config.withInFlight(inFlight);
    }
  }

  @Benchmark
  public int explore() {
    StateGraph g = Explorer.explore(machine, config);
    if (!g.complete()) {
      throw new IllegalStateException("the exploration was cut at " + g.stateCount() + " states");
    }
    return g.stateCount();
  }
}
