package io.tcpfsm.emit;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;

/** Small pieces several emitted enums share. */
final class TypeSpecs {
  private TypeSpecs() {}

  /** A {@code text} field, its constructor and getter: the spec's words for a constant. */
  static TypeSpec.Builder text(TypeSpec.Builder b) {
    return TypesEmitter.textFields(b, List.of("text"))
        .addMethod(MethodSpec.constructorBuilder().addParameter(String.class, "text").addStatement("this.text = text").build());
  }
}
