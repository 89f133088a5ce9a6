package io.quiver.engine.exec.operator;

import io.quiver.engine.exec.AbstractOperator;
import io.quiver.engine.exec.ExecutionContext;
import io.quiver.engine.exec.Operator;
import io.quiver.engine.exec.batch.BatchAccumulator;
import io.quiver.engine.exec.batch.VectorGather;
import io.quiver.engine.exec.hash.IntegerKeys;
import io.quiver.engine.exec.hash.KeyEncoder;
import io.quiver.engine.expr.CalcKernel;
import io.quiver.engine.expr.ExpressionCompiler;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;

/**
 * Hash join: materialises the build side, chains its rows by key hash, then streams the probe
 * side. Handles INNER, LEFT, RIGHT, FULL, SEMI and ANTI joins with an optional residual
 * (non-equi) condition evaluated on candidate pairs; a row with a NULL key never matches. With
 * no keys it is a nested-loop join (every pair is a candidate), used for cross joins and
 * non-equi joins. Candidate pairs are produced in chunks of the batch size, so memory stays
 * bounded even when a key matches many rows.
 */
public final class HashJoinOperator extends AbstractOperator {
  private final Operator left;
  private final Operator right;
  private final JoinKind kind;
  private final boolean buildLeft;
  private final int[] probeKeys;
  private final int[] buildKeys;
  private final RexNode residual;
  private final RexBuilder rexBuilder;
  private final RelDataType joinedRowType;
  private final boolean probeOuter;
  private final boolean buildOuter;
  private final boolean keyless;
  private final boolean[] nullsMatch;

  private BatchAccumulator build;
  private VectorSchemaRoot buildRoot;
  private final KeyEncoder buildEncoder = new KeyEncoder();
  private final KeyEncoder probeEncoder = new KeyEncoder();
  /** Whether the keys are one integer column on each side, compared as longs. */
  private boolean integerKeys;
  private final IntegerKeys buildIntegers = new IntegerKeys();
  private final IntegerKeys probeIntegers = new IntegerKeys();
  /** Per probe row of the current batch: its first candidate build row, or -1. */
  private int[] heads = new int[0];
  private int[] buckets;
  private int[] chain;
  private long[] buildHashes;
  private boolean[] buildMatched;
  private CalcKernel residualKernel;

  private VectorSchemaRoot probeBatch;
  private int probeRows;
  private int probeRow;
  private int cursor = -1;
  private boolean[] probeMatched = new boolean[0];
  private int[] pairProbe;
  private int[] pairBuild;
  private int[] selection;
  private boolean probeDone;
  private boolean finished;
  private final ArrayDeque<VectorSchemaRoot> ready = new ArrayDeque<>();

  /**
   * @param leftKeys key columns of the left input; {@code rightKeys} the matching right ones
   * @param buildLeft build the hash table on the left input (the smaller one)
   * @param residual a condition over the left columns followed by the right columns, or null
   */
  public HashJoinOperator(ExecutionContext context, Operator left, Operator right, JoinKind kind,
      int[] leftKeys, int[] rightKeys, boolean[] nullsMatch, boolean buildLeft, RexNode residual,
      RexBuilder rexBuilder, RelDataType joinedRowType, Schema schema) {
    super(leftKeys.length == 0 ? "NestedLoopJoin" : "HashJoin", context, schema,
        List.of(left, right));
    boolean semiOrAnti = kind == JoinKind.SEMI || kind == JoinKind.ANTI;
    this.left = left;
    this.right = right;
    this.kind = kind;
    this.buildLeft = buildLeft && !semiOrAnti;
    this.probeKeys = this.buildLeft ? rightKeys.clone() : leftKeys.clone();
    this.buildKeys = this.buildLeft ? leftKeys.clone() : rightKeys.clone();
    this.residual = residual;
    this.rexBuilder = rexBuilder;
    this.joinedRowType = joinedRowType;
    this.keyless = leftKeys.length == 0;
    this.nullsMatch = nullsMatch.clone();
    boolean leftOuter = kind == JoinKind.LEFT || kind == JoinKind.FULL;
    boolean rightOuter = kind == JoinKind.RIGHT || kind == JoinKind.FULL;
    this.probeOuter = this.buildLeft ? rightOuter : leftOuter;
    this.buildOuter = this.buildLeft ? leftOuter : rightOuter;
  }

  private Operator buildInput() {
    return buildLeft ? left : right;
  }

  private Operator probeInput() {
    return buildLeft ? right : left;
  }

