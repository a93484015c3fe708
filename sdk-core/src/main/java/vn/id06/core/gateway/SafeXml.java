package vn.id06.core.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import vn.id06.core.InputReason;
import vn.id06.core.InvalidInputException;

/**
 * XML in and out for the SOAP profile, hardened: a DOCTYPE is refused outright (which rules out
 * external entities, parameter entities and entity expansion such as "billion laughs"), external
 * DTDs, schemas and XInclude are off, secure processing is on, and the input is a byte array the
 * caller has already bounded. Nothing here resolves a URL or reads a file. Stateless and
 * thread-safe (a factory is made per parse: the JDK's factories are not thread-safe).
 */
final class SafeXml {

  /** The deepest element nesting accepted (a SOAP answer needs about eight). */
  static final int MAX_DEPTH = 64;

  private SafeXml() {}

  /** Why a document was refused; the message never quotes the document. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private static final ErrorHandler STRICT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // Warnings do not stop a parse; they are not printed either.
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  static DocumentBuilder builder() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setAttribute("jdk.xml.entityExpansionLimit", "64");
      f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setValidating(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(STRICT);
      b.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity refused");
          });
      return b;
    } catch (ParserConfigurationException | IllegalArgumentException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
    }
  }

  /**
   * Parses a bounded document.
   *
   * @throws Refused if it declares a DOCTYPE or entities, is not well-formed, or nests too deep
   */
  static Document parse(byte[] bytes) throws Refused {
    if (declaresDoctype(bytes)) {
      throw new Refused("declares a DOCTYPE (refused: no DTDs or entities are accepted)");
    }
    try {
      return builder().parse(new InputSource(new ByteArrayInputStream(bytes)));
    } catch (SAXException e) {
      throw new Refused("is not well-formed XML, or uses a DTD, an entity or too deep a nesting");
    } catch (IOException e) {
      throw new Refused("cannot be read as XML");
    }
  }

  /** A quick look for {@code <!DOCTYPE} before the root element, to name the refusal exactly. */
  static boolean declaresDoctype(byte[] b) {
    int n = Math.min(b.length, 4096);
    String head = new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    int root = -1;
    for (int i = 0; i < head.length() - 1; i++) {
      char c = head.charAt(i);
      char d = head.charAt(i + 1);
      if (c == '<' && d != '?' && d != '!') {
        root = i;
        break;
      }
    }
    String prolog = root < 0 ? head : head.substring(0, root);
    return prolog.toUpperCase(java.util.Locale.ROOT).contains("<!DOCTYPE");
  }

  /** The element children of a node. */
  static List<Element> children(Node parent) {
    List<Element> out = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first child element with this local name (any namespace), or null. */
  static Element child(Node parent, String localName) {
    for (Element e : children(parent)) {
      if (localName.equals(e.getLocalName())) {
        return e;
      }
    }
    return null;
  }

  /** The trimmed text of a child element, or null when it is absent or empty. */
  static String text(Node parent, String localName) {
    Element e = child(parent, localName);
    if (e == null) {
      return null;
    }
    String t = e.getTextContent().strip();
    return t.isEmpty() ? null : t;
  }

  /** Escapes text content or an attribute value; refuses characters XML 1.0 cannot carry. */
  static String escape(String name, String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        default -> {
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
            throw new InvalidInputException(
                name, InputReason.MALFORMED, "a character XML cannot carry");
          }
          b.append(c);
        }
      }
    }
    return b.toString();
  }
}
