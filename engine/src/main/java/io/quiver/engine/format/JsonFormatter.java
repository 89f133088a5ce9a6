package io.quiver.engine.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import io.quiver.udf.convert.ArrowValues;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A JSON array with one object per row, keys in column order, one row per line:
 *
 * <pre>
 * [
 *   {"id":1,"name":"Alice","amount":12.50},
 *   {"id":2,"name":null,"amount":null}
 * ]
 * </pre>
 *
 * <p>Integers, REAL, DOUBLE and DECIMAL are JSON numbers (decimals exact, in plain notation
 * with their scale; NaN and infinities, which JSON cannot hold as numbers, become the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}); booleans are {@code true}/{@code
 * false}; NULL is {@code null}; dates, times, timestamps and every other type are strings with
 * the text of {@link CellText}. Escaping is Jackson's. An empty result is {@code []}.
 *
 * <p>Streams: the rendered text is flushed to the output after every batch.
 */
public final class JsonFormatter implements BatchFormatter {
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private final Appendable out;
  private final StringBuilder text = new StringBuilder(64);
  private JsonGenerator generator;
  private SerializedString[] names;
  private ColumnKind[] kinds;
  private long rows;

  public JsonFormatter(Appendable out) {
    this.out = Objects.requireNonNull(out, "out is null");
  }

  @Override
  public void start(Schema schema) throws IOException {
    List<Field> fields = schema.getFields();
    names = new SerializedString[fields.size()];
    for (int column = 0; column < names.length; column++) {
      names[column] = new SerializedString(fields.get(column).getName());
    }
    kinds = new ColumnKind[names.length];
    generator = FACTORY.createGenerator(new AppendableWriter(out));
    // Rows are root-level objects separated by our own ",\n  ": no separator from Jackson.
    generator.setRootValueSeparator(null);
    generator.writeRaw('[');
  }

  @Override
  public void add(VectorSchemaRoot batch) throws IOException {
    List<FieldVector> vectors = batch.getFieldVectors();
    for (int column = 0; column < kinds.length; column++) {
      kinds[column] = ColumnKind.of(vectors.get(column));
    }
    int rowCount = batch.getRowCount();
    for (int row = 0; row < rowCount; row++) {
      generator.writeRaw(rows == 0 ? "\n  " : ",\n  ");
      generator.writeStartObject();
      for (int column = 0; column < kinds.length; column++) {
        generator.writeFieldName(names[column]);
        writeValue(vectors.get(column), kinds[column], row);
      }
      generator.writeEndObject();
      rows++;
    }
    generator.flush();
  }

  private void writeValue(FieldVector vector, ColumnKind kind, int row) throws IOException {
    if (vector.isNull(row)) {
      generator.writeNull();
      return;
    }
    switch (kind) {
      case BOOLEAN -> generator.writeBoolean(((BitVector) vector).get(row) != 0);
      case TINYINT -> generator.writeNumber(((TinyIntVector) vector).get(row));
      case SMALLINT -> generator.writeNumber(((SmallIntVector) vector).get(row));
      case INTEGER -> generator.writeNumber(((IntVector) vector).get(row));
      case BIGINT -> generator.writeNumber(((BigIntVector) vector).get(row));
      case REAL -> writeReal(((Float4Vector) vector).get(row));
      case DOUBLE -> writeDouble(((Float8Vector) vector).get(row));
      case DECIMAL -> generator.writeNumber(((DecimalVector) vector).getObject(row));
      case VARCHAR -> generator.writeString(CellText.varchar((VarCharVector) vector, row));
      default -> {
        text.setLength(0);
        CellText.append(vector, kind, row, text);
        generator.writeString(text.toString());
      }
    }
  }

  private void writeReal(float value) throws IOException {
    if (Float.isNaN(value) || Float.isInfinite(value)) {
      generator.writeString(ArrowValues.toText((double) value));
    } else {
      generator.writeNumber(value);
    }
  }

  private void writeDouble(double value) throws IOException {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      generator.writeString(ArrowValues.toText(value));
    } else {
      generator.writeNumber(value);
    }
  }

  @Override
  public void finish() throws IOException {
    generator.writeRaw(rows == 0 ? "]\n" : "\n]\n");
    generator.close();
  }
}
