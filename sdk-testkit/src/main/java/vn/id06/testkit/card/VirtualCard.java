package vn.id06.testkit.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.smartcardio.CardTerminal;

/**
 * A software Vietnamese chip ID card: the chip side of the ICAO Doc 9303 eMRTD application (AID
 * A0000002471001) with BAC, PACE, 3DES and AES secure messaging, chip and active authentication,
 * for a {@link SyntheticCitizen}, with files signed by a test document signer under a test CSCA
 * that {@link #cscaCertificate()} exports.
 *
 * <p>It answers raw APDUs ({@link #transmit(byte[])}), appears in-process as a {@link CardTerminal}
 * ({@link #terminal()}), and attaches to a real pcscd through the vsmartcard vpcd driver ({@link
 * VpcdConnection}). It misbehaves on request: a tampered data group, a signer the CSCA did not
 * certify, a cloned chip, lying TLV lengths, removal after N APDUs, slow answers.
 *
 * <p>Thread-safe: APDUs are processed one at a time.
 */
public final class VirtualCard {
  /** The answer to reset presented to readers (T=1). */
  private static final byte[] ATR = buildAtr();

  private final SyntheticCitizen citizen;
  private final Map<Integer, byte[]> files;
  private final Chip chip;
  private final TestPki pki;
  private final int pullAfter;
  private final Duration answerDelay;
  private final Sleeper sleeper;
  private final String terminalName;
  private int apdus;
  private boolean present = true;

  private VirtualCard(Builder b) {
    this.citizen = b.citizen;
    SecureRandom keyRandom = TestPki.seeded(b.seed);
    this.pki = TestPki.create("id06", keyRandom);
    ChipKeys genuine = ChipKeys.create(keyRandom);
    ChipKeys used = b.clonedChip ? ChipKeys.create(TestPki.seeded(b.seed ^ 0x5EED)) : genuine;
    Map<Integer, byte[]> dgs = new LinkedHashMap<>();
    dgs.put(1, LdsFiles.dg1(citizen));
    dgs.put(2, LdsFiles.dg2(b.faceImage != null ? b.faceImage : FaceJpeg.generate(b.seed)));
    dgs.put(3, LdsFiles.dg3());
    dgs.put(13, LdsFiles.dg13(citizen));
    dgs.put(
        14,
        LdsFiles.dg14(
            genuine,
            b.chipAuthentication3Des ? LdsFiles.OID_CA_ECDH_3DES : LdsFiles.OID_CA_ECDH_AES_128));
    dgs.put(15, LdsFiles.dg15(genuine));
    for (Map.Entry<Integer, Long> lie : b.lyingLengths.entrySet()) {
      dgs.put(lie.getKey(), LdsFiles.withLyingLength(dgs.get(lie.getKey()), lie.getValue()));
    }
    TestPki signer = b.untrustedSigner ? TestPki.create("Rogue", TestPki.seeded(~b.seed)) : pki;
    byte[] sod = LdsFiles.sod(dgs, signer);
    for (int dg : b.tampered) {
      byte[] f = dgs.get(dg).clone();
      f[f.length - 1] ^= 0x01;
      dgs.put(dg, f);
    }
    Map<Integer, byte[]> all = new HashMap<>();
    for (Map.Entry<Integer, byte[]> e : dgs.entrySet()) {
      all.put(LdsFiles.fidOfDataGroup(e.getKey()), e.getValue());
    }
    all.put(LdsFiles.EF_COM, LdsFiles.com());
    all.put(LdsFiles.EF_SOD, sod);
    if (b.pace) {
      all.put(LdsFiles.EF_CARD_ACCESS, LdsFiles.cardAccess());
    }
    this.files = Map.copyOf(all);
    RandomGenerator random = b.random != null ? b.random : new SecureRandom();
    this.chip =
        new Chip(
            files,
            Mrz.keyInformation(
                citizen.documentNumber(), citizen.dateOfBirth(), citizen.dateOfExpiry()),
            citizen.can(),
            used,
            random,
            b.extendedLength,
            b.maxResponseSize);
    this.pullAfter = b.pullAfter;
    this.answerDelay = b.answerDelay;
    this.sleeper = b.sleeper;
    this.terminalName = b.terminalName;
  }

  /**
   * Starts a card for {@link SyntheticCitizen#nguyenThiHoa()} with extended length, PACE and BAC,
   * and no misbehaviour.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static byte[] buildAtr() {
    byte[] historical = Hex.parse("8073C82140009000");
    byte[] head =
        Hex.concat(
            new byte[] {0x3B, (byte) (0x80 | historical.length), (byte) 0x80, 0x01}, historical);
    int tck = 0;
    for (int i = 1; i < head.length; i++) {
      tck ^= head[i];
    }
    return Hex.concat(head, new byte[] {(byte) tck});
  }

  /**
   * The citizen whose data the card carries.
   *
   * @return the citizen
   */
  public SyntheticCitizen citizen() {
    return citizen;
  }

