package io.quiver.engine.plugin;

import static io.quiver.engine.plugin.PluginSources.itemsTable;
import static io.quiver.engine.plugin.PluginSources.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.engine.SessionTestBase;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that loads fine but misbehaves when its code runs: each failure is a USER_FUNCTION
 * error naming the plugin and the function, and the next query works.
 */
class PluginCallFailureTest extends SessionTestBase {
  @TempDir
  Path directory;

  /** Scalar functions over BIGINT that break the contract in one way each. */
  private static final String MEMBERS = """
        private static ScalarFunction function(String name,
            java.util.function.Function<ScalarArguments, FieldVector> body) {
          Signature signature = Signature.of(Types.BIGINT, Types.BIGINT);
          return new ScalarFunction() {
            @Override
            public String name() {
              return name;
            }

            @Override
            public Signature signature() {
              return signature;
            }

            @Override
            public FieldVector evaluate(ScalarArguments arguments) {
              return body.apply(arguments);
            }
          };
        }

        @Override
        public FunctionBundle functions(PluginContext context) {
          return FunctionBundle.of(
              function("bad_throws", arguments -> {
                throw new IllegalStateException("call boom");
              }),
              function("bad_null", arguments -> null),
              function("bad_length", arguments -> {
                BigIntVector result = (BigIntVector) arguments.newResult();
                result.allocateNew(1);
                result.set(0, 1);
                result.setValueCount(1);
                return result;
              }),
              function("bad_type", arguments -> {
                VarCharVector result = new VarCharVector("wrong", arguments.allocator());
                result.allocateNew();
                for (int row = 0; row < arguments.rowCount(); row++) {
                  result.setSafe(row, "x".getBytes());
                }
                result.setValueCount(arguments.rowCount());
                return result;
              }),
              RowFunctions.ofLong("bad_helper", x -> x + Helper.offset()),
              RowFunctions.ofLong("good_one", x -> x + 1));
        }

        private static TableProvider provider(String name, TableSource source) {
          return new TableProvider() {
            @Override
            public String tableName() {
              return name;
            }

            @Override
            public TableSource open() {
              return source;
            }
          };
        }

        @Override
        public List<TableProvider> tableProviders(PluginContext context) {
          TableSource needsHelper = new ItemsTable() {
            @Override
            public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
              Helper.offset();
              return super.scan(projection, allocator, batchSize);
            }
          };
          TableSource throwing = new ItemsTable() {
            @Override
            public TableScan scan(int[] projection, BufferAllocator allocator, int batchSize) {
              throw new IllegalStateException("scan boom");
            }
          };
          return List.of(provider("calls_items", new ItemsTable()),
              provider("calls_helper_items", needsHelper),
              provider("calls_throwing_items", throwing));
        }
      """;

  @BeforeEach
  void loadPlugin() throws IOException {
    String helper = "package calls; public class Helper { public static long offset() {"
        + " return 1; } }";
    Path jar = PluginJarBuilder.in(directory).source("calls.Plugin",
            plugin("calls", "calls", MEMBERS))
        .source("calls.ItemsTable", itemsTable("calls"))
        .source("calls.Helper", helper).leaveOut("calls.Helper")
        .service("calls.Plugin").build("calls.jar");
    PluginLoadReport report = session.loadPlugin(jar, null);
    assertThat(report.status()).as(String.valueOf(report.error()))
        .isEqualTo(PluginStatus.LOADED);
  }

  @AfterEach
  void nextQueryWorks() {
    assertThat(rows("SELECT good_one(id) FROM calls_items ORDER BY 1"))
        .as("the next query works").containsExactly(List.of(2L), List.of(3L), List.of(4L));
  }

  private QuiverException callFailure(String function) {
    QuiverException error = failure("SELECT " + function + "(id) FROM calls_items");
    assertThat(error.kind()).as(error.getMessage()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage())
        .contains("scalar function '" + function + "' (plugin calls) failed");
    return error;
  }

  @Test
  void aThrowingFunctionIsAUserFunctionError() {
    assertThat(callFailure("bad_throws").getMessage())
        .contains("IllegalStateException: call boom");
  }

  @Test
  void aNullResultIsAUserFunctionError() {
    assertThat(callFailure("bad_null").getMessage()).contains("returned null");
  }

  @Test
  void aResultOfTheWrongLengthIsAUserFunctionError() {
    assertThat(callFailure("bad_length").getMessage()).contains("returned 1 values for 3 rows");
  }

  @Test
  void aResultOfTheWrongTypeIsAUserFunctionError() {
    assertThat(callFailure("bad_type").getMessage())
        .contains("type VARCHAR but the signature resolved to BIGINT");
  }

  @Test
  void aFailingTableScanIsAUserFunctionErrorNamingTheTable() {
    assertScanFailure("calls_throwing_items", "IllegalStateException: scan boom");
  }

  @Test
  void aClassMissingWhenATableIsScannedIsAUserFunctionError() {
    assertScanFailure("calls_helper_items", "NoClassDefFoundError");
  }

  private void assertScanFailure(String table, String cause) {
    QuiverException error = failure("SELECT COUNT(*) FROM " + table);
    assertThat(error.kind()).as(error.getMessage()).isEqualTo(ErrorKind.USER_FUNCTION);
    assertThat(error.getMessage()).contains("table '" + table + "' (plugin calls)")
        .contains(cause);
  }

  @Test
  void aClassMissingAtCallTimeIsAUserFunctionError() {
    assertThat(callFailure("bad_helper").getMessage()).contains("NoClassDefFoundError")
        .contains("calls/Helper");
  }
}
