package io.tcpfsm.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.tcpfsm.model.Machine;

/** The generated types' names for one spec and package, shared by every emitter. */
record Types(
    String pkg,
    ClassName state,
    ClassName event,
    ClassName eventKind,
    ClassName flags,
    ClassName timer,
    ClassName guard,
    ClassName variable,
    ClassName value,
    ClassName condition,
    ClassName action,
    ClassName rule,
    ClassName step,
    ClassName machine,
    ClassName profile) {

  static Types of(Machine m, String pkg) {
    String p = Names.prefix(m);
    ClassName event = ClassName.get(pkg, p + "Event");
    return new Types(
        pkg,
        ClassName.get(pkg, p + "State"),
        event,
        event.nestedClass("Kind"),
        ClassName.get(pkg, p + "Flags"),
        ClassName.get(pkg, p + "Timer"),
        ClassName.get(pkg, p + "Guard"),
        ClassName.get(pkg, p + "Variable"),
        ClassName.get(pkg, p + "Value"),
        ClassName.get(pkg, p + "Condition"),
        ClassName.get(pkg, p + "Action"),
        ClassName.get(pkg, p + "Rule"),
        ClassName.get(pkg, p + "Step"),
        ClassName.get(pkg, p + "Machine"),
        ClassName.get(pkg, p + "Profile"));
  }

  ClassName send() {
    return action.nestedClass("Send");
  }

  ClassName timerAction() {
    return action.nestedClass("Timer");
  }

  ClassName timerOp() {
    return action.nestedClass("Timer").nestedClass("Op");
  }

  ClassName signal() {
    return action.nestedClass("Signal");
  }

  ClassName set() {
    return action.nestedClass("Set");
  }

  ClassName ifAction() {
    return action.nestedClass("If");
  }

  ClassName simple() {
    return action.nestedClass("Simple");
  }

  ClassName handler() {
    return action.nestedClass("Handler");
  }

  ClassName citation() {
    return rule.nestedClass("Citation");
  }

  TypeName actionList() {
    return ParameterizedTypeName.get(ClassName.get(java.util.List.class), action);
  }
}
