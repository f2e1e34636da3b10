package io.tcpfsm.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.tcpfsm.model.Condition;
import io.tcpfsm.model.SeqExpr;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import javax.lang.model.element.Modifier;

/**
 * Emits the variables actions read and set, the values they compute and the conditions they
 * test. Values and conditions carry their arithmetic, in 32-bit sequence space (RFC 9293 3.4),
 * so whoever runs the machine only reads and writes variables.
 */
final class ValueTypes {
  private final Types t;
  private final Vocabulary vocabulary;
  private final String generatedBy;

  ValueTypes(Types t, Vocabulary vocabulary, String generatedBy) {
    this.t = t;
    this.vocabulary = vocabulary;
    this.generatedBy = generatedBy;
  }

  private TypeName reader() {
    return ParameterizedTypeName.get(ClassName.get(ToLongFunction.class), t.variable());
  }

  TypeSpec variable() {
    TypeSpec.Builder b = TypeSpec.enumBuilder(t.variable()).addModifiers(Modifier.PUBLIC)
        .addJavadoc("A variable an action reads or sets, as the RFC names it.\n\n<p>$L\n", generatedBy);
    vocabulary.variables().forEach((constant, text) -> b.addEnumConstant(constant,
        TypeSpec.anonymousClassBuilder("$S", text).addJavadoc("{@code $L}.\n", text).build()));
    return text(b).build();
  }

  TypeSpec value() {
    TypeSpec.Builder b = TypeSpec.enumBuilder(t.value()).addModifiers(Modifier.PUBLIC)
        .addJavadoc("A value an action computes, as the RFC writes it.\n\n<p>$L\n", generatedBy);
    CodeBlock.Builder eval = CodeBlock.builder().add("long value = switch (this) {\n$>");
    for (Map.Entry<String, SeqExpr> e : vocabulary.values().entrySet()) {
      b.addEnumConstant(e.getKey(), TypeSpec.anonymousClassBuilder("$S", e.getValue().render())
          .addJavadoc("{@code $L}.\n", e.getValue().render()).build());
      eval.add("case $L -> $L;\n", e.getKey(), arithmetic(e.getValue()));
    }
    eval.add("$<};\n").addStatement("return value & 0xFFFF_FFFFL");
    return text(b)
        .addMethod(MethodSpec.methodBuilder("evaluate").addModifiers(Modifier.PUBLIC).returns(TypeName.LONG)
            .addJavadoc("This value, modulo 2^32.\n\n@param read each variable's current value\n@return the value, in {@code [0, 2^32)}\n")
            .addParameter(reader(), "read").addCode(eval.build()).build())
        .build();
  }

  TypeSpec condition() {
    TypeSpec.Builder b = TypeSpec.enumBuilder(t.condition()).addModifiers(Modifier.PUBLIC)
        .addJavadoc("A condition an action tests, as the RFC writes it. Comparisons are in sequence space:\n"
            + "{@code a < b} when {@code (int) (a - b) < 0} (RFC 9293 3.4).\n\n<p>$L\n", generatedBy);
    CodeBlock.Builder test = CodeBlock.builder().add("return switch (this) {\n$>");
    for (Map.Entry<String, Condition> e : vocabulary.conditions().entrySet()) {
      b.addEnumConstant(e.getKey(), TypeSpec.anonymousClassBuilder("$S", e.getValue().render())
          .addJavadoc("{@code $L}.\n", Names.javadoc(e.getValue().render())).build());
      test.add("case $L ->$W$L;\n", e.getKey(), java(e.getValue()));
    }
    test.add("$<};\n");
    return text(b)
        .addMethod(MethodSpec.methodBuilder("test").addModifiers(Modifier.PUBLIC).returns(TypeName.BOOLEAN)
            .addJavadoc("Whether this condition holds.\n\n@param read each variable's current value\n@return whether it holds\n")
            .addParameter(reader(), "read").addCode(test.build()).build())
        .addMethod(MethodSpec.methodBuilder("compare").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(TypeName.INT)
            .addJavadoc("Negative, zero or positive as {@code a} is before, at or after {@code b} in sequence space.\n")
            .addParameter(TypeName.LONG, "a").addParameter(TypeName.LONG, "b")
            .addStatement("return (int) (a - b)").build())
        .build();
  }

  private CodeBlock java(Condition c) {
    if (c instanceof Condition.Compare cmp) {
      String op = switch (cmp.op()) {
        case "=<" -> "<=";
        case "=" -> "==";
        default -> cmp.op();
      };
      return CodeBlock.of("compare($L, $L) $L 0", operand(cmp.left()), operand(cmp.right()), op);
    } else if (c instanceof Condition.And a) {
      return CodeBlock.of("$L$W&& $L", wrapOr(a.left()), wrapOr(a.right()));
    } else if (c instanceof Condition.Or o) {
      return CodeBlock.of("$L$W|| $L", java(o.left()), java(o.right()));
    } else if (c instanceof Condition.Not n) {
      return CodeBlock.of("!($L)", java(n.operand()));
    }
    throw new IllegalArgumentException("unknown condition " + c);
  }

  private CodeBlock wrapOr(Condition c) {
    return c instanceof Condition.Or ? CodeBlock.of("($L)", java(c)) : java(c);
  }

  /** A compared value, through its value constant (so modulo 2^32 like every value). */
  private CodeBlock operand(SeqExpr e) {
    return CodeBlock.of("$T.$L.evaluate(read)", t.value(), Names.valueConstant(e));
  }

  private CodeBlock arithmetic(SeqExpr e) {
    CodeBlock.Builder b = CodeBlock.builder().add(term(e.terms().get(0)));
    List<Character> ops = e.ops();
    for (int i = 0; i < ops.size(); i++) {
      b.add(" $L ", ops.get(i)).add(term(e.terms().get(i + 1)));
    }
    return b.build();
  }

  private CodeBlock term(String term) {
    if (Character.isDigit(term.charAt(0))) {
      return CodeBlock.of("$LL", term);
    }
    return CodeBlock.of("read.applyAsLong($T.$L)", t.variable(), Names.constant(term));
  }

  private static TypeSpec.Builder text(TypeSpec.Builder b) {
    return TypeSpecs.text(b);
  }
}
