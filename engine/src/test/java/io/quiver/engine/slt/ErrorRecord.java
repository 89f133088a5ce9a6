package io.quiver.engine.slt;

import io.quiver.udf.error.ErrorKind;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code statement error KIND [text]} (or {@code query error ...}): the statement must fail with a
 * {@link io.quiver.udf.error.QuiverException} of one of {@code kinds} (written {@code TYPE|PLAN}
 * where either is acceptable) whose message contains {@code messagePart}, compared ignoring
 * case. An empty {@code messagePart} accepts any message.
 */
public record ErrorRecord(int line, String sql, Set<ErrorKind> kinds, String messagePart)
    implements SqlLogicRecord {

  public ErrorRecord {
    kinds = Set.copyOf(kinds);
  }

  @Override
  public String header() {
    String names = kinds.stream().map(Enum::name).sorted().collect(Collectors.joining("|"));
    return "statement error " + names + (messagePart.isEmpty() ? "" : " " + messagePart);
  }
}
