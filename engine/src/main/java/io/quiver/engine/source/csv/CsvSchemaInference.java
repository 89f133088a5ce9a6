package io.quiver.engine.source.csv;

import io.quiver.engine.source.text.TextValueParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Infers a CSV file's schema from its header and first records. Every column starts with all
 * candidate types and loses those a non-null value does not parse as; the first survivor in
 * the order BOOLEAN, BIGINT, DECIMAL, DOUBLE, DATE, TIMESTAMP wins, else VARCHAR. DECIMAL(18, s)
 * is chosen when every value is a plain decimal (no exponent, at most 18 digits) with the same
 * number s of digits after the point, so money columns stay exact; values with differing
 * scales, exponents or integers mixed in are DOUBLE. A column with only NULLs is VARCHAR.
 * Records with a different number of fields do not take part.
 */
final class CsvSchemaInference {
  private static final int BOOLEAN = 1;
  private static final int BIGINT = 2;
  private static final int DECIMAL = 4;
  private static final int DOUBLE = 8;
  private static final int DATE = 16;
  private static final int TIMESTAMP = 32;
  private static final int ALL = BOOLEAN | BIGINT | DECIMAL | DOUBLE | DATE | TIMESTAMP;

  private CsvSchemaInference() {
  }

  static Schema infer(CsvTokenizer tokenizer, CsvOptions options) {
    List<String> names = null;
    if (!tokenizer.next()) {
      return new Schema(List.of());
    }
    int columns = tokenizer.fieldCount();
    if (options.hasHeader()) {
      names = new ArrayList<>(columns);
      for (int field = 0; field < columns; field++) {
        names.add(tokenizer.text(field).trim());
      }
    }
    int[] candidates = new int[columns];
    int[] scales = new int[columns];
    boolean[] sawValue = new boolean[columns];
    Arrays.fill(candidates, ALL);
    Arrays.fill(scales, -1);
    TextValueParser parser = new TextValueParser();
    long records = 0;
    boolean haveRecord = !options.hasHeader();
    byte[] nullString = options.nullString();
    while (records < options.inferMaxRecords() && (haveRecord || tokenizer.next())) {
      haveRecord = false;
      records++;
      if (tokenizer.fieldCount() != columns || tokenizer.malformed() != null) {
        continue;
      }
      byte[] bytes = tokenizer.buffer();
      for (int field = 0; field < columns; field++) {
        int start = tokenizer.start(field);
        int end = tokenizer.end(field);
        if (start == end || (!tokenizer.quoted(field)
            && CsvValueWriter.equalsBytes(bytes, start, end, nullString))) {
          continue;
        }
        sawValue[field] = true;
        int remaining = candidates[field];
        if ((remaining & BOOLEAN) != 0) {
          parser.parseBoolean(bytes, start, end);
          if (!parser.ok) {
            remaining &= ~BOOLEAN;
          }
        }
        if ((remaining & BIGINT) != 0) {
          parser.parseLong(bytes, start, end);
          if (!parser.ok) {
            remaining &= ~BIGINT;
          }
        }
        if ((remaining & DECIMAL) != 0) {
          int scale = TextValueParser.plainDecimalScale(bytes, start, end);
          if (scale < 0 || (scales[field] >= 0 && scale != scales[field])) {
            remaining &= ~DECIMAL;
          } else {
            scales[field] = scale;
          }
        }
        if ((remaining & DOUBLE) != 0) {
          parser.parseDouble(bytes, start, end);
          if (!parser.ok) {
            remaining &= ~DOUBLE;
          }
        }
        if ((remaining & DATE) != 0) {
          parser.parseDate(bytes, start, end);
          if (!parser.ok) {
            remaining &= ~DATE;
          }
        }
        if ((remaining & TIMESTAMP) != 0) {
          parser.parseTimestamp(bytes, start, end);
          if (!parser.ok) {
            remaining &= ~TIMESTAMP;
          }
        }
        candidates[field] = remaining;
      }
    }
    List<Field> fields = new ArrayList<>(columns);
    Set<String> used = new HashSet<>();
    for (int field = 0; field < columns; field++) {
      String name = names == null || names.get(field).isEmpty() ? "column" + field
          : names.get(field);
      String unique = name;
      for (int suffix = 1; !used.add(unique.toLowerCase(java.util.Locale.ROOT)); suffix++) {
        unique = name + "_" + suffix;
      }
      ArrowType type = sawValue[field] ? typeOf(candidates[field], scales[field])
          : ArrowType.Utf8.INSTANCE;
      fields.add(new Field(unique, FieldType.nullable(type), null));
    }
    return new Schema(fields);
  }

  private static ArrowType typeOf(int candidates, int scale) {
    if ((candidates & BOOLEAN) != 0) {
      return ArrowType.Bool.INSTANCE;
    }
    if ((candidates & BIGINT) != 0) {
      return new ArrowType.Int(64, true);
    }
    if ((candidates & DECIMAL) != 0) {
      return new ArrowType.Decimal(18, scale, 128);
    }
    if ((candidates & DOUBLE) != 0) {
      return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    }
    if ((candidates & DATE) != 0) {
      return new ArrowType.Date(DateUnit.DAY);
    }
    if ((candidates & TIMESTAMP) != 0) {
      return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    }
    return ArrowType.Utf8.INSTANCE;
  }
}
