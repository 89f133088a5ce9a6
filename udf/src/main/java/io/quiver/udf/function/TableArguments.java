package io.quiver.udf.function;

import java.util.List;

/**
 * The constant arguments of a table function call. Values are Java values as
 * {@link io.quiver.udf.convert.ArrowValues} maps them (String, Long, Double, BigDecimal,
 * Boolean, LocalDate, ...; NULL as null).
 */
public interface TableArguments {

  List<Object> values();

  /** The options JSON text passed after the signature's arguments, or null when absent. */
  String options();
}
