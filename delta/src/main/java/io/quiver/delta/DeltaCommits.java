package io.quiver.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.quiver.delta.kernel.KernelInternals;
import io.quiver.delta.kernel.LocalPaths;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commits still in a table's {@code _delta_log} (every {@code NNNNNNNNNNNNNNNNNNNN.json}
 * up to the latest snapshot's version) with their {@code commitInfo}, read through Kernel's JSON
 * handler, and each commit's timestamp as Kernel's time travel sees it: the in-commit timestamp
 * ({@code commitInfo.inCommitTimestamp}) for versions from the one that enabled in-commit
 * timestamps on (table property {@code delta.enableInCommitTimestamps}, enablement version
 * {@code delta.inCommitTimestampEnablementVersion}, 0 when absent), else the commit file's
 * modification time, made strictly increasing the way Kernel's history manager does it (a time
 * not after the previous commit's becomes that time + 1 ms).
 */
final class DeltaCommits {
  /** Kernel's name of the property that turns in-commit timestamps on. */
  static final String ICT_ENABLED = "delta.enableInCommitTimestamps";
  /** The version from which commits carry in-commit timestamps. */
  static final String ICT_ENABLEMENT_VERSION = "delta.inCommitTimestampEnablementVersion";

  private static final Pattern COMMIT_FILE = Pattern.compile("(\\d{20})\\.json");
  /** The part of a commit file that is read: its commitInfo action. */
  private static final StructType COMMIT_INFO = new StructType()
      .add("commitInfo", new StructType()
          .add("timestamp", LongType.LONG)
          .add("inCommitTimestamp", LongType.LONG)
          .add("operation", StringType.STRING)
          .add("operationParameters", new MapType(StringType.STRING, StringType.STRING, true))
          .add("isBlindAppend", BooleanType.BOOLEAN));

  /**
   * One commit.
   *
   * @param version the commit version
   * @param timestampMillis the commit time Kernel's time travel uses (ms since the epoch)
   * @param operation {@code commitInfo.operation}, or null
   * @param operationParameters {@code commitInfo.operationParameters} (values as text), or null
   * @param isBlindAppend {@code commitInfo.isBlindAppend}, or null
   */
  record Commit(long version, long timestampMillis, String operation,
      Map<String, String> operationParameters, Boolean isBlindAppend) {}

  /** What a commit file's commitInfo action holds (null fields: absent). */
  private record CommitInfo(Long inCommitTimestamp, String operation,
      Map<String, String> operationParameters, Boolean isBlindAppend) {}

  private DeltaCommits() {}

  /**
   * The commits of the table at {@code table} up to {@code latest}'s version, oldest first.
   * A commit file that does not parse is a DATA error naming the file.
   */
  static List<Commit> read(DeltaTable table, Snapshot latest, Engine engine) {
    List<FileStatus> files = commitFiles(table, latest.getVersion(), engine);
    Map<String, String> properties = latest.getTableProperties();
    boolean ict = "true".equalsIgnoreCase(properties.get(ICT_ENABLED));
    long ictFrom = ict ? parseVersion(properties.get(ICT_ENABLEMENT_VERSION)) : Long.MAX_VALUE;
    List<Commit> commits = new ArrayList<>(files.size());
    long previous = Long.MIN_VALUE;
    for (FileStatus file : files) {
      long version = version(file);
      CommitInfo info;
      try {
        info = commitInfo(file, engine);
      } catch (RuntimeException e) {
        throw DeltaErrors.translate(e).withContext("commit file " + file.getPath());
      }
      long timestamp = file.getModificationTime();
      Long inCommit = version >= ictFrom && info != null ? info.inCommitTimestamp() : null;
      if (inCommit != null) {
        timestamp = inCommit;
      } else if (timestamp <= previous) {
        timestamp = previous + 1;
      }
      previous = timestamp;
      commits.add(info == null ? new Commit(version, timestamp, null, null, null)
          : new Commit(version, timestamp, info.operation(), info.operationParameters(),
              info.isBlindAppend()));
    }
    return commits;
  }

  /** The commit files of versions 0 to {@code latestVersion}, in version order. */
  private static List<FileStatus> commitFiles(DeltaTable table, long latestVersion,
      Engine engine) {
    String first = LocalPaths.toKernelPath(table.root().resolve("_delta_log")
        .resolve(String.format("%020d.json", 0)));
    List<FileStatus> files = new ArrayList<>();
    try (CloseableIterator<FileStatus> listing = engine.getFileSystemClient().listFrom(first)) {
      while (listing.hasNext()) {
        FileStatus file = listing.next();
        Matcher matcher = COMMIT_FILE.matcher(LocalPaths.toPath(file.getPath()).getFileName()
            .toString());
        if (matcher.matches() && Long.parseLong(matcher.group(1)) <= latestVersion) {
          files.add(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort((a, b) -> Long.compare(version(a), version(b)));
    return files;
  }

  private static long version(FileStatus file) {
    String name = LocalPaths.toPath(file.getPath()).getFileName().toString();
    return Long.parseLong(name.substring(0, 20));
  }

  /** The commitInfo action of one commit file, or null when the commit has none. */
  private static CommitInfo commitInfo(FileStatus file, Engine engine) {
    try (CloseableIterator<ColumnarBatch> batches = engine.getJsonHandler()
        .readJsonFiles(KernelInternals.singleton(file), COMMIT_INFO, Optional.empty())) {
      while (batches.hasNext()) {
        ColumnarBatch batch = batches.next();
        ColumnVector info = batch.getColumnVector(0);
        for (int row = 0; row < batch.getSize(); row++) {
          if (!info.isNullAt(row)) {
            return commitInfo(info, row);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return null;
  }

  private static CommitInfo commitInfo(ColumnVector info, int row) {
    ColumnVector inCommit = info.getChild(1);
    ColumnVector operation = info.getChild(2);
    ColumnVector parameters = info.getChild(3);
    ColumnVector blindAppend = info.getChild(4);
    return new CommitInfo(inCommit.isNullAt(row) ? null : inCommit.getLong(row),
        operation.isNullAt(row) ? null : operation.getString(row),
        parameters.isNullAt(row) ? null : toMap(parameters.getMap(row)),
        blindAppend.isNullAt(row) ? null : blindAppend.getBoolean(row));
  }

  private static Map<String, String> toMap(MapValue map) {
    Map<String, String> result = new LinkedHashMap<>();
    ColumnVector keys = map.getKeys();
    ColumnVector values = map.getValues();
    for (int i = 0; i < map.getSize(); i++) {
      result.put(keys.getString(i), values.isNullAt(i) ? null : values.getString(i));
    }
    return result;
  }

  private static long parseVersion(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new QuiverException(ErrorKind.DATA, "table property "
          + ICT_ENABLEMENT_VERSION + " is not a version: '" + text + "'", e);
    }
  }
}
