import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The checker of two (or more) builds in one JVM, each jar in its own class loader with {@code
 * CheckerRound}, rounds alternating (the first jar first in even rounds, last in odd ones): on a
 * host whose speed drifts by a third from minute to minute, the ratio of adjacent rounds is steadier
 * than any two runs. Prints each jar's paired ratio to the first (median and quartiles) and its rounds.
 *
 * <p>Usage (BENCHMARKS.md, "Trace checking"): {@code CheckerAB ROUNDS FRAMES CAPTURE CLASSES JAR...},
 * CLASSES the directory {@code CheckerRound} was compiled to.
 */
public final class CheckerAB {
  public static void main(String[] a) throws Exception {
    int rounds = Integer.parseInt(a[0]);
    int frames = Integer.parseInt(a[1]);
    String capture = a[2];
    Path classes = Path.of(a[3]);
    int n = a.length - 4;
    Method[] round = new Method[n];
    Object[] loaded = new Object[n];
    for (int i = 0; i < n; i++) {
      URLClassLoader l = new URLClassLoader(new URL[] {classes.toUri().toURL(), Path.of(a[4 + i]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> c = l.loadClass("io.tcpfsm.trace.CheckerRound");
      loaded[i] = c.getMethod("load", String.class).invoke(null, capture);
      round[i] = c.getMethod("round", Object.class, int.class);
    }
    long[][] ms = new long[n][rounds];
    long verdicts = -1;
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < n; k++) {
        int i = r % 2 == 0 ? k : n - 1 - k;
        long[] out = (long[]) round[i].invoke(null, loaded[i], frames);
        if (verdicts >= 0 && out[1] != verdicts) {
          throw new IllegalStateException(a[4 + i] + " gave " + out[1] + " verdicts, another " + verdicts);
        }
        verdicts = out[1];
        ms[i][r] = out[0] / 1_000_000;
      }
    }
    for (int i = 1; i < n; i++) {
      double[] q = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        q[r] = (double) ms[i][r] / ms[0][r];
      }
      Arrays.sort(q);
      System.out.printf("%s / %s: paired ratio median %.3f (quartiles %.3f, %.3f)%n", a[4 + i], a[4], q[rounds / 2], q[rounds / 4], q[3 * rounds / 4]);
    }
    for (int i = 0; i < n; i++) {
      long[] s = ms[i].clone();
      Arrays.sort(s);
      System.out.println(a[4 + i] + ": min " + s[0] + " ms, median " + s[rounds / 2] + " ms of CPU, " + verdicts + " verdicts; rounds " + Arrays.toString(ms[i]));
    }
  }
}
