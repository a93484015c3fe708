package vn.id06.eform;

import java.util.Objects;
import java.util.Optional;

/**
 * The published form a definition follows: the legal instrument and the form's number in it, e.g.
 * Circular 66/2023/TT-BCA, form CT01.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the legal instrument (circular, decision) and its amendments
 * @param form the form's number or symbol in it
 * @param name the form's name, if given
 */
public record LegalForm(String instrument, String form, Optional<LocalizedText> name) {
  /**
   * Checks the components.
   *
   * @throws NullPointerException if any is null
   */
  public LegalForm {
    Objects.requireNonNull(instrument, "instrument");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(name, "name");
  }
}
