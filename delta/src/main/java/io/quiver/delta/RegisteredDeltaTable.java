package io.quiver.delta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TimeTravel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where a registered Delta table is ({@code session.registerDelta(name, uri, options)}) and how
 * to open one of its snapshots: through {@code delta_scan}'s own loading
 * ({@link DeltaScanFunction#open}), so a registered table and {@code delta_scan(uri, options)}
 * read the same snapshot with the same options and errors. Time travel replaces the options'
 * {@code version} / {@code timestamp} with the clause's.
 *
 * @param uri the table's path or {@code file:} URI
 * @param optionsJson the {@code delta_scan} options given when registering, or null
 * @param allocator the allocator snapshot loading allocates under (the session's)
 * @param batchSize rows per batch when reading checkpoints
 * @param sessionOptions the session's options, handed to {@code delta_scan}
 */
record RegisteredDeltaTable(String uri, String optionsJson, Supplier<BufferAllocator> allocator,
    int batchSize, Map<String, String> sessionOptions) {
  private static final ObjectMapper JSON = new ObjectMapper();

  RegisteredDeltaTable {
    Objects.requireNonNull(uri, "uri is null");
    Objects.requireNonNull(allocator, "allocator is null");
    sessionOptions = Map.copyOf(sessionOptions);
  }

  /** The latest snapshot ({@code at} null) or the one {@code at} selects. */
  DeltaTableSource open(TimeTravel at) {
    String options = at == null ? optionsJson : travelled(at);
    Arguments arguments = new Arguments(Collections.singletonList(uri), options, sessionOptions);
    return ((DeltaTableSource) new DeltaScanFunction(allocator, batchSize).open(arguments))
        .registeredAs(this);
  }

  /**
   * The registered options with the clause's version or timestamp in place of theirs. Options
   * that are not a JSON object are passed on unchanged, for {@code delta_scan} to refuse.
   */
  private String travelled(TimeTravel at) {
    ObjectNode options;
    try {
      JsonNode given = optionsJson == null || optionsJson.isBlank() ? JSON.createObjectNode()
          : JSON.readTree(optionsJson);
      if (!(given instanceof ObjectNode object)) {
        return optionsJson;
      }
      options = object;
    } catch (JsonProcessingException e) {
      return optionsJson;
    }
    options.remove("version");
    options.remove("timestamp");
    if (at.isVersion()) {
      options.put("version", at.version());
    } else {
      options.put("timestamp", at.timestamp().toString());
    }
    return options.toString();
  }

  /** The arguments of one {@code delta_scan} call. */
  private record Arguments(List<Object> values, String options,
      Map<String, String> sessionOptions) implements TableArguments {
    Arguments {
      values = Collections.unmodifiableList(new ArrayList<>(values));
    }
  }
}
