package vn.id06.cardreader;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.smartcardio.CardTerminal;

/**
 * Reads the Vietnamese chip ID card (ICAO 9303 eMRTD application) and proves what it read.
 *
 * <pre>{@code
 * try (ChipCardReader reader = ChipCardReader.builder()
 *     .terminal(TerminalFactory.getDefault().terminals().getTerminal("ACS ACR1252 1S CL Reader PICC 0"))
 *     .trustAnchors(Path.of("csca/"))
 *     .build()) {
 *   reader.waitForCard(Duration.ofSeconds(30));
 *   ChipReadResult r = reader.read(AccessKey.ofCitizenId(id, dateOfBirth, dateOfExpiry));
 *   if (r.provenance().level().atLeast(ProofLevel.CHIP_AUTHENTICATED)) { ... }
 * }
 * }</pre>
 *
 * <p>Access is PACE when the card offers it in EF.CardAccess, BAC otherwise. Each read opens a new
 * session and reads EF.COM, DG1, DG2, DG13, DG14, DG15 and EF.SOD, then runs active, chip and
 * passive authentication.
 *
 * <p>Errors: access data the card refuses is an {@code InvalidInputException} (reason {@code
 * ACCESS_REFUSED}); a removed card, a failing reader or the timeout is an {@code
 * UnavailableException}; broken secure messaging is a {@code VerificationException}. A proof that
 * fails is not an exception: it is reported in the result.
 *
 * <p>Instances are immutable and thread-safe; reads of one terminal are serialised, since a card
 * holds one session at a time. Closing releases nothing but marks the reader closed.
 */
public interface ChipCardReader extends AutoCloseable {

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Connects to the card in the configured terminal and reads it.
   *
   * @param key the access data
   * @return what was read and proven
   * @throws IllegalStateException when the reader was built without a terminal, or is closed
   */
  ChipReadResult read(AccessKey key);

  /**
   * Reads the card behind a transport (a scripted card, a replay, another PC/SC stack). The
   * transport is not closed.
   *
   * @param transport the card
   * @param key the access data
   * @return what was read and proven
   */
  ChipReadResult read(ApduTransport transport, AccessKey key);

  /**
   * Passive authentication of files read earlier, with no card (for instance files kept at check-in
   * and checked again later): every data group's hash against EF.SOD, EF.SOD's CMS signature, and
   * the document signer's chain to this reader's trust anchors (and CRLs) at this reader's clock's
   * time. The same check a read makes.
   *
   * @param sod EF.SOD as read from the card
   * @param dataGroups data group numbers to their raw bytes, as {@link ChipReadResult#dataGroup}
   *     gives them
   * @return proven, or failed or not available with the reason
   */
  Proof verifyPassive(byte[] sod, Map<Integer, byte[]> dataGroups);

  /**
   * Waits until a card is present in the terminal.
   *
   * @param timeout how long to wait at most (zero: check only)
   * @return true when a card is present
   */
  boolean waitForCard(Duration timeout);

  /**
   * Waits until the card is removed from the terminal.
   *
   * @param timeout how long to wait at most (zero: check only)
   * @return true when no card is present
   */
  boolean waitForCardRemoval(Duration timeout);

  /** Marks the reader closed; later reads fail. */
  @Override
  void close();

  /** Builds a {@link ChipCardReader}. Not thread-safe; build once and share the reader. */
  final class Builder {
    CardTerminal terminal;
    final List<X509Certificate> anchors = new ArrayList<>();
    final List<X509CRL> crls = new ArrayList<>();
    Clock clock = Clock.systemUTC();
    SecureRandom random;
    Duration timeout = Duration.ofSeconds(60);
    int maxResponseBytes = 8192;
    boolean extendedLength = true;
    boolean preferPace = true;
    ReadListener listener = ReadListener.NONE;

    Builder() {}

    /**
     * The PC/SC terminal (reader) to use, e.g. from {@code TerminalFactory.getDefault()}.
     *
     * @param terminal the terminal
     * @return this builder
     */
    public Builder terminal(CardTerminal terminal) {
      this.terminal = Objects.requireNonNull(terminal, "terminal");
      return this;
    }

    /**
     * Adds trusted CSCA certificates.
     *
     * @param certificates the CSCA certificates
     * @return this builder
     */
    public Builder trustAnchors(Collection<X509Certificate> certificates) {
      anchors.addAll(List.copyOf(certificates));
      return this;
    }

    /**
     * Adds trust material from a file or a directory: PEM or DER certificates (the CSCAs), CRLs,
     * and ICAO master lists.
     *
     * @param fileOrDirectory where the files are
     * @return this builder
     * @throws vn.id06.core.InvalidInputException when a file cannot be read or understood
     */
    public Builder trustAnchors(Path fileOrDirectory) {
      TrustMaterial.Loaded loaded = TrustMaterial.load(fileOrDirectory);
      anchors.addAll(loaded.anchors());
      crls.addAll(loaded.crls());
      return this;
    }

    /**
     * Adds CRLs; each certificate of a chain is then checked against them. Without CRLs, no
     * revocation check is made (and that is not a failure).
     *
     * @param revocationLists the CRLs
     * @return this builder
     */
    public Builder crls(Collection<X509CRL> revocationLists) {
      crls.addAll(List.copyOf(revocationLists));
      return this;
    }

    /**
     * The clock: certificates must be valid at its time, and the timeout counts on it.
     *
     * @param clock the clock (default: system UTC)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The random source for challenges and key agreement (default: a new {@code SecureRandom}).
     *
     * @param random the random source
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * The deadline of one read (default 60 s), checked between APDUs.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The largest response APDU the reader and card accept, secure-messaging overhead included
     * (default 8192, the JDK's PC/SC bridge's limit; 258 or less means short APDUs only).
     *
     * @param bytes between 258 and 65538
     * @return this builder
     */
    public Builder maxResponseBytes(int bytes) {
      if (bytes < 258 || bytes > 65538) {
        throw new IllegalArgumentException("maxResponseBytes must be in [258, 65538]");
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Whether to use extended-length READ BINARY (default true). A card that refuses it with 6700
     * is read in short blocks; turn it off for cards that end secure messaging on such an error.
     *
     * @param enabled true to use extended length
     * @return this builder
     */
    public Builder extendedLength(boolean enabled) {
      this.extendedLength = enabled;
      return this;
    }

    /**
     * Whether to try PACE first when EF.CardAccess offers it (default true); false means BAC.
     *
     * @param enabled true to prefer PACE
     * @return this builder
     */
    public Builder preferPace(boolean enabled) {
      this.preferPace = enabled;
      return this;
    }

    /**
     * A listener for per-file progress.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(ReadListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the reader.
     *
     * @return the reader
     */
    public ChipCardReader build() {
      return new DefaultChipCardReader(this);
    }
  }
}
