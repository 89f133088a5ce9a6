package io.quiver.delta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Base64;
import java.util.List;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The versioned {@code scan_config} payload of {@code delta_scan}'s options, as parsed by
 * {@link DeltaScanConfigParser}. A key that was not given is null here and takes its default
 * through the accessors without the {@code given} suffix, so {@link #toJson()} writes back
 * exactly the keys that were given, in the order of {@link #KEYS}: parsing that text again gives
 * an equal config.
 *
 * @param scanConfigVersion the payload's version (only {@link #SUPPORTED_VERSIONS})
 * @param fileColumnName the name of an added VARCHAR column holding each row's data file path
 *     (as the log's add action writes it), or null for none
 * @param enableParquetPushdownGiven false: no data skipping by the query's predicates
 *     (default true)
 * @param wrapPartitionValuesGiven true: partition values (and the file column) are
 *     materialised once per data file and shared by its batches (default true)
 * @param schemaForceViewTypesGiven accepted for compatibility; no effect in Arrow Java
 *     (default false)
 * @param schemaIpc the read schema replacing the table's, or null
 */
public record DeltaScanConfig(int scanConfigVersion, String fileColumnName,
    Boolean enableParquetPushdownGiven, Boolean wrapPartitionValuesGiven,
    Boolean schemaForceViewTypesGiven, Schema schemaIpc) {

  /** The versions of the payload this build reads. */
  public static final List<Integer> SUPPORTED_VERSIONS = List.of(1);

  /** Every key of the payload, in the order {@link #toJson()} writes them. */
  public static final List<String> KEYS = List.of("scan_config_version", "file_column_name",
      "enable_parquet_pushdown", "wrap_partition_values", "schema_force_view_types",
      "schema_ipc");

  /** Version 1 with every default. */
  public static final DeltaScanConfig DEFAULT = new DeltaScanConfig(1, null, null, null, null,
      null);

  /** Whether the query's predicates skip files (default true). */
  public boolean enableParquetPushdown() {
    return enableParquetPushdownGiven == null || enableParquetPushdownGiven;
  }

  /** Whether per-file constant columns are built once per file and shared (default true). */
  public boolean wrapPartitionValues() {
    return wrapPartitionValuesGiven == null || wrapPartitionValuesGiven;
  }

  /** Accepted and kept; no effect (default false). */
  public boolean schemaForceViewTypes() {
    return schemaForceViewTypesGiven != null && schemaForceViewTypesGiven;
  }

  /**
   * The payload as canonical JSON text: the given keys in the order of {@link #KEYS}, no
   * spaces, {@code schema_ipc} as {@code "base64:..."} (padded standard base64 of the schema's
   * encapsulated IPC message).
   */
  public String toJson() {
    ObjectNode node = DeltaJson.MAPPER.createObjectNode();
    node.put("scan_config_version", scanConfigVersion);
    if (fileColumnName != null) {
      node.put("file_column_name", fileColumnName);
    }
    if (enableParquetPushdownGiven != null) {
      node.put("enable_parquet_pushdown", enableParquetPushdownGiven);
    }
    if (wrapPartitionValuesGiven != null) {
      node.put("wrap_partition_values", wrapPartitionValuesGiven);
    }
    if (schemaForceViewTypesGiven != null) {
      node.put("schema_force_view_types", schemaForceViewTypesGiven);
    }
    if (schemaIpc != null) {
      node.put("schema_ipc", "base64:" + Base64.getEncoder().encodeToString(ipc(schemaIpc)));
    }
    return node.toString();
  }

  /** The encapsulated IPC message of {@code schema}. */
  static byte[] ipc(Schema schema) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      MessageSerializer.serialize(new WriteChannel(Channels.newChannel(bytes)), schema);
    } catch (IOException e) {
      throw new QuiverException(ErrorKind.INTERNAL, "serialising a schema in memory failed"
          + " (a bug): " + e.getMessage(), e);
    }
    return bytes.toByteArray();
  }
}