  /**
   * The answer to reset.
   *
   * @return a copy of the ATR bytes
   */
  public byte[] atr() {
    return ATR.clone();
  }

  /**
   * Processes one command APDU and returns the response APDU (data and status word).
   *
   * @param command the command APDU bytes
   * @return the response APDU bytes
   * @throws CardPulledException once the card has been pulled
   */
  public byte[] transmit(byte[] command) {
    Objects.requireNonNull(command, "command");
    synchronized (this) {
      if (!present) {
        throw new CardPulledException();
      }
      if (pullAfter >= 0 && apdus >= pullAfter) {
        present = false;
        throw new CardPulledException();
      }
      apdus++;
    }
    if (!answerDelay.isZero()) {
      try {
        sleeper.sleep(answerDelay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CardPulledException();
      }
    }
    synchronized (this) {
      return chip.process(command.clone());
    }
  }

  /** Power-cycles the chip: nothing selected, no secure messaging session. */
  public synchronized void reset() {
    chip.reset();
  }

  /**
   * Whether the card is still in its reader (false once pulled).
   *
   * @return true while present
   */
  public synchronized boolean present() {
    return present;
  }

  /**
   * How many command APDUs the card has answered (or refused by being pulled).
   *
   * @return the count since the card was built
   */
  public synchronized int apduCount() {
    return apdus;
  }

  /**
   * The exact bytes of a file as the card stores them (after any misbehaviour), for tests that
   * compare what a reader got.
   *
   * @param fileId the file identifier, e.g. {@code 0x0101} for DG1, {@code 0x011D} for EF.SOD
   * @return a copy of the bytes
   * @throws IllegalArgumentException when the card has no such file
   */
  public byte[] file(int fileId) {
    byte[] f = files.get(fileId);
    if (f == null) {
      throw new IllegalArgumentException("no file " + Integer.toHexString(fileId));
    }
    return f.clone();
  }

  /**
   * The test CSCA certificate that the card's genuine document signer chains to.
   *
   * @return the certificate
   */
  public X509Certificate cscaCertificate() {
    return pki.csca;
  }

  /**
   * Writes the test CSCA certificate: PEM when the file name ends in {@code .pem}, DER otherwise.
   *
   * @param file where to write
   * @return the file
   * @throws UncheckedIOException when it cannot be written
   */
  public Path exportCsca(Path file) {
    try {
      byte[] der = pki.csca.getEncoded();
      if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pem")) {
        String pem =
            "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
      } else {
        Files.write(file, der);
      }
      return file;
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The card in a reader, in-process, for any {@code javax.smartcardio} code.
   *
   * @return a terminal holding this card
   */
  public CardTerminal terminal() {
    return new VirtualCardTerminal(this, terminalName);
  }

  /** Builds a {@link VirtualCard}. Not thread-safe. */
  public static final class Builder {
    private SyntheticCitizen citizen = SyntheticCitizen.nguyenThiHoa();
    private long seed = 6;
    private RandomGenerator random;
    private boolean extendedLength = true;
    private int maxResponseSize = 65538;
    private boolean pace = true;
    private boolean chipAuthentication3Des;
    private final java.util.Set<Integer> tampered = new java.util.TreeSet<>();
    private boolean untrustedSigner;
    private boolean clonedChip;
    private final Map<Integer, Long> lyingLengths = new java.util.TreeMap<>();
    private int pullAfter = -1;
    private Duration answerDelay = Duration.ZERO;
    private Sleeper sleeper = Sleeper.system();
    private String terminalName = "id06 Virtual Card 00";
    private byte[] faceImage;

    private Builder() {}

    /**
     * The photo's bytes in DG2 (default a generated 15-20 KB JPEG), e.g. a large image to exercise
     * reads beyond offset 32,767, which need the odd READ BINARY (B1) with an offset data object.
     *
     * @param image the image bytes, 1 byte to 1 MB (labelled JPEG in DG2 whatever they are)
     * @return this builder
     */
    public Builder faceImage(byte[] image) {
      if (image.length == 0 || image.length > (1 << 20)) {
        throw new IllegalArgumentException("faceImage must be 1 byte to 1 MB");
      }
      this.faceImage = image.clone();
      return this;
    }

    /**
     * The card holder.
     *
     * @param citizen a synthetic citizen
     * @return this builder
     */
    public Builder citizen(SyntheticCitizen citizen) {
      this.citizen = Objects.requireNonNull(citizen, "citizen");
      return this;
    }

    /**
     * The seed of the test PKI, the chip's keys and the face image: the same seed gives the same
     * keys, certificates and photo.
     *
     * @param seed any number
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The chip's random source for challenges, BAC keys, PACE nonces and ephemeral keys (default a
     * {@link SecureRandom}); tests inject fixed bytes to reproduce the ICAO worked examples.
     *
     * @param random the source; its {@code nextBytes} is used
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Whether the card accepts extended-length APDUs (default true); without, it answers 6700.
     *
     * @param on whether
     * @return this builder
     */
    public Builder extendedLength(boolean on) {
      this.extendedLength = on;
      return this;
    }

    /**
     * The largest response APDU the card sends, status word and secure-messaging overhead included
     * (default 65538). A READ BINARY asking for more gets 6700 (extended) or 6Cxx (short); a
     * wildcard Le gets what fits.
     *
     * @param bytes at least 16
     * @return this builder
     */
    public Builder maxResponseSize(int bytes) {
      if (bytes < 16) {
        throw new IllegalArgumentException("maxResponseSize must be at least 16");
      }
      this.maxResponseSize = bytes;
      return this;
    }

    /**
     * Whether the card offers PACE in EF.CardAccess (default true); without, it has no
     * EF.CardAccess and only BAC works.
     *
     * @param on whether
     * @return this builder
     */
    public Builder pace(boolean on) {
      this.pace = on;
      return this;
    }

    /**
     * Announces chip authentication with 3DES (MSE:Set KAT) instead of AES-128 in DG14.
     *
     * @param on whether
     * @return this builder
     */
    public Builder chipAuthentication3Des(boolean on) {
      this.chipAuthentication3Des = on;
      return this;
    }

    /**
     * Misbehaviour: changes one byte of a data group after the SOD was signed, so its hash no
     * longer matches.
     *
     * @param dataGroup 1, 2, 13, 14 or 15
     * @return this builder
     */
    public Builder tamperedDataGroup(int dataGroup) {
      LdsFiles.tagOfDataGroup(dataGroup);
      tampered.add(dataGroup);
      return this;
    }

    /**
     * Misbehaviour: the SOD is signed by a document signer under another CSCA than the one the card
     * exports.
     *
     * @return this builder
     */
    public Builder untrustedSigner() {
      this.untrustedSigner = true;
      return this;
    }

    /**
     * Misbehaviour: a cloned chip. DG14 and DG15 (and the SOD) carry the genuine public keys, but
     * the chip answers with other private keys, so chip and active authentication fail.
     *
     * @return this builder
     */
    public Builder clonedChip() {
      this.clonedChip = true;
      return this;
    }

    /**
     * Misbehaviour: a data group's outer TLV length claims {@code claimedLength} bytes whatever its
     * real size (the SOD is signed over the lying bytes).
     *
     * @param dataGroup 1, 2, 13, 14 or 15
     * @param claimedLength the length to claim, up to 2^32-1
     * @return this builder
     */
    public Builder lyingLength(int dataGroup, long claimedLength) {
      LdsFiles.tagOfDataGroup(dataGroup);
      if (claimedLength < 0 || claimedLength > 0xFFFFFFFFL) {
        throw new IllegalArgumentException("claimedLength out of range");
      }
      lyingLengths.put(dataGroup, claimedLength);
      return this;
    }

    /**
     * Misbehaviour: the card is pulled after answering {@code apdus} APDUs; the next one fails.
     *
     * @param apdus how many APDUs it answers, at least 0
     * @return this builder
     */
    public Builder pulledAfter(int apdus) {
      if (apdus < 0) {
        throw new IllegalArgumentException("apdus must be at least 0");
      }
      this.pullAfter = apdus;
      return this;
    }

    /**
     * Misbehaviour: each answer takes {@code delay}, waited through {@code sleeper}.
     *
     * @param delay per APDU
     * @param sleeper what waits (tests pass one that only records)
     * @return this builder
     */
    public Builder slowAnswers(Duration delay, Sleeper sleeper) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("delay must not be negative");
      }
      this.answerDelay = delay;
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The in-process terminal's name (default "id06 Virtual Card 00").
     *
     * @param name the name
     * @return this builder
     */
    public Builder terminalName(String name) {
      this.terminalName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Builds the card: generates its test PKI, keys, face image and files.
     *
     * @return the card
     */
    public VirtualCard build() {
      return new VirtualCard(this);
    }
  }
}
