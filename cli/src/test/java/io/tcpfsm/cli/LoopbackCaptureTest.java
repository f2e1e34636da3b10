package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Captures a real TCP connection on loopback with tcpdump (pcap, micro and nano) and dumpcap
 * (pcapng), then checks that decode prints the same segments as {@code tcpdump -S -nr}. Needs
 * root and the tools; skipped with the reason otherwise. Loopback checksums are left to the NIC
 * (CHECKSUM_PARTIAL), so decode flags them; lines are compared up to "length N".
 */
class LoopbackCaptureTest {
  @TempDir Path tmp;

  @BeforeAll
  static void needRootAndTcpdump() {
    assumeTrue(ExternalTools.available("tcpdump"), "tcpdump is not installed: apt-get install -y tcpdump");
    assumeTrue(ExternalTools.isRoot(), "capturing on lo needs root");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"127.0.0.1, tcpdump", "127.0.0.1, tcpdump-nano", "::1, tcpdump", "::1, tcpdump-nano", "127.0.0.1, dumpcap", "::1, dumpcap"})
  void loopbackConnectionDecodesAsTcpdumpPrintsIt(String host, String tool) throws Exception {
    assumeTrue(!tool.equals("dumpcap") || ExternalTools.available("dumpcap"), "dumpcap (Wireshark) is not installed");
    InetAddress addr = InetAddress.getByName(host);
    try (ServerSocket server = new ServerSocket(0, 1, addr)) {
      int port = server.getLocalPort();
      Path file = tmp.resolve("lo-" + tool + (tool.equals("dumpcap") ? ".pcapng" : ".pcap"));
      List<String> cmd = switch (tool) {
        case "tcpdump" -> List.of("tcpdump", "-i", "lo", "--immediate-mode", "-U", "-w", file.toString(), "tcp port " + port);
        case "tcpdump-nano" -> List.of("tcpdump", "-i", "lo", "--immediate-mode", "-U", "--time-stamp-precision=nano", "-w", file.toString(), "tcp port " + port);
        default -> List.of("dumpcap", "-i", "lo", "-w", file.toString(), "-f", "tcp port " + port);
      };
      Process capture = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      BufferedReader log = new BufferedReader(new InputStreamReader(capture.getInputStream(), StandardCharsets.US_ASCII));
      String line;
      while ((line = log.readLine()) != null && !line.contains("listening on") && !line.contains("Capturing on")) {
        // wait until the capture is running
      }
      assertThat(line).as("capture tool started").isNotNull();
      if (tool.equals("dumpcap")) {
        Thread.sleep(1000); // dumpcap says "Capturing on" before its capture child has the filter in place
      }
      Thread drain = new Thread(() -> {
        try {
          log.transferTo(java.io.Writer.nullWriter());
        } catch (java.io.IOException ignored) {
          // the tool exited
        }
      });
      drain.start();
      try (Socket client = new Socket(addr, port); Socket accepted = server.accept()) {
        OutputStream out = client.getOutputStream();
        out.write("hello, loopback".getBytes(StandardCharsets.US_ASCII));
        InputStream in = accepted.getInputStream();
        assertThat(in.readNBytes(15)).hasSize(15);
        accepted.getOutputStream().write(new byte[3000]);
        assertThat(client.getInputStream().readNBytes(3000)).hasSize(3000);
      }
      Thread.sleep(1500); // let the last FIN/ACK leave the capture ring (TPACKET_V3 blocks) before stopping it
      // SIGINT, as ^C: both tools then flush and close the file (dumpcap loses its buffer on SIGTERM).
      new ProcessBuilder("kill", "-INT", Long.toString(capture.pid())).start().waitFor();
      assertThat(capture.waitFor(20, TimeUnit.SECONDS)).isTrue();
      drain.join();
      boolean nano = tool.equals("tcpdump-nano");
      List<String> theirs = ExternalTools.tcpdumpRead(file, nano).stream().map(ExternalTools::upToLength).toList();
      List<String> ours = ExternalTools.decodeLines(file, nano);
      assertThat(theirs).hasSizeGreaterThanOrEqualTo(8); // handshake, data both ways, two FINs
      assertThat(ours).isEqualTo(theirs);
      CliRun r = CliRun.run("decode", file.toString());
      assertThat(r.exit()).isZero();
      assertThat(r.summary()).contains(theirs.size() + " TCP segments", "0 skipped records", "0 malformed");
    }
  }
}
