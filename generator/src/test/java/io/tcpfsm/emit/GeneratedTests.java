package io.tcpfsm.emit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/** Runs generated JUnit 5 test classes, compiled in memory, with the JUnit Platform Launcher. */
final class GeneratedTests {
  private GeneratedTests() {}

  /** What a run found: the summary and the failed tests as {@code SimpleClassName.method}. */
  record Run(TestExecutionSummary summary, Set<String> failed) {
    long found() {
      return summary.getTestsFoundCount();
    }

    long succeeded() {
      return summary.getTestsSucceededCount();
    }
  }

  /** Runs every test class (a compiled class whose simple name ends in {@code Test}) of {@code output}. */
  static Run run(InMemoryCompiler.Output output) {
    ClassLoader loader = output.loader();
    List<ClassSelector> selectors = new ArrayList<>();
    for (String name : output.classes().keySet()) {
      if (name.endsWith("Test") && !name.contains("$")) {
        try {
          selectors.add(selectClass(loader.loadClass(name)));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Launcher launcher = LauncherFactory.create();
      SummaryGeneratingListener summary = new SummaryGeneratingListener();
      FailedTests failed = new FailedTests();
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectors)
              .filters(EngineFilter.includeEngines("junit-jupiter"))
              .build(),
          summary,
          failed);
      return new Run(summary.getSummary(), failed.names);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static final class FailedTests implements TestExecutionListener {
    final Set<String> names = new TreeSet<>();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
      if (test.isTest() && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL
          && test.getSource().orElse(null) instanceof MethodSource m) {
        names.add(m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1) + "." + m.getMethodName());
      }
    }
  }
}
