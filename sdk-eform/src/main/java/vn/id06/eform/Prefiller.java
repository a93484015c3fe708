package vn.id06.eform;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import vn.id06.core.CitizenField;
import vn.id06.core.InvalidInputException;
import vn.id06.core.address.Address;
import vn.id06.core.address.AdministrativeUnit;
import vn.id06.core.address.AdministrativeUnits;
import vn.id06.core.address.Certainty;
import vn.id06.core.address.CurrentUnits;
import vn.id06.core.address.Division;
import vn.id06.core.address.ResolvedAddress;
import vn.id06.core.citizen.CitizenId;
import vn.id06.core.citizen.CitizenRecord;
import vn.id06.core.citizen.DocumentExpiry;
import vn.id06.core.citizen.Ethnicity;
import vn.id06.core.citizen.LegacyId;
import vn.id06.core.citizen.Nationality;
import vn.id06.core.citizen.PartialDate;
import vn.id06.core.citizen.ProofLevel;
import vn.id06.core.citizen.Provenance;
import vn.id06.core.citizen.Religion;
import vn.id06.core.citizen.Sex;
import vn.id06.core.citizen.Sourced;
import vn.id06.core.citizen.VietnameseName;
import vn.id06.core.insurance.HealthInsuranceCard;

/**
 * The prefill engine: fills a form from any number of citizen records (population database, chip
 * read, card QR, the citizen's own input), each value keeping its provenance.
 *
 * <ul>
 *   <li>Precedence follows {@link ProofLevel} (strongest proof first, the citizen last); among
 *       sources of one level, the most recent first.
 *   <li>Sources that disagree on a field are reported as a {@link Conflict}; the strongest source's
 *       value is shown, never a silent merge.
 *   <li>A value from a source other than the citizen, in a field whose lock policy is {@link
 *       LockPolicy#AUTHORITATIVE}, is locked; {@link FormSealer} seals the locked values.
 *   <li>Addresses are asked for under today's administrative units. An address that names a
 *       province absorbed in the 2025 reform, or a district (a level abolished then), cannot be
 *       placed at commune level with certainty: today's province is prefilled and locked, the rest
 *       stays editable and marked to confirm, with the old text kept as its origin. An address that
 *       no longer exists is never locked.
 * </ul>
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}.
 */
public final class Prefiller {
  private final Clock clock;

  private Prefiller(Builder b) {
    this.clock = b.clock;
  }

  /**
   * Starts a prefiller.
   *
   * @return a builder (not thread-safe)
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Prefills a form.
   *
   * @param form the form
   * @param sources what the sources say about the applicant, in any order
   * @return the prefilled form
   */
  public PrefilledForm prefill(FormDefinition form, List<CitizenRecord> sources) {
    return prefill(form, sources, List.of());
  }

  /**
   * Prefills a form from citizen records and health-insurance cards (e.g. a BHYT card's QR, {@link
   * vn.id06.core.qr.CardQr#healthInsurance()}), which fill the card fields ({@code cardNumber},
   * {@code socialInsuranceNumber}, {@code facilityCode}, {@code validFrom}, {@code validTo}).
   *
   * @param form the form
   * @param sources what the sources say about the applicant, in any order
   * @param insuranceCards the applicant's health-insurance cards, each with its provenance
   * @return the prefilled form
   */
  public PrefilledForm prefill(
      FormDefinition form,
      List<CitizenRecord> sources,
      List<Sourced<HealthInsuranceCard>> insuranceCards) {
    Objects.requireNonNull(form, "form");
    List<CitizenRecord> records = List.copyOf(sources);
    List<Sourced<HealthInsuranceCard>> cards = List.copyOf(insuranceCards);
    LocalDate today = LocalDate.now(clock);
    Map<String, PrefilledValue> values = new LinkedHashMap<>();
    List<Conflict> conflicts = new ArrayList<>();
    for (FormField f : form.fields()) {
      if (f.binding().isEmpty()) {
        continue;
      }
      CitizenField field = f.binding().get().field();
      List<Candidate> candidates = new ArrayList<>();
      for (CitizenRecord r : records) {
        r.get(field).flatMap(v -> candidate(f, v, r.provenance())).ifPresent(candidates::add);
      }
      for (Sourced<HealthInsuranceCard> c : cards) {
        cardField(c.value(), field)
            .flatMap(v -> candidate(f, v, c.provenance()))
            .ifPresent(candidates::add);
      }
      if (candidates.isEmpty()) {
        continue;
      }
      candidates.sort(STRONGEST_FIRST);
      Candidate chosen = candidates.get(0);
      Set<String> keys = new LinkedHashSet<>();
      candidates.forEach(c -> keys.add(c.key()));
      if (keys.size() > 1) {
        conflicts.add(
            new Conflict(
                f.id(),
                candidates.stream()
                    .map(
                        c ->
                            new PrefilledValue(
                                f.id(),
                                c.text(),
                                Optional.of(c.provenance()),
                                false,
                                Optional.empty(),
                                false))
                    .toList()));
      }
      boolean lock =
          f.lock() == LockPolicy.AUTHORITATIVE
              && chosen.provenance().level() != ProofLevel.SELF_DECLARED;
      if (f.type() == FieldType.ADDRESS && chosen.raw() instanceof Address a) {
        placeAddress(f, a, chosen.provenance(), lock, today, values);
      } else {
        values.put(
            f.id(),
            new PrefilledValue(
                f.id(),
                chosen.text(),
                Optional.of(chosen.provenance()),
                lock,
                Optional.empty(),
                false));
      }
    }
    return new PrefilledForm(form, values, conflicts, clock.instant());
  }

