package io.quiver.engine.function.builtin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.engine.capability.Capabilities;
import io.quiver.udf.function.ReturnType;
import io.quiver.udf.function.Signature;
import io.quiver.udf.function.TableArguments;
import io.quiver.udf.function.TableFunction;
import io.quiver.udf.function.TableSource;
import io.quiver.udf.function.TableSources;
import io.quiver.udf.function.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * {@code quiver_capabilities()}: the session's capabilities snapshot as (key, value_text) rows (VALUE is reserved in SQL), keys
 * being JSON paths such as {@code plugin_abi.major} or {@code plugins[0].status}.
 */
public final class CapabilitiesTableFunction extends BuiltinDefinition implements TableFunction {
  private static final Schema SCHEMA = new Schema(List.of(
      new Field("key", FieldType.notNullable(Types.VARCHAR), null),
      new Field("value_text", FieldType.nullable(Types.VARCHAR), null)));

  private final Supplier<ObjectNode> capabilities;

  public CapabilitiesTableFunction(Supplier<ObjectNode> capabilities) {
    super("quiver_capabilities", Signature.of(ReturnType.TABLE),
        "what this build and session can do, as key/value rows");
    this.capabilities = capabilities;
  }

  @Override
  public TableSource open(TableArguments arguments) {
    List<List<Object>> rows = new ArrayList<>();
    Capabilities.flatten(capabilities.get(), "", rows);
    return TableSources.ofRows(SCHEMA, rows);
  }
}
