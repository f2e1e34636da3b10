package io.tcpfsm.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.machine.TcpState;
import io.tcpfsm.time.VirtualClock;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The echo server in {@link Host}'s Javadoc compiles and serves: its lines are taken from the
 * source as they stand, put in a method, compiled with javac and run against a client host.
 */
public class EchoServerExampleTest {
  private static final long MS = 1_000_000L;

  @TempDir Path dir;

  /** The network device the example reads and writes. */
  public static final class Wire {
    final ArrayDeque<byte[]> toServer = new ArrayDeque<>();
    final ArrayDeque<byte[]> fromServer = new ArrayDeque<>();

    public void send(byte[] packet) {
      fromServer.add(packet);
    }

    public byte[] poll() {
      return toServer.poll();
    }
  }

  /** What the compiled example extends: the names its lines use. */
  public abstract static class Harness {
    protected final Wire wire = new Wire();
    protected final VirtualClock clock = new VirtualClock(0);
    public BooleanSupplier step;

    protected boolean running() {
      return step.getAsBoolean();
    }

    public abstract void serve();
  }

  @Test
  void theJavadocEchoServerEchoesAndCloses() throws Exception {
    String source = Files.readString(Path.of("src/main/java/io/tcpfsm/tcp/Host.java"));
    Matcher m = Pattern.compile("<pre>\\{@code\\n(.*?)\\n \\* \\}</pre>", Pattern.DOTALL).matcher(source);
    assertThat(m.find()).as("Host's Javadoc has a {@code} example").isTrue();
    String body = m.group(1).replaceAll("(?m)^ \\* ?", "");
    assertThat(body.lines().count()).as("a short example").isLessThanOrEqualTo(16);
    Path src = Files.createDirectories(dir.resolve("src/example")).resolve("Echo.java");
    Files.writeString(src, """
        package example;
        import io.tcpfsm.machine.TcpState;
        import io.tcpfsm.tcp.*;
        import java.util.ArrayList;
        import java.util.List;
        public class Echo extends io.tcpfsm.tcp.EchoServerExampleTest.Harness {
          @Override
          public void serve() {
        %s
          }
        }
        """.formatted(body));
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, errors,
        "-d", dir.resolve("classes").toString(), "-cp", System.getProperty("java.class.path"), src.toString());
    assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, getClass().getClassLoader())) {
      Harness server = (Harness) loader.loadClass("example.Echo").getConstructor().newInstance();
      Host client = new Host(Addresses.parse("10.0.0.1"), TcpConfig.defaults(), server.wire.toServer::add);
      byte[] message = "hello, echo\n".repeat(3000).getBytes(StandardCharsets.US_ASCII);
      ByteArrayOutputStream echoed = new ByteArrayOutputStream();
      Connection c = client.connect(Addresses.parse("10.0.0.2"), 7, 0);
      int[] sent = {0};
      int[] rounds = {0};
      server.step = () -> {
        long now = server.clock.nanos();
        for (byte[] p; (p = server.wire.fromServer.poll()) != null; ) {
          client.receive(p, now);
        }
        client.poll(now);
        if (c.state() == TcpState.ESTABLISHED && sent[0] < message.length) {
          sent[0] += c.send(java.util.Arrays.copyOfRange(message, sent[0], message.length), now);
        }
        echoed.writeBytes(c.read(1 << 20, now));
        if (echoed.size() == message.length && c.state() == TcpState.ESTABLISHED) {
          c.close(now);
        }
        server.clock.advance(MS); // a millisecond a round: packets cross "instantly", timers run
        return !c.isDeleted() && ++rounds[0] < 600_000;
      };
      server.serve();
      assertThat(echoed.toByteArray()).isEqualTo(message);
      assertThat(c.history()).endsWith(TcpState.FIN_WAIT1, TcpState.FIN_WAIT2, TcpState.TIME_WAIT, TcpState.CLOSED);
    }
  }
}
