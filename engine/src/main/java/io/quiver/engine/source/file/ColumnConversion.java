package io.quiver.engine.source.file;

import io.quiver.engine.expr.VectorExpression;
import io.quiver.engine.plan.QueryPlanner;
import io.quiver.engine.plan.TypeMapping;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Converts a column a typed file (Parquet, Arrow IPC) stores as one type into the table's
 * type, e.g. the type given with {@code schema_ipc} or the first file's type: a SQL
 * {@code CAST} compiled once per (from, to) pair and run over the whole vector, so the
 * conversion has exactly the semantics and errors of {@code CAST} in a query.
 *
 * <p>A value that does not convert is a DATA error naming the file, the column and the value;
 * a pair of types {@code CAST} cannot convert at all (nested types among them) is a DATA error
 * when the scan opens the file, before any row is read.
 */
final class ColumnConversion {
  private static final RexBuilder REX_BUILDER = new RexBuilder(QueryPlanner.TYPE_FACTORY);

  private final Field target;
  private final ArrowType from;
  private final RelDataType inputRow;
  private final RexNode cast;
  private final String where;

  private ColumnConversion(Field target, ArrowType from, RelDataType inputRow,
      RexNode cast, String where) {
    this.target = target;
    this.from = from;
    this.inputRow = inputRow;
    this.cast = cast;
    this.where = where;
  }

  /**
   * The conversion of {@code file}'s column {@code target.getName()}, stored as {@code from},
   * into {@code target}'s type; a DATA error when no CAST exists between the two.
   */
  static ColumnConversion of(Field fileField, Field target, Path file) {
    String where = "column " + target.getName() + " of file " + file;
    ArrowType from = fileField.getType();
    try {
      RelDataTypeFactory types = REX_BUILDER.getTypeFactory();
      RelDataType fromType = TypeMapping.toRelType(from, true, types);
      RelDataType toType = TypeMapping.toRelType(target.getType(), true, types);
      RelDataType row = types.builder().add("$0", fromType).build();
      return new ColumnConversion(target, from, row,
          REX_BUILDER.makeCast(toType, REX_BUILDER.makeInputRef(fromType, 0), true, false),
          where);
    } catch (RuntimeException e) {
      throw new QuiverException(ErrorKind.DATA, "the file stores column " + target.getName()
          + " as " + from + ", which cannot be converted to the table's " + target.getType()
          + " (" + e.getMessage() + "). Give the column the file's type in schema_ipc, or"
          + " leave this file out", e).withContext(where);
    }
  }

  /** The converted copy of {@code rows} values of {@code source}, owned by the caller. */
  FieldVector convert(FieldVector source, int rows, BufferAllocator allocator) {
    try {
      return VectorExpression.evaluate(REX_BUILDER, inputRow, List.of(source), rows, cast,
          new Field(target.getName(), FieldType.nullable(target.getType()), null), allocator);
    } catch (RuntimeException e) {
      String value = firstBadValue(source, rows, allocator);
      throw new QuiverException(ErrorKind.DATA, "cannot convert "
          + (value == null ? "a value" : "the value " + value) + " of column "
          + target.getName() + " from the file's " + from + " to the table's "
          + target.getType() + ": " + e.getMessage() + ". Fix the value, or give the column a"
          + " type that holds it in schema_ipc", e).withContext(where);
    }
  }

  /** The first value that fails to convert alone, or null (found on the error path only). */
  private String firstBadValue(FieldVector source, int rows, BufferAllocator allocator) {
    for (int row = 0; row < rows; row++) {
      if (source.isNull(row)) {
        continue;
      }
      try (FieldVector one = source.getField().createVector(allocator)) {
        one.allocateNew();
        one.copyFromSafe(row, 0, source);
        one.setValueCount(1);
        VectorExpression.evaluate(REX_BUILDER, inputRow, List.of(one), 1, cast,
            new Field(target.getName(), FieldType.nullable(target.getType()), null), allocator)
            .close();
      } catch (RuntimeException e) {
        Object value = source.getObject(row);
        return value instanceof CharSequence ? "'" + value + "'" : String.valueOf(value);
      }
    }
    return null;
  }
}
