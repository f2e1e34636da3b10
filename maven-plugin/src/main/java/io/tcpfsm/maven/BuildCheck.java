package io.tcpfsm.maven;

import java.util.Optional;
import java.util.Properties;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What the build around the plugin must offer for the generated code to compile and its tests
 * to run: javac for Java 17, and a surefire that runs JUnit 5. Maven 3.8's default plugins offer
 * neither (compiler 3.1 targets Java 5; surefire 2.12.4 runs no JUnit 5 test and still passes).
 */
final class BuildCheck {
  static final int JAVA = 17;
  private static final String COMPILER = "org.apache.maven.plugins:maven-compiler-plugin";
  private static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";
  private static final String SNIPPET = " (see the tcpfsm README, \"In your own Maven project\")";

  private BuildCheck() {}

  /** Why the project's javac settings cannot compile the generated code; empty if they can. */
  static Optional<String> compilerProblem(MavenProject project, Properties userProperties) {
    Plugin compiler = project.getBuild() == null ? null : project.getBuild().getPluginsAsMap().get(COMPILER);
    if (compiler == null || compiler.getVersion() == null) {
      return Optional.empty();
    }
    String version = compiler.getVersion();
    boolean hasRelease = new ComparableVersion(version).compareTo(new ComparableVersion("3.6")) >= 0;
    String release = setting(compiler, "release", "maven.compiler.release", project, userProperties);
    String target = setting(compiler, "target", "maven.compiler.target", project, userProperties);
    String fix = "set <maven.compiler.release>17</maven.compiler.release> and use maven-compiler-plugin 3.6 or later" + SNIPPET;
    if (release != null && !hasRelease && target == null) {
      return Optional.of("the generated code needs Java " + JAVA + ", but maven-compiler-plugin " + version
          + " has no <release> option and compiles for its default, Java 5 or 6: " + fix);
    }
    String used = release != null && hasRelease ? release : target;
    if (used == null) {
      return Optional.of("the generated code needs Java " + JAVA + ", but this project sets no compiler release or target, so maven-compiler-plugin "
          + version + " compiles for its default (Java 8 or lower): " + fix);
    }
    Integer level = javaLevel(used);
    if (level != null && level < JAVA) {
      return Optional.of("the generated code needs Java " + JAVA + ", but this project compiles for Java " + used
          + " (maven-compiler-plugin " + (used.equals(release) && hasRelease ? "release" : "target") + "): " + fix);
    }
    return Optional.empty();
  }

  /** Why the project's surefire would not run the generated JUnit 5 tests; empty if it would. */
  static Optional<String> surefireProblem(MavenProject project) {
    Plugin surefire = project.getBuild() == null ? null : project.getBuild().getPluginsAsMap().get(SUREFIRE);
    if (surefire == null || surefire.getVersion() == null) {
      return Optional.empty();
    }
    String version = surefire.getVersion();
    if (new ComparableVersion(version).compareTo(new ComparableVersion("2.22.0")) < 0) {
      return Optional.of("the generated tests are JUnit 5 tests, and maven-surefire-plugin " + version
          + " does not run them (it reports \"Tests run: 0\" and passes): use maven-surefire-plugin 3.5.4 (2.22.0 at least) in <build><plugins>" + SNIPPET);
    }
    return Optional.empty();
  }

  /** "17" -> 17, "1.8" -> 8; null for what is not a plain Java version (an unresolved expression). */
  static Integer javaLevel(String v) {
    String s = v.trim();
    if (s.startsWith("1.")) {
      s = s.substring(2);
    }
    try {
      return Integer.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A compiler parameter as the compile execution sees it: the execution's configuration, the
   * plugin's, then the property (a {@code -D} first, then the project's properties).
   */
  private static String setting(Plugin plugin, String name, String property, MavenProject project, Properties user) {
    for (PluginExecution e : plugin.getExecutions()) {
      if (e.getId().equals("default-compile")) {
        String v = child(e.getConfiguration(), name);
        if (v != null) {
          return v;
        }
      }
    }
    String v = child(plugin.getConfiguration(), name);
    if (v != null) {
      return v;
    }
    if (user != null && user.getProperty(property) != null) {
      return user.getProperty(property);
    }
    return project.getProperties().getProperty(property);
  }

  private static String child(Object configuration, String name) {
    if (configuration instanceof Xpp3Dom dom) {
      Xpp3Dom c = dom.getChild(name);
      if (c != null && c.getValue() != null && !c.getValue().isBlank()) {
        return c.getValue().trim();
      }
    }
    return null;
  }
}
