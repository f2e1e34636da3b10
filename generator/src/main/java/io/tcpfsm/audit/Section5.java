package io.tcpfsm.audit;

import io.tcpfsm.audit.RfcLines.Line;
import java.util.ArrayList;
import java.util.List;

/** The paragraphs of RFC 9293 section 5, "Changes from RFC 793", each with the note on how it reaches the model. */
public final class Section5 {
  /** One paragraph and the reviewed note on it (null when no note matches it). */
  public record Paragraph(String text, AuditNotes.Change change) {}

  private Section5() {}

  static List<Paragraph> of(List<AuditNotes.Change> changes) {
    List<Paragraph> out = new ArrayList<>();
    boolean in = false;
    StringBuilder p = new StringBuilder();
    for (Line l : RfcLines.of(9293)) {
      if (l.text().startsWith("5.  Changes from RFC 793")) {
        in = true;
        continue;
      }
      if (in && l.text().startsWith("6.  ")) {
        break;
      }
      if (!in) {
        continue;
      }
      if (l.blank()) {
        add(p, changes, out);
      } else {
        p.append(l.text()).append('\n');
      }
    }
    add(p, changes, out);
    return out;
  }

  private static void add(StringBuilder p, List<AuditNotes.Change> changes, List<Paragraph> out) {
    if (p.length() == 0) {
      return;
    }
    String text = Quotes.normalize(p.toString());
    p.setLength(0);
    AuditNotes.Change match = changes.stream().filter(c -> text.contains(Quotes.normalize(c.quote().words()))).findFirst().orElse(null);
    out.add(new Paragraph(text, match));
  }
}
