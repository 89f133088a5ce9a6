package io.quiver.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.engine.capability.Capabilities;
import io.quiver.engine.capability.NativeStatus;
import io.quiver.engine.catalog.Catalog;
import io.quiver.engine.catalog.InMemoryTable;
import io.quiver.engine.catalog.ProvidedTable;
import io.quiver.engine.catalog.TableProviderFactory;
import io.quiver.engine.catalog.TableProviders;
import io.quiver.engine.function.FunctionRegistry;
import io.quiver.engine.function.builtin.BuiltinFunctions;
import io.quiver.engine.function.builtin.CapabilitiesTableFunction;
import io.quiver.engine.function.builtin.FunctionsTableFunction;
import io.quiver.engine.plan.ScriptSplitter;
import io.quiver.engine.plan.StatementRunner;
import io.quiver.engine.plugin.PluginHost;
import io.quiver.engine.plugin.PluginLoadReport;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.FunctionDefinition;
import java.io.IOException;
import java.nio.Buffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quiver session: a catalog of tables and views, a memory budget and the entry point for SQL.
 *
 * <pre>{@code
 * try (QuiverSession session = QuiverSession.builder().memoryLimit(1L << 30).build();
 *      QueryResult result = session.sql("SELECT 1 + 1 AS two")) {
 *   System.out.println(result.toTable());
 * }
 * }</pre>
 *
 * <p>A session is not thread-safe: use it from one thread at a time. Close every
 * {@link QueryResult} before closing the session.
 */
