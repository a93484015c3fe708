package vn.id06.core.address;

/**
 * The code namespace of an administrative unit. The national statistics office's codes before and
 * after the reform of 1 July 2025 overlap in value but not in meaning (commune code 00004 was
 * Phường Trúc Bạch before the reform and is Phường Ba Đình after it; province code 52 was Bình Định
 * and is now Gia Lai), so a code means nothing without its era.
 *
 * <p>Thread-safe (an enum).
 */
public enum Era {
  /** Units as they stood on 30 June 2025: 63 provinces, 696 districts, about 10,000 communes. */
  PRE_REFORM,
  /** Units from 1 July 2025: 34 provinces, no district level, 3,321 commune-level units. */
  POST_REFORM
}
