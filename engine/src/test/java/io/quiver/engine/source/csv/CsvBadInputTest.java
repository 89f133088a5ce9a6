package io.quiver.engine.source.csv;

import static io.quiver.engine.source.text.TextFormatTesting.options;
import static io.quiver.engine.source.text.TextFormatTesting.readAll;
import static io.quiver.engine.source.text.TextFormatTesting.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.quiver.engine.source.text.TextFormatTesting;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad CSV input the file-sources issue names, and a seeded corruption test. */
class CsvBadInputTest {
  private final CsvFormat format = new CsvFormat();
  private BufferAllocator allocator;
  @TempDir
  Path directory;

  @BeforeEach
  void open() {
    allocator = new RootAllocator();
  }

  @AfterEach
  void close() {
    assertThat(allocator.getAllocatedMemory()).isZero();
    allocator.close();
  }

  private void assertFails(String name, byte[] bytes, ErrorKind kind, String... fragments) {
    Path file = write(directory.resolve(name), bytes);
    assertThatThrownBy(() -> readAll(format, file, options(format, null), allocator))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(kind);
          assertThat(e.getMessage()).contains(name).contains(fragments);
        });
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void unterminatedQuote() {
    assertFails("quote.csv", bytes("a,b\n1,x\n2,\"never closed\n3,y\n"), ErrorKind.DATA,
        "line 3", "field 2", "unterminated quoted field", "never closed");
  }

  @Test
  void wrongColumnCount() {
    assertFails("count.csv", bytes("a,b\n1,x\n2,y,z\n"), ErrorKind.DATA, "line 3",
        "expected 2 fields, found 3", "on_bad_row");
  }

  @Test
  void textAfterClosingQuote() {
    assertFails("after.csv", bytes("a,b\n1,\"x\"y\n"), ErrorKind.DATA, "line 2",
        "after a closing quote");
  }

  @Test
  void unparsableNumberAndDate() {
    String numbers = "a,b\n1,x\n";
    StringBuilder text = new StringBuilder(numbers);
    for (int i = 0; i < 1000; i++) {
      text.append(i).append(",x\n");
    }
    text.append("1.5x,y\n");
    assertFails("number.csv", bytes(text.toString()), ErrorKind.DATA, "line 1003",
        "column a (field 1)", "'1.5x'", "Int(64, true)");
    StringBuilder dates = new StringBuilder("d\n");
    for (int i = 0; i < 1000; i++) {
      dates.append("2024-01-01\n");
    }
    dates.append("2024-02-30\n");
    assertFails("date.csv", bytes(dates.toString()), ErrorKind.DATA, "line 1002",
        "column d (field 1)", "'2024-02-30'", "Date(DAY)");
  }

  @Test
  void truncatedAndCorruptCompression() {
    byte[] gzip = TextFormatTesting.gzip(bytes("a,b\n" + "1,x\n".repeat(10000)));
    assertFails("cut.csv.gz", Arrays.copyOf(gzip, gzip.length / 2), ErrorKind.DATA, "gzip",
        "truncated or corrupt");
    assertFails("notgzip.csv.gz", bytes("a,b\n1,2\n"), ErrorKind.DATA, "gzip");
    byte[] zstd = TextFormatTesting.zstd(bytes("a,b\n" + "1,x\n".repeat(10000)));
    assertFails("cut.csv.zst", Arrays.copyOf(zstd, zstd.length / 2), ErrorKind.DATA, "zstd");
  }

  @Test
  void missingFile() {
    Path file = directory.resolve("missing.csv");
    assertThatThrownBy(() -> readAll(format, file, options(format, null), allocator))
        .isInstanceOfSatisfying(QuiverException.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.IO);
          assertThat(e.getMessage()).contains("missing.csv", "does not exist");
        });
  }

  @Test
  void seededCorruption() {
    StringBuilder text = new StringBuilder("id,price,day,at,name,flag\n");
    Random data = new Random(1);
    for (int i = 0; i < 200; i++) {
      text.append(i).append(',').append(data.nextInt(100000) / 100.0).append(",2024-0")
          .append(1 + data.nextInt(9)).append("-1").append(data.nextInt(10)).append(",2024-01-02 ")
          .append("10:0").append(data.nextInt(10)).append(":00,\"n ").append(i)
          .append(" \"\"q\"\", x\",").append(data.nextBoolean()).append('\n');
    }
    byte[] plain = bytes(text.toString());
    byte[] gzip = TextFormatTesting.gzip(plain);
    byte[] zstd = TextFormatTesting.zstd(plain);
    CsvFormat small = new CsvFormat(64, 1 << 16);
    for (int seed = 0; seed < 300; seed++) {
      Random random = new Random(seed);
      int variant = seed % 3;
      byte[] source = variant == 0 ? plain : variant == 1 ? gzip : zstd;
      byte[] corrupt = corrupt(source, random);
      String name = "corrupt" + seed + (variant == 0 ? ".csv" : variant == 1 ? ".csv.gz"
          : ".csv.zst");
      Path file = write(directory.resolve(name), corrupt);
      CsvFormat reader = seed % 2 == 0 ? format : small;
      assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
        try {
          readAll(reader, file, options(reader, null, "on_bad_row",
              random.nextBoolean() ? "error" : "null"), allocator);
        } catch (QuiverException e) {
          assertThat(e.kind()).as("seed %d: %s", e.getMessage())
              .isIn(ErrorKind.DATA, ErrorKind.IO);
        }
      }, "seed " + seed);
      assertThat(allocator.getAllocatedMemory()).as("seed %d", seed).isZero();
    }
  }

  static byte[] corrupt(byte[] source, Random random) {
    byte[] bytes = source.clone();
    int flips = 1 + random.nextInt(8);
    for (int i = 0; i < flips; i++) {
      int position = random.nextInt(bytes.length);
      bytes[position] = random.nextInt(4) == 0 ? (byte) "\"\n,\\{}[]:".charAt(random.nextInt(9))
          : (byte) random.nextInt(256);
    }
    if (random.nextInt(3) == 0) {
      bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
    }
    return bytes;
  }
}
