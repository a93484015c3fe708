package vn.id06.core.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/** Loads keys from configuration files. Stateless. */
final class AuditKeys {
  private AuditKeys() {}

  static KeyStore loadPkcs12(Path file, char[] password, String field) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
      return ks;
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new InvalidInputException(field, InputReason.ACCESS_REFUSED, "wrong password");
      }
      throw new InvalidInputException(
          field, InputReason.UNRECOGNISED_FORMAT, "not a readable PKCS#12 file");
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(field, InputReason.UNRECOGNISED_FORMAT, "not a PKCS#12 file");
    }
  }

  static Key loadPkcs12Key(Path file, char[] password, String alias, String field) {
    KeyStore ks = loadPkcs12(file, password, field);
    try {
      Key key = ks.getKey(alias, password);
      if (key == null) {
        throw new InvalidInputException(field, InputReason.UNKNOWN_VALUE, "no such key entry");
      }
      return key;
    } catch (GeneralSecurityException e) {
      throw new InvalidInputException(
          field, InputReason.ACCESS_REFUSED, "the entry cannot be read");
    }
  }
}
