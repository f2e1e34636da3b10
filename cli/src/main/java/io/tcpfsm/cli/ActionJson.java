package io.tcpfsm.cli;

import io.tcpfsm.model.Action;
import java.util.LinkedHashMap;
import java.util.Map;

/** An action as {@code explain --json} prints it: {"kind":"send","flags":"ACK",...}. */
final class ActionJson {
  private ActionJson() {}

  static Map<String, Object> of(Action action) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", action.kind());
    if (action instanceof Action.Send send) {
      out.put("flags", send.flags());
      if (send.seq() != null) {
        out.put("seq", send.seq().render());
      }
      if (send.ack() != null) {
        out.put("ack", send.ack().render());
      }
      if (send.withText()) {
        out.put("text", true);
      }
    } else if (action instanceof Action.TimerAction timer) {
      out.put("op", timer.op().keyword());
      out.put("timer", timer.timer().name());
    } else if (action instanceof Action.Signal signal) {
      out.put("text", signal.text());
    } else if (action instanceof Action.Set set) {
      out.put("var", set.variable());
      out.put("value", set.value().render());
    } else if (action instanceof Action.If when) {
      out.put("condition", when.condition().render());
      out.put("then", when.then().stream().map(ActionJson::of).toList());
    }
    return out;
  }
}
