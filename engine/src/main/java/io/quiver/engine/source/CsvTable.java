package io.quiver.engine.source;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.TableScan;
import io.quiver.udf.function.TableSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A CSV file as a table. The schema is inferred from the header and the first
 * {@value #SAMPLE_ROWS} records: BIGINT, DOUBLE, BOOLEAN, DATE where every non-empty sampled
 * value parses as that type, otherwise VARCHAR. Scans stream the file batch by batch.
 */
final class CsvTable implements TableSource {
  static final int SAMPLE_ROWS = 1000;

  private final Path file;
  private final Schema schema;
  private final double estimatedRows;

  private CsvTable(Path file, Schema schema, double estimatedRows) {
    this.file = file;
    this.schema = schema;
    this.estimatedRows = estimatedRows;
  }

  static CsvTable open(Path file) {
    String source = "read_csv('" + file + "')";
    try (CsvRecordReader reader = new CsvRecordReader(
        Files.newBufferedReader(file, StandardCharsets.UTF_8), source)) {
      List<String> header = reader.next();
      if (header == null) {
        throw new QuiverException(ErrorKind.DATA, "the file is empty: a header line is needed")
            .withContext(source);
      }
      int columns = header.size();
      int[] kinds = new int[columns];
      List<String> record;
      int sampled = 0;
      long bytes = 0;
      while (sampled < SAMPLE_ROWS && (record = reader.next()) != null) {
        sampled++;
        for (int c = 0; c < columns && c < record.size(); c++) {
          String value = record.get(c);
          if (value != null) {
            bytes += value.length() + 1;
            kinds[c] = CsvValues.widen(kinds[c], CsvValues.kindOf(value));
          }
        }
      }
      List<Field> fields = new ArrayList<>();
      for (int c = 0; c < columns; c++) {
        String name = header.get(c) == null || header.get(c).isBlank() ? "column" + c
            : header.get(c).strip();
        fields.add(new Field(name, FieldType.nullable(arrowType(kinds[c])), null));
      }
      double estimate = sampled < SAMPLE_ROWS ? sampled
          : Files.size(file) / Math.max(1.0, bytes / (double) sampled);
      return new CsvTable(file, new Schema(fields), estimate);
    } catch (IOException e) {
      throw QuiverException.wrap(ErrorKind.IO, source, e);
    }
  }

  static ArrowType arrowType(int kind) {
    switch (kind) {
      case CsvValues.BIGINT: return new ArrowType.Int(64, true);
      case CsvValues.DOUBLE: return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case CsvValues.BOOLEAN: return ArrowType.Bool.INSTANCE;
      case CsvValues.DATE: return new ArrowType.Date(DateUnit.DAY);
      default: return ArrowType.Utf8.INSTANCE;
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public long estimatedRowCount() {
    return (long) estimatedRows;
  }

  @Override
  public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
    return new CsvTableScan(file, schema, projection, allocator, batchSize);
  }
}