  @Override
  protected VectorSchemaRoot doNext() {
    if (build == null) {
      buildTable();
    }
    while (ready.isEmpty() && !finished) {
      // a residual condition may reject chunk after chunk: stay cancellable between them
      checkCancelled();
      step();
    }
    return emit(ready.poll());
  }

  private void buildTable() {
    Operator input = buildInput();
    build = new BatchAccumulator(input.schema(), allocator());
    VectorSchemaRoot batch;
    while ((batch = input.next()) != null) {
      if (batch.getRowCount() > 0) {
        build.append(batch);
      }
    }
    buildRoot = build.root();
    int rows = build.rowCount();
    buildMatched = new boolean[rows];
    chain = new int[Math.max(rows, 1)];
    if (keyless) {
      return;
    }
    FieldVector[] keys = new FieldVector[buildKeys.length];
    for (int k = 0; k < keys.length; k++) {
      keys[k] = buildRoot.getVector(buildKeys[k]);
    }
    integerKeys = IntegerKeys.applies(keyFields(buildInput(), buildKeys),
        keyFields(probeInput(), probeKeys), nullsMatch);
    if (integerKeys) {
      buildIntegers.load(keys[0], rows);
    } else {
      buildEncoder.encode(keys, rows, nullsMatch);
    }
    int size = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
    buckets = new int[size];
    Arrays.fill(buckets, -1);
    buildHashes = new long[rows];
    int mask = size - 1;
    for (int row = rows - 1; row >= 0; row--) {
      if (integerKeys ? buildIntegers.isNull(row) : buildEncoder.hasNull(row)) {
        chain[row] = -1;
        continue;
      }
      long hash = integerKeys ? IntegerKeys.hash(buildIntegers.value(row))
          : buildEncoder.hash(row);
      buildHashes[row] = hash;
      int bucket = (int) (hash ^ (hash >>> 32)) & mask;
      chain[row] = buckets[bucket];
      buckets[bucket] = row;
    }
  }

  private static List<Field> keyFields(Operator input, int[] keys) {
    List<Field> fields = new ArrayList<>(keys.length);
    for (int key : keys) {
      fields.add(input.schema().getFields().get(key));
    }
    return fields;
  }

  /** Does a bounded amount of work: one chunk of candidates, or the end-of-input output. */
  private void step() {
    if (probeBatch == null) {
      if (probeDone) {
        finish();
        return;
      }
      VectorSchemaRoot batch = probeInput().next();
      if (batch == null) {
        probeDone = true;
        return;
      }
      if (batch.getRowCount() == 0) {
        return;
      }
      startProbeBatch(batch);
    }
    int pairs = collectCandidates();
    if (pairs > 0) {
      emitPairs(pairs);
    }
    if (probeRow >= probeRows) {
      endProbeBatch();
    }
  }

  private void startProbeBatch(VectorSchemaRoot batch) {
    probeBatch = batch;
    probeRows = batch.getRowCount();
    probeRow = 0;
    cursor = -1;
    if (probeMatched.length < probeRows) {
      probeMatched = new boolean[probeRows];
    }
    Arrays.fill(probeMatched, 0, probeRows, false);
    int chunk = Math.max(context.batchSize(), 1024);
    if (pairProbe == null) {
      pairProbe = new int[chunk];
      pairBuild = new int[chunk];
      selection = new int[chunk];
    }
    if (!keyless) {
      FieldVector[] keys = new FieldVector[probeKeys.length];
      for (int k = 0; k < keys.length; k++) {
        keys[k] = batch.getVector(probeKeys[k]);
      }
      if (integerKeys) {
        probeIntegers.load(keys[0], probeRows);
      } else {
        probeEncoder.encode(keys, probeRows, nullsMatch);
      }
    }
    // Every row's first candidate in one loop: the bucket loads of different rows are
    // independent, so their cache misses overlap instead of coming one after another.
    if (heads.length < probeRows) {
      heads = new int[probeRows];
    }
    for (int row = 0; row < probeRows; row++) {
      heads[row] = firstCandidate(row);
    }
  }

  private boolean stopAtFirstMatch() {
    return residual == null && (kind == JoinKind.SEMI || kind == JoinKind.ANTI);
  }

  private int firstCandidate(int row) {
    if (keyless) {
      return build.rowCount() > 0 ? 0 : -1;
    }
    long hash;
    if (integerKeys) {
      if (probeIntegers.isNull(row)) {
        return -1;
      }
      hash = IntegerKeys.hash(probeIntegers.value(row));
    } else {
      if (probeEncoder.hasNull(row)) {
        return -1;
      }
      hash = probeEncoder.hash(row);
    }
    return buckets[(int) (hash ^ (hash >>> 32)) & (buckets.length - 1)];
  }

