package io.tcpfsm.bench;

import io.tcpfsm.parser.SpecParser;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing and validating the bundled spec in a warm JVM (target: under 200 ms). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SpecBenchmark {
  private String text;

  @Setup
  public void load() {
    try (InputStream in = SpecBenchmark.class.getResourceAsStream("/tcpfsm/tcp.fsm")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text to model: the ANTLR parse and the model builder. */
  @Benchmark
  public Object parse() {
    return SpecParser.parse("spec/tcp.fsm", text).machine();
  }

  /** Text to validated model: parse, both profiles' tables, every rule, citations included. */
  @Benchmark
  public Object parseAndValidate() {
    Validator.Result r = Validator.check("spec/tcp.fsm", text);
    if (!r.ok()) {
      throw new IllegalStateException("the bundled spec does not validate");
    }
    return r;
  }
}
