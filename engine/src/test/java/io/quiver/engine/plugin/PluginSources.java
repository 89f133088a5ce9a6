package io.quiver.engine.plugin;

/**
 * Java source text of test plugins, compiled by {@link PluginJarBuilder}. Each test uses its own
 * package so that what one plugin records (in system properties, the one channel a plugin and
 * a test share without a shared class) never mixes with another's.
 */
final class PluginSources {
  private PluginSources() {}

  private static final String IMPORTS = """
      import io.quiver.udf.function.*;
      import io.quiver.udf.plugin.*;
      import java.util.*;
      import org.apache.arrow.memory.BufferAllocator;
      import org.apache.arrow.vector.*;
      import org.apache.arrow.vector.types.pojo.*;
      """;

  /**
   * The class {@code <pkg>.Plugin}: a QuiverPlugin named {@code name} built for ABI
   * {@code major.minor}, with {@code members} (for example its {@code functions} and
   * {@code tableProviders} methods) pasted into the class body.
   */
  static String plugin(String pkg, String name, String version, int major, int minor,
      String members) {
    return "package " + pkg + ";\n" + IMPORTS + """
        public class Plugin implements QuiverPlugin {
          @Override
          public PluginManifest manifest() {
            return new PluginManifest("%s", "%s", %d, %d, "test", "test",
                Set.of(FunctionKind.SCALAR));
          }
        %s
        }
        """.formatted(name, version, major, minor, members);
  }

  /** A plugin of the current ABI, version 1.0. */
  static String plugin(String pkg, String name, String members) {
    return plugin(pkg, name, "1.0", 1, 0, members);
  }

  /** A {@code functions} method returning {@code functions} (Java expressions, comma-separated). */
  static String functions(String functions) {
    return """
          @Override
          public FunctionBundle functions(PluginContext context) {
            return FunctionBundle.of(%s);
          }
        """.formatted(functions);
  }

  /**
   * A {@code tableProviders} method with one provider: table {@code tableName} opened as
   * {@code new <sourceClass>()}.
   */
  static String tableProvider(String tableName, String sourceClass) {
    return """
          @Override
          public List<TableProvider> tableProviders(PluginContext context) {
            return List.of(new TableProvider() {
              @Override
              public String tableName() {
                return "%s";
              }

              @Override
              public TableSource open() {
                return new %s();
              }
            });
          }
        """.formatted(tableName, sourceClass);
  }

  /**
   * The class {@code <pkg>.ItemsTable}: a TableSource of three rows (id BIGINT 1..3, label
   * VARCHAR 'a'..'c') in one batch. Closing it sets the system property
   * {@code quiver.test.closed.<pkg>} to {@code true}.
   */
  static String itemsTable(String pkg) {
    return "package " + pkg + ";\n" + IMPORTS + """
        public class ItemsTable implements TableSource {
          private static final Schema SCHEMA = new Schema(List.of(
              Field.nullable("id", Types.BIGINT), Field.nullable("label", Types.VARCHAR)));

          @Override
          public Schema schema() {
            return SCHEMA;
          }

          @Override
          public long estimatedRowCount() {
            return 3;
          }

          @Override
          public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
            return new TableScan() {
              private boolean done;

              @Override
              public VectorSchemaRoot next() {
                if (done) {
                  return null;
                }
                done = true;
                List<FieldVector> vectors = new ArrayList<>();
                for (int column : projection) {
                  FieldVector vector = SCHEMA.getFields().get(column).createVector(allocator);
                  vector.allocateNew();
                  for (int row = 0; row < 3; row++) {
                    if (column == 0) {
                      ((BigIntVector) vector).setSafe(row, row + 1);
                    } else {
                      ((VarCharVector) vector).setSafe(row,
                          String.valueOf((char) ('a' + row)).getBytes());
                    }
                  }
                  vector.setValueCount(3);
                  vectors.add(vector);
                }
                VectorSchemaRoot batch = new VectorSchemaRoot(vectors);
                batch.setRowCount(3);
                return batch;
              }

              @Override
              public void close() {}
            };
          }

          @Override
          public void close() {
            System.setProperty("quiver.test.closed.%s", "true");
          }
        }
        """.formatted(pkg);
  }
}
