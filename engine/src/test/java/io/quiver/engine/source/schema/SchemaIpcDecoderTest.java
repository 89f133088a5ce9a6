package io.quiver.engine.source.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quiver.udf.error.ErrorKind;
import io.quiver.udf.error.QuiverException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** schema_ipc in every form, and every way it can fail. */
class SchemaIpcDecoderTest {
  static final Schema SCHEMA = new Schema(List.of(
      new Field("id", FieldType.nullable(new ArrowType.Int(64, true)), null),
      new Field("name", FieldType.nullable(ArrowType.Utf8.INSTANCE), null)));
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static byte[] message() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), SCHEMA);
    return out.toByteArray();
  }

  private static byte[] stream() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BufferAllocator allocator = new RootAllocator();
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
      writer.start();
      writer.end();
    }
    return out.toByteArray();
  }

  private static QuiverException failure(JsonNode value) {
    QuiverException error = catchThrowableOfType(
        () -> SchemaIpcDecoder.decode(value, "option schema_ipc"), QuiverException.class);
    assertThat(error).as(value.toString()).isNotNull();
    assertThat(error.kind()).isEqualTo(ErrorKind.DATA);
    assertThat(error.getMessage()).contains("schema_ipc");
    return error;
  }

  private static Schema decode(String text) {
    return SchemaIpcDecoder.decode(new TextNode(text), "option schema_ipc");
  }

  @Test
  void jsonArrayOfUnsignedOrSignedBytes() throws IOException {
    byte[] bytes = message();
    ArrayNode unsigned = MAPPER.createArrayNode();
    ArrayNode signed = MAPPER.createArrayNode();
    for (byte b : bytes) {
      unsigned.add(b & 0xFF);
      signed.add(b);
    }
    assertThat(SchemaIpcDecoder.decode(unsigned, "option schema_ipc")).isEqualTo(SCHEMA);
    assertThat(SchemaIpcDecoder.decode(signed, "option schema_ipc")).isEqualTo(SCHEMA);
  }

  @Test
  void prefixedAndUnprefixedHex() throws IOException {
    String hex = HexFormat.of().formatHex(message());
    assertThat(decode("hex:" + hex)).isEqualTo(SCHEMA);
    assertThat(decode("HEX:" + hex.toUpperCase())).isEqualTo(SCHEMA);
    assertThat(decode(hex)).isEqualTo(SCHEMA);
    assertThat(decode(hex.toUpperCase())).isEqualTo(SCHEMA);
  }

  @Test
  void base64InBothAlphabetsWithAndWithoutPadding() throws IOException {
    byte[] bytes = message();
    String standard = Base64.getEncoder().encodeToString(bytes);
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    assertThat(decode("base64:" + standard)).isEqualTo(SCHEMA);
    assertThat(decode("base64:" + urlSafe)).isEqualTo(SCHEMA);
    assertThat(decode(standard)).isEqualTo(SCHEMA);
    assertThat(decode(urlSafe)).isEqualTo(SCHEMA);
    assertThat(decode(Base64.getEncoder().withoutPadding().encodeToString(bytes)))
        .isEqualTo(SCHEMA);
  }

  @Test
  void anIpcStreamWhoseFirstMessageIsTheSchema() throws IOException {
    byte[] bytes = stream();
    assertThat(decode(HexFormat.of().formatHex(bytes))).isEqualTo(SCHEMA);
    assertThat(decode("base64:" + Base64.getEncoder().encodeToString(bytes)))
        .isEqualTo(SCHEMA);
  }

  @Test
  void aBase64TextMadeOnlyOfHexDigitsIsTriedAsHexThenAsBase64() throws IOException {
    // "deadbeefcafe0123" is valid hex and valid base64: hex first, then base64; both fail here
    // and the error says why each failed.
    QuiverException error = failure(new TextNode("deadbeefcafe0123"));
    assertThat(error.getMessage()).contains("hex:").contains("base64:")
        .contains("encoding tried");
    // A valid schema's hex text is also base64 text: hex wins because it is tried first.
    String hex = HexFormat.of().formatHex(message());
    assertThat(hex.length() % 4).isZero();
    assertThat(Base64.getDecoder().decode(hex)).isNotEmpty();
    assertThat(decode(hex)).isEqualTo(SCHEMA);
  }

  @Test
  void textThatFailsAsHexIsReadAsBase64() throws IOException {
    // Starts like hex (all hex digits) but is the base64 of a schema: the hex bytes parse as
    // no schema, so the base64 reading is used.
    String base64 = Base64.getEncoder().withoutPadding().encodeToString(message());
    String hexLooking = base64.replaceAll("[^0-9a-fA-F]", "");
    assertThat(hexLooking).isNotEqualTo(base64);
    assertThat(decode(base64)).isEqualTo(SCHEMA);
  }

  @Test
  void failures() throws IOException {
    assertThat(failure(new TextNode("")).getMessage()).contains("empty");
    assertThat(failure(new TextNode("hex:abc")).getMessage()).contains("odd number");
    assertThat(failure(new TextNode("hex:zz")).getMessage()).contains("not a hex byte");
    assertThat(failure(new TextNode("base64:@@@@")).getMessage()).contains("not base64");
    assertThat(failure(new TextNode("not a schema!")).getMessage()).contains("hex:")
        .contains("base64:");
    assertThat(failure(new TextNode("hex:0011")).getMessage()).contains("only 2 bytes");
    byte[] truncated = java.util.Arrays.copyOf(message(), 20);
    assertThat(failure(new TextNode("hex:" + HexFormat.of().formatHex(truncated)))
        .getMessage()).contains("does not fit");
    byte[] corrupt = message();
    for (int i = 8; i < corrupt.length; i++) {
      corrupt[i] = (byte) 0x7F;
    }
    assertThat(failure(new TextNode("hex:" + HexFormat.of().formatHex(corrupt)))
        .getMessage()).contains("not an Arrow IPC schema");
    assertThat(failure(MAPPER.readTree("[1, 2, 300]")).getMessage()).contains("element 2")
        .contains("-128 to 255");
    assertThat(failure(MAPPER.readTree("[1, \"x\"]")).getMessage()).contains("element 1");
    assertThat(failure(MAPPER.readTree("{\"a\": 1}")).getMessage()).contains("object");
    assertThat(failure(MAPPER.readTree("true")).getMessage()).contains("boolean");
  }

  @Test
  void corruptedMessagesOnlyEverGiveDataErrors() throws IOException {
    byte[] original = message();
    java.util.Random random = new java.util.Random(7);
    for (int seed = 0; seed < 300; seed++) {
      byte[] bytes = original.clone();
      random.setSeed(seed);
      int flips = 1 + random.nextInt(4);
      for (int i = 0; i < flips; i++) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      if (seed % 3 == 0) {
        bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      try {
        SchemaIpcDecoder.parse(bytes, "bytes", "seed " + seed);
      } catch (QuiverException e) {
        assertThat(e.kind()).isEqualTo(ErrorKind.DATA);
      }
    }
  }
}
