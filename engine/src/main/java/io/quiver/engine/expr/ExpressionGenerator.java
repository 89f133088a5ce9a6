package io.quiver.engine.expr;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * Turns one Calcite expression tree into Java statements evaluating it for row {@code i}.
 * Strict operators evaluate their operands first and compute only when none is NULL (so a
 * NULL divisor gives NULL, not a division-by-zero error); AND, OR, CASE and COALESCE evaluate
 * lazily, so an untaken branch never raises an error.
 */
final class ExpressionGenerator {
  private static final String RT = "io.quiver.engine.expr.runtime.";
  private static final String SUPPORT = "io.quiver.engine.expr.CodegenSupport.";

  /** A generated value: its representation, a null expression and value variables. */
  record Value(Repr repr, String isNull, String value, String length, RelDataType type) {}

  private final ClassAssembler assembler;
  private final InputBinder inputs;
  /**
   * Arithmetic and casts already generated at the top level of the row loop, by digest and
   * type: a repeated subexpression (TPC-H Q1's {@code l_extendedprice * (1 - l_discount)})
   * reuses their variables instead of computing again. Only values generated outside any
   * conditional block are kept, so a reused variable is always assigned.
   */
  private final java.util.Map<String, Value> shared = new java.util.HashMap<>();
  /** Conditional blocks (AND/OR, CASE, COALESCE) being generated into. */
  private int conditionalDepth;

  /** Supplies the variables of input columns. */
  interface InputBinder {
    Value input(int index, StringBuilder code);
  }

  ExpressionGenerator(ClassAssembler assembler, InputBinder inputs) {
    this.assembler = assembler;
    this.inputs = inputs;
  }

  private String fresh(String prefix) {
    return assembler.fresh(prefix);
  }

  Value generate(RexNode node, StringBuilder code) {
    if (node instanceof RexInputRef ref) {
      return inputs.input(ref.getIndex(), code);
    }
    if (node instanceof RexLiteral literal) {
      return literal(literal, code);
    }
    if (node instanceof RexCall call) {
      return call(call, code);
    }
    throw new QuiverException(ErrorKind.UNSUPPORTED,
        "expression " + node + " (" + node.getKind() + ") is not supported yet");
  }

  // ---------------------------------------------------------------- literals

  private Value literal(RexLiteral literal, StringBuilder code) {
    RelDataType type = literal.getType();
    Repr repr = Repr.of(type);
    if (literal.isNull() || repr == Repr.NULL) {
      return declareNull(repr, type, code);
    }
    switch (repr) {
      case BOOLEAN:
        return new Value(repr, "false", String.valueOf(literal.getValueAs(Boolean.class)), null,
            type);
      case LONG:
        return new Value(repr, "false", longLiteral(literal) + "L", null, type);
      case DOUBLE: {
        double value = literal.getValueAs(Double.class);
        return new Value(repr, "false", doubleLiteral(value), null, type);
      }
      case STRING: {
        String text = literal.getValueAs(String.class);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String address = assembler.bytesConstant(bytes);
        return new Value(repr, "false", address, String.valueOf(bytes.length), type);
      }
      case INT128: {
        BigDecimal value = literal.getValueAs(BigDecimal.class);
        String holder = assembler.int128Constant(value, type.getScale());
        return new Value(repr, "false", holder, null, type);
      }
      default:
        throw new IllegalStateException(repr.name());
    }
  }

  static String doubleLiteral(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    return "Double.longBitsToDouble(" + Double.doubleToRawLongBits(value) + "L)";
  }

  private static long longLiteral(RexLiteral literal) {
    RelDataType type = literal.getType();
    SqlTypeName name = type.getSqlTypeName();
    switch (name) {
      case DATE:
        return literal.getValueAs(Integer.class);
      case TIME:
        return literal.getValueAs(Integer.class) * 1000L;
      case TIMESTAMP:
        return literal.getValueAs(Long.class) * 1000L;
      case DECIMAL:
        return literal.getValueAs(BigDecimal.class).setScale(type.getScale(),
            java.math.RoundingMode.HALF_UP).unscaledValue().longValueExact();
      default:
        if (SqlTypeName.INTERVAL_TYPES.contains(name)) {
          return literal.getValueAs(BigDecimal.class).longValueExact();
        }
        return literal.getValueAs(BigDecimal.class).longValueExact();
    }
  }

  private Value declareNull(Repr repr, RelDataType type, StringBuilder code) {
    String value = fresh("v");
    String length = null;
    switch (repr) {
      case STRING:
        length = fresh("l");
        code.append("long ").append(value).append(" = 0L; int ").append(length)
            .append(" = 0;\n");
        break;
      case INT128:
        value = assembler.int128Holder();
        break;
      case NULL:
        code.append("boolean ").append(value).append(" = false;\n");
        break;
      default:
        code.append(repr.javaType).append(' ').append(value).append(" = ")
            .append(defaultValue(repr)).append(";\n");
    }
    return new Value(repr, "true", value, length, type);
  }

  static String defaultValue(Repr repr) {
    switch (repr) {
      case BOOLEAN: case NULL: return "false";
      case DOUBLE: return "0.0";
      default: return "0L";
    }
  }

  // ---------------------------------------------------------------- result variables

  /** Declares result variables for a node of {@code type}, initialised to NULL. */
  private Value declareResult(RelDataType type, StringBuilder code) {
    Repr repr = Repr.of(type);
    String isNull = fresh("n");
    code.append("boolean ").append(isNull).append(" = true;\n");
    Value nullValue = declareNull(repr, type, code);
    return new Value(repr, isNull, nullValue.value(), nullValue.length(), type);
  }

  /** Statements assigning {@code source} (already of the same repr) into {@code target}. */
  private static String assign(Value target, Value source) {
    StringBuilder text = new StringBuilder();
    text.append(target.isNull()).append(" = ").append(source.isNull()).append(";\n");
    switch (target.repr()) {
      case STRING:
        text.append(target.value()).append(" = ").append(source.value()).append(";\n");
        text.append(target.length()).append(" = ").append(source.length()).append(";\n");
        break;
      case INT128:
        text.append(RT).append("Int128Math.copy(").append(source.value()).append(", ")
            .append(target.value()).append(");\n");
        break;
      case NULL:
        break;
      default:
        text.append(target.value()).append(" = ").append(source.value()).append(";\n");
    }
    return text.toString();
  }

  // ---------------------------------------------------------------- calls

  private Value call(RexCall call, StringBuilder code) {
    SqlKind kind = call.getKind();
    boolean shareable = switch (kind) {
      // deterministic only: two RAND() * 2 are two draws
      case PLUS, MINUS, TIMES, DIVIDE, CAST ->
          org.apache.calcite.rex.RexUtil.isDeterministic(call);
      default -> false;
    };
    if (!shareable) {
      return generateCall(call, code);
    }
    String key = call + " : " + call.getType().getFullTypeString();
    Value known = shared.get(key);
    if (known != null) {
      return known;
    }
    Value value = generateCall(call, code);
    if (conditionalDepth == 0) {
      shared.put(key, value);
    }
    return value;
  }

