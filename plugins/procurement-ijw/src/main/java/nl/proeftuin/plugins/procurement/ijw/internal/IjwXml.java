package nl.proeftuin.plugins.procurement.ijw.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The iJw XML plumbing: the schemas shipped in this bundle ({@code /xsd/}), a parser that refuses
 * DTDs and external entities (XXE), schema validation that collects every error, and serialisation.
 * The JDK's own implementations are used ({@code newDefaultInstance}), so nothing is looked up
 * through the thread context class loader inside OSGi.
 */
final class IjwXml {

    static final String NS_BASIS = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";
    static final String NS_JW315 = "http://www.istandaarden.nl/ijw/3_2/jw315/schema";
    static final String NS_JW301 = "http://www.istandaarden.nl/ijw/3_2/jw301/schema";

    static final Schema JW315 = schema("jw315.xsd");
    static final Schema JW301 = schema("jw301.xsd");

    private IjwXml() {
    }

    /** A message that cannot be accepted, with the reason in plain words. */
    static final class InvalidMessage extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidMessage(String reason) {
            super(reason, null, false, false);
        }
    }

    private static Schema schema(String name) {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // the schemas import each other from this bundle only (resolver below), never from outside
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(new BundleResources());
            try (InputStream in = resource(name)) {
                StreamSource source = new StreamSource(in, "xsd:" + name);
                return factory.newSchema(source);
            }
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("procurement-ijw: shipped schema " + name + " is broken: " + e, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = IjwXml.class.getResourceAsStream("/xsd/" + name);
        if (in == null) {
            throw new IOException("no /xsd/" + name + " in the bundle");
        }
        return in;
    }

    /** A new builder that refuses any DOCTYPE (so no entity, internal or external, is ever expanded). */
    static DocumentBuilder secureBuilder() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("procurement-ijw: the JDK's XML parser cannot be made safe: " + e, e);
        }
    }

    /**
     * Parses untrusted bytes.
     *
     * @throws InvalidMessage when they are not well-formed XML or hold a DOCTYPE
     */
    static Document parse(byte[] xml) throws InvalidMessage {
        try {
            return secureBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            if (e.getMessage() != null && e.getMessage().contains("DOCTYPE")) {
                throw new InvalidMessage("a DOCTYPE is not allowed (no DTDs or entities in iJw messages)");
            }
            throw new InvalidMessage("not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "): " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new InvalidMessage("not well-formed XML: " + e.getMessage());
        }
    }

    /**
     * @return every schema error (empty when valid), each with its line where known
     */
    static List<String> validate(Schema schema, Document document) {
        List<String> errors = new ArrayList<>();
        Validator v = schema.newValidator();
        try {
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("procurement-ijw: the JDK's validator cannot be made safe: " + e, e);
        }
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a message invalid
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getMessage());
            }
        });
        try {
            v.validate(new DOMSource(document));
        } catch (SAXException | IOException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        }
        return errors;
    }

    static String serialise(Document document) {
        try {
            TransformerFactory tf = TransformerFactory.newDefaultInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("procurement-ijw: cannot write XML: " + e, e);
        }
    }

    /** Resolves the schemas' imports from this bundle's {@code /xsd/} only. */
    private static final class BundleResources implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceURI, String publicId, String systemId,
                String baseURI) {
            String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
            if (!name.matches("[a-z0-9]+\\.xsd")) {
                throw new IllegalStateException("procurement-ijw: schema import " + systemId + " is not shipped");
            }
            try {
                return new Input(resource(name).readAllBytes(), "xsd:" + name, publicId);
            } catch (IOException e) {
                throw new IllegalStateException("procurement-ijw: schema import " + systemId + ": " + e, e);
            }
        }
    }

    private record Input(byte[] bytes, String systemId, String publicId) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() { return new ByteArrayInputStream(bytes); }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
