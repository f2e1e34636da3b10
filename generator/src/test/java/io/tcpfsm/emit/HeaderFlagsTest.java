package io.tcpfsm.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The generated machine of spec/tcp.fsm speaks the wire's flag bits: {@code TcpEvent.fromHeader}
 * reads a header's flags byte as RFC 9293 section 3.1 lays it out, {@code step} refuses guard
 * bits no guard owns, and {@code needed} names the guards a cell reads. The bit values are
 * written here from the RFC, not taken from the generator.
 */
class HeaderFlagsTest {
  // RFC 9293 3.1, the Control Bits, from the least significant bit of the flags byte.
  private static final int FIN = 0x01;
  private static final int SYN = 0x02;
  private static final int RST = 0x04;
  private static final int PSH = 0x08;
  private static final int ACK = 0x10;
  private static final int URG = 0x20;
  private static final int ECE = 0x40;
  private static final int CWR = 0x80;

  private static final String PKG = "io.tcpfsm.machine";

  /** The generated machine of spec/tcp.fsm, compiled in memory once. */
  private static final class Compiled {
    static final ClassLoader LOADER;

    static {
      InMemoryCompiler.Output output = InMemoryCompiler.compile(JavaEmitter.machine(Specs.real(), PKG));
      assertThat(output.diagnostics()).as(output.report()).isEmpty();
      LOADER = output.loader();
    }

    static Class<?> type(String simpleName) {
      try {
        return LOADER.loadClass(PKG + "." + simpleName);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Example
  void synAckHeaderIsTheSynAckEvent() throws Exception {
    assertThat(fromHeader(0x12)).isSameAs(constant("TcpEvent", "SYN_ACK"));
    assertThat(fromHeader(SYN | ACK | PSH)).isSameAs(constant("TcpEvent", "SYN_ACK"));
    assertThat(fromHeader(0)).isSameAs(constant("TcpEvent", "NONE"));
  }

  /** Every flags byte: the event whose label names exactly the byte's SYN, FIN, RST and ACK bits. */
  @Property(generation = GenerationMode.EXHAUSTIVE)
  void fromHeaderIsTheEventOfTheBytesSynFinRstAndAck(@ForAll @IntRange(min = 0, max = 255) int header) throws Exception {
    Set<String> expected = new TreeSet<>();
    if ((header & FIN) != 0) {
      expected.add("FIN");
    }
    if ((header & SYN) != 0) {
      expected.add("SYN");
    }
    if ((header & RST) != 0) {
      expected.add("RST");
    }
    if ((header & ACK) != 0) {
      expected.add("ACK");
    }
    // PSH, URG, ECE and CWR are not events: whatever they are, the event is the same.
    assertThat(PSH | URG | ECE | CWR | FIN | SYN | RST | ACK).isEqualTo(0xFF);

    Object event = fromHeader(header);

    String label = (String) Compiled.type("TcpEvent").getMethod("label").invoke(event);
    Set<String> named = label.equals("NONE") ? new TreeSet<>() : new TreeSet<>(List.of(label.split("\\+")));
    assertThat(named).as("fromHeader(0x%02x) = %s", header, label).isEqualTo(expected);
    int flags = (int) Compiled.type("TcpEvent").getMethod("flags").invoke(event);
    assertThat(flags).as("flags() of %s, in header bits", label).isEqualTo(header & (FIN | SYN | RST | ACK));
  }

  @Example
  void stepRefusesAGuardBitNoGuardOwns() throws Exception {
    Class<?> guard = Compiled.type("TcpGuard");
    int all = (int) guard.getMethod("all").invoke(null);
    assertThat(Integer.bitCount(all)).isEqualTo(guard.getEnumConstants().length);
    Method step = Compiled.type("Rfc9293Machine").getMethod("step", Compiled.type("TcpState"), Compiled.type("TcpEvent"), int.class);
    Object state = constant("TcpState", "ESTABLISHED");
    Object event = constant("TcpEvent", "ACK");

    assertThat(step.invoke(null, state, event, all)).isNotNull();
    for (int bad : new int[] {all + 1, Integer.highestOneBit(all) << 1, -1, Integer.MIN_VALUE}) {
      assertThatThrownBy(() -> invoke(step, state, event, bad))
          .as("guards 0x%x", bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no guard owns");
    }
  }

  @Example
  void neededInSynSentOnSynAckHasAckAcceptable() throws Exception {
    Object ackAcceptable = constant("TcpGuard", "ACK_ACCEPTABLE");
    int bit = (int) Compiled.type("TcpGuard").getMethod("bit").invoke(ackAcceptable);
    Method needed = Compiled.type("Rfc9293Machine").getMethod("needed", Compiled.type("TcpState"), Compiled.type("TcpEvent"));

    int synSent = (int) needed.invoke(null, constant("TcpState", "SYN_SENT"), constant("TcpEvent", "SYN_ACK"));
    int closed = (int) needed.invoke(null, constant("TcpState", "CLOSED"), constant("TcpEvent", "SYN_ACK"));

    assertThat(synSent & bit).isEqualTo(bit);
    assertThat(closed).as("CLOSED answers every segment alike").isZero();
  }

  @Example
  void profileByNameStepsAsItsMachine() throws Exception {
    Class<?> profile = Compiled.type("TcpProfile");
    Object rfc793 = ((java.util.Optional<?>) profile.getMethod("named", String.class).invoke(null, "rfc793")).orElseThrow();
    assertThat(profile.getMethod("named", String.class).invoke(null, "rfc1122")).isEqualTo(java.util.Optional.empty());
    Method viaProfile = Compiled.type("TcpMachine").getMethod("step", Compiled.type("TcpState"), Compiled.type("TcpEvent"), int.class);
    Method direct = Compiled.type("Rfc793Machine").getMethod("step", Compiled.type("TcpState"), Compiled.type("TcpEvent"), int.class);
    List<String> differ = new ArrayList<>();
    for (Object s : Compiled.type("TcpState").getEnumConstants()) {
      for (Object e : Compiled.type("TcpEvent").getEnumConstants()) {
        if (viaProfile.invoke(rfc793, s, e, 0) != direct.invoke(null, s, e, 0)) {
          differ.add(s + " " + e);
        }
      }
    }
    assertThat(differ).isEmpty();
  }

  private static Object fromHeader(int header) throws ReflectiveOperationException {
    return Compiled.type("TcpEvent").getMethod("fromHeader", int.class).invoke(null, header);
  }

  private static Object constant(String type, String name) throws ReflectiveOperationException {
    return Compiled.type(type).getField(name).get(null);
  }

  private static Object invoke(Method m, Object... args) throws Throwable {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
