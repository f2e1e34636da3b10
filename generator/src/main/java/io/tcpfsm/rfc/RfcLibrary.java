package io.tcpfsm.rfc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The RFC texts bundled with tcpfsm (793 and 9293), parsed once per JVM on first use. */
public final class RfcLibrary {
  private static final Map<Integer, Optional<RfcDocument>> CACHE = new ConcurrentHashMap<>();

  private RfcLibrary() {}

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
