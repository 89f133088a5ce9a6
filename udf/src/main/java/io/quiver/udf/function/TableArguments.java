package io.quiver.udf.function;

import java.util.List;
import java.util.Map;

/**
 * The constant arguments of a table function call. Values are Java values as
 * {@link io.quiver.udf.convert.ArrowValues} maps them (String, Long, Double, BigDecimal,
 * Boolean, LocalDate, ...; NULL as null).
 */
public interface TableArguments {

  List<Object> values();

  /** The options JSON text passed after the signature's arguments, or null when absent. */
  String options();

  /**
   * The options of the session the call runs in ({@code QuiverSession.builder().option(...)}),
   * for functions whose behaviour a session setting governs (the file table functions read
   * their access policy here). Empty by default.
   */
  default Map<String, String> sessionOptions() {
    return Map.of();
  }
}
