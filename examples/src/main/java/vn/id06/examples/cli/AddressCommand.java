package vn.id06.examples.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import vn.id06.core.address.Address;
import vn.id06.core.address.CurrentUnits;
import vn.id06.core.address.Division;
import vn.id06.core.address.ResolvedAddress;
import vn.id06.core.address.Succession;

/** {@code id06 address ...}: addresses across the 2025 reform of administrative units. */
@Command(
    name = "address",
    description = "Addresses across the 2025 reform of administrative units.",
    mixinStandardHelpOptions = true,
    subcommands = {AddressCommand.Resolve.class})
final class AddressCommand implements Callable<Integer> {
  private final CliContext context;

  AddressCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.err().println("id06: usage: `id06 address resolve TEXT`");
    return Id06Command.EXIT_BAD_INPUT;
  }

  /** {@code id06 address resolve TEXT}. */
  @Command(
      name = "resolve",
      mixinStandardHelpOptions = true,
      description = {
        "Finds the units a free-text address names (before or after the 2025 reform) and maps",
        "them to today's units. Prints {input: {commune, district, province, era, codes, detail},",
        "current: {commune, province, codes}, certainty, candidates[]}; certainty is EXACT, SPLIT",
        "(all candidates listed) or UNKNOWN (nothing guessed)."
      })
  static final class Resolve implements Callable<Integer> {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "TEXT", description = "The address as written.")
    String text;

    Resolve(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      ResolvedAddress r = Address.resolve(text);
      String json = write(output(r));
      context.out().println(json);
      context.out().flush();
      return Id06Command.EXIT_OK;
    }

    /** The output value: nested maps and lists of strings, absent rather than null. */
    static Map<String, Object> output(ResolvedAddress r) {
      Map<String, Object> input = new LinkedHashMap<>();
      Map<String, Object> inputCodes = new LinkedHashMap<>();
      r.commune().ifPresent(c -> put(input, inputCodes, "commune", c));
      r.district().ifPresent(d -> put(input, inputCodes, "district", d));
      r.province().ifPresent(p -> put(input, inputCodes, "province", p));
      r.era().ifPresent(e -> input.put("era", e.name()));
      if (!inputCodes.isEmpty()) {
        input.put("codes", inputCodes);
      }
      if (!r.detail().isEmpty()) {
        input.put("detail", r.detail());
      }
      CurrentUnits now = r.toCurrentUnits();
      Map<String, Object> current = new LinkedHashMap<>();
      Map<String, Object> currentCodes = new LinkedHashMap<>();
      now.commune().ifPresent(c -> put(current, currentCodes, "commune", c));
      now.province().ifPresent(p -> put(current, currentCodes, "province", p));
      if (!currentCodes.isEmpty()) {
        current.put("codes", currentCodes);
      }
      List<Object> candidates = new ArrayList<>();
      for (Division c : now.candidates()) {
        Map<String, Object> item = new LinkedHashMap<>();
        Map<String, Object> codes = new LinkedHashMap<>();
        put(item, codes, "commune", c);
        put(item, codes, "province", c.province());
        item.put("codes", codes);
        List<Succession> from = new ArrayList<>();
        for (Succession s : now.successions()) {
          if (s.to().code().equals(c.code())) {
            from.add(s);
          }
        }
        if (from.size() == 1) {
          item.put("share", from.get(0).share().name());
          item.put("from", from.get(0).from().code());
        }
        candidates.add(item);
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("input", input);
      out.put("current", current);
      out.put("certainty", now.certainty().name());
      out.put("candidates", candidates);
      return out;
    }

    private static void put(
        Map<String, Object> names, Map<String, Object> codes, String key, Division unit) {
      names.put(key, unit.name());
      codes.put(key, unit.code());
    }

    static String write(Map<String, Object> value) {
      StringWriter buffer = new StringWriter();
      try (JsonGenerator gen = FACTORY.createGenerator(buffer)) {
        writeValue(gen, value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return buffer.toString();
    }

    private static void writeValue(JsonGenerator gen, Object value) throws IOException {
      if (value instanceof Map<?, ?> map) {
        gen.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          gen.writeFieldName((String) e.getKey());
          writeValue(gen, e.getValue());
        }
        gen.writeEndObject();
      } else if (value instanceof List<?> list) {
        gen.writeStartArray();
        for (Object o : list) {
          writeValue(gen, o);
        }
        gen.writeEndArray();
      } else {
        gen.writeString((String) value);
      }
    }
  }
}
