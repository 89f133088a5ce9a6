package io.quiver.engine.function.builtin;

import io.quiver.engine.function.builtin.aggregate.BuiltinAggregates;
import io.quiver.engine.source.arrow.ArrowIpcFormat;
import io.quiver.engine.source.csv.CsvFormat;
import io.quiver.engine.source.file.FileTableFunction;
import io.quiver.engine.source.json.NdjsonFormat;
import io.quiver.engine.source.parquet.ParquetFormat;
import io.quiver.udf.function.FunctionDefinition;
import java.util.ArrayList;
import java.util.List;

/** The built-in functions written on the public function API, registered in every session. */
public final class BuiltinFunctions {
  private BuiltinFunctions() {}

  public static List<FunctionDefinition> all() {
    List<FunctionDefinition> functions = new ArrayList<>();
    functions.addAll(BuiltinScalarFunctions.all());
    functions.addAll(ApiScalarFunctions.all());
    functions.add(new FileTableFunction(new ArrowIpcFormat()));
    functions.add(new FileTableFunction(new ParquetFormat()));
    functions.add(new FileTableFunction(new CsvFormat()));
    functions.add(new FileTableFunction(new NdjsonFormat()));
    functions.addAll(BuiltinAggregates.all());
    return functions;
  }
}
