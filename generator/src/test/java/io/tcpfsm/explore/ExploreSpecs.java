package io.tcpfsm.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.tcpfsm.RepoRoot;
import io.tcpfsm.model.Machine;
import io.tcpfsm.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** The bundled spec, or a copy with one rule broken on purpose, for the explorer's tests. */
final class ExploreSpecs {
  /** TIME-WAIT's 2 MSL timeout keeps it in TIME-WAIT (the planted deadlock). */
  static final String[] TIME_WAIT_STAYS = {
    "in TIME_WAIT on TIMEOUT_TIME_WAIT -> CLOSED rule time_wait_timeout {\n  delete tcb",
    "in TIME_WAIT on TIMEOUT_TIME_WAIT -> TIME_WAIT rule time_wait_timeout {\n  timer start TIME_WAIT"
  };

  /** LAST-ACK ignores the ACK of its FIN (stays, its retransmission timer still running). */
  static final String[] LAST_ACK_IGNORES_ACK = {
    "when seq_acceptable and fin_acked -> CLOSED rule last_ack_fin_acked {\n  timer cancel RETRANSMIT\n  delete tcb",
    "when seq_acceptable and fin_acked rule last_ack_fin_acked {\n  drop"
  };

  /** The small configuration the tests explore: no faults, one segment in flight each way, no text. */
  static final ExploreConfig SMALL = ExploreConfig.of("rfc9293").withBounds(1, 0, 2_000_000);

  private ExploreSpecs() {}

  static Machine bundled() throws IOException {
    return load(null);
  }

  static Machine broken(String[] edit) throws IOException {
    return load(edit);
  }

  private static Machine load(String[] edit) throws IOException {
    String text = Files.readString(RepoRoot.get().resolve("spec/tcp.fsm"));
    if (edit != null) {
      assertThat(text).as("the rule to break is in spec/tcp.fsm").contains(edit[0]);
      text = text.replace(edit[0], edit[1]);
    }
    Validator.Result r = Validator.check("spec/tcp.fsm", text);
    assertThat(r.ok()).as("%s", r.diagnostics()).isTrue();
    return r.machine();
  }

  static List<Property> properties(Machine m, String text) {
    return PropertyParser.parse("test.properties", text, m);
  }

  static List<Property> bundledProperties(Machine m) throws IOException {
    return PropertyParser.parse("spec/tcp.properties", Files.readString(RepoRoot.get().resolve("spec/tcp.properties")), m);
  }
}