public final class QuiverSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QuiverSession.class);

  static {
    // Calcite reads these once, when its classes load: string literals are UTF-8 (its
    // default ISO-8859-1 rejects 'é' or '日本'). An embedding application's own setting wins.
    setIfAbsent("calcite.default.charset", "UTF-8");
    setIfAbsent("calcite.default.nationalcharset", "UTF-8");
    setIfAbsent("calcite.default.collation.name", "UTF-8$en_US");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** The JVM flag Arrow needs; named in the error when it is missing. */
  public static final String REQUIRED_JVM_FLAG = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  private final BufferAllocator rootAllocator;
  private final BufferAllocator tableAllocator;
  private final Catalog catalog;
  private final int batchSize;
  private final Map<String, String> options;
  private final StatementRunner runner;
  private final FunctionRegistry functions;
  private final PluginHost plugins;
  private boolean closed;

  private QuiverSession(Builder builder) {
    checkJvmFlags();
    this.rootAllocator = new RootAllocator(builder.memoryLimit);
    this.tableAllocator = rootAllocator.newChildAllocator("tables", 0, Long.MAX_VALUE);
    this.batchSize = builder.batchSize;
    this.options = Map.copyOf(builder.options);
    this.catalog = new Catalog();
    List<FunctionDefinition> builtins = new ArrayList<>(BuiltinFunctions.all());
    builtins.add(new FunctionsTableFunction(() -> functions().snapshot()));
    builtins.add(new CapabilitiesTableFunction(this::capabilities));
    this.functions = new FunctionRegistry(builtins);
    this.plugins = new PluginHost(functions, catalog);
    this.runner = new StatementRunner(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A session with the default settings. */
  public static QuiverSession open() {
    return builder().build();
  }

  private static void checkJvmFlags() {
    Module quiver = QuiverSession.class.getModule();
    if (!Buffer.class.getModule().isOpen("java.nio", quiver)) {
      throw new QuiverException(ErrorKind.UNSUPPORTED,
          "Apache Arrow needs the JVM flag " + REQUIRED_JVM_FLAG
              + ": start java with it (bin/quiver and the Maven build set it)");
    }
  }

  /** Runs exactly one statement and returns its result, which the caller must close. */
  public QueryResult sql(String statement) {
    checkOpen();
    Objects.requireNonNull(statement, "statement is null");
    List<ScriptSplitter.Piece> pieces = ScriptSplitter.splitWithLines(statement);
    if (pieces.isEmpty()) {
      throw new QuiverException(ErrorKind.PARSE, "empty statement: nothing to run");
    }
    if (pieces.size() > 1) {
      throw new QuiverException(ErrorKind.PARSE,
          "sql() runs one statement but got " + pieces.size()
              + "; use execute(script, consumer) for scripts");
    }
    return runner.run(pieces.get(0).text(), pieces.get(0).firstLine());
  }

  /**
   * Runs a script of statements separated by {@code ;}, handing each result to {@code sink}
   * (which must close it) before the next statement runs. Stops at the first error.
   */
  public void execute(String script, Consumer<QueryResult> sink) {
    checkOpen();
    for (ScriptSplitter.Piece piece : ScriptSplitter.splitWithLines(script)) {
      QueryResult result = runner.run(piece.text(), piece.firstLine());
      try {
        sink.accept(result);
      } finally {
        result.close();
      }
    }
  }

  /** Splits a script into statements (semicolons inside literals and comments are kept). */
  public static List<String> splitStatements(String script) {
    return ScriptSplitter.split(script);
  }

  /**
   * Registers (or replaces) an in-memory table. Batches allocated under {@link #allocator()}
   * are shared without copying; batches from any other allocator are copied into session
   * memory. The caller keeps ownership of {@code batches} and may close them afterwards.
   */
  public void registerTable(String name, List<VectorSchemaRoot> batches) {
    checkOpen();
    if (batches.isEmpty()) {
      throw new QuiverException(ErrorKind.PLAN,
          "table '" + name + "' needs at least one batch to know its schema;"
              + " pass an empty batch for an empty table");
    }
    catalog.putTable(name, InMemoryTable.copyOf(name, batches.get(0).getSchema(), batches,
        tableAllocator), true);
  }

  /**
   * Registers (or replaces) an in-memory table with every batch of {@code reader}, copied into
   * session memory. The reader is read to its end; the caller closes it.
   */
  public void registerTable(String name, ArrowReader reader) {
    checkOpen();
    try {
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      List<VectorSchemaRoot> copies = new ArrayList<>();
      InMemoryTable table = InMemoryTable.empty(name, root.getSchema(), tableAllocator);
      try {
        while (reader.loadNextBatch()) {
          table.append(root);
        }
      } catch (RuntimeException e) {
        table.close();
        throw e;
      }
      copies.clear();
      catalog.putTable(name, table, true);
    } catch (IOException e) {
      throw QuiverException.wrap(ErrorKind.IO, "registering table " + name, e);
    }
  }

  /**
   * Registers (or replaces) a table backed by files: {@code format} is {@code parquet},
   * {@code csv}, {@code json} or {@code arrow}; {@code path} is anything {@code read_<format>}
   * accepts (a file, a directory, a glob or a JSON array of paths); {@code optionsJson} may be
   * null. The files are read at each query, never copied; the session's file-access policy
   * applies. It is the view {@code CREATE OR REPLACE VIEW name AS SELECT * FROM
   * read_<format>(path, options)}, checked now (a missing file fails here, as IO).
   *
   * <p>Any other format is looked up among the table providers on the class path
   * ({@link TableProviderFactory}, for example {@code delta} from quiver-delta) and registered
   * as {@link #registerDelta} does.
   */
  public void registerFileTable(String name, String format, String path, String optionsJson) {
    checkOpen();
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(path, "path is null");
    if (format == null || !format.matches("parquet|csv|json|arrow")) {
      TableProviderFactory provider = format == null ? null : TableProviders.find(format);
      if (provider != null) {
        registerProvided(name, provider, path, optionsJson);
        return;
      }
      List<String> providers = TableProviders.formats();
      throw new QuiverException(ErrorKind.PLAN, "unknown file format '" + format
          + "' for table '" + name + "': use parquet, csv, json or arrow"
          + (providers.isEmpty() ? "" : " or a provider format (" + String.join(", ", providers)
              + ")")
          + ("delta".equalsIgnoreCase(format) ? "; delta needs quiver-delta on the class path"
              : ""));
    }
    String call = "read_" + format + "(" + sqlString(path)
        + (optionsJson == null ? "" : ", " + sqlString(optionsJson)) + ")";
    sql("CREATE OR REPLACE VIEW \"" + name.replace("\"", "\"\"") + "\" AS SELECT * FROM "
        + call).close();
  }

  /**
   * Registers (or replaces) a Delta Lake table: {@code uri} is a local path or {@code file:}
   * URI of the table's folder, {@code optionsJson} (may be null) the options of
   * {@code delta_scan}. Each query reads the latest snapshot as it is when the query is planned
   * (a commit made after registering is seen by the next query), and SQL time travel reads
   * others: {@code SELECT * FROM name VERSION AS OF 3}, {@code ... TIMESTAMP AS OF TIMESTAMP
   * '2024-01-01 00:00:00'}. The table is opened once now, so a bad location fails here.
   *
   * @throws QuiverException UNSUPPORTED when quiver-delta is not on the class path; the errors
   *     of {@code delta_scan} (IO, DATA, UNSUPPORTED) for a table that cannot be read
   */
  public void registerDelta(String name, String uri, String optionsJson) {
    checkOpen();
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(uri, "uri is null");
    TableProviderFactory provider = TableProviders.find("delta");
    if (provider == null) {
      throw new QuiverException(ErrorKind.UNSUPPORTED, "registerDelta needs quiver-delta on"
          + " the class path: add the dependency io.quiver:quiver-delta (bin/quiver includes"
          + " it)").withContext("registering Delta table '" + name + "'");
    }
    registerProvided(name, provider, uri, optionsJson);
  }

  private void registerProvided(String name, TableProviderFactory provider, String location,
      String optionsJson) {
    ProvidedTable table;
    try {
      table = ProvidedTable.checked(name, provider, this, location, optionsJson);
    } catch (QuiverException e) {
      throw e.withContext("registering " + provider.format() + " table '" + name + "'");
    }
    catalog.putTable(name, table, true);
  }

  private static String sqlString(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** Names of the tables and views in the catalog, sorted. */
  public List<String> tableNames() {
    return catalog.names();
  }

  /**
   * The session's function registry: register, replace and deregister functions here; changes
   * take effect from the next statement.
   */
  public FunctionRegistry functions() {
    return functions;
  }

  /**
   * Loads a plugin jar into this session (see engine/README.md, "Plugins"): its functions join
   * the registry (after the session's own, before the built-ins) and its tables the catalog,
   * from the next statement on. A plugin with the name of one already loaded replaces it.
   *
   * <p>Returns the load report and never throws for a fault of the plugin (a broken jar, an
   * incompatible ABI, code that throws while loading): the report says what failed, and every
   * export that loaded is usable.
   *
   * @param jar the plugin jar
   * @param optionsJson a JSON object handed to the plugin, or null for {@code {}}
   * @throws QuiverException IO when {@code jar} does not exist or cannot be read, ACCESS when it
   *     is not a regular file, DATA when {@code optionsJson} is not a JSON object (the message
   *     gives the line and column)
   */
  public PluginLoadReport loadPlugin(Path jar, String optionsJson) {
    checkOpen();
    return plugins.load(jar, optionsJson);
  }

  /** The report of every plugin loaded (or tried) in this session, in load order. */
  public List<PluginLoadReport> plugins() {
    return plugins.plugins();
  }

  /** The session's plugin host; {@link #loadPlugin} and {@link #plugins} are the usual way in. */
  public PluginHost pluginHost() {
    return plugins;
  }

  /**
   * What this build and session can do, as one JSON object with stable keys (see
   * {@link Capabilities}): versions, plugin ABI, function counts, plugins, native acceleration.
   * Cheap: counted from the current function snapshot.
   */
  public ObjectNode capabilities() {
    List<io.quiver.engine.capability.PluginStatus> loaded = new ArrayList<>();
    for (PluginLoadReport report : plugins.plugins()) {
      loaded.add(new io.quiver.engine.capability.PluginStatus(report.name(), report.version(),
          report.abi(), report.status().name(), report.error()));
    }
    return Capabilities.snapshot(functions.snapshot(), loaded, NativeStatus.JAVA_ONLY);
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The session's root allocator; it is empty when no result or table holds memory. */
  public BufferAllocator allocator() {
    return rootAllocator;
  }

  /** The allocator that in-memory tables live in (a child of {@link #allocator()}). */
  public BufferAllocator tableAllocator() {
    return tableAllocator;
  }

  public int batchSize() {
    return batchSize;
  }

  public Map<String, String> options() {
    return options;
  }

  private void checkOpen() {
    if (closed) {
      throw new QuiverException(ErrorKind.EXECUTION, "the session is closed");
    }
  }

  /** Unloads the plugins, drops every table and releases the session's memory. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    plugins.close();
    catalog.close();
    long leaked = tableAllocator.getAllocatedMemory();
    tableAllocator.close();
    if (rootAllocator.getAllocatedMemory() != 0) {
      LOG.warn("closing session with {} bytes still held by unclosed results",
          rootAllocator.getAllocatedMemory() - leaked);
    }
    rootAllocator.close();
  }

  /** Settings of a new session. */
  public static final class Builder {
    private long memoryLimit = Runtime.getRuntime().maxMemory() * 2;
    private int batchSize = 8192;
    private final Map<String, String> options = new LinkedHashMap<>();

    private Builder() {}

    /** Maximum bytes of Arrow memory the session may hold (tables and running queries). */
    public Builder memoryLimit(long bytes) {
      if (bytes <= 0) {
        throw new QuiverException(ErrorKind.PLAN, "memory limit must be positive: " + bytes);
      }
      this.memoryLimit = bytes;
      return this;
    }

    /** Rows per batch produced by scans and operators (default 8192). */
    public Builder batchSize(int rows) {
      if (rows <= 0 || rows > (1 << 20)) {
        throw new QuiverException(ErrorKind.PLAN,
            "batch size must be between 1 and 1048576 rows: " + rows);
      }
      this.batchSize = rows;
      return this;
    }

    /** A free-form session option (reserved for later settings). */
    public Builder option(String key, String value) {
      options.put(Objects.requireNonNull(key, "key is null"), value);
      return this;
    }

    public QuiverSession build() {
      return new QuiverSession(this);
    }
  }
}