  private Value generateCall(RexCall call, StringBuilder code) {
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND: return andOr(call, true, code);
      case OR: return andOr(call, false, code);
      case NOT: {
        Value operand = generate(call.getOperands().get(0), code);
        return new Value(Repr.BOOLEAN, operand.isNull(), "(!" + operand.value() + ")", null,
            call.getType());
      }
      case IS_NULL: case IS_NOT_NULL: case IS_TRUE: case IS_NOT_TRUE: case IS_FALSE:
      case IS_NOT_FALSE:
        return isPredicate(call, code);
      case CASE: return caseWhen(call, code);
      case COALESCE: return coalesce(call, code);
      case CAST: case REINTERPRET: {
        Value operand = generate(call.getOperands().get(0), code);
        return coerce(operand, call.getType(), code, kind == SqlKind.CAST);
      }
      case EQUALS: case NOT_EQUALS: case LESS_THAN: case LESS_THAN_OR_EQUAL: case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        return comparison(call, code);
      case IS_DISTINCT_FROM: case IS_NOT_DISTINCT_FROM:
        return distinctFrom(call, code);
      case PLUS: case MINUS: case TIMES: case DIVIDE: case MOD:
        return arithmetic(call, code);
      case MINUS_PREFIX: return negate(call, code);
      case PLUS_PREFIX: return generate(call.getOperands().get(0), code);
      case LIKE: return like(call, code);
      case EXTRACT: return extract(call, code);
      case TRIM: return trim(call, code);
      case POSITION: return position(call, code, 0, 1);
      case FLOOR: case CEIL: return floorCeil(call, code, kind == SqlKind.FLOOR);
      case SEARCH:
        throw new IllegalStateException("SEARCH must be expanded before code generation");
      default:
        break;
    }
    if (call.getOperator() instanceof org.apache.calcite.sql.SqlFunction function
        && function.getFunctionType()
            == org.apache.calcite.sql.SqlFunctionCategory.USER_DEFINED_FUNCTION) {
      // Registry functions run in ScalarFunctionOperator, never inline: a session function
      // named like a built-in must not silently compile as the built-in.
      throw new QuiverException(ErrorKind.UNSUPPORTED, "function "
          + call.getOperator().getName().toLowerCase(Locale.ROOT) + " (a registry function)"
          + " cannot be used here yet (for example in a join condition);"
          + " compute it in a subquery and join on its result");
    }
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    switch (name) {
      case "||": return concat(call, code);
      case "SUBSTRING": return substring(call, code);
      case "UPPER": return stringTransform(call, code, "upper");
      case "LOWER": return stringTransform(call, code, "lower");
      case "CHAR_LENGTH": case "CHARACTER_LENGTH": case "LENGTH": return charLength(call, code);
      case "STRPOS": return position(call, code, 1, 0);
      case "STARTS_WITH": return stringPredicate(call, code, "startsWith");
      case "ENDS_WITH": return stringPredicate(call, code, "endsWith");
      case "REPLACE": return replace(call, code);
      case "CURRENT_DATE":
        return new Value(Repr.LONG, "false", java.time.LocalDate.now().toEpochDay() + "L", null,
            call.getType());
      case "CURRENT_TIMESTAMP": case "LOCALTIMESTAMP": {
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        long micros = now.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L
            + now.getNano() / 1000;
        return new Value(Repr.LONG, "false", micros + "L", null, call.getType());
      }
      case "ABS": return abs(call, code);
      case "ROUND": return round(call, code);
      case "MOD": return arithmetic(call, code);
      case "POWER": return doubleFunction(call, code, RT + "Arithmetic.power");
      case "SQRT": return doubleFunction(call, code, RT + "Arithmetic.sqrt");
      case "/INT": return arithmetic(call, code);
      default:
        throw new QuiverException(ErrorKind.UNSUPPORTED,
            "function " + call.getOperator().getName() + " is not supported yet");
    }
  }

  /** Generates operands and a result; {@code body} computes when no operand is NULL. */
  private Value strict(RelDataType type, List<Value> operands, StringBuilder code,
      String body) {
    Repr repr = Repr.of(type);
    String isNull = fresh("n");
    StringBuilder nullTest = new StringBuilder();
    for (Value operand : operands) {
      if (!operand.isNull().equals("false")) {
        if (nullTest.length() > 0) {
          nullTest.append(" || ");
        }
        nullTest.append(operand.isNull());
      }
    }
    code.append("boolean ").append(isNull).append(" = ")
        .append(nullTest.length() == 0 ? "false" : nullTest).append(";\n");
    Value placeholder = declareNull(repr, type, code);
    Value result = new Value(repr, isNull, placeholder.value(), placeholder.length(), type);
    code.append("if (!").append(isNull).append(") {\n");
    code.append(body.replace("$R", result.value())
        .replace("$L", result.length() == null ? "" : result.length()));
    code.append("}\n");
    return result;
  }

  private Value andOr(RexCall call, boolean and, StringBuilder code) {
    if (call.getOperands().stream().allMatch(ExpressionGenerator::cannotFail)) {
      return andOrEager(call, and, code);
    }
    conditionalDepth++;
    try {
      return andOrBlocks(call, and, code);
    } finally {
      conditionalDepth--;
    }
  }

  /**
   * Whether {@code node} is cheap and cannot raise an error, so AND/OR may evaluate it even
   * where an earlier operand already decided: a comparison of columns and literals of one type
   * (one scale for decimals), or a NULL test of a column.
   */
  private static boolean cannotFail(RexNode node) {
    if (!(node instanceof RexCall call)) {
      return false;
    }
    switch (call.getKind()) {
      case IS_NULL:
      case IS_NOT_NULL:
        return call.getOperands().get(0) instanceof RexInputRef;
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        break;
      default:
        return false;
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    if (!(left instanceof RexInputRef || left instanceof RexLiteral)
        || !(right instanceof RexInputRef || right instanceof RexLiteral)) {
      return false;
    }
    RelDataType leftType = left.getType();
    RelDataType rightType = right.getType();
    SqlTypeName name = leftType.getSqlTypeName();
    if (name != rightType.getSqlTypeName()) {
      return false;
    }
    switch (name) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
      case DATE:
      case BOOLEAN:
        return true;
      case DECIMAL:
        return leftType.getScale() == rightType.getScale()
            && leftType.getPrecision() <= 18 && rightType.getPrecision() <= 18;
      default:
        return false;
    }
  }

  /**
   * AND/OR of operands that {@link #cannotFail}: all evaluated, then combined without branches
   * (SQL's three-valued logic: for AND a FALSE operand decides, else a NULL one makes NULL).
   * Rows of a selective filter then cost no mispredicted branch per operand.
   */
  private Value andOrEager(RexCall call, boolean and, StringBuilder code) {
    StringBuilder decided = new StringBuilder();
    StringBuilder anyNull = new StringBuilder();
    for (RexNode operand : call.getOperands()) {
      Value v = generate(operand, code);
      if (decided.length() > 0) {
        decided.append(" | ");
        anyNull.append(" | ");
      }
      decided.append("(!").append(v.isNull()).append(and ? " & !" : " & ").append(v.value())
          .append(")");
      anyNull.append(v.isNull());
    }
    String decides = fresh("d");
    String isNull = fresh("n");
    String value = fresh("v");
    code.append("boolean ").append(decides).append(" = ").append(decided).append(";\n");
    code.append("boolean ").append(isNull).append(" = !").append(decides).append(" & (")
        .append(anyNull).append(");\n");
    code.append("boolean ").append(value).append(" = ").append(and ? "!" : "").append(decides)
        .append(";\n");
    return new Value(Repr.BOOLEAN, isNull, value, null, call.getType());
  }

  private Value andOrBlocks(RexCall call, boolean and, StringBuilder code) {
    String isNull = fresh("n");
    String value = fresh("v");
    code.append("boolean ").append(isNull).append(" = false;\n");
    code.append("boolean ").append(value).append(" = ").append(and).append(";\n");
    StringBuilder inner = new StringBuilder();
    int depth = 0;
    for (RexNode operand : call.getOperands()) {
      Value v = generate(operand, inner);
      // AND: a FALSE operand decides; OR: a TRUE operand decides.
      String decides = and ? "(!" + v.isNull() + " && !" + v.value() + ")"
          : "(!" + v.isNull() + " && " + v.value() + ")";
      inner.append("if ").append(decides).append(" { ").append(value).append(" = ")
          .append(!and).append("; ").append(isNull).append(" = false; } else {\n");
      inner.append("if (").append(v.isNull()).append(") ").append(isNull)
          .append(" = true;\n");
      depth++;
    }
    code.append(inner);
    for (int i = 0; i < depth; i++) {
      code.append("}\n");
    }
    return new Value(Repr.BOOLEAN, isNull, value, null, call.getType());
  }

  private Value isPredicate(RexCall call, StringBuilder code) {
    Value operand = generate(call.getOperands().get(0), code);
    String n = operand.isNull();
    String v = operand.value();
    String expression;
    switch (call.getKind()) {
      case IS_NULL: expression = n; break;
      case IS_NOT_NULL: expression = "!" + n; break;
      case IS_TRUE: expression = "(!" + n + " && " + v + ")"; break;
      case IS_NOT_TRUE: expression = "(" + n + " || !" + v + ")"; break;
      case IS_FALSE: expression = "(!" + n + " && !" + v + ")"; break;
      default: expression = "(" + n + " || " + v + ")"; break;
    }
    String result = fresh("v");
    code.append("boolean ").append(result).append(" = ").append(expression).append(";\n");
    return new Value(Repr.BOOLEAN, "false", result, null, call.getType());
  }

  private Value caseWhen(RexCall call, StringBuilder code) {
    conditionalDepth++;
    try {
      return caseWhenBlocks(call, code);
    } finally {
      conditionalDepth--;
    }
  }

  private Value caseWhenBlocks(RexCall call, StringBuilder code) {
    Value result = declareResult(call.getType(), code);
    List<RexNode> operands = call.getOperands();
    int depth = 0;
    for (int i = 0; i + 1 < operands.size(); i += 2) {
      Value condition = generate(operands.get(i), code);
      code.append("if (!").append(condition.isNull()).append(" && ").append(condition.value())
          .append(") {\n");
      Value branch = coerce(generate(operands.get(i + 1), code), call.getType(), code, false);
      code.append(assign(result, branch));
      code.append("} else {\n");
      depth++;
    }
    if (operands.size() % 2 == 1) {
      Value otherwise = coerce(generate(operands.get(operands.size() - 1), code),
          call.getType(), code, false);
      code.append(assign(result, otherwise));
    }
    for (int i = 0; i < depth; i++) {
      code.append("}\n");
    }
    return result;
  }

  private Value coalesce(RexCall call, StringBuilder code) {
    conditionalDepth++;
    try {
      return coalesceBlocks(call, code);
    } finally {
      conditionalDepth--;
    }
  }

  private Value coalesceBlocks(RexCall call, StringBuilder code) {
    Value result = declareResult(call.getType(), code);
    int depth = 0;
    for (RexNode operand : call.getOperands()) {
      Value v = coerce(generate(operand, code), call.getType(), code, false);
      code.append(assign(result, v));
      code.append("if (").append(result.isNull()).append(") {\n");
      depth++;
    }
    for (int i = 0; i < depth; i++) {
      code.append("}\n");
    }
    return result;
  }

  // ---------------------------------------------------------------- comparison

  /** The type both operands are brought to before comparing. */
  private RelDataType comparisonType(RelDataType left, RelDataType right) {
    var factory = assembler.typeFactory();
    Repr l = Repr.of(left);
    Repr r = Repr.of(right);
    SqlTypeName ln = left.getSqlTypeName();
    SqlTypeName rn = right.getSqlTypeName();
    if (l == Repr.NULL) {
      return right;
    }
    if (r == Repr.NULL) {
      return left;
    }
    if (l == Repr.STRING && r == Repr.STRING || l == Repr.BOOLEAN && r == Repr.BOOLEAN) {
      return left;
    }
    if (l == Repr.STRING || r == Repr.STRING) {
      return l == Repr.STRING ? right : left;
    }
    if (l == Repr.DOUBLE || r == Repr.DOUBLE) {
      return factory.createSqlType(SqlTypeName.DOUBLE);
    }
    if (ln == SqlTypeName.DATE && rn == SqlTypeName.TIMESTAMP) {
      return right;
    }
    if (ln == SqlTypeName.TIMESTAMP && rn == SqlTypeName.DATE) {
      return left;
    }
    if (Repr.isExactNumeric(left) && Repr.isExactNumeric(right)) {
      if (Repr.isInteger(left) && Repr.isInteger(right)) {
        return factory.createSqlType(SqlTypeName.BIGINT);
      }
      int scale = Math.max(Repr.scale(left), Repr.scale(right));
      int integerDigits = Math.max(digits(left) - Repr.scale(left),
          digits(right) - Repr.scale(right));
      int precision = Math.min(38, integerDigits + scale);
      return factory.createSqlType(SqlTypeName.DECIMAL, precision, scale);
    }
    return left;
  }

  private static int digits(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT: return 3;
      case SMALLINT: return 5;
      case INTEGER: return 10;
      case BIGINT: return 19;
      case DECIMAL: return type.getPrecision();
      default: return 19;
    }
  }

  /** Java expression comparing a and b (same repr): negative, zero or positive. */
  private static String compareExpression(Value a, Value b) {
    switch (a.repr()) {
      case STRING:
        return RT + "Utf8Strings.compare(" + a.value() + ", " + a.length() + ", " + b.value()
            + ", " + b.length() + ")";
      case INT128:
        return RT + "Int128Math.compare(" + a.value() + ", " + b.value() + ")";
      case DOUBLE:
        return "io.quiver.engine.expr.CodegenSupport.compareDoubles(" + a.value() + ", "
            + b.value() + ")";
      case BOOLEAN:
        return "Boolean.compare(" + a.value() + ", " + b.value() + ")";
      default:
        return "Long.compare(" + a.value() + ", " + b.value() + ")";
    }
  }

  private static String equalExpression(Value a, Value b) {
    switch (a.repr()) {
      case STRING:
        return RT + "Utf8Strings.equal(" + a.value() + ", " + a.length() + ", " + b.value()
            + ", " + b.length() + ")";
      case INT128:
        return "(" + RT + "Int128Math.compare(" + a.value() + ", " + b.value() + ") == 0)";
      default:
        return "(" + a.value() + " == " + b.value() + ")";
    }
  }

  private Value comparison(RexCall call, StringBuilder code) {
    RexNode leftNode = call.getOperands().get(0);
    RexNode rightNode = call.getOperands().get(1);
    RelDataType common = comparisonType(leftNode.getType(), rightNode.getType());
    Value left = coerce(generate(leftNode, code), common, code, false);
    Value right = coerce(generate(rightNode, code), common, code, false);
    if (left.repr() == Repr.NULL || right.repr() == Repr.NULL) {
      return declareNull(Repr.BOOLEAN, call.getType(), code);
    }
    String test;
    SqlKind kind = call.getKind();
    if (kind == SqlKind.EQUALS) {
      test = equalExpression(left, right);
    } else if (kind == SqlKind.NOT_EQUALS) {
      test = "!" + equalExpression(left, right);
    } else if (left.repr() == Repr.LONG || left.repr() == Repr.DOUBLE) {
      String op = kind == SqlKind.LESS_THAN ? "<" : kind == SqlKind.LESS_THAN_OR_EQUAL ? "<="
          : kind == SqlKind.GREATER_THAN ? ">" : ">=";
      test = "(" + left.value() + " " + op + " " + right.value() + ")";
    } else {
      String op = kind == SqlKind.LESS_THAN ? "< 0" : kind == SqlKind.LESS_THAN_OR_EQUAL ? "<= 0"
          : kind == SqlKind.GREATER_THAN ? "> 0" : ">= 0";
      test = "(" + compareExpression(left, right) + " " + op + ")";
    }
    return strict(call.getType(), List.of(left, right), code, "$R = " + test + ";\n");
  }

  private Value distinctFrom(RexCall call, StringBuilder code) {
    RexNode leftNode = call.getOperands().get(0);
    RexNode rightNode = call.getOperands().get(1);
    RelDataType common = comparisonType(leftNode.getType(), rightNode.getType());
    Value left = coerce(generate(leftNode, code), common, code, false);
    Value right = coerce(generate(rightNode, code), common, code, false);
    String result = fresh("v");
    String same;
    if (left.repr() == Repr.NULL || right.repr() == Repr.NULL) {
      same = "(" + left.isNull() + " && " + right.isNull() + ")";
    } else {
      same = "((" + left.isNull() + " && " + right.isNull() + ") || (!" + left.isNull()
          + " && !" + right.isNull() + " && " + equalExpression(left, right) + "))";
    }
    boolean distinct = call.getKind() == SqlKind.IS_DISTINCT_FROM;
    code.append("boolean ").append(result).append(" = ").append(distinct ? "!" : "")
        .append(same).append(";\n");
    return new Value(Repr.BOOLEAN, "false", result, null, call.getType());
  }

  // ---------------------------------------------------------------- arithmetic

  private Value arithmetic(RexCall call, StringBuilder code) {
    RelDataType type = call.getType();
    SqlTypeName result = type.getSqlTypeName();
    RexNode leftNode = call.getOperands().get(0);
    RexNode rightNode = call.getOperands().get(1);
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    SqlKind kind = name.equals("MOD") ? SqlKind.MOD : call.getKind();
    if (name.equals("/INT")) {
      kind = SqlKind.DIVIDE;
    }
    Value left = generate(leftNode, code);
    Value right = generate(rightNode, code);
    if (left.repr() == Repr.NULL || right.repr() == Repr.NULL) {
      return declareNull(Repr.of(type), type, code);
    }
    if (result == SqlTypeName.DATE || result == SqlTypeName.TIMESTAMP) {
      return datetimeArithmetic(call, kind, left, right, code);
    }
    if (SqlTypeName.INTERVAL_TYPES.contains(result)) {
      return intervalArithmetic(call, kind, left, right, code);
    }
    Repr repr = Repr.of(type);
    if (repr == Repr.DOUBLE) {
      Value a = coerce(left, type, code, false);
      Value b = coerce(right, type, code, false);
      String expression;
      switch (kind) {
        case PLUS: expression = a.value() + " + " + b.value(); break;
        case MINUS: expression = a.value() + " - " + b.value(); break;
        case TIMES: expression = a.value() + " * " + b.value(); break;
        case DIVIDE:
          expression = RT + "Arithmetic.divideDouble(" + a.value() + ", " + b.value() + ")";
          break;
        default:
          expression = RT + "Arithmetic.moduloDouble(" + a.value() + ", " + b.value() + ")";
      }
      String round = result == SqlTypeName.REAL ? "(double) (float) (" + expression + ")"
          : expression;
      return strict(type, List.of(a, b), code, "$R = " + round + ";\n");
    }
    if (Repr.isInteger(type)) {
      Value a = coerce(left, type, code, false);
      Value b = coerce(right, type, code, false);
      int bits = Repr.integerBits(type);
      String function;
      switch (kind) {
        case PLUS: function = "addChecked"; break;
        case MINUS: function = "subtractChecked"; break;
        case TIMES: function = "multiplyChecked"; break;
        case DIVIDE: function = "divideChecked"; break;
        default:
          return strict(type, List.of(a, b), code, "$R = " + RT + "Arithmetic.moduloChecked("
              + a.value() + ", " + b.value() + ");\n");
      }
      return strict(type, List.of(a, b), code, "$R = " + RT + "Arithmetic." + function + "("
          + a.value() + ", " + b.value() + ", " + bits + ");\n");
    }
    if (result == SqlTypeName.DECIMAL) {
      return decimalArithmetic(kind, left, right, type, code);
    }
    throw new QuiverException(ErrorKind.UNSUPPORTED,
        "arithmetic " + call + " of type " + type.getFullTypeString() + " is not supported yet");
  }

  /** The operand as an exact number (its own scale), promoting floats is not allowed here. */
  private RelDataType exactTypeOf(Value operand) {
    RelDataType type = operand.type();
    if (Repr.isExactNumeric(type)) {
      return type;
    }
    throw new QuiverException(ErrorKind.TYPE, "expected an exact number, got "
        + type.getFullTypeString());
  }

  private Value decimalArithmetic(SqlKind kind, Value left, Value right, RelDataType type,
      StringBuilder code) {
    var factory = assembler.typeFactory();
    int scale = type.getScale();
    int precision = type.getPrecision();
    Repr repr = Repr.of(type);
    if (kind == SqlKind.PLUS || kind == SqlKind.MINUS || kind == SqlKind.MOD) {
      Value a = coerce(left, type, code, false);
      Value b = coerce(right, type, code, false);
      if (repr == Repr.LONG) {
        String body;
        if (kind == SqlKind.MOD) {
          body = "$R = " + RT + "Arithmetic.moduloChecked(" + a.value() + ", " + b.value()
              + ");\n";
        } else {
          String other = kind == SqlKind.PLUS ? b.value() : "(-" + b.value() + ")";
          body = "$R = " + RT + "Arithmetic.decimalAddChecked(" + a.value() + ", " + other + ", "
              + precision + ");\n";
        }
        return strict(type, List.of(a, b), code, body);
      }
      if (kind == SqlKind.MOD) {
        throw new QuiverException(ErrorKind.UNSUPPORTED,
            "MOD on DECIMAL wider than 18 digits is not supported yet");
      }
      String function = kind == SqlKind.PLUS ? "add" : "subtract";
      return strict(type, List.of(a, b), code, RT + "Int128Math." + function + "(" + a.value()
          + ", " + b.value() + ", $R);\n" + RT + "Int128Math.checkPrecision($R, " + precision
          + ");\n");
    }
    // TIMES and DIVIDE work on each operand at its own scale.
    if (left.repr() == Repr.DOUBLE || right.repr() == Repr.DOUBLE) {
      throw new QuiverException(ErrorKind.TYPE, "cannot mix floating point and DECIMAL in "
          + kind + " without a CAST");
    }
    RelDataType leftType = exactTypeOf(left);
    RelDataType rightType = exactTypeOf(right);
    int leftScale = Repr.scale(leftType);
    int rightScale = Repr.scale(rightType);
    RelDataType wideLeft = factory.createSqlType(SqlTypeName.DECIMAL, 38, leftScale);
    RelDataType wideRight = factory.createSqlType(SqlTypeName.DECIMAL, 38, rightScale);
    if (kind == SqlKind.TIMES) {
      int productScale = leftScale + rightScale;
      if (repr == Repr.LONG && left.repr() == Repr.LONG && right.repr() == Repr.LONG) {
        String body = "$R = " + RT + "Casts.rescaleDecimal(Math.multiplyExact(" + left.value()
            + ", " + right.value() + "), " + productScale + ", " + scale + ", " + precision
            + ");\n";
        return strict(type, List.of(left, right), code,
            "try {\n" + body + "} catch (ArithmeticException e) {\n"
                + "throw io.quiver.engine.expr.CodegenSupport.decimalOverflow(" + precision + ", "
                + scale + ");\n}\n");
      }
      if (left.repr() == Repr.LONG && right.repr() == Repr.LONG && productScale == scale) {
        // Two DECIMAL(p <= 18) values: their product always fits 128 bits, and it fits the
        // result's precision without a check when that is the sum of theirs (Calcite's rule
        // unless capped at 38).
        String body = RT + "Int128Math.multiplyLongs(" + left.value() + ", " + right.value()
            + ", $R);\n";
        if (leftType.getPrecision() + rightType.getPrecision() > precision) {
          body += RT + "Int128Math.checkPrecision($R, " + precision + ");\n";
        }
        return strict(type, List.of(left, right), code, body);
      }
      boolean overflows = leftType.getPrecision() + rightType.getPrecision() > precision;
      if (repr == Repr.INT128 && productScale == scale
          && (left.repr() == Repr.LONG && right.repr() == Repr.INT128
              || left.repr() == Repr.INT128 && right.repr() == Repr.LONG)) {
        // a wide and a DECIMAL(p <= 18) operand: multiplied without widening the narrow one,
        // straight into the result, checked only when the precisions can overflow it
        Value wide = left.repr() == Repr.LONG ? right : left;
        Value narrow = left.repr() == Repr.LONG ? left : right;
        String body = RT + "Int128Math.multiplyByLong(" + wide.value() + ", " + narrow.value()
            + ", $R);\n";
        if (overflows) {
          body += RT + "Int128Math.checkPrecision($R, " + precision + ");\n";
        }
        return strict(type, List.of(left, right), code, body);
      }
      Value a = coerce(left, wideLeft, code, false);
      Value b = coerce(right, wideRight, code, false);
      String product = assembler.int128Holder();
      String body = RT + "Int128Math.multiply(" + a.value() + ", " + b.value() + ", " + product
          + ");\n";
      if (productScale != scale) {
        body += RT + "Int128Math.rescale(" + product + ", " + productScale + ", " + scale
            + ", " + product + ");\n";
      }
      body += RT + "Int128Math.checkPrecision(" + product + ", " + precision + ");\n";
      if (repr == Repr.LONG) {
        body += "$R = " + RT + "Int128Math.toLongExact(" + product + ");\n";
      } else {
        body += RT + "Int128Math.copy(" + product + ", $R);\n";
      }
      return strict(type, List.of(a, b), code, body);
    }
    // DIVIDE
    Value a = coerce(left, wideLeft, code, false);
    Value b = coerce(right, wideRight, code, false);
    String quotient = assembler.int128Holder();
    String body = RT + "Int128Math.divide(" + a.value() + ", " + leftScale + ", " + b.value()
        + ", " + rightScale + ", " + scale + ", " + quotient + ");\n" + RT
        + "Int128Math.checkPrecision(" + quotient + ", " + precision + ");\n";
    if (repr == Repr.LONG) {
      body += "$R = " + RT + "Int128Math.toLongExact(" + quotient + ");\n";
    } else {
      body += RT + "Int128Math.copy(" + quotient + ", $R);\n";
    }
    return strict(type, List.of(a, b), code, body);
  }

  private Value datetimeArithmetic(RexCall call, SqlKind kind, Value left, Value right,
      StringBuilder code) {
    RelDataType type = call.getType();
    Value datetime = left;
    Value interval = right;
    if (SqlTypeName.INTERVAL_TYPES.contains(left.type().getSqlTypeName())) {
      datetime = right;
      interval = left;
    }
    datetime = coerce(datetime, type, code, false);
    boolean months = SqlTypeName.YEAR_INTERVAL_TYPES.contains(interval.type().getSqlTypeName());
    String amount = kind == SqlKind.MINUS ? "(-" + interval.value() + ")" : interval.value();
    boolean date = type.getSqlTypeName() == SqlTypeName.DATE;
    String function = months ? (date ? "addMonthsToDate" : "addMonthsToTimestamp")
        : (date ? "addMillisToDate" : "addMillisToTimestamp");
    return strict(type, List.of(datetime, interval), code,
        "$R = " + RT + "DateTimes." + function + "(" + datetime.value() + ", " + amount + ");\n");
  }

  private Value intervalArithmetic(RexCall call, SqlKind kind, Value left, Value right,
      StringBuilder code) {
    String expression;
    switch (kind) {
      case PLUS: expression = "Math.addExact(" + left.value() + ", " + right.value() + ")"; break;
      case MINUS:
        expression = "Math.subtractExact(" + left.value() + ", " + right.value() + ")";
        break;
      case TIMES: {
        Value a = SqlTypeName.INTERVAL_TYPES.contains(left.type().getSqlTypeName()) ? left : right;
        Value b = a == left ? right : left;
        if (b.repr() != Repr.LONG || Repr.scale(b.type()) != 0) {
          throw new QuiverException(ErrorKind.UNSUPPORTED,
              "interval times a non-integer is not supported yet");
        }
        expression = "Math.multiplyExact(" + a.value() + ", " + b.value() + ")";
        break;
      }
      default:
        throw new QuiverException(ErrorKind.UNSUPPORTED, "interval " + kind
            + " is not supported yet");
    }
    return strict(call.getType(), List.of(left, right), code, "$R = " + expression + ";\n");
  }

  private Value negate(RexCall call, StringBuilder code) {
    RelDataType type = call.getType();
    Value operand = coerce(generate(call.getOperands().get(0), code), type, code, false);
    switch (operand.repr()) {
      case DOUBLE:
        return strict(type, List.of(operand), code, "$R = -" + operand.value() + ";\n");
      case INT128:
        return strict(type, List.of(operand), code, RT + "Int128Math.negate(" + operand.value()
            + ", $R);\n");
      case LONG: {
        int bits = Repr.isInteger(type) ? Repr.integerBits(type) : 64;
        return strict(type, List.of(operand), code, "$R = " + RT + "Arithmetic.negateChecked("
            + operand.value() + ", " + bits + ");\n");
      }
      default:
        return operand;
    }
  }

  private Value abs(RexCall call, StringBuilder code) {
    RelDataType type = call.getType();
    Value operand = coerce(generate(call.getOperands().get(0), code), type, code, false);
    switch (operand.repr()) {
      case DOUBLE:
        return strict(type, List.of(operand), code, "$R = Math.abs(" + operand.value() + ");\n");
      case INT128:
        return strict(type, List.of(operand), code, "if (" + RT + "Int128Math.signum("
            + operand.value() + ") < 0) { " + RT + "Int128Math.negate(" + operand.value()
            + ", $R); } else { " + RT + "Int128Math.copy(" + operand.value() + ", $R); }\n");
      default: {
        int bits = Repr.isInteger(type) ? Repr.integerBits(type) : 64;
        return strict(type, List.of(operand), code, "$R = " + RT + "Arithmetic.absChecked("
            + operand.value() + ", " + bits + ");\n");
      }
    }
  }

  private Value round(RexCall call, StringBuilder code) {
    RelDataType type = call.getType();
    Value operand = generate(call.getOperands().get(0), code);
    Value digits = call.getOperands().size() > 1
        ? coerce(generate(call.getOperands().get(1), code),
            assembler.typeFactory().createSqlType(SqlTypeName.INTEGER), code, false)
        : new Value(Repr.LONG, "false", "0L", null, null);
    if (operand.repr() == Repr.DOUBLE || Repr.of(type) == Repr.DOUBLE) {
      Value a = coerce(operand, type, code, false);
      return strict(type, List.of(a, digits), code, "$R = " + RT + "Arithmetic.roundDouble("
          + a.value() + ", (int) " + digits.value() + ");\n");
    }
    if (operand.repr() != Repr.LONG) {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "ROUND of DECIMAL wider than 18 digits is not supported yet");
    }
    int scale = Repr.scale(operand.type());
    Value rounded = strict(operand.type(), List.of(operand, digits), code,
        "$R = " + RT + "Arithmetic.roundDecimal(" + operand.value() + ", " + scale + ", (int) "
            + digits.value() + ");\n");
    return coerce(rounded, type, code, false);
  }

  private Value floorCeil(RexCall call, StringBuilder code, boolean floor) {
    RelDataType type = call.getType();
    if (call.getOperands().size() != 1) {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          (floor ? "FLOOR" : "CEIL") + " to a time unit is not supported yet");
    }
    Value operand = generate(call.getOperands().get(0), code);
    if (operand.repr() == Repr.DOUBLE) {
      Value a = coerce(operand, type, code, false);
      return strict(type, List.of(a), code, "$R = Math." + (floor ? "floor" : "ceil") + "("
          + a.value() + ");\n");
    }
    if (operand.repr() != Repr.LONG) {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "FLOOR/CEIL of DECIMAL wider than 18 digits is not supported yet");
    }
    int scale = Repr.scale(operand.type());
    if (scale == 0) {
      return coerce(operand, type, code, false);
    }
    RelDataType integral = assembler.typeFactory().createSqlType(SqlTypeName.DECIMAL,
        Math.max(1, operand.type().getPrecision() - scale + 1), 0);
    Value result = strict(integral, List.of(operand), code, "$R = " + RT + "Arithmetic."
        + (floor ? "floorDecimal" : "ceilDecimal") + "(" + operand.value() + ", " + scale
        + ");\n");
    return coerce(result, type, code, false);
  }

  private Value doubleFunction(RexCall call, StringBuilder code, String function) {
    RelDataType type = call.getType();
    RelDataType doubleType = assembler.typeFactory().createSqlType(SqlTypeName.DOUBLE);
    List<Value> operands = new ArrayList<>();
    StringBuilder arguments = new StringBuilder();
    for (RexNode operand : call.getOperands()) {
      Value v = coerce(generate(operand, code), doubleType, code, false);
      operands.add(v);
      if (arguments.length() > 0) {
        arguments.append(", ");
      }
      arguments.append(v.value());
    }
    Value result = strict(doubleType, operands, code, "$R = " + function + "(" + arguments
        + ");\n");
    return coerce(result, type, code, false);
  }

  // ---------------------------------------------------------------- strings

  private Value concat(RexCall call, StringBuilder code) {
    RelDataType type = call.getType();
    RelDataType varchar = assembler.typeFactory().createSqlType(SqlTypeName.VARCHAR);
    Value left = coerce(generate(call.getOperands().get(0), code), varchar, code, false);
    Value right = coerce(generate(call.getOperands().get(1), code), varchar, code, false);
    String scratch = assembler.scratch();
    return strict(type, List.of(left, right), code, "$L = " + RT + "Utf8Strings.concat("
        + left.value() + ", " + left.length() + ", " + right.value() + ", " + right.length()
        + ", " + scratch + ");\n$R = " + scratch + ".address();\n");
  }

  private Value substring(RexCall call, StringBuilder code) {
    RelDataType type = call.getType();
    RelDataType bigint = assembler.typeFactory().createSqlType(SqlTypeName.BIGINT);
    Value text = generate(call.getOperands().get(0), code);
    Value start = coerce(generate(call.getOperands().get(1), code), bigint, code, false);
    List<Value> operands = new ArrayList<>(List.of(text, start));
    String count = "Long.MAX_VALUE";
    if (call.getOperands().size() > 2) {
      Value length = coerce(generate(call.getOperands().get(2), code), bigint, code, false);
      operands.add(length);
      count = length.value();
    }
    String view = fresh("view");
    return strict(type, operands, code, "long " + view + " = " + RT + "Utf8Strings.substring("
        + text.value() + ", " + text.length() + ", " + start.value() + ", " + count + ");\n"
        + "$R = " + text.value() + " + " + RT + "Utf8Strings.viewOffset(" + view + ");\n"
        + "$L = " + RT + "Utf8Strings.viewLength(" + view + ");\n");
  }

  private Value stringTransform(RexCall call, StringBuilder code, String function) {
    Value text = generate(call.getOperands().get(0), code);
    String scratch = assembler.scratch();
    return strict(call.getType(), List.of(text), code, "$L = " + RT + "Utf8Strings." + function
        + "(" + text.value() + ", " + text.length() + ", " + scratch + ");\n$R = " + scratch
        + ".address();\n");
  }

  private Value charLength(RexCall call, StringBuilder code) {
    Value text = generate(call.getOperands().get(0), code);
    return strict(call.getType(), List.of(text), code, "$R = " + RT + "Utf8Strings.charLength("
        + text.value() + ", " + text.length() + ");\n");
  }

  private Value position(RexCall call, StringBuilder code, int needleIndex, int haystackIndex) {
    if (call.getOperands().size() > 2) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, "POSITION ... FROM is not supported yet");
    }
    Value needle = generate(call.getOperands().get(needleIndex), code);
    Value haystack = generate(call.getOperands().get(haystackIndex), code);
    return strict(call.getType(), List.of(needle, haystack), code, "$R = " + RT
        + "Utf8Strings.position(" + needle.value() + ", " + needle.length() + ", "
        + haystack.value() + ", " + haystack.length() + ");\n");
  }

  private Value stringPredicate(RexCall call, StringBuilder code, String function) {
    Value text = generate(call.getOperands().get(0), code);
    Value part = generate(call.getOperands().get(1), code);
    return strict(call.getType(), List.of(text, part), code, "$R = " + RT + "Utf8Strings."
        + function + "(" + text.value() + ", " + text.length() + ", " + part.value() + ", "
        + part.length() + ");\n");
  }

  private Value replace(RexCall call, StringBuilder code) {
    Value text = generate(call.getOperands().get(0), code);
    Value from = generate(call.getOperands().get(1), code);
    Value to = generate(call.getOperands().get(2), code);
    String scratch = assembler.scratch();
    return strict(call.getType(), List.of(text, from, to), code, "$L = " + RT
        + "Utf8Strings.replace(" + text.value() + ", " + text.length() + ", " + from.value()
        + ", " + from.length() + ", " + to.value() + ", " + to.length() + ", " + scratch
        + ");\n$R = " + scratch + ".address();\n");
  }

  private Value trim(RexCall call, StringBuilder code) {
    SqlTrimFunction.Flag flag = ((RexLiteral) call.getOperands().get(0))
        .getValueAs(SqlTrimFunction.Flag.class);
    int mode = flag == SqlTrimFunction.Flag.LEADING ? 1
        : flag == SqlTrimFunction.Flag.TRAILING ? 2 : 0;
    Value characters = generate(call.getOperands().get(1), code);
    Value text = generate(call.getOperands().get(2), code);
    String view = fresh("view");
    return strict(call.getType(), List.of(characters, text), code, "long " + view + " = " + RT
        + "Utf8Strings.trim(" + text.value() + ", " + text.length() + ", " + mode + ", "
        + characters.value() + ", " + characters.length() + ");\n$R = " + text.value() + " + "
        + RT + "Utf8Strings.viewOffset(" + view + ");\n$L = " + RT + "Utf8Strings.viewLength("
        + view + ");\n");
  }

  private Value like(RexCall call, StringBuilder code) {
    Value text = generate(call.getOperands().get(0), code);
    RexNode pattern = call.getOperands().get(1);
    RexNode escape = call.getOperands().size() > 2 ? call.getOperands().get(2) : null;
    boolean negated = call.getOperator().getName().toUpperCase(Locale.ROOT).startsWith("NOT");
    String not = negated ? "!" : "";
    if (pattern instanceof RexLiteral patternLiteral && !patternLiteral.isNull()
        && (escape == null || escape instanceof RexLiteral)) {
      String escapeText = escape == null ? null
          : ((RexLiteral) escape).getValueAs(String.class);
      String matcher = assembler.likeMatcher(patternLiteral.getValueAs(String.class),
          escapeText);
      return strict(call.getType(), List.of(text), code, "$R = " + not + matcher + ".matches("
          + text.value() + ", " + text.length() + ");\n");
    }
    Value patternValue = generate(pattern, code);
    Value escapeValue = escape == null ? null : generate(escape, code);
    List<Value> operands = new ArrayList<>(List.of(text, patternValue));
    if (escapeValue != null) {
      operands.add(escapeValue);
    }
    return strict(call.getType(), operands, code, "$R = " + not + RT
        + "LikeMatcher.matchesDynamic(" + text.value() + ", " + text.length() + ", "
        + patternValue.value() + ", " + patternValue.length() + ", "
        + (escapeValue == null ? "0L, 0" : escapeValue.value() + ", " + escapeValue.length())
        + ");\n");
  }

  private Value extract(RexCall call, StringBuilder code) {
    TimeUnitRange unit = ((RexLiteral) call.getOperands().get(0))
        .getValueAs(TimeUnitRange.class);
    Value operand = generate(call.getOperands().get(1), code);
    SqlTypeName source = operand.type().getSqlTypeName();
    String constant = RT + "DateTimes." + dateTimeUnit(unit);
    String function;
    if (source == SqlTypeName.DATE) {
      function = "extractFromDate";
    } else if (source == SqlTypeName.TIMESTAMP) {
      function = "extractFromTimestamp";
    } else if (source == SqlTypeName.TIME) {
      function = "extractFromTimestamp";
    } else {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "EXTRACT from " + operand.type().getFullTypeString() + " is not supported yet");
    }
    RelDataType bigint = assembler.typeFactory().createSqlType(SqlTypeName.BIGINT);
    Value result = strict(bigint, List.of(operand), code, "$R = " + RT + "DateTimes." + function
        + "(" + constant + ", " + operand.value() + ");\n");
    return coerce(result, call.getType(), code, false);
  }

  private static String dateTimeUnit(TimeUnitRange unit) {
    switch (unit) {
      case YEAR: return "YEAR";
      case QUARTER: return "QUARTER";
      case MONTH: return "MONTH";
      case WEEK: return "WEEK";
      case DAY: return "DAY";
      case DOW: return "DAY_OF_WEEK";
      case ISODOW: return "ISO_DAY_OF_WEEK";
      case DOY: return "DAY_OF_YEAR";
      case HOUR: return "HOUR";
      case MINUTE: return "MINUTE";
      case SECOND: return "SECOND";
      case MILLISECOND: return "MILLISECOND";
      case MICROSECOND: return "MICROSECOND";
      case EPOCH: return "EPOCH";
      case DECADE: return "DECADE";
      case CENTURY: return "CENTURY";
      case MILLENNIUM: return "MILLENNIUM";
      case ISOYEAR: return "ISO_YEAR";
      default:
        throw new QuiverException(ErrorKind.UNSUPPORTED, "EXTRACT(" + unit + ") is not supported");
    }
  }

  // ---------------------------------------------------------------- casts

  /**
   * Converts {@code value} to {@code target}. With {@code explicit}, this is a user's CAST;
   * otherwise an implicit conversion the planner relies on. Both follow the same rules.
   */
  Value coerce(Value value, RelDataType target, StringBuilder code, boolean explicit) {
    RelDataType source = value.type();
    Repr to = Repr.of(target);
    Repr from = value.repr();
    if (from == Repr.NULL) {
      return declareNull(to, target, code);
    }
    SqlTypeName s = source.getSqlTypeName();
    SqlTypeName t = target.getSqlTypeName();
    boolean sameFamily = s == t || SqlTypeName.CHAR_TYPES.contains(s)
        && SqlTypeName.CHAR_TYPES.contains(t)
        || SqlTypeName.INTERVAL_TYPES.contains(s) && SqlTypeName.INTERVAL_TYPES.contains(t);
    if (sameFamily && t != SqlTypeName.DECIMAL && !Repr.isInteger(target)
        && t != SqlTypeName.REAL) {
      return retype(value, target);
    }
    if (t == SqlTypeName.DECIMAL && s == SqlTypeName.DECIMAL
        && source.getScale() == target.getScale() && source.getPrecision() <= target.getPrecision()
        && from == to) {
      return retype(value, target);
    }
    if (Repr.isInteger(target) && Repr.isInteger(source)
        && Repr.integerBits(source) <= Repr.integerBits(target)) {
      return retype(value, target);
    }
    String body = castBody(value, source, target, to);
    return strict(target, List.of(value), code, body);
  }

  private static Value retype(Value value, RelDataType target) {
    return new Value(value.repr(), value.isNull(), value.value(), value.length(), target);
  }

  /**
   * A literal's rescale done while generating (the {@code 1} of {@code 1 - l_discount} becomes
   * {@code 100L} for a scale of 2, a constant the JIT folds, not a call per row); null when
   * {@code value} is not a long literal or the rescale fails, which is then left to run time
   * so the error comes only if a row evaluates it.
   */
  private static Long foldedRescale(String value, int fromScale, int toScale, int toPrecision) {
    if (!value.matches("-?[0-9]{1,18}L")) {
      return null;
    }
    try {
      return io.quiver.engine.expr.runtime.Casts.rescaleDecimal(
          Long.parseLong(value.substring(0, value.length() - 1)), fromScale, toScale,
          toPrecision);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String castBody(Value value, RelDataType source, RelDataType target, Repr to) {
    SqlTypeName s = source.getSqlTypeName();
    SqlTypeName t = target.getSqlTypeName();
    Repr from = value.repr();
    String v = value.value();
    // from strings
    if (from == Repr.STRING && to != Repr.STRING) {
      String args = v + ", " + value.length();
      switch (t) {
        case BOOLEAN: return "$R = " + RT + "Casts.parseBoolean(" + args + ");\n";
        case TINYINT: case SMALLINT: case INTEGER: case BIGINT:
          return "$R = " + RT + "Casts.parseInteger(" + args + ", " + minOf(target) + ", "
              + maxOf(target) + ", \"" + t.getName() + "\");\n";
        case REAL: return "$R = (double) (float) " + RT + "Casts.parseDouble(" + args + ");\n";
        case FLOAT: case DOUBLE: return "$R = " + RT + "Casts.parseDouble(" + args + ");\n";
        case DECIMAL:
          if (to == Repr.LONG) {
            return "$R = " + RT + "Casts.parseDecimal(" + args + ", " + target.getPrecision()
                + ", " + target.getScale() + ");\n";
          }
          return RT + "Casts.parseWideDecimal(" + args + ", " + target.getPrecision() + ", "
              + target.getScale() + ", $R);\n";
        case DATE: return "$R = " + RT + "Casts.parseDate(" + args + ");\n";
        case TIMESTAMP: return "$R = " + RT + "Casts.parseTimestamp(" + args + ");\n";
        case TIME: return "$R = " + RT + "Casts.parseTime(" + args + ");\n";
        default: break;
      }
    }
    // to strings
    if (to == Repr.STRING && from != Repr.STRING) {
      String scratch = assembler.scratch();
      String call;
      switch (s) {
        case BOOLEAN: call = "formatBoolean(" + v; break;
        case TINYINT: case SMALLINT: case INTEGER: case BIGINT: call = "formatLong(" + v; break;
        case REAL: case FLOAT: case DOUBLE: call = "formatDouble(" + v; break;
        case DECIMAL:
          call = from == Repr.LONG ? "formatDecimal(" + v + ", " + source.getScale()
              : "formatWideDecimal(" + v + ", " + source.getScale();
          break;
        case DATE: call = "formatDate(" + v; break;
        case TIMESTAMP: call = "formatTimestamp(" + v; break;
        case TIME: call = "formatTime(" + v; break;
        default: call = null;
      }
      if (call != null) {
        return "$L = " + RT + "Casts." + call + ", " + scratch + ");\n$R = " + scratch
            + ".address();\n";
      }
    }
    // numeric to numeric
    if (from == Repr.DOUBLE) {
      if (to == Repr.DOUBLE) {
        return t == SqlTypeName.REAL ? "$R = (double) (float) " + v + ";\n" : "$R = " + v + ";\n";
      }
      if (Repr.isInteger(target)) {
        return "$R = " + RT + "Casts.doubleToInteger(" + v + ", " + minOf(target) + ", "
            + maxOf(target) + ", \"" + t.getName() + "\");\n";
      }
      if (t == SqlTypeName.DECIMAL) {
        if (to == Repr.LONG) {
          return "$R = " + RT + "Casts.doubleToDecimal(" + v + ", " + target.getPrecision()
              + ", " + target.getScale() + ");\n";
        }
        return RT + "Int128Math.fromBigDecimal(java.math.BigDecimal.valueOf(" + v + "), "
            + target.getScale() + ", $R);\n" + RT + "Int128Math.checkPrecision($R, "
            + target.getPrecision() + ");\n";
      }
    }
    if (Repr.isExactNumeric(source)) {
      int fromScale = Repr.scale(source);
      if (to == Repr.DOUBLE) {
        String expression = from == Repr.INT128
            ? RT + "Int128Math.toDouble(" + v + ", " + fromScale + ")"
            : fromScale == 0 ? "(double) " + v : RT + "Casts.decimalToDouble(" + v + ", "
                + fromScale + ")";
        return t == SqlTypeName.REAL ? "$R = (double) (float) " + expression + ";\n"
            : "$R = " + expression + ";\n";
      }
      if (Repr.isInteger(target)) {
        if (from == Repr.INT128) {
          String holder = assembler.int128Holder();
          return RT + "Int128Math.rescale(" + v + ", " + fromScale + ", 0, " + holder + ");\n"
              + "$R = " + RT + "Casts.decimalToInteger(" + RT + "Int128Math.toLongExact("
              + holder + "), 0, " + minOf(target) + ", " + maxOf(target) + ", \"" + t.getName()
              + "\");\n";
        }
        return "$R = " + RT + "Casts.decimalToInteger(" + v + ", " + fromScale + ", "
            + minOf(target) + ", " + maxOf(target) + ", \"" + t.getName() + "\");\n";
      }
      if (t == SqlTypeName.DECIMAL) {
        int toScale = target.getScale();
        int toPrecision = target.getPrecision();
        if (from == Repr.LONG && to == Repr.LONG) {
          Long folded = foldedRescale(v, fromScale, toScale, toPrecision);
          if (folded != null) {
            return "$R = " + folded + "L;\n";
          }
          return "$R = " + RT + "Casts.rescaleDecimal(" + v + ", " + fromScale + ", " + toScale
              + ", " + toPrecision + ");\n";
        }
        if (from == Repr.LONG) {
          String widen = RT + "Int128Math.set($R, " + v + ");\n";
          if (fromScale == toScale && toPrecision >= source.getPrecision()) {
            return widen; // the same value, in a type at least as wide
          }
          return widen + RT + "Int128Math.rescale($R, " + fromScale + ", " + toScale
              + ", $R);\n" + RT + "Int128Math.checkPrecision($R, " + toPrecision + ");\n";
        }
        if (to == Repr.INT128) {
          return RT + "Int128Math.rescale(" + v + ", " + fromScale + ", " + toScale
              + ", $R);\n" + RT + "Int128Math.checkPrecision($R, " + toPrecision + ");\n";
        }
        String holder = assembler.int128Holder();
        return RT + "Int128Math.rescale(" + v + ", " + fromScale + ", " + toScale + ", " + holder
            + ");\n" + RT + "Int128Math.checkPrecision(" + holder + ", " + toPrecision + ");\n"
            + "$R = " + RT + "Int128Math.toLongExact(" + holder + ");\n";
      }
      if (t == SqlTypeName.BOOLEAN && from == Repr.LONG) {
        return "$R = " + v + " != 0L;\n";
      }
    }
    if (s == SqlTypeName.BOOLEAN && Repr.isInteger(target)) {
      return "$R = " + v + " ? 1L : 0L;\n";
    }
    if (s == SqlTypeName.DATE && t == SqlTypeName.TIMESTAMP) {
      return "$R = " + RT + "DateTimes.dateToTimestamp(" + v + ");\n";
    }
    if (s == SqlTypeName.TIMESTAMP && t == SqlTypeName.DATE) {
      return "$R = " + RT + "DateTimes.timestampToDate(" + v + ");\n";
    }
    if (s == SqlTypeName.TIMESTAMP && t == SqlTypeName.TIME) {
      return "$R = Math.floorMod(" + v + ", 86400000000L);\n";
    }
    if (from == to && from != Repr.INT128) {
      return to == Repr.STRING ? "$R = " + v + ";\n$L = " + value.length() + ";\n"
          : "$R = " + v + ";\n";
    }
    throw new QuiverException(ErrorKind.TYPE, "cannot cast " + source.getFullTypeString()
        + " to " + target.getFullTypeString());
  }

  private static String minOf(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT: return "-128L";
      case SMALLINT: return "-32768L";
      case INTEGER: return "-2147483648L";
      default: return "Long.MIN_VALUE";
    }
  }

  private static String maxOf(RelDataType type) {
    switch (type.getSqlTypeName()) {
      case TINYINT: return "127L";
      case SMALLINT: return "32767L";
      case INTEGER: return "2147483647L";
      default: return "Long.MAX_VALUE";
    }
  }
}
