package io.tcpfsm.diag;

import io.tcpfsm.model.SourcePos;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/** Collects diagnostics for one spec file: every problem, reported once, in file order. */
public final class Diagnostics {
  private final String file;
  private final LinkedHashSet<Diagnostic> items = new LinkedHashSet<>();

  public Diagnostics(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void report(Code code, SourcePos pos, String message) {
    items.add(new Diagnostic(code, file, pos, message));
  }

  public void addAll(List<Diagnostic> more) {
    items.addAll(more);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public long errorCount() {
    return items.stream().filter(Diagnostic::isError).count();
  }

  public long warningCount() {
    return items.size() - errorCount();
  }

  /** Every diagnostic sorted by position, then message. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> out = new ArrayList<>(items);
    Collections.sort(out);
    return out;
  }
}