  /**
   * Prefills a form.
   *
   * @param form the form
   * @param sources what the sources say about the applicant, in any order
   * @return the prefilled form
   */
  public PrefilledForm prefill(FormDefinition form, CitizenRecord... sources) {
    return prefill(form, List.of(sources));
  }

  /** A health-insurance card's own fields; the holder's identity comes from its record. */
  private static Optional<Object> cardField(HealthInsuranceCard card, CitizenField field) {
    Object v =
        switch (field) {
          case HEALTH_INSURANCE_CARD_NUMBER -> card.cardNumber();
          case SOCIAL_INSURANCE_NUMBER -> card.socialInsuranceNumber();
          case FACILITY_CODE -> card.facilityCode().orElse(null);
          case VALID_FROM -> card.validFrom().orElse(null);
          case VALID_TO -> card.validTo().orElse(null);
          default -> null;
        };
    return Optional.ofNullable(v);
  }

  private static final Comparator<Candidate> STRONGEST_FIRST =
      Comparator.comparing((Candidate c) -> c.provenance().level())
          .thenComparing(c -> c.provenance().obtainedAt(), Comparator.reverseOrder());

  /** One source's value for a field, as text in the form's conventions and a comparison key. */
  private record Candidate(Object raw, String text, String key, Provenance provenance) {}

  /** The value as the field shows it, or empty if this field cannot show it. */
  private static Optional<Candidate> candidate(FormField f, Object v, Provenance p) {
    String text;
    String key;
    if (v instanceof VietnameseName n) {
      text = n.value();
      key = n.comparisonKey();
    } else if (v instanceof CitizenId id) {
      text = id.value();
      key = text;
    } else if (v instanceof LegacyId id) {
      text = id.value();
      key = text;
    } else if (v instanceof PartialDate d) {
      if (f.type() == FieldType.DATE) {
        Optional<LocalDate> full = d.toLocalDate();
        if (full.isEmpty()) {
          return Optional.empty(); // a partial date cannot fill a full-date field
        }
        text = full.get().toString();
      } else {
        text = d.toIso();
      }
      key = text;
    } else if (v instanceof LocalDate d) {
      text = d.toString();
      key = text;
    } else if (v instanceof Sex s) {
      text = s.name();
      key = text;
    } else if (v instanceof Address a) {
      text = a.text();
      key = addressKey(text);
    } else if (v instanceof Nationality n) {
      text = n.name();
      key = n.code().isEmpty() ? n.name() : n.code();
    } else if (v instanceof Ethnicity e) {
      text = e.name();
      key = e.code().isEmpty() ? e.name() : e.code();
    } else if (v instanceof Religion r) {
      text = r.name();
      key = r.code().isEmpty() ? r.name() : r.code();
    } else if (v instanceof DocumentExpiry.On on) {
      text = on.date().toString();
      key = text;
    } else if (v instanceof String s) {
      text = s;
      key = Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    } else if (v instanceof Enum<?> e) {
      text = e.name();
      key = text;
    } else {
      return Optional.empty(); // a type this engine does not show yet: left for the citizen
    }
    if (f.type() == FieldType.CHOICE
        && f.options().stream().noneMatch(o -> o.value().equals(text))) {
      return Optional.empty();
    }
    return Optional.of(new Candidate(v, text, key, p));
  }

