package io.quiver.engine.session;

import io.quiver.engine.QuiverSession;
import io.quiver.engine.catalog.TableProviderFactory;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.TableScan;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.TableSources;
import io.quiver.udf.function.TimeTravel;
import io.quiver.udf.function.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A table format with a history, for the engine's time-travel tests (format
 * {@code versioned_test}, found through META-INF/services like quiver-delta's): the table at
 * location {@code L} has versions 0 to {@link #LATEST}{@code .get(L)}; version {@code v} holds
 * the rows {@code (id, v)} for id 0..v and was committed at {@code 2024-01-0<v+1> 00:00:00Z}.
 * {@link #OPEN} counts the sources not yet closed.
 */
public final class VersionedTestProvider implements TableProviderFactory {
  public static final String FORMAT = "versioned_test";
  public static final Map<String, Long> LATEST = new ConcurrentHashMap<>();
  public static final AtomicInteger OPEN = new AtomicInteger();
  private static final Instant FIRST_COMMIT = Instant.parse("2024-01-01T00:00:00Z");
  private static final long DAY_MILLIS = 86_400_000L;

  @Override
  public String format() {
    return FORMAT;
  }

  @Override
  public TableSource open(QuiverSession session, String location, String optionsJson) {
    Long latest = LATEST.get(location);
    if (latest == null) {
      throw new QuiverException(ErrorKind.IO, "no versioned test table at " + location);
    }
    return new Source(location, latest);
  }

  /** The commit time of {@code version}. */
  public static Instant commitTime(long version) {
    return FIRST_COMMIT.plusMillis(version * DAY_MILLIS);
  }

  private static final class Source implements TableSource {
    private final String location;
    private final long version;
    private final TableSource rows;
    private boolean closed;

    Source(String location, long version) {
      this.location = location;
      this.version = version;
      List<List<Object>> values = new ArrayList<>();
      for (long id = 0; id <= version; id++) {
        values.add(List.of(id, version));
      }
      this.rows = TableSources.ofRows(new Schema(List.of(Field.notNullable("id", Types.BIGINT),
          Field.notNullable("v", Types.BIGINT))), values);
      OPEN.incrementAndGet();
    }

    @Override
    public Schema schema() {
      return rows.schema();
    }

    @Override
    public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
      return rows.scan(projection, allocator, batchSize);
    }

    @Override
    public TableSource asOf(TimeTravel at) {
      long latest = LATEST.get(location);
      long target;
      if (at.isVersion()) {
        target = at.version();
      } else {
        long millis = at.timestamp().toEpochMilli() - FIRST_COMMIT.toEpochMilli();
        if (millis < 0) {
          throw new QuiverException(ErrorKind.DATA, "timestamp " + at.timestamp()
              + " is before the first commit " + FIRST_COMMIT);
        }
        target = Math.min(millis / DAY_MILLIS, latest);
      }
      if (target > latest) {
        throw new QuiverException(ErrorKind.DATA, "version " + target + " is not in the"
            + " table's history: available versions are 0 to " + latest);
      }
      return new Source(location, target);
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        OPEN.decrementAndGet();
      }
    }
  }
}