  private int nextCandidate(int buildRow) {
    if (keyless) {
      return buildRow + 1 < build.rowCount() ? buildRow + 1 : -1;
    }
    return chain[buildRow];
  }

  private boolean keysEqual(int probe, int buildRow) {
    if (keyless) {
      return true;
    }
    if (integerKeys) {
      return buildIntegers.value(buildRow) == probeIntegers.value(probe);
    }
    if (buildHashes[buildRow] != probeEncoder.hash(probe)) {
      return false;
    }
    int length = probeEncoder.length(probe);
    int buildOffset = buildEncoder.offset(buildRow);
    return buildEncoder.length(buildRow) == length
        && Arrays.equals(probeEncoder.bytes(), probeEncoder.offset(probe),
            probeEncoder.offset(probe) + length, buildEncoder.bytes(), buildOffset,
            buildOffset + length);
  }

  private int collectCandidates() {
    int capacity = pairProbe.length;
    int pairs = 0;
    boolean firstOnly = stopAtFirstMatch();
    while (probeRow < probeRows && pairs < capacity) {
      if (cursor == -1) {
        cursor = heads[probeRow];
        if (cursor == -1) {
          probeRow++;
          continue;
        }
      }
      while (cursor != -1 && pairs < capacity) {
        if (keysEqual(probeRow, cursor)) {
          if (firstOnly) {
            probeMatched[probeRow] = true;
            cursor = -1;
            break;
          }
          pairProbe[pairs] = probeRow;
          pairBuild[pairs] = cursor;
          pairs++;
        }
        cursor = nextCandidate(cursor);
      }
      if (cursor == -1) {
        probeRow++;
      }
    }
    return pairs;
  }

  private void emitPairs(int pairs) {
    boolean semiOrAnti = kind == JoinKind.SEMI || kind == JoinKind.ANTI;
    if (residual == null) {
      for (int p = 0; p < pairs; p++) {
        probeMatched[pairProbe[p]] = true;
        buildMatched[pairBuild[p]] = true;
      }
      if (!semiOrAnti) {
        ready.add(gatherOutput(pairProbe, pairBuild, pairs));
      }
      return;
    }
    // Evaluate the residual condition on the joined candidates.
    try (VectorSchemaRoot joined = gatherJoined(pairProbe, pairBuild, pairs)) {
      if (residualKernel == null) {
        residualKernel = ExpressionCompiler.compile(rexBuilder, joinedRowType, residual,
            List.of(), allocator());
      }
      FieldVector[] inputs = joined.getFieldVectors().toArray(new FieldVector[0]);
      int passed = residualKernel.filter(inputs, pairs, selection);
      int[] probeIndexes = new int[passed];
      int[] buildIndexes = new int[passed];
      for (int s = 0; s < passed; s++) {
        int p = selection[s];
        probeIndexes[s] = pairProbe[p];
        buildIndexes[s] = pairBuild[p];
        probeMatched[pairProbe[p]] = true;
        buildMatched[pairBuild[p]] = true;
      }
      if (!semiOrAnti && passed > 0) {
        ready.add(gatherOutput(probeIndexes, buildIndexes, passed));
      }
    }
  }

  private void endProbeBatch() {
    boolean emitMatched = kind == JoinKind.SEMI;
    boolean emitUnmatched = kind == JoinKind.ANTI || probeOuter;
    if (emitMatched || emitUnmatched) {
      int[] rows = new int[probeRows];
      int count = 0;
      for (int row = 0; row < probeRows; row++) {
        if (probeMatched[row] == emitMatched) {
          rows[count++] = row;
        }
      }
      if (count > 0) {
        if (kind == JoinKind.SEMI || kind == JoinKind.ANTI) {
          ready.add(gatherProbeOnly(rows, count));
        } else {
          int[] none = new int[count];
          Arrays.fill(none, -1);
          ready.add(gatherOutput(rows, none, count));
        }
      }
    }
    probeBatch = null;
  }

  private void finish() {
    finished = true;
    if (!buildOuter) {
      return;
    }
    int rows = build.rowCount();
    int count = 0;
    int[] buildRows = new int[rows];
    for (int row = 0; row < rows; row++) {
      if (!buildMatched[row]) {
        buildRows[count++] = row;
      }
    }
    if (count > 0) {
      int[] none = new int[count];
      Arrays.fill(none, -1);
      ready.add(gatherOutputFromBuildOnly(buildRows, none, count));
    }
  }

