package io.quiver.engine.source.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The one decoder of Arrow IPC schemas given as text or JSON: the {@code schema_ipc} option of
 * every file table function and, later, the Delta scan config.
 *
 * <p>The bytes are an encapsulated schema message (what {@code MessageSerializer.serialize},
 * pyarrow's {@code Schema.serialize()} and arrow-rs' {@code IpcDataGenerator} write; the
 * continuation marker {@code 0xFFFFFFFF} is optional) or an IPC stream, whose first message is
 * the schema. They may be given as:
 * <ul>
 *   <li>a JSON array of byte values: integers from -128 to 255, where a negative value is a
 *       signed (Java) byte and 0..255 an unsigned one, so -1 and 255 are the same byte;</li>
 *   <li>a string prefixed {@code hex:} (two hex digits a byte, either case, whitespace
 *       ignored) or {@code base64:} (standard or URL-safe alphabet, padding optional);</li>
 *   <li>an unprefixed string: hex when it is an even number of hex digits and those bytes parse
 *       as a schema, otherwise base64. A base64 text made only of hex digits is thus tried as
 *       hex first and read as base64 when the hex bytes are no schema.</li>
 * </ul>
 * Every failure is a DATA error saying which encodings were tried and why each failed.
 */
public final class SchemaIpcDecoder {
  private static final String HEX_PREFIX = "hex:";
  private static final String BASE64_PREFIX = "base64:";
  private static final String FORMS = "give an Arrow IPC schema message as a JSON array of"
      + " bytes, as \"hex:...\" or as \"base64:...\"";

  private SchemaIpcDecoder() {}

  /**
   * Decodes a JSON value (an array of bytes or a string).
   *
   * @param where what is being decoded, for the error, e.g. {@code option schema_ipc}
   */
  public static Schema decode(JsonNode value, String where) {
    if (value.isArray()) {
      return parse(bytesOf(value, where), "byte array", where);
    }
    if (value.isTextual()) {
      return decode(value.textValue(), where);
    }
    throw new QuiverException(ErrorKind.DATA, where + " must be a JSON array of bytes or a"
        + " string, got " + value.getNodeType().toString().toLowerCase(Locale.ROOT) + ": "
        + FORMS);
  }

  /** Decodes a string: prefixed hex or base64, or unprefixed (hex first, then base64). */
  public static Schema decode(String text, String where) {
    String trimmed = text.strip();
    if (trimmed.regionMatches(true, 0, HEX_PREFIX, 0, HEX_PREFIX.length())) {
      return parse(hex(trimmed.substring(HEX_PREFIX.length()), where), "hex", where);
    }
    if (trimmed.regionMatches(true, 0, BASE64_PREFIX, 0, BASE64_PREFIX.length())) {
      return parse(base64(trimmed.substring(BASE64_PREFIX.length()), where), "base64", where);
    }
    if (trimmed.isEmpty()) {
      throw new QuiverException(ErrorKind.DATA, where + " is an empty string: " + FORMS);
    }
    List<String> tried = new ArrayList<>();
    String compact = trimmed.replaceAll("\\s+", "");
    if (compact.length() % 2 == 0 && compact.chars().allMatch(SchemaIpcDecoder::isHexDigit)) {
      try {
        return parse(hex(compact, where), "hex", where);
      } catch (QuiverException e) {
        tried.add("hex: " + e.detail());
      }
    } else {
      tried.add("hex: not an even number of hex digits");
    }
    try {
      return parse(base64(compact, where), "base64", where);
    } catch (QuiverException e) {
      tried.add("base64: " + e.detail());
    }
    throw new QuiverException(ErrorKind.DATA, where + " is no Arrow IPC schema in any"
        + " encoding tried (" + String.join("; ", tried) + "). " + FORMS);
  }

  /** Parses bytes that hold an encapsulated schema message or an IPC stream. */
  public static Schema parse(byte[] bytes, String encoding, String where) {
    if (bytes.length < 8) {
      throw fail(where, encoding, "only " + bytes.length
          + " bytes: a schema message needs at least 8");
    }
    ByteBuffer prefix = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int first = prefix.getInt(0);
    boolean continuation = first == -1;
    long length = continuation ? prefix.getInt(4) : first;
    int headerSize = continuation ? 8 : 4;
    if (length <= 0 || length > bytes.length - headerSize) {
      throw fail(where, encoding, "the message length " + length + " does not fit the "
          + bytes.length + " bytes given (the text is not an IPC schema message)");
    }
    try {
      ReadChannel channel = new ReadChannel(Channels.newChannel(new ByteArrayInputStream(bytes)));
      Schema schema = MessageSerializer.deserializeSchema(channel);
      if (schema == null) {
        throw fail(where, encoding, "the bytes hold no message");
      }
      return schema;
    } catch (QuiverException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw fail(where, encoding, "the bytes are not an Arrow IPC schema message ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
          + ")");
    }
  }

  private static QuiverException fail(String where, String encoding, String why) {
    return new QuiverException(ErrorKind.DATA, where + " (" + encoding + "): " + why);
  }

  private static byte[] bytesOf(JsonNode array, String where) {
    byte[] bytes = new byte[array.size()];
    for (int i = 0; i < bytes.length; i++) {
      JsonNode element = array.get(i);
      if (!element.isIntegralNumber() || !element.canConvertToInt()
          || element.intValue() < -128 || element.intValue() > 255) {
        throw new QuiverException(ErrorKind.DATA, where + ": element " + i + " is " + element
            + ", but a byte is an integer from -128 to 255");
      }
      bytes[i] = (byte) element.intValue();
    }
    return bytes;
  }

  private static boolean isHexDigit(int c) {
    return Character.digit(c, 16) >= 0 && c < 128;
  }

  private static byte[] hex(String text, String where) {
    String digits = text.replaceAll("\\s+", "");
    if (digits.length() % 2 != 0) {
      throw fail(where, "hex", "an odd number of hex digits (" + digits.length() + ")");
    }
    byte[] bytes = new byte[digits.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      int high = digits.charAt(2 * i) < 128 ? Character.digit(digits.charAt(2 * i), 16) : -1;
      int low = digits.charAt(2 * i + 1) < 128 ? Character.digit(digits.charAt(2 * i + 1), 16)
          : -1;
      if (high < 0 || low < 0) {
        throw fail(where, "hex", "'" + digits.substring(2 * i, 2 * i + 2)
            + "' at character " + (2 * i + 1) + " is not a hex byte");
      }
      bytes[i] = (byte) (high << 4 | low);
    }
    return bytes;
  }

  private static byte[] base64(String text, String where) {
    String standard = text.replaceAll("\\s+", "").replace('-', '+').replace('_', '/');
    try {
      return Base64.getDecoder().decode(standard);
    } catch (IllegalArgumentException e) {
      throw fail(where, "base64", "not base64 text: " + e.getMessage());
    }
  }
}
