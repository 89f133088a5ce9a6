package io.quiver.engine.expr;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.type.SqlTypeName;
import org.codehaus.janino.SimpleCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a filter condition and a list of projections over an input row type into a
 * {@link CalcKernel}: Java source with one loop over the batch, compiled with Janino once per
 * query (and cached by source text across queries).
 */
public final class ExpressionCompiler {
  private static final Logger LOG = LoggerFactory.getLogger(ExpressionCompiler.class);
  private static final String CLASS_NAME = "GeneratedCalc";
  private static final int CACHE_SIZE = 256;
  private static final Map<String, Class<?>> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
      return size() > CACHE_SIZE;
    }
  };

  private ExpressionCompiler() {}

  /** Source and constants of a kernel, before compilation. */
  public record Generated(String source, Object[] constants) {}

  /**
   * Compiles {@code condition} (may be null) and {@code projections} over rows of
   * {@code inputType}; output column types are the projections' types.
   */
  public static CalcKernel compile(RexBuilder rexBuilder, RelDataType inputType,
      RexNode condition, List<RexNode> projections, BufferAllocator allocator) {
    Generated generated = generate(rexBuilder, inputType, condition, projections);
    Class<?> kernelClass;
    synchronized (CACHE) {
      kernelClass = CACHE.get(generated.source());
    }
    if (kernelClass == null) {
      kernelClass = compileSource(generated.source());
      synchronized (CACHE) {
        CACHE.put(generated.source(), kernelClass);
      }
    }
    try {
      return (CalcKernel) kernelClass
          .getConstructor(Object[].class, BufferAllocator.class)
          .newInstance(generated.constants(), allocator);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw QuiverException.wrap(ErrorKind.INTERNAL, "creating a compiled expression",
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new QuiverException(ErrorKind.INTERNAL,
          "cannot instantiate a compiled expression (a bug)", e);
    }
  }

  /**
   * Whether compiled expressions read and write values of {@code type}: every type but the
   * nested ones (ARRAY, ROW, MAP, MULTISET), which operators carry as they are and the
   * nested-access functions take apart.
   */
  public static boolean compiles(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case ARRAY:
      case ROW:
      case MAP:
      case MULTISET:
        return false;
      default:
        return true;
    }
  }

  private static Class<?> compileSource(String source) {
    SimpleCompiler compiler = new SimpleCompiler();
    compiler.setParentClassLoader(CalcKernel.class.getClassLoader());
    try {
      compiler.cook(source);
      return compiler.getClassLoader().loadClass(CLASS_NAME);
    } catch (Exception e) {
      LOG.error("generated code failed to compile:\n{}", source);
      throw new QuiverException(ErrorKind.INTERNAL,
          "generated code failed to compile (a bug, please report): " + e.getMessage(), e);
    }
  }

  public static Generated generate(RexBuilder rexBuilder, RelDataType inputType,
      RexNode condition, List<RexNode> projections) {
    RelDataTypeFactory typeFactory = rexBuilder.getTypeFactory();
    ClassAssembler assembler = new ClassAssembler(typeFactory);
    BitSet usedInputs = new BitSet();
    List<RelDataType> inputTypes = new ArrayList<>();
    inputType.getFieldList().forEach(field -> inputTypes.add(field.getType()));
    ExpressionGenerator.InputBinder binder = (index, code) -> {
      usedInputs.set(index);
      return readInput(index, inputTypes.get(index), assembler, code);
    };
    ExpressionGenerator generator = new ExpressionGenerator(assembler, binder);

    StringBuilder conditionCode = new StringBuilder();
    String passes = "true";
    if (condition != null && !condition.isAlwaysTrue()) {
      RexNode expanded = RexUtil.expandSearch(rexBuilder, null, condition);
      ExpressionGenerator.Value value = generator.generate(expanded, conditionCode);
      passes = "(!" + value.isNull() + " && " + value.value() + ")";
    }
    StringBuilder projectCode = new StringBuilder();
    for (int j = 0; j < projections.size(); j++) {
      RexNode expanded = RexUtil.expandSearch(rexBuilder, null, projections.get(j));
      ExpressionGenerator.Value value = generator.generate(expanded, projectCode);
      value = generator.coerce(value, projections.get(j).getType(), projectCode, false);
      writeOutput(j, projections.get(j).getType(), value, projectCode);
    }

    StringBuilder inputPrologue = new StringBuilder();
    for (int index = usedInputs.nextSetBit(0); index >= 0; index = usedInputs.nextSetBit(index + 1)) {
      inputPrologue.append(inputPrologue(index, inputTypes.get(index)));
    }
    StringBuilder outputPrologue = new StringBuilder();
    for (int j = 0; j < projections.size(); j++) {
      outputPrologue.append(outputPrologue(j, projections.get(j).getType()));
    }

    StringBuilder source = new StringBuilder();
    source.append("public final class ").append(CLASS_NAME)
        .append(" extends io.quiver.engine.expr.CalcKernel {\n");
    source.append(assembler.members(CLASS_NAME));
    source.append("public int project(org.apache.arrow.vector.FieldVector[] inputs, int rowCount,")
        .append(" org.apache.arrow.vector.FieldVector[] outputs, int[] selection) {\n");
    source.append(inputPrologue).append(outputPrologue);
    source.append("int o = 0;\nfor (int i = 0; i < rowCount; i++) {\n");
    source.append(conditionCode);
    if (!passes.equals("true")) {
      source.append("if (!").append(passes).append(") continue;\n");
    }
    source.append(projectCode);
    if (!passes.equals("true")) {
      source.append("if (selection != null) selection[o] = i;\n");
    }
    String fullWords = storeValidityWords(projections, true);
    source.append("o++;\n");
    if (!fullWords.isEmpty()) {
      source.append("if ((o & 63) == 0) {\n").append(fullWords).append("}\n");
    }
    source.append("}\n");
    if (!fullWords.isEmpty()) {
      source.append("if ((o & 63) != 0) {\n").append(storeValidityWords(projections, false))
          .append("}\n");
    }
    source.append("return o;\n}\n");
    source.append("public int filter(org.apache.arrow.vector.FieldVector[] inputs, int rowCount,")
        .append(" int[] selection) {\n");
    if (passes.equals("true")) {
      source.append("for (int i = 0; i < rowCount; i++) { selection[i] = i; }\nreturn rowCount;\n");
    } else {
      source.append(inputPrologue);
      source.append("int o = 0;\nfor (int i = 0; i < rowCount; i++) {\n");
      source.append(conditionCode);
      source.append("if (").append(passes).append(") { selection[o++] = i; }\n");
      source.append("}\nreturn o;\n");
    }
    source.append("}\n}\n");
    return new Generated(source.toString(), assembler.constants());
  }

  private static int byteWidth(RelDataType type) {
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case TINYINT: return 1;
      case SMALLINT: return 2;
      case INTEGER: case DATE: case REAL: return 4;
      case DECIMAL: return 16;
      default:
        if (SqlTypeName.YEAR_INTERVAL_TYPES.contains(name)) {
          return 4;
        }
        return 8;
    }
  }

  private static String inputPrologue(int index, RelDataType type) {
    StringBuilder text = new StringBuilder();
    String vector = "inputs[" + index + "]";
    Repr repr = Repr.of(type);
    if (repr == Repr.NULL) {
      return "";
    }
    text.append("long in").append(index).append(" = ").append(vector)
        .append(".getDataBufferAddress();\n");
    text.append("long valid").append(index).append(" = io.quiver.engine.expr.CodegenSupport.validityOrZero(")
        .append(vector).append(");\n");
    if (repr == Repr.STRING) {
      text.append("long offsets").append(index).append(" = ").append(vector)
          .append(".getOffsetBufferAddress();\n");
    }
    return text.toString();
  }

  private static ExpressionGenerator.Value readInput(int index, RelDataType type,
      ClassAssembler assembler, StringBuilder code) {
    Repr repr = Repr.of(type);
    String isNull;
    if (repr == Repr.NULL) {
      return new ExpressionGenerator.Value(repr, "true", "false", null, type);
    }
    isNull = assembler.fresh("n");
    code.append("boolean ").append(isNull).append(" = io.quiver.engine.exec.batch.BitBuffers.isNull(valid")
        .append(index).append(", i);\n");
    String base = "in" + index;
    String value = assembler.fresh("v");
    String m = "org.apache.arrow.memory.util.MemoryUtil.";
    SqlTypeName name = type.getSqlTypeName();
    switch (repr) {
      case BOOLEAN:
        code.append("boolean ").append(value).append(" = io.quiver.engine.exec.batch.BitBuffers.isSet(")
            .append(base).append(", i);\n");
        return new ExpressionGenerator.Value(repr, isNull, value, null, type);
      case DOUBLE:
        if (name == SqlTypeName.REAL) {
          code.append("double ").append(value).append(" = (double) Float.intBitsToFloat(").append(m)
              .append("getInt(").append(base).append(" + 4L * i));\n");
        } else {
          code.append("double ").append(value).append(" = Double.longBitsToDouble(").append(m)
              .append("getLong(").append(base).append(" + 8L * i));\n");
        }
        return new ExpressionGenerator.Value(repr, isNull, value, null, type);
      case STRING: {
        String length = assembler.fresh("l");
        String start = assembler.fresh("start");
        code.append("int ").append(start).append(" = ").append(m).append("getInt(offsets")
            .append(index).append(" + 4L * i);\n");
        code.append("int ").append(length).append(" = ").append(m).append("getInt(offsets")
            .append(index).append(" + 4L * i + 4L) - ").append(start).append(";\n");
        code.append("long ").append(value).append(" = ").append(base).append(" + ").append(start)
            .append(";\n");
        return new ExpressionGenerator.Value(repr, isNull, value, length, type);
      }
      case INT128: {
        String holder = assembler.int128Holder();
        code.append("io.quiver.engine.expr.runtime.Int128Math.readLittleEndian(").append(base)
            .append(" + 16L * i, ").append(holder).append(");\n");
        return new ExpressionGenerator.Value(repr, isNull, holder, null, type);
      }
      default:
        break;
    }
    String read;
    if (SqlTypeName.DAY_INTERVAL_TYPES.contains(name)) {
      read = "io.quiver.engine.expr.CodegenSupport.readIntervalDayMillis(" + base + ", i)";
    } else {
      switch (byteWidth(type)) {
        case 1: read = m + "getByte(" + base + " + i)"; break;
        case 2: read = m + "getShort(" + base + " + 2L * i)"; break;
        case 4: read = m + "getInt(" + base + " + 4L * i)"; break;
        case 16: read = m + "getLong(" + base + " + 16L * i)"; break;
        default: read = m + "getLong(" + base + " + 8L * i)"; break;
      }
    }
    code.append("long ").append(value).append(" = ").append(read).append(";\n");
    return new ExpressionGenerator.Value(repr, isNull, value, null, type);
  }

  private static String outputPrologue(int j, RelDataType type) {
    Repr repr = Repr.of(type);
    if (repr == Repr.STRING || repr == Repr.NULL) {
      return "";
    }
    return "long out" + j + " = outputs[" + j + "].getDataBufferAddress();\n"
        + "long outValid" + j + " = outputs[" + j + "].getValidityBufferAddress();\n"
        + "long validWord" + j + " = 0L;\n";
  }

  /**
   * The validity bits of fixed-width outputs are gathered in one register word per output
   * ({@code validWordJ}, bit {@code o & 63}) and stored 64 rows at a time, not set in memory
   * row by row (a read-modify-write the next row's write to the same byte waits for): this is
   * the store after each 64th row ({@code full}) or of the last, partial word.
   */
  private static String storeValidityWords(List<RexNode> projections, boolean full) {
    StringBuilder code = new StringBuilder();
    for (int j = 0; j < projections.size(); j++) {
      Repr repr = Repr.of(projections.get(j).getType());
      if (repr == Repr.STRING || repr == Repr.NULL) {
        continue;
      }
      if (full) {
        code.append("org.apache.arrow.memory.util.MemoryUtil.putLong(outValid").append(j)
            .append(" + ((o - 64) >>> 3), validWord").append(j).append("); validWord").append(j)
            .append(" = 0L;\n");
      } else {
        code.append("io.quiver.engine.exec.batch.BitBuffers.putWord(outValid").append(j)
            .append(", o & ~63, validWord").append(j).append(", o & 63);\n");
      }
    }
    return code.toString();
  }

  private static void writeOutput(int j, RelDataType type, ExpressionGenerator.Value value,
      StringBuilder code) {
    Repr repr = Repr.of(type);
    String m = "org.apache.arrow.memory.util.MemoryUtil.";
    String base = "out" + j;
    switch (repr) {
      case NULL:
        return;
      case STRING:
        code.append("io.quiver.engine.expr.CodegenSupport.writeVariableWidth(")
            .append("(org.apache.arrow.vector.BaseVariableWidthVector) outputs[").append(j)
            .append("], o, ").append(value.value()).append(", ").append(value.length())
            .append(", ").append(value.isNull()).append(");\n");
        return;
      default:
        break;
    }
    String v = value.value();
    String write;
    SqlTypeName name = type.getSqlTypeName();
    switch (repr) {
      case BOOLEAN:
        write = "if (" + v + ") io.quiver.engine.exec.batch.BitBuffers.setBit(" + base + ", o);";
        break;
      case DOUBLE:
        write = name == SqlTypeName.REAL
            ? m + "putInt(" + base + " + 4L * o, Float.floatToRawIntBits((float) " + v + "));"
            : m + "putLong(" + base + " + 8L * o, Double.doubleToRawLongBits(" + v + "));";
        break;
      case INT128:
        write = "io.quiver.engine.expr.runtime.Int128Math.writeLittleEndian(" + v + ", " + base
            + " + 16L * o);";
        break;
      default:
        if (SqlTypeName.DAY_INTERVAL_TYPES.contains(name)) {
          write = "io.quiver.engine.expr.CodegenSupport.writeIntervalDayMillis(" + base + ", o, "
              + v + ");";
          break;
        }
        switch (byteWidth(type)) {
          case 1: write = m + "putByte(" + base + " + o, (byte) " + v + ");"; break;
          case 2: write = m + "putShort(" + base + " + 2L * o, (short) " + v + ");"; break;
          case 4: write = m + "putInt(" + base + " + 4L * o, (int) " + v + ");"; break;
          case 16:
            write = m + "putLong(" + base + " + 16L * o, " + v + "); " + m + "putLong(" + base
                + " + 16L * o + 8L, " + v + " >> 63);";
            break;
          default: write = m + "putLong(" + base + " + 8L * o, " + v + ");"; break;
        }
    }
    code.append("if (!").append(value.isNull()).append(") {\n").append(write)
        .append("\nvalidWord").append(j).append(" |= 1L << o;\n}\n");
  }
}
