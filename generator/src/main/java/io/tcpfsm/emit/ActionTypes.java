package io.tcpfsm.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Emits the sealed action type: a record per kind of action with data, an enum for those without,
 * and a {@code Handler} with one method per kind, so that a new kind of action in the spec breaks
 * the compile of every class that executes actions. Only the kinds the spec uses are emitted.
 * {@code render()} writes each action as the spec does.
 */
final class ActionTypes {
  private static final TypeVariableName R = TypeVariableName.get("R");

  private final Types t;
  private final Vocabulary vocabulary;
  private final String generatedBy;

  ActionTypes(Types t, Vocabulary vocabulary, String generatedBy) {
    this.t = t;
    this.vocabulary = vocabulary;
    this.generatedBy = generatedBy;
  }

  TypeSpec emit() {
    // Sealed over the kinds the spec uses; a spec without actions has none to permit.
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(t.action())
        .addModifiers(vocabulary.kinds().isEmpty() ? new Modifier[] {Modifier.PUBLIC} : new Modifier[] {Modifier.PUBLIC, Modifier.SEALED})
        .addJavadoc("One action of a step; whoever runs the machine runs a step's actions in order,\n"
            + "each through {@link #accept(Handler)}.\n\n<p>$L\n", generatedBy)
        .addMethod(MethodSpec.methodBuilder("render").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .returns(String.class).addJavadoc("The action as the spec writes it.\n").build())
        .addMethod(MethodSpec.methodBuilder("accept").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addTypeVariable(R).returns(R).addParameter(handlerOf(R), "handler")
            .addJavadoc("Calls the {@code handler} method for this kind of action.\n\n"
                + "@param handler what executes actions\n@param <R> what the handler returns\n"
                + "@return what the handler returned\n").build());
    if (vocabulary.uses("send")) {
      type.addPermittedSubclass(t.send()).addType(send());
    }
    if (vocabulary.uses("timer")) {
      type.addPermittedSubclass(t.timerAction()).addType(timer());
    }
    if (vocabulary.uses("signal")) {
      type.addPermittedSubclass(t.signal()).addType(signal());
    }
    if (vocabulary.uses("set")) {
      type.addPermittedSubclass(t.set()).addType(set());
    }
    if (vocabulary.uses("if")) {
      type.addPermittedSubclass(t.ifAction()).addType(ifAction());
    }
    if (vocabulary.usesSimple()) {
      type.addPermittedSubclass(t.simple()).addType(simple());
    }
    return type.addType(handler()).build();
  }

