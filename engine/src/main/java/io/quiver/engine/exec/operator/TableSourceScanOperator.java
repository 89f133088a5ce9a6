package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.function.FunctionFailures;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.ScanRequest;
import io.quiver.udf.function.TableScan;
import io.quiver.udf.function.TableSource;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Scans a {@link TableSource} of the public API. Each batch the source returns is checked
 * against the projected schema (column count and types) before it goes on; anything the source
 * throws or gets wrong is a USER_FUNCTION error naming it.
 */
public final class TableSourceScanOperator extends AbstractOperator {
  private final String table;
  private final String owner;
  private final TableSource source;
  private final ScanRequest request;
  private final int[] projection;
  private TableScan scan;
  private int batchNumber;

  public TableSourceScanOperator(ExecutionContext context, String table, String owner,
      TableSource source, Schema tableSchema, ScanRequest request) {
    super("Scan", context, BatchListScanOperator.project(tableSchema, request.projection()),
        List.of());
    this.table = table;
    this.owner = owner;
    this.source = source;
    this.request = request;
    this.projection = request.projection();
  }

  /** The source's schema, or a USER_FUNCTION error when reading it fails. */
  public static Schema readSchema(TableSource source, String owner) {
    Schema schema;
    try {
      schema = source.schema();
    } catch (RuntimeException | Error e) {
      throw FunctionFailures.wrap(e, owner, "while reading its schema");
    }
    if (schema == null) {
      throw FunctionFailures.contract(owner, "", "schema() returned null");
    }
    return schema;
  }

  @Override
  protected VectorSchemaRoot doNext() {
    batchNumber++;
    VectorSchemaRoot batch;
    try {
      if (scan == null) {
        scan = source.scan(request, allocator());
        if (scan == null) {
          throw FunctionFailures.contract(owner, "", "scan() returned null");
        }
      }
      batch = scan.next();
    } catch (QuiverException e) {
      throw e.withContext(owner);
    } catch (RuntimeException | Error e) {
      throw FunctionFailures.wrap(e, owner, "on batch " + batchNumber);
    }
    if (batch == null) {
      return null;
    }
    return emit(checked(batch));
  }

  private VectorSchemaRoot checked(VectorSchemaRoot batch) {
    List<Field> expected = schema.getFields();
    List<FieldVector> vectors = batch.getFieldVectors();
    String problem = null;
    if (vectors.size() != expected.size()) {
      problem = "batch " + batchNumber + " has " + vectors.size() + " columns, expected "
          + expected.size() + " (the projection " + java.util.Arrays.toString(projection) + ")";
    } else {
      for (int i = 0; i < vectors.size() && problem == null; i++) {
        if (!vectors.get(i).getField().getType().equals(expected.get(i).getType())) {
          problem = "column " + expected.get(i).getName() + " of batch " + batchNumber
              + " has type " + vectors.get(i).getField().getType() + ", expected "
              + expected.get(i).getType();
        } else if (vectors.get(i).getValueCount() < batch.getRowCount()) {
          problem = "column " + expected.get(i).getName() + " of batch " + batchNumber
              + " has " + vectors.get(i).getValueCount() + " values for "
              + batch.getRowCount() + " rows";
        }
      }
    }
    if (problem != null) {
      batch.close();
      throw FunctionFailures.contract(owner, "", problem);
    }
    // Rename to the plan's field names (the source may name columns differently).
    List<FieldVector> renamed = new ArrayList<>(vectors);
    return new VectorSchemaRoot(expected, renamed, batch.getRowCount());
  }

  @Override
  protected void release() {
    if (scan != null) {
      TableScan open = scan;
      scan = null;
      try {
        open.close();
      } catch (RuntimeException | Error e) {
        throw FunctionFailures.wrap(e, owner, "while closing its scan");
      }
    }
  }

  @Override
  public String describe() {
    StringBuilder text = new StringBuilder("Scan[").append(table);
    if (!request.predicates().isEmpty()) {
      text.append(", predicates=").append(request.predicates());
    }
    if (request.limit() >= 0) {
      text.append(", limit=").append(request.limit());
    }
    return text.append(']').toString();
  }
}
