package vn.id06.core.qr;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.id06.core.InvalidInputException;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.text.TextRepairer;

/**
 * Parses the QR code printed on Vietnamese identity cards (2021 CCCD, 2024 Căn cước) and
 * health-insurance (BHYT) cards into a {@link CardQr}.
 *
 * <p>Text damaged on its way from the scanner ("lỗi phông chữ": UTF-8 read as Windows-1252, Telex
 * or VNI input methods, legacy encodings, NFD, Ð for Đ) is repaired where the repair is certain,
 * and every repair is reported; text that is damaged beyond certain repair is refused rather than
 * guessed.
 *
 * <p>Any input yields either a {@link CardQr} or an {@link vn.id06.core.InvalidInputException}
 * naming the field and the reason; messages never contain the input. Input longer than {@link
 * Builder#maxInputLength(int)} is refused before any other work.
 *
 * <p>Immutable and thread-safe: share one instance.
 */
public final class CardQrParser {
  private static final Logger LOG = LoggerFactory.getLogger(CardQrParser.class);

  /** Default limit on the input length, in chars. */
  public static final int DEFAULT_MAX_INPUT_LENGTH = 4096;

  private static final CardQrParser STANDARD = builder().build();

  private final QrEngine engine;

  private CardQrParser(Builder b) {
    this.engine = new QrEngine(b.clock, b.maxInputLength, TextRepairer.standard());
  }

  /**
   * Returns a parser with the defaults: system clock in Vietnam's time zone, {@value
   * #DEFAULT_MAX_INPUT_LENGTH} chars, {@link TextRepairer#standard()}.
   *
   * @return the shared standard parser
   */
  public static CardQrParser standard() {
    return STANDARD;
  }

  /**
   * Starts configuring a parser.
   *
   * @return a new builder with the defaults of {@link #standard()}
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Parses the text read from a QR code. A leading byte-order mark, surrounding whitespace and
   * trailing CR/LF are ignored.
   *
   * @param qr the text, as the scanner delivered it
   * @return the parsed QR code
   * @throws vn.id06.core.InvalidInputException when the text is empty, too long, in no known
   *     layout, or holds an invalid, impossible or unrepairable field
   */
  public CardQr parse(String qr) {
    try {
      return logged(engine.parse(qr));
    } catch (InvalidInputException e) {
      throw rejected(e);
    } catch (vn.id06.core.Id06Exception e) {
      throw e;
    } catch (RuntimeException e) {
      throw bug(e);
    }
  }

  /**
   * Parses the raw bytes read from a QR code: strict UTF-8 when they are valid UTF-8, otherwise a
   * legacy encoding the bytes give evidence of (see {@link TextRepairer#decode(String, byte[])}).
   *
   * @param qr the bytes
   * @return the parsed QR code
   * @throws vn.id06.core.InvalidInputException as {@link #parse(String)}, and with reason {@code
   *     BINARY_DATA} when the bytes are not text
   */
  public CardQr parse(byte[] qr) {
    try {
      return logged(engine.parse(qr));
    } catch (InvalidInputException e) {
      throw rejected(e);
    } catch (vn.id06.core.Id06Exception e) {
      throw e;
    } catch (RuntimeException e) {
      throw bug(e);
    }
  }

  /**
   * A RuntimeException from inside the parser is a bug of the SDK, never bad input: it surfaces as
   * an internal error. Its message may quote the value, so only the class name is carried in the
   * message; the cause is kept for the stack trace.
   */
  private static IllegalStateException bug(RuntimeException e) {
    return new IllegalStateException(
        "internal error while parsing a card QR (" + e.getClass().getName() + ")", e);
  }

  // Field names, reason codes, kinds and masked IDs only: never a name, a date or a full ID.
  private static InvalidInputException rejected(InvalidInputException e) {
    LOG.debug("card QR rejected: field={} reason={}", e.field(), e.reason());
    return e;
  }

  private static CardQr logged(CardQr p) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "card QR parsed: kind={} citizen={} repairs={} inconsistencies={}",
          p.kind(),
          p.record().citizenId().map(CitizenId::masked).orElse("-"),
          p.repairs(),
          p.inconsistencies());
    }
    return p;
  }

  /** Configures a {@link CardQrParser}. Not thread-safe; use one builder per thread. */
  public static final class Builder {
    private Clock clock = Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));
    private int maxInputLength = DEFAULT_MAX_INPUT_LENGTH;

    private Builder() {}

    /**
     * Sets the clock that decides which dates lie in the future (its zone gives "today"). Default:
     * the system clock in {@code Asia/Ho_Chi_Minh}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the longest input accepted, in chars ({@code parse(byte[])} allows three bytes per
     * char). Default {@value #DEFAULT_MAX_INPUT_LENGTH}.
     *
     * @param maxInputLength the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException when the limit is below 1
     */
    public Builder maxInputLength(int maxInputLength) {
      if (maxInputLength < 1) {
        throw new IllegalArgumentException("maxInputLength must be at least 1");
      }
      this.maxInputLength = maxInputLength;
      return this;
    }

    /**
     * Builds the parser.
     *
     * @return the parser
     */
    public CardQrParser build() {
      return new CardQrParser(this);
    }
  }
}
