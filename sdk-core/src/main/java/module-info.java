/**
 * id06 core: citizen data types, text repair and card-QR parsing for Project 06 (Đề án 06)
 * integrators.
 *
 * <p>Only the API packages are exported; {@code vn.id06.core.internal...} is implementation.
 */
// The product is called id06; javac's "module" lint dislikes a name part ending in digits.
// HttpClient 5 ships as automatic modules (Automatic-Module-Name); there is no modular release.
@SuppressWarnings({"module", "requires-automatic"})
module vn.id06.core {
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  // Gateway client (issue 9): implementation only, never in a public signature.
  requires com.fasterxml.jackson.databind;
  requires com.nimbusds.jose.jwt;
  requires org.apache.httpcomponents.client5.httpclient5;
  requires org.apache.httpcomponents.core5.httpcore5;
  // The LGSP (SOAP) profile parses answers with the JDK's XML parser, hardened (issue 10).
  requires java.xml;
  // Ed25519 checkpoint signatures of the audit trail (about 17 times JDK 17's speed).
  requires org.bouncycastle.provider;

  exports vn.id06.core;
  exports vn.id06.core.address;
  exports vn.id06.core.audit;
  exports vn.id06.core.citizen;
  exports vn.id06.core.gateway;
  exports vn.id06.core.insurance;
  exports vn.id06.core.qr;
  exports vn.id06.core.resilience;
  exports vn.id06.core.text;
}
