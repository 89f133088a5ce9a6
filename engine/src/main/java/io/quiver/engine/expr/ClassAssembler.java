package io.quiver.engine.expr;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/**
 * Collects the fields of a generated class (literal bytes, decimal constants, scratch buffers,
 * compiled LIKE patterns) and hands out fresh local names.
 */
final class ClassAssembler {
  private final RelDataTypeFactory typeFactory;
  private final StringBuilder fields = new StringBuilder();
  private final StringBuilder constructor = new StringBuilder();
  private final List<Object> constants = new ArrayList<>();
  private final ByteArrayOutputStream literalBytes = new ByteArrayOutputStream();
  private final List<String> literalFields = new ArrayList<>();
  private final List<Integer> literalOffsets = new ArrayList<>();
  private int counter;

  ClassAssembler(RelDataTypeFactory typeFactory) {
    this.typeFactory = typeFactory;
  }

  RelDataTypeFactory typeFactory() {
    return typeFactory;
  }

  String fresh(String prefix) {
    return prefix + (counter++);
  }

  private int constant(Object value) {
    constants.add(value);
    return constants.size() - 1;
  }

  /** A field holding the off-heap address of {@code bytes} (valid while the kernel lives). */
  String bytesConstant(byte[] bytes) {
    String name = fresh("lit");
    fields.append("private long ").append(name).append(";\n");
    literalFields.add(name);
    literalOffsets.add(literalBytes.size());
    literalBytes.write(bytes, 0, bytes.length);
    return name;
  }

  String int128Constant(BigDecimal value, int scale) {
    String name = int128Holder();
    int index = constant(value);
    constructor.append("io.quiver.engine.expr.runtime.Int128Math.fromBigDecimal((java.math.BigDecimal) constants[")
        .append(index).append("], ").append(scale).append(", ").append(name).append(");\n");
    return name;
  }

  String int128Holder() {
    String name = fresh("h");
    fields.append("private final io.quiver.engine.expr.runtime.Int128 ").append(name)
        .append(" = new io.quiver.engine.expr.runtime.Int128();\n");
    return name;
  }

  String scratch() {
    String name = fresh("scratch");
    fields.append("private final io.quiver.engine.expr.runtime.ScratchBytes ").append(name)
        .append(";\n");
    constructor.append(name).append(" = (io.quiver.engine.expr.runtime.ScratchBytes) register(")
        .append("new io.quiver.engine.expr.runtime.ScratchBytes(allocator, 64));\n");
    return name;
  }

  String likeMatcher(String pattern, String escape) {
    String name = fresh("like");
    int patternIndex = constant(pattern);
    int escapeIndex = constant(escape);
    fields.append("private final io.quiver.engine.expr.runtime.LikeMatcher ").append(name)
        .append(";\n");
    constructor.append(name).append(" = io.quiver.engine.expr.runtime.LikeMatcher.compile((String) constants[")
        .append(patternIndex).append("], (String) constants[").append(escapeIndex)
        .append("]);\n");
    return name;
  }

  Object[] constants() {
    return constants.toArray();
  }

  /** The class body: fields and a constructor {@code (Object[] constants, BufferAllocator)}. */
  String members(String className) {
    StringBuilder text = new StringBuilder(fields);
    text.append("public ").append(className)
        .append("(Object[] constants, org.apache.arrow.memory.BufferAllocator allocator) {\n");
    byte[] bytes = literalBytes.toByteArray();
    if (bytes.length > 0) {
      int index = constant(bytes);
      text.append("byte[] literalBytes = (byte[]) constants[").append(index).append("];\n");
      text.append("org.apache.arrow.memory.ArrowBuf literals = (org.apache.arrow.memory.ArrowBuf)")
          .append(" register(allocator.buffer(literalBytes.length));\n");
      text.append("literals.setBytes(0L, literalBytes);\n");
      for (int i = 0; i < literalFields.size(); i++) {
        text.append(literalFields.get(i)).append(" = literals.memoryAddress() + ")
            .append(literalOffsets.get(i)).append("L;\n");
      }
    }
    text.append(constructor);
    text.append("}\n");
    return text.toString();
  }
}
