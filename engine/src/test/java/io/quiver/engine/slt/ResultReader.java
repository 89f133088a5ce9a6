package io.quiver.engine.slt;

import io.quiver.engine.QueryResult;
import io.quiver.udf.convert.ArrowValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * Reads a {@link QueryResult} into rows of text cells, as the SQL logic test files write them,
 * and checks result column types against the letters of a {@code query} record.
 */
public final class ResultReader {
  private ResultReader() {}

  /** Reads every remaining batch (the caller closes {@code result}). */
  public static List<List<String>> readRows(QueryResult result) {
    List<List<String>> rows = new ArrayList<>();
    VectorSchemaRoot batch;
    try {
      batch = result.getVectorSchemaRoot();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    while (result.loadNextBatch()) {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (int row = 0; row < batch.getRowCount(); row++) {
        List<String> cells = new ArrayList<>(vectors.size());
        for (FieldVector vector : vectors) {
          cells.add(cellText(ArrowValues.toText(ArrowValues.toJava(vector, row))));
        }
        rows.add(cells);
      }
    }
    return rows;
  }

  /** Reads and discards every remaining batch, so that errors raised while running surface. */
  public static void drain(QueryResult result) {
    while (result.loadNextBatch()) {
      // rows of a 'statement ok' are not checked
    }
  }

  /** The cell as the files write it: {@code NULL} for null, {@code (empty)} for "". */
  public static String cellText(String value) {
    if (value == null) {
      return SqlLogicParser.NULL_TEXT;
    }
    return value.isEmpty() ? SqlLogicParser.EMPTY_TEXT : value;
  }

  /**
   * Null when the result columns fit the record's type letters, else what does not fit. A
   * column of the Arrow null type fits every letter.
   */
  public static String typeMismatch(String types, List<Field> fields) {
    if (fields.size() != types.length()) {
      return "the query declares " + types.length() + " columns (" + types
          + ") but the result has " + fields.size() + ": " + fields;
    }
    for (int i = 0; i < fields.size(); i++) {
      ArrowType type = fields.get(i).getType();
      char letter = types.charAt(i);
      if (!fits(letter, type.getTypeID())) {
        return "column " + (i + 1) + " (" + fields.get(i).getName() + ") is declared " + letter
            + " but the engine returned " + type;
      }
    }
    return null;
  }

  private static boolean fits(char letter, ArrowType.ArrowTypeID id) {
    if (id == ArrowType.ArrowTypeID.Null || letter == 'T') {
      return true;
    }
    return switch (letter) {
      case 'I' -> id == ArrowType.ArrowTypeID.Int;
      case 'R' -> id == ArrowType.ArrowTypeID.FloatingPoint || id == ArrowType.ArrowTypeID.Decimal;
      case 'B' -> id == ArrowType.ArrowTypeID.Bool;
      case 'D' -> id == ArrowType.ArrowTypeID.Date || id == ArrowType.ArrowTypeID.Timestamp
          || id == ArrowType.ArrowTypeID.Time;
      default -> false;
    };
  }
}
