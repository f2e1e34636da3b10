package io.tcpfsm.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.tcpfsm.model.Citation;
import io.tcpfsm.model.Machine;
import io.tcpfsm.model.Transition;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the rule enum: one constant per transition of the spec, in spec order, with its head,
 * citations (quotes included), note, spec line and actions. The machines name these constants,
 * so each rule's text is written once however many states and profiles share it.
 */
final class RuleEmitter {
  private final Machine m;
  private final Types t;
  private final String generatedBy;
  private final StepCode code;

  RuleEmitter(Machine m, Types t, String generatedBy) {
    this.m = m;
    this.t = t;
    this.generatedBy = generatedBy;
    this.code = new StepCode(t);
  }

  TypeSpec emit() {
    // A spec that cites nothing (a machine that is not about an RFC) gets no citations.
    boolean cites = m.allTransitions().stream().anyMatch(tr -> !tr.citations().isEmpty());
    TypeName citations = ParameterizedTypeName.get(ClassName.get(List.class), t.citation());
    TypeSpec.Builder b = TypeSpec.enumBuilder(t.rule()).addModifiers(Modifier.PUBLIC)
        .addJavadoc("Every rule of machine $L, in the order the spec writes them: what a step did, and why.\n\n<p>$L\n", m.name(), generatedBy);
    for (Transition tr : m.allTransitions()) {
      CodeBlock.Builder doc = CodeBlock.builder().add("{@code $L}\n", Names.javadoc(tr.head()));
      for (Citation c : tr.citations()) {
        doc.add("<br>$L$L\n", Names.javadoc(c.render()), c.quote() == null ? "" : ": \"" + Names.javadoc(c.quote()) + "\"");
      }
      if (tr.note() != null) {
        doc.add("<p>$L\n", Names.javadoc(tr.note()));
      }
      CodeBlock head = CodeBlock.of("$S, $S, $L, $L", tr.name(), tr.head(), tr.pos().line(), tr.note() == null ? "null" : CodeBlock.of("$S", tr.note()));
      CodeBlock args = cites
          ? CodeBlock.of("$L,\n$>$>$L,\n$L$<$<", head, citations(tr.citations()), code.actions(tr.actions()))
          : CodeBlock.of("$L,\n$>$>$L$<$<", head, code.actions(tr.actions()));
      b.addEnumConstant(Names.ruleConstant(tr), TypeSpec.anonymousClassBuilder(args).addJavadoc(doc.build()).build());
    }
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(String.class, "specName").addParameter(String.class, "head").addParameter(TypeName.INT, "line")
        .addParameter(String.class, "note");
    if (cites) {
      constructor.addParameter(citations, "citations");
    }
    constructor.addParameter(t.actionList(), "actions")
        .addStatement("this.specName = specName").addStatement("this.head = head").addStatement("this.line = line")
        .addStatement("this.note = note");
    if (cites) {
      constructor.addStatement("this.citations = citations");
    }
    constructor.addStatement("this.actions = actions");
    b.addField(String.class, "specName", Modifier.PRIVATE, Modifier.FINAL)
        .addField(String.class, "head", Modifier.PRIVATE, Modifier.FINAL)
        .addField(TypeName.INT, "line", Modifier.PRIVATE, Modifier.FINAL)
        .addField(String.class, "note", Modifier.PRIVATE, Modifier.FINAL);
    if (cites) {
      b.addType(citation()).addField(citations, "citations", Modifier.PRIVATE, Modifier.FINAL);
    }
    b.addField(t.actionList(), "actions", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(constructor.build())
        .addMethod(TypesEmitter.getter(ClassName.get(String.class), "specName", "specName", "The rule's name in the spec."))
        .addMethod(TypesEmitter.getter(ClassName.get(String.class), "head", "head", "The rule's head as the spec writes it: {@code in STATES on EVENTS when GUARD -> TARGET}."))
        .addMethod(TypesEmitter.getter(TypeName.INT, "line", "line", "The spec line the rule starts on."))
        .addMethod(TypesEmitter.getter(ClassName.get(String.class), "note", "note", "The spec's note on the rule, or null."));
    if (cites) {
      b.addMethod(TypesEmitter.getter(citations, "citations", "citations", "The clauses the rule implements, as the spec cites them."));
    }
    return b
        .addMethod(TypesEmitter.getter(t.actionList(), "actions", "actions", "What the rule does, in order."))
        .addMethod(MethodSpec.methodBuilder("source").addModifiers(Modifier.PUBLIC).returns(String.class)
            .addJavadoc("Where the rule is written.\n\n@return {@code $L:LINE}\n", m.file())
            .addStatement("return $S + line", m.file() + ":").build())
        .build();
  }

  private CodeBlock citations(List<Citation> cs) {
    if (cs.isEmpty()) {
      return CodeBlock.of("$T.of()", List.class);
    }
    List<CodeBlock> items = new ArrayList<>();
    for (Citation c : cs) {
      items.add(CodeBlock.of("new $T($S, $S, $L, $S)", t.citation(), c.document(), c.section(), c.page() == null ? "null" : c.page(), c.quote()));
    }
    return CodeBlock.builder().add("$T.of(\n$>$>", List.class).add(CodeBlock.join(items, ",\n")).add("$<$<)").build();
  }

  private TypeSpec citation() {
    return TypeSpec.recordBuilder("Citation").addModifiers(Modifier.PUBLIC)
        .addJavadoc("A clause a rule implements: the document, its section, page and quoted words; absent\n"
            + "parts are null.\n\n@param document {@code RFC9293}, or a source the spec declares\n@param section the section\n"
            + "@param page the page, in a paginated RFC\n@param quote the words quoted\n")
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(String.class, "document").addParameter(String.class, "section")
            .addParameter(Integer.class, "page").addParameter(String.class, "quote").build())
        .addMethod(MethodSpec.methodBuilder("render").addModifiers(Modifier.PUBLIC).returns(String.class)
            .addJavadoc("{@code RFC 9293 3.10.7.4}, {@code RFC 793 3.9 p.72}, or the source's name.\n\n@return the citation in short\n")
            .addStatement("String name = document.matches($S) ? \"RFC \" + document.substring(3) : document", "RFC[0-9]+")
            .addStatement("return name + (section == null ? \"\" : \" \" + section) + (page == null ? \"\" : \" p.\" + page)")
            .build())
        .build();
  }
}
