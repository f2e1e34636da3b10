package io.tcpfsm.rfc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RFC texts bundled with tcpfsm (see SOURCES.md beside them for where each came from and its
 * copyright notice), parsed once per JVM on first use.
 */
public final class RfcLibrary {
  private static final Map<Integer, Optional<RfcDocument>> CACHE = new ConcurrentHashMap<>();

  /** The RFCs whose text is bundled, in number order. */
  public static final java.util.List<Integer> BUNDLED =
      java.util.List.of(793, 1122, 1337, 2018, 2525, 5681, 5961, 6191, 6298, 6528, 6582, 6675, 7323, 9293);

  private RfcLibrary() {}

  /** {@code RFC 793, RFC 1122, ...}: the bundled RFCs, for messages. */
  public static String bundled() {
    return String.join(", ", BUNDLED.stream().map(n -> "RFC " + n).toList());
  }

  /** The bundled text of RFC {@code number}, if tcpfsm has it. */
  public static Optional<RfcDocument> get(int number) {
    return CACHE.computeIfAbsent(number, RfcLibrary::load);
  }

  private static Optional<RfcDocument> load(int number) {
    try (InputStream in = RfcLibrary.class.getResourceAsStream("rfc" + number + ".txt")) {
      if (in == null) {
        return Optional.empty();
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Optional.of(RfcDocument.parse(number, text));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled RFC " + number, e);
    }
  }
}
