package io.quiver.engine.tpch;

import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The Arrow and SQL types of the eight TPC-H tables, as Quiver's TPC-H tests and benchmarks use
 * them.
 *
 * <p>Type decisions (TPC-H specification, clause 1.4, with one choice of ours):
 * <ul>
 *   <li>identifiers: {@code o_orderkey} and {@code l_orderkey} are BIGINT (they exceed 2^31 from
 *       SF 300 on); every other key ({@code *_partkey, *_suppkey, *_custkey, *_nationkey,
 *       *_regionkey}) is INTEGER, which holds them up to SF 10,000;</li>
 *   <li>integers ({@code l_linenumber, p_size, ps_availqty, o_shippriority}) are INTEGER;</li>
 *   <li>decimals (money, quantities, discounts, taxes) are DECIMAL(15,2);</li>
 *   <li>dates are DATE (Arrow DATEDAY);</li>
 *   <li>fixed and variable text are VARCHAR (Arrow Utf8), without padding;</li>
 *   <li>every column is NOT NULL.</li>
 * </ul>
 */
public final class TpchSchema {
  /** Precision of every TPC-H decimal column. */
  public static final int DECIMAL_PRECISION = 15;
  /** Scale of every TPC-H decimal column. */
  public static final int DECIMAL_SCALE = 2;

  private static final Set<String> BIGINT_KEYS = Set.of("o_orderkey", "l_orderkey");

  /** The SQL type of one TPC-H column, as Quiver and DuckDB see it. */
  public enum ColumnType {
    INTEGER("INTEGER", new ArrowType.Int(32, true)),
    BIGINT("BIGINT", new ArrowType.Int(64, true)),
    DECIMAL("DECIMAL(15,2)", new ArrowType.Decimal(DECIMAL_PRECISION, DECIMAL_SCALE, 128)),
    DATE("DATE", new ArrowType.Date(DateUnit.DAY)),
    VARCHAR("VARCHAR", ArrowType.Utf8.INSTANCE);

    private final String sqlName;
    private final ArrowType arrowType;

    ColumnType(String sqlName, ArrowType arrowType) {
      this.sqlName = sqlName;
      this.arrowType = arrowType;
    }

    /** The type as written in DuckDB (and standard SQL) DDL. */
    public String sqlName() {
      return sqlName;
    }

    public ArrowType arrowType() {
      return arrowType;
    }
  }

  private TpchSchema() {}

  /** The eight tables in the order of the specification's clause 1.4. */
  public static List<TpchTable<?>> tables() {
    return List.of(TpchTable.PART, TpchTable.SUPPLIER, TpchTable.PART_SUPPLIER,
        TpchTable.CUSTOMER, TpchTable.ORDERS, TpchTable.LINE_ITEM, TpchTable.NATION,
        TpchTable.REGION);
  }

  /** Table names in lower case, as the queries use them ({@code lineitem}, {@code partsupp}...). */
  public static List<String> tableNames() {
    List<String> names = new ArrayList<>();
    for (TpchTable<?> table : tables()) {
      names.add(table.getTableName());
    }
    return names;
  }

  /** The table called {@code name} (case-insensitive). */
  public static TpchTable<?> table(String name) {
    return TpchTable.getTable(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** Our SQL type of a generator column. */
  public static ColumnType columnType(TpchColumn<?> column) {
    switch (column.getType().getBase()) {
      case IDENTIFIER:
        return BIGINT_KEYS.contains(column.getColumnName()) ? ColumnType.BIGINT
            : ColumnType.INTEGER;
      case INTEGER:
        return ColumnType.INTEGER;
      case DOUBLE:
        return ColumnType.DECIMAL;
      case DATE:
        return ColumnType.DATE;
      case VARCHAR:
        return ColumnType.VARCHAR;
      default:
        throw new IllegalStateException("unknown TPC-H column type " + column.getType());
    }
  }

  /** The column types of {@code table}, in column order. */
  public static List<ColumnType> columnTypes(TpchTable<?> table) {
    List<ColumnType> types = new ArrayList<>();
    for (TpchColumn<?> column : table.getColumns()) {
      types.add(columnType(column));
    }
    return types;
  }

  /** The Arrow schema of {@code table}: every field NOT NULL. */
  public static Schema arrowSchema(TpchTable<?> table) {
    List<Field> fields = new ArrayList<>();
    for (TpchColumn<?> column : table.getColumns()) {
      fields.add(new Field(column.getColumnName(),
          FieldType.notNullable(columnType(column).arrowType()), null));
    }
    return new Schema(fields);
  }

  /** {@code CREATE TABLE} for {@code table} in DuckDB's dialect (plain standard SQL). */
  public static String createTableSql(TpchTable<?> table) {
    StringBuilder sql = new StringBuilder("CREATE TABLE ").append(table.getTableName())
        .append(" (");
    List<? extends TpchColumn<?>> columns = table.getColumns();
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(columns.get(i).getColumnName()).append(' ')
          .append(columnType(columns.get(i)).sqlName()).append(" NOT NULL");
    }
    return sql.append(')').toString();
  }
}