  private VectorSchemaRoot gatherOutput(int[] probeIndexes, int[] buildIndexes, int count) {
    return gatherOutputFromBuildOnly(buildIndexes, probeIndexes, count);
  }

  /** Output columns in left-then-right order from probe and build rows (-1 gives NULLs). */
  private VectorSchemaRoot gatherOutputFromBuildOnly(int[] buildIndexes, int[] probeIndexes,
      int count) {
    List<Field> fields = schema.getFields();
    List<FieldVector> vectors = new ArrayList<>(fields.size());
    int leftCount = left.schema().getFields().size();
    try {
      for (int c = 0; c < fields.size(); c++) {
        boolean fromLeft = c < leftCount;
        int column = fromLeft ? c : c - leftCount;
        boolean fromBuild = fromLeft == buildLeft;
        FieldVector target = fields.get(c).createVector(allocator());
        vectors.add(target);
        if (fromBuild) {
          VectorGather.gather(buildRoot.getVector(column), buildIndexes, count, target);
        } else if (probeBatch != null) {
          VectorGather.gather(probeBatch.getVector(column), probeIndexes, count, target);
        } else {
          VectorGather.gather(emptyProbeVector(column), probeIndexes, count, target);
        }
      }
    } catch (RuntimeException e) {
      vectors.forEach(FieldVector::close);
      throw e;
    }
    return new VectorSchemaRoot(fields, vectors, count);
  }

  private FieldVector emptyProbe;

  private FieldVector emptyProbeVector(int column) {
    if (emptyProbe != null) {
      emptyProbe.close();
    }
    emptyProbe = probeInput().schema().getFields().get(column).createVector(allocator());
    emptyProbe.allocateNew();
    emptyProbe.setValueCount(0);
    return emptyProbe;
  }

  private VectorSchemaRoot gatherProbeOnly(int[] rows, int count) {
    List<Field> fields = schema.getFields();
    List<FieldVector> vectors = new ArrayList<>(fields.size());
    for (int c = 0; c < fields.size(); c++) {
      FieldVector target = fields.get(c).createVector(allocator());
      vectors.add(target);
      VectorGather.gather(probeBatch.getVector(c), rows, count, target);
    }
    return new VectorSchemaRoot(fields, vectors, count);
  }

  /** Left columns then right columns of the candidate pairs, for the residual condition. */
  private VectorSchemaRoot gatherJoined(int[] probeIndexes, int[] buildIndexes, int count) {
    List<Field> fields = new ArrayList<>(left.schema().getFields());
    fields.addAll(right.schema().getFields());
    List<FieldVector> vectors = new ArrayList<>(fields.size());
    int leftCount = left.schema().getFields().size();
    for (int c = 0; c < fields.size(); c++) {
      boolean fromLeft = c < leftCount;
      int column = fromLeft ? c : c - leftCount;
      boolean fromBuild = fromLeft == buildLeft;
      FieldVector target = fields.get(c).createVector(allocator());
      vectors.add(target);
      VectorGather.gather(fromBuild ? buildRoot.getVector(column) : probeBatch.getVector(column),
          fromBuild ? buildIndexes : probeIndexes, count, target);
    }
    return new VectorSchemaRoot(fields, vectors, count);
  }

  @Override
  protected void release() {
    for (VectorSchemaRoot batch : ready) {
      batch.close();
    }
    ready.clear();
    if (residualKernel != null) {
      residualKernel.close();
    }
    if (emptyProbe != null) {
      emptyProbe.close();
    }
    if (build != null) {
      build.close();
    }
  }

  private double leftEstimate = -1;
  private double rightEstimate = -1;

  /** The planner's row estimates of the inputs, shown by EXPLAIN. */
  public void setEstimates(double left, double right) {
    this.leftEstimate = left;
    this.rightEstimate = right;
  }

  @Override
  public String describe() {
    return (keyless ? "NestedLoopJoin" : "HashJoin") + "[" + kind
        + (keyless ? ", keyless" : "") + ", build=" + (buildLeft ? "left" : "right")
        + (residual != null ? ", residual=" + residual : "")
        + (leftEstimate >= 0 ? String.format(java.util.Locale.ROOT,
            ", estimated rows left=%.0f right=%.0f", leftEstimate, rightEstimate) : "") + "]";
  }
}
