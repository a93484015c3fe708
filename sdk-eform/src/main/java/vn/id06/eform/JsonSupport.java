package vn.id06.eform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/** The module's one JSON mapper (configured once, then only read: thread-safe). */
final class JsonSupport {
  /** The longest JSON document (definition, submission, seal payload) accepted, in characters. */
  static final int MAX_DOCUMENT = 1 << 20;

  static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(32)
                          .maxStringLength(1 << 16)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private JsonSupport() {}

  /**
   * Reads a JSON object.
   *
   * @param input the input's name for errors
   * @param json the text
   * @return the object
   * @throws InvalidInputException if too long, not JSON or not an object
   */
  static ObjectNode readObject(String input, String json) {
    if (json.length() > MAX_DOCUMENT) {
      throw new InvalidInputException(
          input, InputReason.TOO_LONG, "at most " + MAX_DOCUMENT + " characters");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      // The parser's message quotes the input: say only where it broke.
      throw new InvalidInputException(
          input,
          InputReason.MALFORMED,
          "not well-formed JSON at line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()));
    }
    if (!(node instanceof ObjectNode object)) {
      throw new InvalidInputException(input, InputReason.MALFORMED, "expected a JSON object");
    }
    return object;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree did not serialise", e);
    }
  }
}
