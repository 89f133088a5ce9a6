package io.quiver.engine.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a size in bytes as written on a command line: {@code 1073741824}, {@code 512k},
 * {@code 512m}, {@code 4g}, {@code 1t} (powers of 1024; upper or lower case; an optional
 * {@code b} or {@code ib} after the unit, as in {@code 512MB} or {@code 4GiB}).
 */
final class ByteSize {
  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*(?:([kmgt])(?:i?b)?|b)?", Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /** The number of bytes {@code text} stands for; positive. */
  static long parse(String text) throws CommandLineException {
    Matcher matcher = SIZE.matcher(text.trim());
    if (!matcher.matches()) {
      throw new CommandLineException("'" + text + "' is not a size: write a number of bytes"
          + " or a number with k, m, g or t, for example 512m or 4g");
    }
    long number;
    try {
      number = Long.parseLong(matcher.group(1));
    } catch (NumberFormatException e) {
      throw new CommandLineException("size '" + text + "' is too large");
    }
    String unit = matcher.group(2);
    int shift = unit == null ? 0 : switch (unit.toLowerCase(Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      default -> 40;
    };
    if (number == 0) {
      throw new CommandLineException("size '" + text + "' must be more than zero");
    }
    if (Long.numberOfLeadingZeros(number) <= shift) {
      throw new CommandLineException("size '" + text + "' is too large");
    }
    return number << shift;
  }
}
