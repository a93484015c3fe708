/**
 * id06 core: citizen data types, text repair and card-QR parsing for Project 06 (Đề án 06)
 * integrators.
 *
 * <p>Only the API packages are exported; {@code vn.id06.core.internal...} is implementation.
 */
// The product is called id06; javac's "module" lint dislikes a name part ending in digits.
@SuppressWarnings("module")
module vn.id06.core {
  requires com.fasterxml.jackson.core;
  requires org.slf4j;

  exports vn.id06.core;
  exports vn.id06.core.address;
  exports vn.id06.core.audit;
  exports vn.id06.core.citizen;
  exports vn.id06.core.insurance;
  exports vn.id06.core.qr;
  exports vn.id06.core.resilience;
  exports vn.id06.core.text;
}
