package io.quiver.engine.source.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The options payload: defaults, typed values, and every kind of bad JSON. */
class ScanOptionsParserTest {
  private final ScanOptionsParser parser = new ScanOptionsParser(List.of(
      new OptionKey("has_header", OptionType.BOOLEAN, true, "a format key")));

  private QuiverException failure(String json) {
    QuiverException error = catchThrowableOfType(() -> parser.parse(json),
        QuiverException.class);
    assertThat(error).as(json).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    return error;
  }

  @Test
  void nullOrBlankTextMeansEveryDefault() {
    for (String text : new String[] {null, "", "  ", "{}"}) {
      ScanOptions options = parser.parse(text);
      assertThat(options.getLong(CommonOptions.LIMIT)).isEqualTo(-1);
      assertThat(options.getBoolean(CommonOptions.UNION_BY_NAME)).isFalse();
      assertThat(options.getBoolean(CommonOptions.FILENAME)).isFalse();
      assertThat(options.getString(CommonOptions.FILE_EXTENSION)).isNull();
      assertThat(options.getStringList(CommonOptions.TABLE_PARTITION_COLS)).isEmpty();
      assertThat(options.getBoolean("has_header")).isTrue();
      assertThat(options.schema()).isNull();
    }
  }

  @Test
  void readsEveryTypeAndJsonNullMeansDefault() {
    ScanOptions options = parser.parse("{\"limit\": 5, \"union_by_name\": true,"
        + " \"file_extension\": \".dat\", \"table_partition_cols\": [\"year:BIGINT\", \"r\"],"
        + " \"filename\": null, \"has_header\": false}");
    assertThat(options.getLong("limit")).isEqualTo(5);
    assertThat(options.getBoolean("union_by_name")).isTrue();
    assertThat(options.getString("file_extension")).isEqualTo(".dat");
    assertThat(options.getStringList("table_partition_cols")).containsExactly("year:BIGINT",
        "r");
    assertThat(options.getBoolean("filename")).isFalse();
    assertThat(options.getBoolean("has_header")).isFalse();
  }

  @Test
  void textThatIsNotJsonQuotesThePosition() {
    QuiverException error = failure("{\"limit\": 5,\n \"filename\" true}");
    assertThat(error.getMessage()).contains("not valid JSON").contains("line 2, column");
    assertThat(failure("limit=5").getMessage()).contains("line 1, column")
        .contains("not valid JSON");
    assertThat(failure("{\"limit\": 5").getMessage()).contains("not valid JSON");
  }

  @Test
  void aValueThatIsNotAnObjectIsRefused() {
    assertThat(failure("[1, 2]").getMessage()).contains("must be a JSON object").contains("array");
    assertThat(failure("42").getMessage()).contains("must be a JSON object");
    assertThat(failure("\"limit\"").getMessage()).contains("must be a JSON object");
  }

  @Test
  void anUnknownKeyListsTheKnownKeys() {
    QuiverException error = failure("{\"limt\": 5}");
    assertThat(error.getMessage()).contains("unknown option 'limt'").contains("limit")
        .contains("has_header").contains("schema_ipc").contains("table_partition_cols")
        .contains("union_by_name").contains("filename").contains("file_extension");
  }

  @Test
  void aValueOfTheWrongTypeNamesTheKeyAndTheType() {
    assertThat(failure("{\"limit\": \"5\"}").getMessage()).contains("'limit'")
        .contains("an integer").contains("string");
    assertThat(failure("{\"limit\": 2.5}").getMessage()).contains("'limit'")
        .contains("an integer");
    assertThat(failure("{\"limit\": 99999999999999999999}").getMessage()).contains("'limit'");
    assertThat(failure("{\"union_by_name\": \"yes\"}").getMessage())
        .contains("'union_by_name'").contains("a boolean");
    assertThat(failure("{\"file_extension\": 3}").getMessage()).contains("'file_extension'")
        .contains("a string");
    assertThat(failure("{\"table_partition_cols\": \"year\"}").getMessage())
        .contains("'table_partition_cols'").contains("a JSON array of strings");
    assertThat(failure("{\"table_partition_cols\": [1]}").getMessage())
        .contains("'table_partition_cols'");
    assertThat(failure("{\"schema_ipc\": 7}").getMessage()).contains("schema_ipc");
    assertThat(failure("{\"limit\": -2}").getMessage()).contains("'limit'").contains("-1");
  }

  @Test
  void aDuplicateKeyIsRefused() {
    assertThat(failure("{\"limit\": 1, \"limit\": 2}").getMessage()).contains("limit");
  }
}