  private TypeSpec handler() {
    TypeSpec.Builder h = TypeSpec.interfaceBuilder("Handler").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariable(R)
        .addJavadoc("Executes actions: one method per kind of action the spec uses.\n\n"
            + "@param <R> what each method returns (for example {@link Void})\n");
    for (String kind : vocabulary.kinds()) {
      MethodSpec.Builder m = MethodSpec.methodBuilder(handlerMethod(kind)).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).returns(R);
      ClassName data = dataType(kind);
      if (data != null) {
        m.addParameter(data, "action").addJavadoc("Runs {@code $L}.\n\n@param action the action\n@return what the handler returns\n", kind);
      } else {
        m.addJavadoc("Runs {@code $L}.\n\n@return what the handler returns\n", kind.replace('_', ' '));
      }
      h.addMethod(m.build());
    }
    return h.build();
  }

  /** {@code send} -> {@code onSend}, {@code delete_tcb} -> {@code onDeleteTcb}. */
  static String handlerMethod(String kind) {
    return "on" + Names.upperCamel(kind);
  }

  private ClassName dataType(String kind) {
    return switch (kind) {
      case "send" -> t.send();
      case "timer" -> t.timerAction();
      case "signal" -> t.signal();
      case "set" -> t.set();
      case "if" -> t.ifAction();
      default -> null;
    };
  }

  private TypeName handlerOf(TypeName r) {
    return ParameterizedTypeName.get(t.handler(), r);
  }

  private MethodSpec accept(String kind) {
    return MethodSpec.methodBuilder("accept").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addTypeVariable(R).returns(R).addParameter(handlerOf(R), "handler")
        .addStatement("return handler.$L(this)", handlerMethod(kind)).build();
  }

  private TypeSpec send() {
    return TypeSpec.recordBuilder("Send")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(t.action())
        .addJavadoc("Send a segment: {@code <SEQ=seq><ACK=ack><CTL=flags>}; {@code seq} or {@code ack} is null\n"
            + "when the RFC leaves it out.\n\n@param seq the sequence number\n@param ack the acknowledgment number\n"
            + "@param flags the control flags, as the header's bits ({@link $T})\n@param withText whether the segment carries queued data\n", t.flags())
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(t.value(), "seq").addParameter(t.value(), "ack")
            .addParameter(TypeName.INT, "flags").addParameter(TypeName.BOOLEAN, "withText").build())
        .addMethod(render()
            .addStatement("return \"send \" + (seq == null ? \"\" : \"<SEQ=\" + seq.text() + \">\")"
                + " + (ack == null ? \"\" : \"<ACK=\" + ack.text() + \">\")"
                + " + \"<CTL=\" + $T.join(flags, \",\") + \">\" + (withText ? \" with text\" : \"\")", t.flags())
            .build())
        .addMethod(accept("send"))
        .build();
  }

  private TypeSpec timer() {
    return TypeSpec.recordBuilder("Timer")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(t.action())
        .addJavadoc("Start, cancel or restart a timer.\n\n@param op what to do\n@param timer which timer\n")
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(t.timerOp(), "op").addParameter(t.timer(), "timer").build())
        .addType(TypeSpec.enumBuilder("Op").addModifiers(Modifier.PUBLIC)
            .addJavadoc("What an action does to a timer.\n")
            .addEnumConstant("START").addEnumConstant("CANCEL").addEnumConstant("RESTART").build())
        .addMethod(render()
            .addStatement("return \"timer \" + op.name().toLowerCase($T.ROOT) + \" \" + timer.specName()", Locale.class)
            .build())
        .addMethod(accept("timer"))
        .build();
  }

  private TypeSpec signal() {
    return TypeSpec.recordBuilder("Signal")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(t.action())
        .addJavadoc("Tell the application something, in the spec's words.\n\n@param text what to say\n")
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(String.class, "text").build())
        .addMethod(render().addStatement("return \"signal \\\"\" + text + \"\\\"\"").build())
        .addMethod(accept("signal"))
        .build();
  }

  private TypeSpec set() {
    return TypeSpec.recordBuilder("Set")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(t.action())
        .addJavadoc("Set a connection variable, as the RFC does.\n\n@param variable what to set\n@param value its new value\n")
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(t.variable(), "variable").addParameter(t.value(), "value").build())
        .addMethod(render().addStatement("return \"set \" + variable.text() + \" = \" + value.text()").build())
        .addMethod(accept("set"))
        .build();
  }

  private TypeSpec ifAction() {
    return TypeSpec.recordBuilder("If")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(t.action())
        .addJavadoc("Run {@code then} when {@code condition} holds; the condition is tested once, before\n"
            + "any of them runs.\n\n@param condition the test\n@param then what to do when it holds, in order\n")
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(t.condition(), "condition").addParameter(t.actionList(), "then").build())
        .addMethod(render()
            .addStatement("$T joiner = new $T(\"; \", \"if \" + condition.text() + \" { \", \" }\")", java.util.StringJoiner.class, java.util.StringJoiner.class)
            .addStatement("then.forEach(a -> joiner.add(a.render()))")
            .addStatement("return joiner.toString()")
            .build())
        .addMethod(accept("if"))
        .build();
  }

  private TypeSpec simple() {
    TypeSpec.Builder e = TypeSpec.enumBuilder("Simple")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(t.action())
        .addJavadoc("The actions that need no data.\n");
    CodeBlock.Builder dispatch = CodeBlock.builder().add("return switch (this) {\n$>");
    for (String kind : Vocabulary.SIMPLE) {
      if (vocabulary.uses(kind)) {
        String constant = kind.toUpperCase(Locale.ROOT);
        e.addEnumConstant(constant, TypeSpec.anonymousClassBuilder("$S", kind.replace('_', ' ')).addJavadoc("$L\n", doc(kind)).build());
        dispatch.add("case $L -> handler.$L();\n", constant, handlerMethod(kind));
      }
    }
    dispatch.add("$<};\n");
    return e.addField(String.class, "text", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "text").addStatement("this.text = text").build())
        .addMethod(render().addStatement("return text").build())
        .addMethod(MethodSpec.methodBuilder("accept").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addTypeVariable(R).returns(R).addParameter(handlerOf(R), "handler").addCode(dispatch.build()).build())
        .build();
  }

  private static String doc(String kind) {
    return switch (kind) {
      case "drop" -> "Discard the arriving segment (or ignore the event).";
      case "delete_tcb" -> "Delete the transmission control block.";
      case "retransmit" -> "Send the front of the retransmission queue again.";
      case "deliver" -> "Accept the segment's text for the user: the text the window admits, in sequence.";
      case "queue" -> "Keep the call until the connection can serve it.";
      default -> throw new IllegalArgumentException("not an action without data: " + kind);
    };
  }

  private static MethodSpec.Builder render() {
    return MethodSpec.methodBuilder("render").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(String.class);
  }
}
