package io.quiver.engine.exec.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.engine.exec.AllTypes;
import io.quiver.engine.exec.AllocatorTestBase;
import io.quiver.engine.exec.TestBatches;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;

class VectorGatherTest extends AllocatorTestBase {
  private static List<List<Object>> expected(int[] indexes, int count) {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<Object> row = new ArrayList<>();
      for (int column = 0; column < AllTypes.SCHEMA.getFields().size(); column++) {
        row.add(indexes[i] < 0 ? null : AllTypes.value(indexes[i], column));
      }
      rows.add(row);
    }
    return rows;
  }

  @Test
  void gathersEveryTypeWithNullsAndMissingRows() {
    int sourceRows = 150;
    int[] indexes = new int[300];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = i % 11 == 4 ? -1 : (i * 37) % sourceRows;
    }
    try (VectorSchemaRoot source =
        TestBatches.batch(allocator, AllTypes.SCHEMA, AllTypes.rows(0, sourceRows))) {
      for (int count : new int[] {0, 1, 7, 64, 65, 129, 300}) {
        try (VectorSchemaRoot result = VectorGather.gather(source, indexes, count, allocator)) {
          assertThat(result.getRowCount()).isEqualTo(count);
          assertThat(TestBatches.rows(result)).isEqualTo(expected(indexes, count));
          for (var vector : result.getFieldVectors()) {
            assertThat(vector.getValueCount()).isEqualTo(count);
          }
        }
      }
    }
  }

  @Test
  void gathersASelectionOfEveryTypeAsTheGeneralGatherDoes() {
    int sourceRows = 300;
    try (VectorSchemaRoot source =
        TestBatches.batch(allocator, AllTypes.SCHEMA, AllTypes.rows(0, sourceRows))) {
      for (int step : new int[] {1, 2, 3, 7, 64, 299}) {
        int[] selection = java.util.stream.IntStream.iterate(step % 3, row -> row < sourceRows,
            row -> row + step).toArray();
        for (int count : new int[] {0, 1, Math.min(65, selection.length), selection.length}) {
          List<org.apache.arrow.vector.FieldVector> vectors = new ArrayList<>();
          try {
            for (var column : source.getFieldVectors()) {
              var target = column.getField().createVector(allocator);
              vectors.add(target);
              VectorGather.gatherSelection(column, selection, count, target);
              assertThat(target.getValueCount()).isEqualTo(count);
            }
            try (VectorSchemaRoot result = new VectorSchemaRoot(AllTypes.SCHEMA.getFields(),
                vectors, count)) {
              assertThat(TestBatches.rows(result)).as("step %d, %d rows", step, count)
                  .isEqualTo(expected(selection, count));
            }
          } catch (RuntimeException e) {
            vectors.forEach(org.apache.arrow.vector.FieldVector::close);
            throw e;
          }
        }
      }
    }
  }

  @Test
  void gathersASelectionOfStringsWithoutNullsLongAndShort() {
    try (org.apache.arrow.vector.VarCharVector source =
            new org.apache.arrow.vector.VarCharVector("s", allocator);
        org.apache.arrow.vector.VarCharVector target =
            new org.apache.arrow.vector.VarCharVector("s", allocator)) {
      String[] values = {"", "a", "12345678", "123456789", "a rather longer value", "z", ""};
      source.allocateNew();
      for (int i = 0; i < values.length; i++) {
        source.setSafe(i, values[i].getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      source.setValueCount(values.length);
      int[] selection = {0, 2, 3, 4, 6};
      VectorGather.gatherSelection(source, selection, selection.length, target);
      assertThat(target.getNullCount()).isZero();
      for (int i = 0; i < selection.length; i++) {
        assertThat(target.getObject(i).toString()).isEqualTo(values[selection[i]]);
      }
      // the last value ends the source's data: it cannot be read as a word
      VectorGather.gatherSelection(source, new int[] {5}, 1, target);
      assertThat(target.getObject(0).toString()).isEqualTo("z");
    }
  }

  @Test
  void rejectsASelectionThatIsNotIncreasingOrLeavesTheSource() {
    try (VectorSchemaRoot source =
            TestBatches.batch(allocator, AllTypes.SCHEMA, AllTypes.rows(0, 4));
        org.apache.arrow.vector.FieldVector target =
            source.getVector(stringColumn()).getField().createVector(allocator)) {
      var strings = source.getVector(stringColumn());
      for (int[] selection : new int[][] {{1, 1}, {2, 1}, {0, 4}, {-1, 2}}) {
        assertThatThrownBy(() -> VectorGather.gatherSelection(strings, selection, 2, target))
            .isInstanceOf(QuiverException.class)
            .satisfies(e -> assertThat(((QuiverException) e).kind())
                .isEqualTo(ErrorKind.INTERNAL))
            .hasMessageContaining("not strictly increasing");
      }
    }
  }

  private static int stringColumn() {
    for (int i = 0; i < AllTypes.SCHEMA.getFields().size(); i++) {
      if (AllTypes.SCHEMA.getFields().get(i).getType()
          instanceof org.apache.arrow.vector.types.pojo.ArrowType.Utf8) {
        return i;
      }
    }
    throw new AssertionError("AllTypes has no string column");
  }

  @Test
  void gathersOnlyNullsFromAnEmptySource() {
    int[] indexes = {-1, -1, -1};
    try (VectorSchemaRoot source = TestBatches.batch(allocator, AllTypes.SCHEMA);
        VectorSchemaRoot result = VectorGather.gather(source, indexes, 3, allocator)) {
      assertThat(TestBatches.rows(result)).isEqualTo(expected(indexes, 3));
      assertThat(result.getVector(0).getNullCount()).isEqualTo(3);
    }
  }

  @Test
  void replacesTheTargetsPreviousContent() {
    try (VectorSchemaRoot source =
            TestBatches.batch(allocator, AllTypes.SCHEMA, AllTypes.rows(0, 10));
        IntVector target = new IntVector("i", allocator)) {
      VectorGather.gather(source.getVector(3), new int[] {1, 2, 3}, 3, target);
      VectorGather.gather(source.getVector(3), new int[] {9, -1}, 2, target);
      assertThat(target.getValueCount()).isEqualTo(2);
      assertThat(target.getObject(0)).isEqualTo(AllTypes.value(9, 3));
      assertThat(target.isNull(1)).isTrue();
    }
  }

  @Test
  void rejectsIndexesOutsideTheSource() {
    try (VectorSchemaRoot source =
        TestBatches.batch(allocator, AllTypes.SCHEMA, AllTypes.rows(0, 4))) {
      assertThatThrownBy(() -> VectorGather.gather(source, new int[] {0, 4}, 2, allocator))
          .isInstanceOf(QuiverException.class)
          .satisfies(e -> assertThat(((QuiverException) e).kind()).isEqualTo(ErrorKind.INTERNAL))
          .hasMessageContaining("gather index 4");
      assertThatThrownBy(() -> VectorGather.gather(source, new int[] {-2}, 1, allocator))
          .isInstanceOf(QuiverException.class);
    }
  }

  @Test
  void bitBuffersAppendAtEveryShift() {
    // Cross-checks the word-at-a-time bit append against a bit-by-bit model.
    try (var bufferA = allocator.buffer(64); var bufferB = allocator.buffer(64)) {
      long source = bufferA.memoryAddress();
      long target = bufferB.memoryAddress();
      boolean[] model = new boolean[512];
      java.util.Random random = new java.util.Random(7);
      for (int at = 0; at < 20; at++) {
        for (int count : new int[] {1, 5, 8, 63, 64, 65, 130, 200}) {
          bufferA.setZero(0, 64);
          bufferB.setZero(0, 64);
          Arrays.fill(model, false);
          for (int i = 0; i < at; i++) {
            if (random.nextBoolean()) {
              model[i] = true;
              bufferB.setByte(i >>> 3, bufferB.getByte(i >>> 3) | (1 << (i & 7)));
            }
          }
          // garbage past the source range must not leak into the target
          org.apache.arrow.memory.util.MemoryUtil.setMemory(source, 64, (byte) 0xff);
          for (int i = 0; i < count; i++) {
            boolean bit = random.nextBoolean();
            model[at + i] = bit;
            if (!bit) {
              bufferA.setByte(i >>> 3, bufferA.getByte(i >>> 3) & ~(1 << (i & 7)));
            }
          }
          BitBuffers.appendBits(source, count, target, at);
          for (int i = 0; i < ((at + count + 7) & ~7); i++) {
            assertThat(BitBuffers.isSet(target, i)).as("at %d count %d bit %d", at, count, i)
                .isEqualTo(model[i]);
          }
          BitBuffers.setBits(target, 9, at + count);
          for (int i = 0; i < ((at + count + 9 + 7) & ~7); i++) {
            assertThat(BitBuffers.isSet(target, i)).isEqualTo(i >= at + count
                ? i < at + count + 9 : model[i]);
          }
        }
      }
    }
  }
}
