package vn.id06.core.address;

import java.util.Objects;

/**
 * One row of the 2025 reform's mapping: a pre-reform commune and a post-reform commune that took
 * all of it ({@link Share#WHOLE}) or part of it ({@link Share#PART}). A commune divided between
 * several new communes has one row per part.
 *
 * <p>Immutable and thread-safe; holds public geography only.
 *
 * @param from the pre-reform unit
 * @param to the post-reform unit
 * @param share whole or part
 */
public record Succession(Division from, Division to, Share share) {

  /** How much of the old unit went to the new one. */
  public enum Share {
    /** All of the old unit (nhập toàn bộ). */
    WHOLE,
    /** Part of the old unit (nhập một phần): other parts went elsewhere. */
    PART
  }

  /**
   * Checks the components.
   *
   * @throws NullPointerException if any is null
   */
  public Succession {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(share, "share");
  }
}
