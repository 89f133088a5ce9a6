package io.quiver.engine.plan;

import io.quiver.engine.catalog.Catalog;
import io.quiver.engine.catalog.QuiverTable;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import io.quiver.udf.function.TimeTravel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDateLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.sql.SqlTimestampLiteral;
import org.apache.calcite.sql.SqlUnknownLiteral;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Replaces every {@code t FOR SYSTEM_TIME AS OF <period>} of a parsed statement (each
 * {@link SqlSnapshot}; {@code VERSION AS OF} and {@code TIMESTAMP AS OF} arrive in that form,
 * see {@link TimeTravelSyntax}) by a reference to the table at that version, before Calcite
 * validates the statement. The table is opened with {@link QuiverTable#asOf} and added to the
 * statement's tables under the name {@code t VERSION AS OF 3}; the reference keeps {@code t}
 * (or the alias written after the clause) as its alias, so {@code t.id} still resolves.
 *
 * <p>Resolving here rather than in Calcite's validator keeps the engine free of Calcite's
 * temporal-table rules (a TIMESTAMP period on a table implementing {@code TemporalTable},
 * converted to a {@code LogicalSnapshot}): a version is not a timestamp, and the table at
 * another version is just another table with its own schema.
 */
final class TimeTravelResolver {
  private final Catalog catalog;
  private final StatementTables tables;
  private final TimeTravelSyntax syntax;
  private final int lineOffset;

  /** One time-travel clause and the node holding it. */
  private record Found(SqlCall parent, int operand, SqlSnapshot snapshot) {}

  TimeTravelResolver(Catalog catalog, StatementTables tables, TimeTravelSyntax syntax,
      int lineOffset) {
    this.catalog = catalog;
    this.tables = tables;
    this.syntax = syntax;
    this.lineOffset = lineOffset;
  }

  /** Replaces the clauses of {@code query} in place. */
  void resolve(SqlNode query) {
    List<Found> found = new ArrayList<>();
    collect(query, found);
    if (found.isEmpty()) {
      return;
    }
    if (found.size() != syntax.clauses().size()) {
      throw new QuiverException(ErrorKind.INTERNAL, "found " + syntax.clauses().size()
          + " time-travel clauses in the text but Calcite parsed " + found.size() + " (a bug)");
    }
    // The k-th snapshot in the text is the k-th clause found in the text.
    found.sort(Comparator.comparingInt((Found f) -> f.snapshot().getParserPosition().getLineNum())
        .thenComparingInt(f -> f.snapshot().getParserPosition().getColumnNum()));
    for (int i = 0; i < found.size(); i++) {
      replace(found.get(i), syntax.clauses().get(i));
    }
  }

  private static void collect(SqlNode node, List<Found> found) {
    if (node instanceof SqlNodeList list) {
      for (SqlNode element : list) {
        collect(element, found);
      }
    } else if (node instanceof SqlCall call) {
      List<SqlNode> operands = call.getOperandList();
      for (int i = 0; i < operands.size(); i++) {
        SqlNode operand = operands.get(i);
        if (operand instanceof SqlSnapshot snapshot) {
          found.add(new Found(call, i, snapshot));
        } else {
          collect(operand, found);
        }
      }
    }
  }

  private void replace(Found found, TimeTravelSyntax.Form form) {
    SqlSnapshot snapshot = found.snapshot();
    if (!(snapshot.getTableRef() instanceof SqlIdentifier identifier)) {
      throw error(ErrorKind.UNSUPPORTED, form.sql() + " works on a table name, not on "
          + snapshot.getTableRef().getKind(), snapshot.getTableRef().getParserPosition());
    }
    String name = identifier.names.get(identifier.names.size() - 1);
    TimeTravel at = travel(form, snapshot.getPeriod());
    String travelledName = name + " " + at.describe();
    if (tables.travelled(travelledName) == null) {
      tables.addTravelled(travelledName, open(name, at, identifier.getParserPosition()));
    }
    SqlParserPos pos = snapshot.getParserPosition();
    SqlIdentifier reference = new SqlIdentifier(travelledName, pos);
    SqlCall parent = found.parent();
    SqlNode replacement = parent.getKind() == SqlKind.AS && found.operand() == 0 ? reference
        : SqlStdOperatorTable.AS.createCall(pos, reference, new SqlIdentifier(name, pos));
    if (parent instanceof SqlSelect select) {
      select.setFrom(replacement);
    } else if (parent instanceof SqlJoin join && found.operand() == 0) {
      join.setLeft(replacement);
    } else if (parent instanceof SqlJoin join) {
      join.setRight(replacement);
    } else if (parent instanceof SqlBasicCall) {
      parent.setOperand(found.operand(), replacement);
    } else {
      throw error(ErrorKind.UNSUPPORTED, form.sql() + " is not supported inside "
          + parent.getKind(), pos);
    }
  }

  private QuiverTable open(String name, TimeTravel at, SqlParserPos pos) {
    if (catalog.view(name) != null) {
      throw error(ErrorKind.UNSUPPORTED, "'" + name + "' is a view, which cannot be read "
          + at.describe() + ": put the clause on the table inside the view's query, or create"
          + " a view for that version", pos);
    }
    QuiverTable table = catalog.table(name);
    if (table == null) {
      throw error(ErrorKind.PLAN, "table '" + name + "' not found. Check the name (SHOW"
          + " TABLES)", pos);
    }
    try {
      return table.asOf(at);
    } catch (QuiverException e) {
      if (e.kind() == ErrorKind.UNSUPPORTED) {
        QuiverException refused = new QuiverException(ErrorKind.UNSUPPORTED, "table '" + name
            + "' cannot be read " + at.describe() + ": " + e.detail(), e);
        e.context().forEach(refused::withContext);
        throw refused;
      }
      String clause = name + " " + at.describe();
      boolean named = !e.context().isEmpty() && e.context().get(0).equalsIgnoreCase(clause);
      throw named ? e : e.withContext(clause);
    }
  }

  /** The version or time a period names; only literals are accepted. */
  private TimeTravel travel(TimeTravelSyntax.Form form, SqlNode written) {
    SqlParserPos pos = written.getParserPosition();
    SqlNode period = written;
    if (written instanceof SqlUnknownLiteral typed) {
      // TIMESTAMP '...' and DATE '...' stay untyped until validation
      SqlTypeName type = SqlTypeName.get(typed.tag.toUpperCase(Locale.ROOT));
      if (type != null) {
        try {
          period = typed.resolve(type);
        } catch (RuntimeException e) {
          throw error(ErrorKind.DATA, "not a valid " + typed.tag + " literal: " + written
              + " (" + e.getMessage() + ")", pos);
        }
      }
    }
    if (form == TimeTravelSyntax.Form.VERSION) {
      if (period instanceof SqlNumericLiteral number && number.isExact()) {
        BigDecimal value = number.getValueAs(BigDecimal.class);
        if (value.scale() <= 0 && value.signum() >= 0 && value.compareTo(MAX_LONG) <= 0) {
          return TimeTravel.toVersion(value.longValueExact());
        }
      }
      throw error(period instanceof SqlLiteral ? ErrorKind.TYPE : ErrorKind.PLAN,
          "VERSION AS OF needs a non-negative integer literal such as 3, got " + written, pos);
    }
    if (period instanceof SqlTimestampLiteral timestamp) {
      TimestampString value = timestamp.getValueAs(TimestampString.class);
      return TimeTravel.toTimestamp(java.time.Instant.ofEpochMilli(value.getMillisSinceEpoch()));
    }
    if (period instanceof SqlDateLiteral date) {
      DateString value = date.getValueAs(DateString.class);
      return TimeTravel.toTimestamp(java.time.Instant.ofEpochMilli(
          value.getMillisSinceEpoch()));
    }
    if (period instanceof SqlCharStringLiteral text) {
      try {
        return TimeTravel.toTimestamp(text.getValueAs(String.class));
      } catch (QuiverException e) {
        throw at(e, pos);
      }
    }
    throw error(period instanceof SqlLiteral ? ErrorKind.TYPE : ErrorKind.PLAN, form.sql()
        + " needs a timestamp literal such as TIMESTAMP '2024-01-01 00:00:00' or"
        + " '2024-01-01T00:00:00Z', got " + written, pos);
  }

  private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

  private QuiverException error(ErrorKind kind, String message, SqlParserPos pos) {
    return at(new QuiverException(kind, message), pos);
  }

  private QuiverException at(QuiverException error, SqlParserPos pos) {
    if (pos != null && pos.getLineNum() > 0) {
      error.atPosition(pos.getLineNum() + lineOffset,
          syntax.originalColumn(pos.getLineNum(), pos.getColumnNum()));
    }
    return error;
  }
}