  private static String addressKey(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("\\s*,\\s*", ",")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /**
   * Places an address under today's units, through sdk-core's commune-level resolution. An address
   * that maps to exactly one commune of today is prefilled in today's words (detail as written,
   * today's commune and province) and locked, the text as written kept as its origin. An address
   * whose commune was divided (or is ambiguous) gets today's province locked and the rest left
   * editable, to confirm. Otherwise only an address already in today's form (a current province, no
   * district) is kept whole; an old province gives today's province and the rest to confirm.
   */
  private static void placeAddress(
      FormField f,
      Address a,
      Provenance p,
      boolean lock,
      LocalDate today,
      Map<String, PrefilledValue> values) {
    boolean afterReform = !today.isBefore(AdministrativeUnits.builtIn().reformDate());
    // Only an address that names its province is mapped: a bare commune name is not vouched for.
    Optional<ResolvedAddress> resolved =
        afterReform && a.province().isPresent() ? resolution(a) : Optional.empty();
    if (resolved.isPresent()) {
      CurrentUnits current = resolved.get().toCurrentUnits();
      if (current.certainty() == Certainty.EXACT && current.commune().isPresent()) {
        Division commune = current.commune().get();
        String detail = resolved.get().detail().strip();
        String text =
            (detail.isEmpty() ? "" : detail + ", ")
                + commune.name()
                + ", "
                + commune.province().name();
        Optional<String> origin =
            addressKey(text).equals(addressKey(a.text()))
                ? Optional.empty()
                : Optional.of(a.text());
        values.put(f.id(), new PrefilledValue(f.id(), text, Optional.of(p), lock, origin, false));
        return;
      }
      if (current.certainty() == Certainty.SPLIT && current.province().isPresent()) {
        placeProvince(f, a, current.province().get().name(), p, lock, values);
        return;
      }
    }
    Optional<AdministrativeUnit> named = a.province();
    if (!afterReform
        || (named.isPresent() && named.get().isValidOn(today) && !a.hasDistrictLevel())) {
      values.put(
          f.id(),
          new PrefilledValue(f.id(), a.text(), Optional.of(p), lock, Optional.empty(), false));
      return;
    }
    if (named.isEmpty()) {
      // No province recognised: nothing to vouch for, the citizen writes it.
      values.put(
          f.id(),
          new PrefilledValue(f.id(), a.text(), Optional.of(p), false, Optional.of(a.text()), true));
      return;
    }
    AdministrativeUnit province = a.provinceOn(today).orElseThrow();
    placeProvince(
        f,
        a,
        (province.level() == AdministrativeUnit.Level.CITY ? "Thành phố " : "Tỉnh ")
            + province.name(),
        p,
        lock,
        values);
  }

  /** Today's province locked (when the field locks), the rest of the address to confirm. */
  private static void placeProvince(
      FormField f,
      Address a,
      String province,
      Provenance p,
      boolean lock,
      Map<String, PrefilledValue> values) {
    values.put(
        f.id(),
        new PrefilledValue(
            f.id(), withoutLastPart(a.text()), Optional.of(p), false, Optional.of(a.text()), true));
    String path = f.id() + PrefilledForm.PROVINCE_SUFFIX;
    values.put(
        path,
        new PrefilledValue(path, province, Optional.of(p), lock, Optional.of(a.text()), false));
  }

  /** The address's units; empty when its text cannot be read (nothing guessed). */
  private static Optional<ResolvedAddress> resolution(Address a) {
    try {
      return Optional.of(a.resolution());
    } catch (InvalidInputException e) {
      return Optional.empty();
    }
  }

  /** The address without its last comma-separated part (the province). */
  private static String withoutLastPart(String text) {
    int comma = text.lastIndexOf(',');
    return comma < 0 ? "" : text.substring(0, comma).strip();
  }

  @Override
  public String toString() {
    return "Prefiller[" + clock.getZone() + "]";
  }

  /** Builds a {@link Prefiller}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.system(ZoneId.of("Asia/Ho_Chi_Minh"));

    private Builder() {}

    /**
     * The clock giving today's date (which administrative units are in force) and the prefill's
     * time; defaults to the system clock in Vietnam's zone.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the prefiller.
     *
     * @return the prefiller
     */
    public Prefiller build() {
      return new Prefiller(this);
    }
  }
}
