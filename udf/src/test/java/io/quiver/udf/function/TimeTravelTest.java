package io.quiver.udf.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** TimeTravel: versions, timestamps in their accepted forms, and refusals. */
class TimeTravelTest {

  @Test
  void versionsAndTheirDescription() {
    TimeTravel version = TimeTravel.toVersion(3);
    assertThat(version.isVersion()).isTrue();
    assertThat(version.describe()).isEqualTo("VERSION AS OF 3");
    QuiverException negative = catchThrowableOfType(() -> TimeTravel.toVersion(-1),
        QuiverException.class);
    assertThat(negative.kind()).isEqualTo(ErrorKind.DATA);
  }

  @Test
  void timestampFormsAreReadAsUtcUnlessTheyHaveAnOffset() {
    Instant midnight = Instant.parse("2024-01-01T00:00:00Z");
    assertThat(TimeTravel.toTimestamp("2024-01-01T00:00:00Z").timestamp()).isEqualTo(midnight);
    assertThat(TimeTravel.toTimestamp("2024-01-01 00:00:00").timestamp()).isEqualTo(midnight);
    assertThat(TimeTravel.toTimestamp(" 2024-01-01T00:00 ").timestamp()).isEqualTo(midnight);
    assertThat(TimeTravel.toTimestamp("2024-01-01").timestamp()).isEqualTo(midnight);
    assertThat(TimeTravel.toTimestamp("2024-01-01T01:00:00+01:00").timestamp())
        .isEqualTo(midnight);
    assertThat(TimeTravel.toTimestamp("2024-01-01 00:00:00.123").timestamp())
        .isEqualTo(midnight.plusMillis(123));
    assertThat(TimeTravel.toTimestamp("2024-01-01").describe())
        .isEqualTo("TIMESTAMP AS OF '2024-01-01T00:00:00Z'");
  }

  @Test
  void textThatIsNoTimestampIsDataError() {
    for (String text : new String[] {"", "yesterday", "2024-13-01", "2024-01-01T25:00",
        "2024-01", "1704067200"}) {
      QuiverException error = catchThrowableOfType(() -> TimeTravel.toTimestamp(text),
          QuiverException.class);
      assertThat(error.kind()).as(text).isEqualTo(ErrorKind.DATA);
      assertThat(error.getMessage()).contains("is not a timestamp");
    }
  }

  @Test
  void exactlyOneOfVersionAndTimestamp() {
    assertThat(catchThrowableOfType(() -> new TimeTravel(-1, null), QuiverException.class)
        .kind()).isEqualTo(ErrorKind.INTERNAL);
    assertThat(catchThrowableOfType(() -> new TimeTravel(1, Instant.EPOCH),
        QuiverException.class).kind()).isEqualTo(ErrorKind.INTERNAL);
  }
}
