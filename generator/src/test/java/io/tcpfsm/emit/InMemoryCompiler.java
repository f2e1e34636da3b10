package io.tcpfsm.emit;

import com.palantir.javapoet.JavaFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources in memory, as JavaPoet's {@code FileReadingTest} does, with every
 * lint on and warnings as errors, against the test classpath (JUnit for the generated tests).
 * The class files stay in memory; {@link Output#loader()} defines them.
 */
final class InMemoryCompiler {
  static final List<String> OPTIONS = List.of("-Xlint:all", "-Werror", "--release", "17");

  private InMemoryCompiler() {}

  /** The sources of {@code files}, by qualified name of their top-level type, as text. */
  static Map<String, String> sources(List<JavaFile> files) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JavaFile f : files) {
      out.put(f.packageName() + "." + f.typeSpec().name(), f.toString());
    }
    return out;
  }

  static Output compile(List<JavaFile> files) {
    return compile(sources(files));
  }

  /** Compiles {@code sources} (qualified top-level type name to source text). */
  static Output compile(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, text) -> units.add(new Source(name, text)));
    List<String> options = new ArrayList<>(OPTIONS);
    options.add("-classpath");
    options.add(System.getProperty("java.class.path"));
    Map<String, byte[]> classes = new TreeMap<>();
    try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, null, null);
        ClassesInMemory manager = new ClassesInMemory(standard, classes)) {
      javac.getTask(null, manager, diagnostics, options, null, units).call();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Output(List.copyOf(diagnostics.getDiagnostics()), classes);
  }

  /** What javac said, and the class files by binary name. */
  record Output(List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, byte[]> classes) {
    /** Every diagnostic, one a line, with its source position: the assertion message. */
    String report() {
      return diagnostics.stream()
          .map(d -> d.getKind() + " " + (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
              + d.getMessage(null))
          .collect(Collectors.joining("\n"));
    }

    /** A fresh class loader over these classes; the test classpath is its parent. */
    ClassLoader loader() {
      return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
          byte[] bytes = classes.get(name);
          if (bytes == null) {
            throw new ClassNotFoundException(name);
          }
          return defineClass(name, bytes, 0, bytes.length);
        }
      };
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String qualifiedName, String text) {
      super(URI.create("string:///" + qualifiedName.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private static final class ClassFile extends SimpleJavaFileObject {
    private final String binaryName;
    private final Map<String, byte[]> classes;

    ClassFile(String binaryName, Map<String, byte[]> classes) {
      super(URI.create("mem:///" + binaryName.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
      this.binaryName = binaryName;
      this.classes = classes;
    }

    @Override
    public OutputStream openOutputStream() {
      return new ByteArrayOutputStream() {
        @Override
        public void close() {
          classes.put(binaryName, toByteArray());
        }
      };
    }
  }

  /** Keeps javac's class output in {@code classes}; reads everything else as usual. */
  private static final class ClassesInMemory extends ForwardingJavaFileManager<JavaFileManager> {
    private final Map<String, byte[]> classes;

    ClassesInMemory(JavaFileManager standard, Map<String, byte[]> classes) {
      super(standard);
      this.classes = classes;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new ClassFile(className, classes);
    }
  }
}
