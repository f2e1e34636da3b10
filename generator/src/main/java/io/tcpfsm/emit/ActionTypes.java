package io.tcpfsm.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/**
 * Emits the sealed action type: one record per kind of action with data, one enum for those
 * without. {@code render()} writes each action as the spec does, so a generated step and the
 * model's transition can be compared as text.
 */
final class ActionTypes {
  private final Types t;
  private final String generatedBy;

  ActionTypes(Types t, String generatedBy) {
    this.t = t;
    this.generatedBy = generatedBy;
  }

  TypeSpec emit() {
    MethodSpec renderAbstract = MethodSpec.methodBuilder("render").addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(String.class).addJavadoc("The action as the spec writes it.\n").build();
    return TypeSpec.interfaceBuilder(t.action())
        .addModifiers(Modifier.PUBLIC, Modifier.SEALED)
        .addJavadoc("One action of a step; the runtime runs a step's actions in order.\n\n<p>$L\n", generatedBy)
        .addPermittedSubclass(t.send())
        .addPermittedSubclass(t.timerAction())
        .addPermittedSubclass(t.signal())
        .addPermittedSubclass(t.set())
        .addPermittedSubclass(t.simple())
        .addMethod(renderAbstract)
        .addType(send())
        .addType(timer())
        .addType(signal())
        .addType(set())
        .addType(simple())
        .build();
  }

  private TypeSpec send() {
    return TypeSpec.recordBuilder("Send")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(t.action())
        .addJavadoc("Send a segment: {@code <SEQ=seq><ACK=ack><CTL=flags>}; {@code seq} or {@code ack} is null\n"
            + "when the RFC leaves it out.\n\n@param seq the sequence number\n@param ack the acknowledgment number\n"
            + "@param flags the control flags ({@link $T} bits)\n@param withText whether the segment carries queued data\n", t.flags())
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(t.value(), "seq").addParameter(t.value(), "ack")
            .addParameter(TypeName.INT, "flags").addParameter(TypeName.BOOLEAN, "withText").build())
        .addMethod(render()
            .addStatement("return \"send \" + (seq == null ? \"\" : \"<SEQ=\" + seq.text() + \">\")"
                + " + (ack == null ? \"\" : \"<ACK=\" + ack.text() + \">\")"
                + " + \"<CTL=\" + $T.join(flags, \",\") + \">\" + (withText ? \" with text\" : \"\")", t.flags())
            .build())
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
            .addStatement("return \"timer \" + op.name().toLowerCase($T.ROOT) + \" \" + timer.specName()", java.util.Locale.class)
            .build())
        .build();
  }

  private TypeSpec signal() {
    return TypeSpec.recordBuilder("Signal")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(t.action())
        .addJavadoc("Tell the application something, in the RFC's words.\n\n@param text what to say\n")
        .recordConstructor(MethodSpec.constructorBuilder().addParameter(String.class, "text").build())
        .addMethod(render().addStatement("return \"signal \\\"\" + text + \"\\\"\"").build())
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
        .build();
  }

  private TypeSpec simple() {
    return TypeSpec.enumBuilder("Simple")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addSuperinterface(t.action())
        .addJavadoc("The actions that need no data.\n")
        .addEnumConstant("DROP", constant("drop", "Discard the arriving segment (or ignore the event)."))
        .addEnumConstant("DELETE_TCB", constant("delete tcb", "Delete the transmission control block."))
        .addEnumConstant("RETRANSMIT", constant("retransmit", "Send the front of the retransmission queue again."))
        .addEnumConstant("DELIVER", constant("deliver", "Hand the segment's text to the user."))
        .addEnumConstant("QUEUE", constant("queue", "Keep the call until the connection can serve it."))
        .addField(String.class, "text", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "text").addStatement("this.text = text").build())
        .addMethod(render().addStatement("return text").build())
        .build();
  }

  private static TypeSpec constant(String text, String doc) {
    return TypeSpec.anonymousClassBuilder("$S", text).addJavadoc("$L\n", doc).build();
  }

  private static MethodSpec.Builder render() {
    return MethodSpec.methodBuilder("render").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC).returns(String.class);
  }
}
