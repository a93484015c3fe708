package vn.id06.core.gateway;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * The names the {@code lgsp} (SOAP) and {@code bhxh} (social-insurance) profiles put on the wire:
 * the SOAP namespace, operation (SOAP action) names and element names, the social-insurance
 * gateway's paths, JSON field names and result codes.
 *
 * <p>Neither profile has a published specification: the defaults follow public integration code of
 * provincial one-stop systems and hospital software (the population database's SOAP operations such
 * as {@code XacThucThongTinCongDan} in the namespace {@code http://dancuquocgia.bca}, with the
 * request fields of the national data-sharing platform's published excerpt: {@code MaYeuCau},
 * {@code MaDVC}, {@code MaDonVi}, {@code MaCanBo}, {@code SoDinhDanh}...; the social-insurance card
 * check with {@code maThe}, {@code hoTen}, {@code ngaySinh}, {@code hoTenCb}, {@code cccdCb}). A
 * province or hospital whose gateway spells a name differently changes it here, from a properties
 * file, without a new release of the SDK: {@link #load(Path)} reads one, and every key it may hold
 * is listed by {@link #defaults()}{@code .asMap()}.
 *
 * <p>Every value is checked when set: element names must be XML names, paths relative, codes short
 * tokens. Unknown keys are refused, so a misspelt key fails loudly instead of being ignored.
 *
 * <p>Immutable and thread-safe.
 */
public final class WireMapping {

  private static final long MAX_FILE = 64 * 1024;
  private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,63}");
  private static final Pattern JSON_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1,40}");
  private static final Pattern CODES =
      Pattern.compile("[A-Za-z0-9]{1,10}(\\s*,\\s*[A-Za-z0-9]{1,10}){0,31}");
  private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*");

  private static final Map<String, String> DEFAULTS = defaultsMap();

  private static final WireMapping DEFAULT = new WireMapping(DEFAULTS);

  private final Map<String, String> values;

  private WireMapping(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  private static Map<String, String> defaultsMap() {
    Map<String, String> m = new TreeMap<>();
    // The SOAP profile (population database through a provincial LGSP).
    m.put("lgsp.namespace", "http://dancuquocgia.bca");
    m.put("lgsp.soapActionPrefix", "http://dancuquocgia.bca/");
    m.put("lgsp.endpoint", "dancu");
    m.put("lgsp.integrationCode", "ID06");
    m.put("lgsp.operation.verify", "XacThucThongTinCongDan");
    m.put("lgsp.operation.lookup", "TraCuuThongTinCongDan");
    m.put("lgsp.field.requestId", "MaYeuCau");
    m.put("lgsp.field.procedure", "MaDVC");
    m.put("lgsp.field.integration", "MaTichHop");
    m.put("lgsp.field.agency", "MaDonVi");
    m.put("lgsp.field.officer", "MaCanBo");
    m.put("lgsp.field.purpose", "MucDich");
    m.put("lgsp.field.consent", "CanCuPhapLy");
    m.put("lgsp.field.citizenId", "SoDinhDanh");
    m.put("lgsp.field.legacyId", "SoCMND");
    m.put("lgsp.field.fullName", "HoVaTen");
    m.put("lgsp.field.dateOfBirth", "NgayThangNamSinh");
    m.put("lgsp.field.sex", "GioiTinh");
    m.put("lgsp.field.result", "KetQua");
    m.put("lgsp.field.fieldResults", "ChiTietKetQua");
    m.put("lgsp.field.lifeStatus", "TinhTrang");
    m.put("lgsp.field.citizen", "CongDan");
    m.put("lgsp.field.nationality", "QuocTich");
    m.put("lgsp.field.ethnicity", "DanToc");
    m.put("lgsp.field.placeOfOrigin", "QueQuan");
    m.put("lgsp.field.address", "NoiThuongTru");
    m.put("lgsp.field.issueDate", "NgayCap");
    m.put("lgsp.value.match", "KHOP");
    m.put("lgsp.value.mismatch", "KHONG_KHOP");
    m.put("lgsp.value.notFound", "KHONG_TIM_THAY");
    m.put("lgsp.value.alive", "CON_SONG");
    m.put("lgsp.value.deceased", "DA_CHET");
    m.put("lgsp.value.missing", "MAT_TICH");
    m.put("lgsp.value.male", "Nam");
    m.put("lgsp.value.female", "Nữ");
    // The social-insurance card check.
    m.put("bhxh.tokenPath", "api/token/take");
    m.put("bhxh.cardCheckPath", "api/egw/KQNhanLichSuKCB2019");
    m.put("bhxh.passwordDigest", "MD5");
    m.put("bhxh.credentialsIn", "query");
    m.put("bhxh.field.cardNumber", "maThe");
    m.put("bhxh.field.fullName", "hoTen");
    m.put("bhxh.field.dateOfBirth", "ngaySinh");
    m.put("bhxh.field.sex", "gioiTinh");
    m.put("bhxh.field.address", "diaChi");
    m.put("bhxh.field.officerName", "hoTenCb");
    m.put("bhxh.field.officerId", "cccdCb");
    m.put("bhxh.field.resultCode", "maKetQua");
    m.put("bhxh.field.facilityCode", "maDKBD");
    m.put("bhxh.field.validFrom", "gtTheTu");
    m.put("bhxh.field.validTo", "gtTheDen");
    m.put("bhxh.field.socialInsuranceNumber", "maSoBHXH");
    m.put("bhxh.code.valid", "000,004");
    m.put("bhxh.code.expired", "010");
    m.put("bhxh.code.notFound", "050");
    m.put("bhxh.code.nameMismatch", "060,061");
    m.put("bhxh.code.birthDateMismatch", "070");
    m.put("bhxh.code.tokenOk", "200");
    return m;
  }

  /**
   * The defaults, as described above.
   *
   * @return the default mapping
   */
  public static WireMapping defaults() {
    return DEFAULT;
  }

  /**
   * Reads a mapping from a properties file (UTF-8, at most 64 KiB): the keys it holds replace the
   * defaults, the others keep them.
   *
   * @param file the file
   * @return the mapping
   * @throws InvalidInputException field {@code wireMapping} when the file cannot be read, is not
   *     UTF-8 or too large, holds an unknown key or a value of the wrong shape
   */
  public static WireMapping load(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE) {
        throw new InvalidInputException("wireMapping", InputReason.TOO_LONG, "at most 64 KiB");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new InvalidInputException("wireMapping", InputReason.EMPTY, "file cannot be read");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("wireMapping", InputReason.BINARY_DATA, "not UTF-8 text");
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException(
          "wireMapping", InputReason.MALFORMED, "not a properties file");
    }
    WireMapping m = DEFAULT;
    for (String key : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
      m = m.with(key, p.getProperty(key));
    }
    return m;
  }

  /**
   * A copy with one name changed.
   *
   * @param key one of the keys of {@link #asMap()}
   * @param value the new value
   * @return the new mapping
   * @throws InvalidInputException field {@code wireMapping} for an unknown key or a value of the
   *     wrong shape
   */
  public WireMapping with(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (!DEFAULTS.containsKey(key)) {
      throw new InvalidInputException("wireMapping", InputReason.UNKNOWN_VALUE, "unknown key");
    }
    String v = value.strip();
    check(key, v);
    Map<String, String> copy = new TreeMap<>(values);
    copy.put(key, v);
    return new WireMapping(copy);
  }

  private static void check(String key, String v) {
    boolean ok;
    if (key.startsWith("lgsp.field.") || key.startsWith("lgsp.operation.")) {
      ok = XML_NAME.matcher(v).matches();
    } else if (key.startsWith("bhxh.field.")) {
      ok = JSON_NAME.matcher(v).matches();
    } else if (key.startsWith("lgsp.value.") || key.equals("lgsp.integrationCode")) {
      ok = TOKEN.matcher(v).matches();
    } else if (key.startsWith("bhxh.code.")) {
      ok = CODES.matcher(v).matches();
    } else if (key.endsWith("Path") || key.equals("lgsp.endpoint")) {
      ok = PATH.matcher(v).matches() && !Arrays.asList(v.split("/")).contains("..");
    } else if (key.equals("bhxh.passwordDigest")) {
      ok = v.equals("MD5") || v.equals("NONE");
    } else if (key.equals("bhxh.credentialsIn")) {
      ok = v.equals("query") || v.equals("header");
    } else {
      // lgsp.namespace, lgsp.soapActionPrefix: a URI-like text without spaces or markup.
      ok =
          !v.isEmpty()
              && v.length() <= 200
              && v.chars().allMatch(c -> c > 0x20 && c < 0x7F)
              && v.chars()
                  .noneMatch(c -> c == '<' || c == '>' || c == '"' || c == '&' || c == '\'');
    }
    if (!ok) {
      throw new InvalidInputException(
          "wireMapping", InputReason.MALFORMED, "the value of " + key + " has the wrong shape");
    }
  }

  /**
   * Every key and its value, sorted by key.
   *
   * @return an unmodifiable map
   */
  public Map<String, String> asMap() {
    return values;
  }

  String name(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("no such mapping key: " + key);
    }
    return v;
  }

  List<String> codes(String key) {
    return Arrays.stream(name(key).split(",")).map(String::strip).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WireMapping w && w.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    long changed =
        values.entrySet().stream()
            .filter(e -> !DEFAULTS.get(e.getKey()).equals(e.getValue()))
            .count();
    return "WireMapping[" + changed + " names changed from the defaults]";
  }
}
