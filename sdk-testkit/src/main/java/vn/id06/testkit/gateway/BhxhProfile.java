package vn.id06.testkit.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import vn.id06.core.Id06Exception;
import vn.id06.core.citizen.PartialDate;
import vn.id06.testkit.population.SyntheticCitizen;
import vn.id06.testkit.population.SyntheticPopulation;

/**
 * Serves the social-insurance card check under {@code /bhxh/}: {@code api/token/take} (user name
 * and the password's MD5, answered with an access token, an id token and the expiry time) and
 * {@code api/egw/KQNhanLichSuKCB2019} (the token in the query, the card number or 12-digit ID,
 * name, birth date and the officer's name and ID in the body). Result codes: {@code 000} valid,
 * {@code 010} expired, {@code 050} not found, {@code 060} name, {@code 070} birth date, {@code 401}
 * token refused. The user name is the simulator's client id; the password is kept in the state
 * folder. Faults as {@link FaultSpec}; {@code expiredtoken} answers the gateway's own {@code 401}
 * code, {@code badsig} and {@code replay} (signed answers only) change nothing here. Thread-safe.
 */
final class BhxhProfile {

  static final String PASSWORD_FILE = "bhxh-password.txt";
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);
  private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu");
  private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
  private static final long MAX_SCAN = 200_000;

  private final SyntheticPopulation population;
  private final WireFaults faults;
  private final Clock clock;
  private final String username;
  private final String passwordDigest;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  BhxhProfile(
      SyntheticPopulation population,
      Path stateDirectory,
      WireFaults faults,
      Clock clock,
      String username)
      throws IOException {
    this.population = population;
    this.faults = faults;
    this.clock = clock;
    this.username = username;
    this.passwordDigest = md5(password(stateDirectory.resolve(PASSWORD_FILE)));
  }

  private String password(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] b = new byte[12];
    random.nextBytes(b);
    String pw = "sim-" + HexFormat.of().formatHex(b);
    Files.writeString(file, pw + "\n", StandardCharsets.UTF_8);
    return pw;
  }

  static String md5(String s) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String op = ex.getRequestURI().getRawPath().substring("/bhxh/".length());
      if (!ex.getRequestMethod().equals("POST")) {
        WireFaults.send(ex, 405, "text/plain", "method".getBytes(StandardCharsets.US_ASCII));
      } else if (op.equals("api/token/take")) {
        token(ex);
      } else if (op.equals("api/egw/KQNhanLichSuKCB2019")) {
        check(ex);
      } else {
        WireFaults.send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  private JsonNode body(HttpExchange ex) throws IOException {
    byte[] b = WireFaults.readBody(ex);
    try {
      JsonNode n = b == null ? null : json.readTree(b);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private void answer(HttpExchange ex, ObjectNode n) throws IOException {
    WireFaults.send(ex, 200, "application/json; charset=utf-8", json.writeValueAsBytes(n));
  }

  private ObjectNode code(String code) {
    ObjectNode n = json.createObjectNode();
    n.put("maKetQua", code);
    return n;
  }

  private void token(HttpExchange ex) throws IOException {
    JsonNode req = body(ex);
    if (req == null
        || !username.equals(req.path("username").asText())
        || !MessageDigest.isEqual(
            passwordDigest.getBytes(StandardCharsets.US_ASCII),
            req.path("password").asText("").getBytes(StandardCharsets.US_ASCII))) {
      answer(ex, code("401"));
      return;
    }
    byte[] b = new byte[24];
    random.nextBytes(b);
    String access = HexFormat.of().formatHex(b);
    Instant now = clock.instant();
    Instant expires = now.plus(TOKEN_LIFETIME);
    if (tokens.size() > 10_000) {
      tokens.values().removeIf(t -> !t.isAfter(now));
    }
    tokens.put(access, expires);
    ObjectNode n = code("200");
    ObjectNode key = n.putObject("APIKey");
    key.put("access_token", access);
    key.put("id_token", "id-" + access.substring(0, 16));
    key.put("token_type", "Bearer");
    key.put("username", username);
    key.put("expires_in", expires.atOffset(VIETNAM).toString());
    answer(ex, n);
  }

  private boolean authorised(HttpExchange ex) {
    Map<String, String> q = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&", -1)) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          q.put(
              pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    String token = q.get("token");
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (token == null && auth != null && auth.startsWith("Bearer ")) {
      token = auth.substring(7);
    }
    Instant exp = token == null ? null : tokens.get(token);
    return exp != null && clock.instant().isBefore(exp);
  }

  private void check(HttpExchange ex) throws IOException {
    FaultSpec.Kind fault = faults.draw();
    if (faults.applyCommon(ex, fault)) {
      return;
    }
    if (!authorised(ex)) {
      WireFaults.send(ex, 401, "text/plain", "unauthorised".getBytes(StandardCharsets.US_ASCII));
      return;
    }
    if (fault == FaultSpec.Kind.EXPIRED_TOKEN) {
      answer(ex, code("401"));
      return;
    }
    JsonNode req = body(ex);
    if (req == null) {
      answer(ex, code("400"));
      return;
    }
    for (String f : new String[] {"maThe", "hoTen", "ngaySinh", "hoTenCb", "cccdCb"}) {
      if (req.path(f).asText("").isBlank()) {
        answer(ex, code("400"));
        return;
      }
    }
    ObjectNode out = result(req);
    byte[] bytes = json.writeValueAsBytes(out);
    if (fault == FaultSpec.Kind.TRUNCATE) {
      WireFaults.truncated(ex, 200, "application/json; charset=utf-8", bytes);
    }
    WireFaults.send(ex, 200, "application/json; charset=utf-8", bytes);
  }

  private ObjectNode result(JsonNode req) {
    String number = req.path("maThe").asText().strip();
    Optional<SyntheticCitizen> holder = find(number);
    Optional<SyntheticCitizen.InsuranceCard> card = holder.flatMap(SyntheticCitizen::insuranceCard);
    if (card.isEmpty()) {
      return code("050");
    }
    SyntheticCitizen c = holder.get();
    if (!req.path("hoTen").asText().strip().equals(c.fullName())) {
      return code("060");
    }
    String cardDob = cardBirthDate(c.dateOfBirth());
    if (!sameDate(req.path("ngaySinh").asText().strip(), cardDob)) {
      return code("070");
    }
    SyntheticCitizen.InsuranceCard k = card.get();
    LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
    boolean valid = !today.isBefore(k.validFrom()) && !today.isAfter(k.validTo());
    ObjectNode n = code(valid ? "000" : "010");
    n.put("ghiChu", valid ? "Thẻ còn giá trị sử dụng" : "Thẻ hết giá trị sử dụng");
    n.put("maThe", k.cardNumber());
    n.put("hoTen", c.fullName());
    n.put("ngaySinh", cardDob);
    n.put("gioiTinh", c.sex().equals("FEMALE") ? "Nữ" : "Nam");
    n.put("diaChi", c.permanentAddress());
    n.put("maDKBD", k.facilityCode());
    n.put("gtTheTu", DMY.format(k.validFrom()));
    n.put("gtTheDen", DMY.format(k.validTo()));
    n.put("maSoBHXH", k.socialInsuranceNumber());
    return n;
  }

  /** The card's birth date: dd/MM/yyyy, or the year alone when the day is not known. */
  private static String cardBirthDate(String iso) {
    return iso.length() == 10 ? DMY.format(LocalDate.parse(iso)) : iso.substring(0, 4);
  }

  private static boolean sameDate(String sent, String held) {
    try {
      return PartialDate.parseVietnamese("ngaySinh", sent)
          .equals(PartialDate.parseVietnamese("ngaySinh", held));
    } catch (Id06Exception e) {
      return false;
    }
  }

  private Optional<SyntheticCitizen> find(String number) {
    if (number.length() == 12) {
      return population.byCitizenId(number);
    }
    if (number.length() < 10) {
      return Optional.empty();
    }
    String sin = number.substring(number.length() - 10);
    long n = Math.min(population.size(), MAX_SCAN);
    for (long i = 0; i < n; i++) {
      SyntheticCitizen c = population.citizen(i);
      if (c.insuranceCard().map(k -> k.socialInsuranceNumber().equals(sin)).orElse(false)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
