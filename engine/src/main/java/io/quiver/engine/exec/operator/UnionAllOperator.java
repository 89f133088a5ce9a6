package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * UNION ALL: returns the batches of its inputs one input after the other. Inputs have the same
 * column types but possibly other field names or nullability; a batch whose schema already is
 * the output schema passes through unchanged, any other has its buffers taken (a transfer, as
 * the ownership rule allows) into new vectors of the output schema's fields.
 */
public final class UnionAllOperator extends AbstractOperator {
  private final List<Operator> inputs;
  private int inputIndex;

  public UnionAllOperator(ExecutionContext context, List<Operator> inputs, Schema schema) {
    super("UnionAll", context, schema, inputs);
    this.inputs = List.copyOf(inputs);
    for (Operator input : this.inputs) {
      List<Field> fields = input.schema().getFields();
      if (fields.size() != schema.getFields().size()) {
        throw new QuiverException(ErrorKind.INTERNAL, "UNION ALL input " + input.describe()
            + " has " + fields.size() + " columns, the output " + schema.getFields().size()
            + " (a bug in Quiver)");
      }
      for (int i = 0; i < fields.size(); i++) {
        if (!fields.get(i).getType().equals(schema.getFields().get(i).getType())) {
          throw new QuiverException(ErrorKind.INTERNAL, "UNION ALL input column " + i
              + " has type " + fields.get(i).getType() + ", the output "
              + schema.getFields().get(i).getType() + " (a bug in Quiver)");
        }
      }
    }
  }

  @Override
  protected VectorSchemaRoot doNext() {
    while (inputIndex < inputs.size()) {
      VectorSchemaRoot batch = inputs.get(inputIndex).next();
      if (batch == null) {
        inputIndex++;
        continue;
      }
      if (batch.getRowCount() == 0) {
        continue;
      }
      if (batch.getSchema().equals(schema)) {
        return batch;
      }
      return emit(rename(batch));
    }
    return null;
  }

  private VectorSchemaRoot rename(VectorSchemaRoot batch) {
    List<FieldVector> vectors = new ArrayList<>(schema.getFields().size());
    try {
      for (int i = 0; i < schema.getFields().size(); i++) {
        FieldVector target = schema.getFields().get(i).createVector(allocator());
        vectors.add(target);
        // Ownership of the input's buffers moves to this operator's vector.
        batch.getVector(i).makeTransferPair(target).transfer();
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(schema.getFields(), vectors, batch.getRowCount());
  }


  @Override
  protected void release() {
  }

  @Override
  public String describe() {
    return "UnionAll[inputs=" + inputs.size() + "]";
  }
}
