package fr.portailfamille.billing.sepa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The pain.008 file validated against the pain.008.001.02 schema of hbci4j's jar (on the class path), and read back. */
class Pain008Test {

    static final Pain008.Creditor CREDITOR = new Pain008.Creditor("FR" + SepaRules.icsCheckDigits("FR", "123456") + "ZZZ123456",
            "Régie périscolaire de Montfaucou", "FR7630006000011234567890189", "AGRIFRPP882");

    /** Validates {@code file} against pain.008.001.02 (throws with the schema's message when it is not valid). */
    public static void validate(byte[] file) throws Exception {
        URL xsd = Pain008Test.class.getResource(Pain008.SCHEMA);
        assertNotNull(xsd, "hbci4j's pain.008.001.02.xsd on the class path");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        Validator validator = factory.newSchema(xsd).newValidator();
        validator.validate(new StreamSource(new ByteArrayInputStream(file)));
    }

    static Pain008.Transaction tx(String invoice, long cents, String rum, SepaRules.Sequence seq, String bic) {
        return new Pain008.Transaction(invoice, cents, rum, LocalDate.of(2026, 9, 3), seq, LocalDate.of(2026, 11, 10),
                "Hélène Lefèvre & fils", "FR7630006000011234567890189", bic, "Facture " + invoice + " cantine octobre 2026");
    }

    @Test
    void aRunsFileValidatesAgainstTheSchemaWithFrstAndRcurBlocks() throws Exception {
        byte[] file = Pain008.write("PF-PERISCO-RUN-12", LocalDateTime.of(2026, 11, 2, 9, 30, 12, 500),
                CREDITOR, List.of(tx("PER-1", 4355, "PF-PERISCO-00000001", SepaRules.Sequence.FRST, null),
                        tx("PER-2", 1250, "PF-PERISCO-00000002", SepaRules.Sequence.RCUR, "BNPAFRPP"),
                        tx("PER-3", 5, "PF-PERISCO-00000003", SepaRules.Sequence.RCUR, "AGRIFRPP882")));
        validate(file);
        Document doc = namespaceAware().newDocumentBuilder().parse(new ByteArrayInputStream(file));
        var xpath = XPathFactory.newInstance().newXPath();
        assertEquals("3", xpath.evaluate("//*[local-name()='GrpHdr']/*[local-name()='NbOfTxs']", doc));
        assertEquals("56.10", xpath.evaluate("//*[local-name()='GrpHdr']/*[local-name()='CtrlSum']", doc));
        NodeList blocks = (NodeList) xpath.evaluate("//*[local-name()='PmtInf']", doc, XPathConstants.NODESET);
        assertEquals(2, blocks.getLength(), "one block per sequence and date");
        assertEquals("FRST", xpath.evaluate("(//*[local-name()='SeqTp'])[1]", doc));
        assertEquals("RCUR", xpath.evaluate("(//*[local-name()='SeqTp'])[2]", doc));
        assertEquals("12.55", xpath.evaluate("(//*[local-name()='PmtInf'])[2]/*[local-name()='CtrlSum']", doc));
        assertEquals("2026-11-10", xpath.evaluate("(//*[local-name()='ReqdColltnDt'])[1]", doc));
        assertEquals(CREDITOR.ics(), xpath.evaluate("(//*[local-name()='CdtrSchmeId'])[1]/*[local-name()='Id']/*[local-name()='PrvtId']"
                + "/*[local-name()='Othr']/*[local-name()='Id']", doc));
        assertEquals("FR72ZZZ123456", CREDITOR.ics(), "the example ICS French guides show (its key computed here)");
        assertEquals("PER-1", xpath.evaluate("(//*[local-name()='EndToEndId'])[1]", doc));
        assertEquals("43.55", xpath.evaluate("(//*[local-name()='InstdAmt'])[1]", doc));
        assertEquals("PF-PERISCO-00000001", xpath.evaluate("(//*[local-name()='MndtId'])[1]", doc));
        assertEquals("2026-09-03", xpath.evaluate("(//*[local-name()='DtOfSgntr'])[1]", doc));
        assertEquals("NOTPROVIDED", xpath.evaluate("(//*[local-name()='DbtrAgt'])[1]//*[local-name()='Id']", doc));
        assertEquals("Helene Lefevre + fils", xpath.evaluate("(//*[local-name()='Dbtr'])[1]/*[local-name()='Nm']", doc));
        assertEquals("0.05", xpath.evaluate("(//*[local-name()='InstdAmt'])[3]", doc));
        assertEquals("2026-11-02T09:30:12", xpath.evaluate("//*[local-name()='CreDtTm']", doc));
    }

    @Test
    void theSchemaRefusesABrokenFile() {
        byte[] file = Pain008.write("M-1", LocalDateTime.of(2026, 11, 2, 9, 30), CREDITOR,
                List.of(tx("PER-1", 100, "PF-PERISCO-00000001", SepaRules.Sequence.FRST, null)));
        byte[] broken = Pain008.text(file).replace("<SeqTp>FRST</SeqTp>", "<SeqTp>FIRST</SeqTp>").getBytes();
        SAXException e = assertThrows(SAXException.class, () -> validate(broken));
        assertTrue(e.getMessage().contains("FIRST"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Pain008.write("M", LocalDateTime.now(), CREDITOR, List.of()));
        assertThrows(IllegalArgumentException.class, () -> tx("PER-1", 0, "R", SepaRules.Sequence.FRST, null));
    }

    static DocumentBuilderFactory namespaceAware() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f;
    }

    @Test
    void jaxbWritesTheIsoNamespaceUnprefixedAndTheSameBytesForTheSameRun() {
        List<Pain008.Transaction> txs = List.of(tx("PER-1", 4355, "PF-PERISCO-00000001", SepaRules.Sequence.FRST, null),
                tx("PER-2", 1250, "PF-PERISCO-00000002", SepaRules.Sequence.RCUR, "BNPAFRPP"));
        LocalDateTime at = LocalDateTime.of(2026, 11, 2, 9, 30, 12);
        byte[] file = Pain008.write("PF-PERISCO-RUN-12", at, CREDITOR, txs);
        String xml = Pain008.text(file);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\""), xml);
        assertTrue(xml.contains("<Document xmlns=\"" + Pain008.NAMESPACE + "\">"), xml);
        assertTrue(xml.contains("<InstdAmt Ccy=\"EUR\">43.55</InstdAmt>"), xml);
        assertArrayEquals(file, Pain008.write("PF-PERISCO-RUN-12", at, CREDITOR, txs));
    }

    @Test
    void amountsAreExactCentsInEuros() {
        assertEquals("0.01", Pain008.euros(1).toPlainString());
        assertEquals("1234567.89", Pain008.euros(123456789).toPlainString());
        assertEquals("10.00", Pain008.euros(1000).toPlainString());
    }
}
