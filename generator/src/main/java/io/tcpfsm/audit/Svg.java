package io.tcpfsm.audit;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/**
 * Makes an SVG document (the state diagram, from {@code tcpfsm diagram} or Graphviz) fit to be
 * put inline in the page: its XML declaration and DOCTYPE removed, checked to be well-formed
 * XML whose root is {@code svg}, with no script. The page stays self-contained and parseable.
 */
public final class Svg {
  /** An SVG larger than this is refused before it is parsed. */
  public static final int MAX_CHARS = 8 << 20;

  private Svg() {}

  /** The SVG ready to inline; {@code name} is what a problem names. */
  public static String inline(String name, String text) {
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException(name + ": " + text.length() + " characters; a diagram may have at most " + MAX_CHARS);
    }
    String body = text.replaceFirst("^\\uFEFF", "").replaceAll("<\\?xml[^>]*\\?>", "").replaceAll("(?s)<!DOCTYPE[^>\\[]*(\\[.*?\\])?\\s*>", "")
        .replaceAll("(?s)<!--.*?-->", "").strip();
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      var builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      Document d = builder.parse(new InputSource(new StringReader(body)));
      if (!"svg".equals(d.getDocumentElement().getLocalName())) {
        throw new IllegalArgumentException(name + ": not an SVG document (its root element is <" + d.getDocumentElement().getNodeName() + ">)");
      }
      if (d.getElementsByTagNameNS("*", "script").getLength() > 0) {
        throw new IllegalArgumentException(name + ": the SVG has a <script>; a diagram for the audit page may not run code");
      }
    } catch (org.xml.sax.SAXParseException e) {
      throw new IllegalArgumentException(name + ": line " + e.getLineNumber() + ": not well-formed XML: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalArgumentException(name + ": cannot read as SVG: " + e.getMessage());
    }
    return body;
  }
}
