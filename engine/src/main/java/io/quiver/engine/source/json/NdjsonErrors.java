package io.quiver.engine.source.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.IOException;

/** The DATA errors of NDJSON input, each naming the file, the line and the column. */
final class NdjsonErrors {
  private NdjsonErrors() {
  }

  static QuiverException badJson(String file, long line, IOException e) {
    if (e instanceof JsonProcessingException) {
      JsonProcessingException json = (JsonProcessingException) e;
      JsonLocation location = json.getLocation();
      String column = location == null ? "" : ", column " + location.getColumnNr();
      String detail = json.getOriginalMessage();
      int newline = detail == null ? -1 : detail.indexOf('\n');
      if (newline >= 0) {
        detail = detail.substring(0, newline);
      }
      return new QuiverException(ErrorKind.DATA, "file " + file + ", line " + line + column
          + ": not valid JSON: " + detail + ". Each line must hold one JSON object", e);
    }
    return new QuiverException(ErrorKind.DATA, "file " + file + ", line " + line
        + ": not valid JSON: " + e.getMessage() + ". Each line must hold one JSON object", e);
  }

  static QuiverException notAnObject(String file, long line, JsonParser parser) {
    return new QuiverException(ErrorKind.DATA, "file " + file + ", line " + line
        + ": expected a JSON object, found " + describe(parser.currentToken())
        + ". Each line must hold one JSON object");
  }

  /** Fails unless the line holds nothing after its object. */
  static void expectEnd(String file, long line, JsonParser parser) throws IOException {
    JsonToken after = parser.nextToken();
    if (after != null) {
      throw new QuiverException(ErrorKind.DATA, "file " + file + ", line " + line + ", column "
          + parser.currentTokenLocation().getColumnNr() + ": more JSON after the object ("
          + describe(after) + "). Each line must hold exactly one JSON object");
    }
  }

  private static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    switch (token) {
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return token.toString();
    }
  }
}
