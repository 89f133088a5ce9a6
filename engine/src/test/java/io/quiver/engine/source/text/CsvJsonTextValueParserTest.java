package io.quiver.engine.source.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvJsonTextValueParserTest {
  private final TextValueParser parser = new TextValueParser();

  private static byte[] b(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void longs() {
    for (String text : new String[] {"0", "-1", "+7", "9223372036854775807",
        "-9223372036854775808", "000123"}) {
      byte[] bytes = b(text);
      assertThat(parser.parseLong(bytes, 0, bytes.length)).isEqualTo(Long.parseLong(text));
      assertThat(parser.ok).isTrue();
    }
    for (String text : new String[] {"", "-", "1.0", "9223372036854775808", "1e3", " 1", "a"}) {
      byte[] bytes = b(text);
      parser.parseLong(bytes, 0, bytes.length);
      assertThat(parser.ok).as(text).isFalse();
    }
  }

  @Test
  void doublesAgreeWithJava() {
    Random random = new Random(42);
    for (int i = 0; i < 20000; i++) {
      double value = switch (i % 4) {
        case 0 -> random.nextDouble() * 1000;
        case 1 -> random.nextGaussian() * 1e-5;
        case 2 -> Math.round(random.nextDouble() * 1e6) / 100.0;
        default -> Double.longBitsToDouble(random.nextLong());
      };
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      String text = Double.toString(value);
      byte[] bytes = b(text);
      assertThat(parser.parseDouble(bytes, 0, bytes.length)).as(text).isEqualTo(value);
      assertThat(parser.ok).isTrue();
    }
    for (String text : new String[] {"1.5", "-0.25", ".5", "5.", "1e3", "1E-3", "inf", "-Infinity",
        "NaN", "12345678901234567890123"}) {
      byte[] bytes = b(text);
      double expected = switch (text) {
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        case "NaN" -> Double.NaN;
        default -> Double.parseDouble(text);
      };
      assertThat(Double.compare(parser.parseDouble(bytes, 0, bytes.length), expected)).as(text)
          .isZero();
    }
    for (String text : new String[] {"", ".", "e3", "1e", "1.2.3", "0x10", "1d", "abc", "1 "}) {
      byte[] bytes = b(text);
      parser.parseDouble(bytes, 0, bytes.length);
      assertThat(parser.ok).as(text).isFalse();
    }
  }

  @Test
  void decimals() {
    byte[] bytes = b("-12.345");
    assertThat(parser.parseDecimal(bytes, 0, bytes.length, 10, 2)).isEqualTo(-1235);
    bytes = b("7");
    assertThat(parser.parseDecimal(bytes, 0, bytes.length, 10, 2)).isEqualTo(700);
    bytes = b("123456789.5");
    parser.parseDecimal(bytes, 0, bytes.length, 10, 2);
    assertThat(parser.ok).isFalse();
    assertThat(TextValueParser.plainDecimalScale(b("12.50"), 0, 5)).isEqualTo(2);
    assertThat(TextValueParser.plainDecimalScale(b("12"), 0, 2)).isEqualTo(-1);
    assertThat(TextValueParser.plainDecimalScale(b("1e2"), 0, 3)).isEqualTo(-1);
  }

  @Test
  void datesAndTimestamps() {
    Random random = new Random(7);
    for (int i = 0; i < 5000; i++) {
      LocalDate date = LocalDate.ofEpochDay(random.nextInt(800_000) - 400_000);
      if (date.getYear() < 1000 || date.getYear() > 9999) {
        continue;
      }
      byte[] bytes = b(date.toString());
      assertThat(parser.parseDate(bytes, 0, bytes.length)).isEqualTo((int) date.toEpochDay());
      LocalDateTime time = date.atStartOfDay().plusNanos(random.nextLong(86_400_000_000L) * 1000);
      String text = time.toString().replace('T', ' ');
      bytes = b(text);
      long expected = ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), time);
      assertThat(parser.parseTimestamp(bytes, 0, bytes.length)).as(text).isEqualTo(expected);
      assertThat(time.toEpochSecond(ZoneOffset.UTC)).isEqualTo(Math.floorDiv(expected, 1_000_000));
    }
    for (String text : new String[] {"2021-02-29", "2021-13-01", "2021-1-32", "21-01-01", "x"}) {
      byte[] bytes = b(text);
      parser.parseDate(bytes, 0, bytes.length);
      assertThat(parser.ok).as(text).isFalse();
    }
    byte[] bytes = b("2020-02-29T23:59:59.1234567");
    assertThat(parser.parseTimestamp(bytes, 0, bytes.length))
        .isEqualTo(LocalDate.of(2020, 2, 29).toEpochDay() * 86_400_000_000L
            + 86_399_000_000L + 123_456);
  }
}
