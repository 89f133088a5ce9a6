package io.quiver.engine.source.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.quiver.engine.source.text.TextValueParser;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Infers an NDJSON file's schema from its first lines: top-level keys in order of first
 * appearance become columns; objects become Struct, arrays List; types widen (BIGINT and DOUBLE
 * to DOUBLE, DATE and TIMESTAMP to TIMESTAMP, any other mix to VARCHAR, whose values are then
 * the JSON text); a key only ever null is VARCHAR. Strings of the form {@code yyyy-mm-dd} are
 * DATE, with a time ({@code yyyy-mm-dd hh:mm[:ss[.f]]}, no zone) TIMESTAMP, as DuckDB detects.
 */
final class NdjsonSchemaInference {
  private enum Kind { NULL, BOOLEAN, BIGINT, DOUBLE, DATE, TIMESTAMP, VARCHAR, STRUCT, LIST }

  /** The inferred type of one value position. */
  private static final class Node {
    Kind kind = Kind.NULL;
    Map<String, Node> children;
    Node element;
  }

  private NdjsonSchemaInference() {
  }

  static Schema infer(NdjsonLineReader lines, JsonFactory factory, long maxRecords, String file) {
    Node root = new Node();
    root.kind = Kind.STRUCT;
    root.children = new LinkedHashMap<>();
    long records = 0;
    while (records < maxRecords && lines.next()) {
      try (JsonParser parser = factory.createParser(lines.buffer(), lines.start(),
          lines.end() - lines.start())) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          continue;
        }
        if (token != JsonToken.START_OBJECT) {
          throw NdjsonErrors.notAnObject(file, lines.line(), parser);
        }
        records++;
        mergeObject(root, parser);
        NdjsonErrors.expectEnd(file, lines.line(), parser);
      } catch (IOException e) {
        throw NdjsonErrors.badJson(file, lines.line(), e);
      }
    }
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, Node> entry : root.children.entrySet()) {
      fields.add(toField(entry.getKey(), entry.getValue()));
    }
    return new Schema(fields);
  }

  private static void mergeObject(Node node, JsonParser parser) throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      Node child = node.children.computeIfAbsent(name, key -> new Node());
      merge(child, parser, value);
    }
    if (token != JsonToken.END_OBJECT) {
      throw new IOException("unexpected " + token + " in an object");
    }
  }

  private static void merge(Node node, JsonParser parser, JsonToken token) throws IOException {
    Kind kind;
    switch (token) {
      case VALUE_NULL:
        return;
      case VALUE_TRUE:
      case VALUE_FALSE:
        kind = Kind.BOOLEAN;
        break;
      case VALUE_NUMBER_INT:
        kind = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? Kind.DOUBLE
            : Kind.BIGINT;
        break;
      case VALUE_NUMBER_FLOAT:
        kind = Kind.DOUBLE;
        break;
      case VALUE_STRING:
        kind = stringKind(parser);
        break;
      case START_OBJECT:
        kind = Kind.STRUCT;
        break;
      case START_ARRAY:
        kind = Kind.LIST;
        break;
      default:
        throw new IOException("unexpected token " + token);
    }
    if (node.kind == Kind.NULL) {
      node.kind = kind;
      if (kind == Kind.STRUCT) {
        node.children = new LinkedHashMap<>();
      } else if (kind == Kind.LIST) {
        node.element = new Node();
      }
    } else if (node.kind != kind) {
      boolean numeric = (node.kind == Kind.BIGINT || node.kind == Kind.DOUBLE)
          && (kind == Kind.BIGINT || kind == Kind.DOUBLE);
      boolean temporal = (node.kind == Kind.DATE || node.kind == Kind.TIMESTAMP)
          && (kind == Kind.DATE || kind == Kind.TIMESTAMP);
      node.kind = numeric ? Kind.DOUBLE : temporal ? Kind.TIMESTAMP : Kind.VARCHAR;
      node.children = null;
      node.element = null;
    }
    if (node.kind == Kind.STRUCT && token == JsonToken.START_OBJECT) {
      mergeObject(node, parser);
    } else if (node.kind == Kind.LIST && token == JsonToken.START_ARRAY) {
      JsonToken element;
      while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (element == null) {
          throw new IOException("unexpected end of an array");
        }
        merge(node.element, parser, element);
      }
    } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      parser.skipChildren();
    }
  }

  /** DATE for {@code yyyy-mm-dd}, TIMESTAMP for a date with a time (no zone), else VARCHAR. */
  private static Kind stringKind(JsonParser parser) throws IOException {
    int length = parser.getTextLength();
    if (length < 8 || length > 32) {
      return Kind.VARCHAR;
    }
    char[] characters = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      char character = characters[offset + i];
      if (character > 127) {
        return Kind.VARCHAR;
      }
      bytes[i] = (byte) character;
    }
    TextValueParser values = new TextValueParser();
    values.parseDate(bytes, 0, length);
    if (values.ok) {
      return Kind.DATE;
    }
    values.parseTimestamp(bytes, 0, length);
    return values.ok ? Kind.TIMESTAMP : Kind.VARCHAR;
  }

  private static Field toField(String name, Node node) {
    switch (node.kind) {
      case BOOLEAN:
        return new Field(name, FieldType.nullable(ArrowType.Bool.INSTANCE), null);
      case BIGINT:
        return new Field(name, FieldType.nullable(new ArrowType.Int(64, true)), null);
      case DOUBLE:
        return new Field(name, FieldType.nullable(
            new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)), null);
      case DATE:
        return new Field(name, FieldType.nullable(new ArrowType.Date(DateUnit.DAY)), null);
      case TIMESTAMP:
        return new Field(name, FieldType.nullable(
            new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)), null);
      case STRUCT: {
        List<Field> children = new ArrayList<>();
        for (Map.Entry<String, Node> entry : node.children.entrySet()) {
          children.add(toField(entry.getKey(), entry.getValue()));
        }
        if (children.isEmpty()) {
          return new Field(name, FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
        }
        return new Field(name, FieldType.nullable(ArrowType.Struct.INSTANCE), children);
      }
      case LIST:
        return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE),
            List.of(toField("item", node.element)));
      default:
        return new Field(name, FieldType.nullable(ArrowType.Utf8.INSTANCE), null);
    }
  }
}
