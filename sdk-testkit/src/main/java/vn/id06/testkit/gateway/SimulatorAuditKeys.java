package vn.id06.testkit.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Throwaway audit keys in the simulator's state folder, so trying {@code --audit} against the
 * simulator needs no setup: the folder {@code audit/} holds the same layout as an {@code
 * --audit-keys} folder, {@code hmac.key} (32 random bytes, the subject-hash key), {@code
 * signing-key.pem} (an Ed25519 PKCS#8 private key) and {@code signing.pem} (its public key). Test
 * material only: anyone who can read the state folder can rewrite a trail signed with it.
 *
 * <p>Stateless and thread-safe; two processes creating the folder at once end with one set of keys
 * (the folder appears by an atomic rename).
 */
public final class SimulatorAuditKeys {
  /** The folder's name inside the state folder. */
  public static final String FOLDER = "audit";

  private SimulatorAuditKeys() {}

  /**
   * Returns the audit-keys folder inside {@code stateDirectory}, creating the throwaway keys first
   * when it is missing.
   *
   * @param stateDirectory the simulator's state folder
   * @return {@code stateDirectory/audit}
   * @throws UncheckedIOException when the folder cannot be written
   */
  public static Path ensure(Path stateDirectory) {
    Path dir = stateDirectory.resolve(FOLDER);
    if (Files.isRegularFile(dir.resolve("signing.pem"))) {
      return dir;
    }
    try {
      Files.createDirectories(stateDirectory);
      Path tmp = Files.createTempDirectory(stateDirectory, ".audit-");
      try {
        write(tmp);
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException lost) {
        // Another process made the folder first: use its keys.
        deleteTree(tmp);
      } catch (IOException e) {
        deleteTree(tmp);
        if (!Files.isRegularFile(dir.resolve("signing.pem"))) {
          throw e;
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the simulator's audit keys", e);
    }
  }

  private static void write(Path dir) throws IOException {
    byte[] hmac = new byte[32];
    new SecureRandom().nextBytes(hmac);
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is unavailable", e);
    }
    Files.write(dir.resolve("hmac.key"), hmac);
    SimulatorKeys.write(
        dir.resolve("signing-key.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
    SimulatorKeys.write(dir.resolve("signing.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
    try {
      for (String f : new String[] {"hmac.key", "signing-key.pem"}) {
        Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rw-------"));
      }
    } catch (UnsupportedOperationException notPosix) {
      // The folder's own permissions are all there is.
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
