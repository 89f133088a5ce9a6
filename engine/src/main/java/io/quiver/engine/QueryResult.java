package io.quiver.engine;

import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.operator.BatchListScanOperator;
import io.quiver.engine.format.ResultFormat;
import io.quiver.engine.format.ResultWriter;
import io.quiver.engine.kernel.JavaKernels;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.convert.ArrowValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The result of one statement: an {@link ArrowReader} that streams the result batches. The
 * caller must close it; closing releases every buffer the query holds, also when the caller
 * stops reading half-way. Statements that return no rows (CREATE, DROP, ...) have an empty
 * schema, no batches and a {@link #message()}.
 */
public final class QueryResult extends ArrowReader {
  private final String statementKind;
  private final boolean returnsRows;
  private final String message;
  private final Schema schema;
  private final Operator root;
  private final ExecutionContext context;
  private final BufferAllocator resultAllocator;
  private final Runnable onClose;
  private long rowsRead;
  private boolean exhausted;
  private boolean sourceClosed;

  QueryResult(String statementKind, boolean returnsRows, String message, Schema schema,
      Operator root, ExecutionContext context, BufferAllocator resultAllocator,
      Runnable onClose) {
    super(resultAllocator);
    this.onClose = onClose;
    this.statementKind = statementKind;
    this.returnsRows = returnsRows;
    this.message = message;
    this.schema = schema;
    this.root = root;
    this.context = context;
    this.resultAllocator = resultAllocator;
  }

  /** The kind of statement: QUERY, EXPLAIN, SHOW, DESCRIBE, CREATE_VIEW, CREATE_TABLE, DROP. */
  public String statementKind() {
    return statementKind;
  }

  /** True for statements that produce rows (queries, EXPLAIN, SHOW TABLES, DESCRIBE). */
  public boolean returnsRows() {
    return returnsRows;
  }

  /** A short status message such as {@code Created view v}; empty for queries. */
  public String message() {
    return message;
  }

  /** The result schema, known before the first batch is read. */
  public Schema schema() {
    return schema;
  }

  /** Rows returned so far. */
  public long rowsRead() {
    return rowsRead;
  }

  @Override
  public boolean loadNextBatch() {
    VectorSchemaRoot target;
    try {
      target = getVectorSchemaRoot();
    } catch (IOException e) {
      throw new QuiverException(ErrorKind.INTERNAL, "cannot create the result batch", e);
    }
    if (exhausted || root == null) {
      target.setRowCount(0);
      return false;
    }
    VectorSchemaRoot batch = root.next();
    if (batch == null) {
      exhausted = true;
      target.setRowCount(0);
      return false;
    }
    // Ownership moves from the top operator's batch into the reader's root (see Operator).
    List<FieldVector> sources = batch.getFieldVectors();
    for (int i = 0; i < sources.size(); i++) {
      sources.get(i).makeTransferPair(target.getVector(i)).transfer();
    }
    target.setRowCount(batch.getRowCount());
    rowsRead += batch.getRowCount();
    return true;
  }

  @Override
  public long bytesRead() {
    return 0;
  }

  @Override
  protected void closeReadSource() {
    if (sourceClosed) {
      return;
    }
    sourceClosed = true;
    try {
      if (root != null) {
        root.close();
      }
    } finally {
      resultAllocator.close();
      if (context != null) {
        context.close();
      }
      if (onClose != null) {
        onClose.run();
      }
    }
  }

  @Override
  protected Schema readSchema() {
    return schema;
  }

  /** Reads the remaining batches and renders them in {@code format}, then closes this result. */
  public String render(ResultFormat format) {
    try (QueryResult self = this) {
      StringBuilder text = new StringBuilder();
      ResultWriter.write(self, format, text);
      return text.toString();
    }
  }

  /** Reads the remaining batches as a boxed text table, then closes this result. */
  public String toTable() {
    return render(ResultFormat.TABLE);
  }

  /** Reads the remaining batches as CSV (with header), then closes this result. */
  public String toCsv() {
    return render(ResultFormat.CSV);
  }

  /**
   * Reads the remaining rows as Java values (for tests and small results; boxes every value),
   * then closes this result.
   */
  public List<List<Object>> toRows() {
    List<List<Object>> rows = new ArrayList<>();
    try (QueryResult self = this) {
      VectorSchemaRoot batch = getVectorSchemaRoot();
      while (loadNextBatch()) {
        for (int r = 0; r < batch.getRowCount(); r++) {
          List<Object> row = new ArrayList<>(batch.getFieldVectors().size());
          for (FieldVector vector : batch.getFieldVectors()) {
            row.add(ArrowValues.toJava(vector, r));
          }
          rows.add(row);
        }
      }
    } catch (IOException e) {
      throw new QuiverException(ErrorKind.INTERNAL, "cannot read the result", e);
    }
    return rows;
  }

  @Override
  public void close() {
    try {
      super.close();
    } catch (IOException e) {
      throw new QuiverException(ErrorKind.INTERNAL, "cannot close the result", e);
    }
  }

  /**
   * A query result that streams the given batches unchanged, one result batch per input batch,
   * without SQL. Meant for tests of code that consumes results (renderers, the CLI) and for
   * embedders that want to hand Arrow data to such code.
   *
   * <p>The result allocates in child allocators of {@code parent}, which must share a root
   * with the batches' allocator. The caller keeps ownership of {@code batches}: they must stay
   * open until the result is closed, and the caller closes them afterwards.
   */
  public static QueryResult ofBatches(BufferAllocator parent, Schema schema,
      List<VectorSchemaRoot> batches) {
    BufferAllocator resultAllocator = parent.newChildAllocator("result", 0, Long.MAX_VALUE);
    ExecutionContext context = new ExecutionContext(
        parent.newChildAllocator("query", 0, Long.MAX_VALUE), Integer.MAX_VALUE,
        JavaKernels.INSTANCE);
    int[] projection = new int[schema.getFields().size()];
    for (int i = 0; i < projection.length; i++) {
      projection[i] = i;
    }
    Operator scan = new BatchListScanOperator("batches", context, batches, schema, projection);
    return new QueryResult("QUERY", true, "", schema, scan, context, resultAllocator, null);
  }
}
