package io.tcpfsm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit page in a real browser: headless Chromium (Debian's chromium, which .ci/run
 * installs) loads index.html from disk, with no network, and must lay out the matrices and the
 * diagram. The DOM it builds and the pixels it paints are the answer key, not our own writer.
 */
class AuditBrowserTest {
  @TempDir Path tmp;

  private static final int DIAGRAM_GREEN = 0x12ab34; // the test diagram's fill
  private static final int MOVE_BLUE = 0xcfe8ff; // a matrix cell whose outcome changes state
  private static final int RESET_RED = 0xffb3b3; // a matrix cell that sends RST

  /** Chromium with its profile in the test's temporary folder (deleted after it), as root needs no sandbox. */
  private List<String> chromium(String... args) {
    List<String> cmd = new ArrayList<>(List.of("chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--virtual-time-budget=5000", "--user-data-dir=" + tmp.resolve("chromium-profile")));
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void chromiumRendersTheMatricesAndTheDiagram() throws Exception {
    assumeTrue(ExternalTools.available("chromium"), "chromium is not installed (apt-get install chromium; .ci/run installs it)");
    Path svg = tmp.resolve("diagram.svg");
    try (InputStream in = AuditBrowserTest.class.getResourceAsStream("audit-diagram.svg")) {
      Files.write(svg, in.readAllBytes());
    }
    Path out = tmp.resolve("report");
    CliRun audit = CliRun.run("audit", "--diagram", svg.toString(), "--out", out.toString());
    assertThat(audit.exit()).as(audit.err()).isZero();
    String url = out.resolve("index.html").toUri().toString();

    String dom = run(chromium("--dump-dom", url));
    assertThat(dom).contains("<section id=\"diagram\">", "<svg", "<table class=\"matrix\" id=\"matrix-rfc793\">", "<table class=\"matrix\" id=\"matrix-rfc9293\">");
    // Eleven states, one row each, under the header row: the browser built the table as written.
    String rfc9293 = dom.substring(dom.indexOf("id=\"matrix-rfc9293\""));
    rfc9293 = rfc9293.substring(0, rfc9293.indexOf("</table>"));
    assertThat(rfc9293.split("<tr>", -1)).hasSize(1 + 12);

    Path png = tmp.resolve("page.png");
    run(chromium("--screenshot=" + png, "--window-size=1400,1600", url));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as("screenshot").isNotNull();
    // The legend alone paints about 2,500 pixels of each colour; the matrices paint tens of thousands.
    assertThat(count(image, DIAGRAM_GREEN)).as("diagram pixels (a 300 x 80 rectangle)").isGreaterThan(10_000);
    assertThat(count(image, MOVE_BLUE)).as("state-change cells").isGreaterThan(20_000);
    assertThat(count(image, RESET_RED)).as("reset cells").isGreaterThan(5_000);
  }

  private static int count(BufferedImage image, int rgb) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }
}
