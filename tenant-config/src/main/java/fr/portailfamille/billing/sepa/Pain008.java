package fr.portailfamille.billing.sepa;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A SEPA Core direct debit initiation file, ISO 20022 {@code pain.008.001.02} (the version French banks take):
 * one group header, one payment information block per sequence (FRST, RCUR) and collection date, one transaction
 * per invoice (end-to-end id = the invoice number, the mandate's RUM and signature date, the debtor's IBAN and
 * BIC — {@code NOTPROVIDED} without one). Written with the JDK's StAX writer; the tests validate it against the
 * schema.
 */
public final class Pain008 {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

    /** The régie as creditor: its ICS, name, account. */
    public record Creditor(String ics, String name, String iban, String bic) {
    }

    /** One debit: an invoice's rest on a mandate. */
    public record Transaction(String endToEndId, long amountCents, String rum, LocalDate signedOn,
            SepaRules.Sequence sequence, LocalDate collectionDate, String debtorName, String debtorIban, String debtorBic,
            String remittance) {
        public Transaction {
            Objects.requireNonNull(endToEndId);
            Objects.requireNonNull(sequence);
            Objects.requireNonNull(collectionDate);
            if (amountCents <= 0) {
                throw new IllegalArgumentException("a debit is of a positive amount");
            }
        }
    }

    private Pain008() {
    }

    /** The file's XML, UTF-8, for {@code messageId} (at most 35 characters, unique for the creditor). */
    public static byte[] write(String messageId, LocalDateTime createdAt, Creditor creditor, List<Transaction> transactions) {
        if (transactions.isEmpty()) {
            throw new IllegalArgumentException("a file has at least one transaction");
        }
        Map<String, List<Transaction>> blocks = new TreeMap<>();
        for (Transaction t : transactions) {
            blocks.computeIfAbsent(t.sequence() + "-" + t.collectionDate(), k -> new ArrayList<>()).add(t);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(NAMESPACE);
            x.writeStartElement(NAMESPACE, "Document");
            x.writeDefaultNamespace(NAMESPACE);
            x.writeStartElement("CstmrDrctDbtInitn");
            x.writeStartElement("GrpHdr");
            text(x, "MsgId", SepaRules.sepaText(messageId, 35));
            text(x, "CreDtTm", createdAt.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
            text(x, "NbOfTxs", String.valueOf(transactions.size()));
            text(x, "CtrlSum", amount(transactions));
            x.writeStartElement("InitgPty");
            text(x, "Nm", SepaRules.sepaText(creditor.name(), 70));
            x.writeEndElement();
            x.writeEndElement();
            int n = 0;
            for (List<Transaction> block : blocks.values()) {
                Transaction first = block.get(0);
                x.writeStartElement("PmtInf");
                text(x, "PmtInfId", SepaRules.sepaText(messageId, 30) + "-" + (++n));
                text(x, "PmtMtd", "DD");
                text(x, "BtchBookg", "true");
                text(x, "NbOfTxs", String.valueOf(block.size()));
                text(x, "CtrlSum", amount(block));
                x.writeStartElement("PmtTpInf");
                x.writeStartElement("SvcLvl");
                text(x, "Cd", "SEPA");
                x.writeEndElement();
                x.writeStartElement("LclInstrm");
                text(x, "Cd", "CORE");
                x.writeEndElement();
                text(x, "SeqTp", first.sequence().name());
                x.writeEndElement();
                text(x, "ReqdColltnDt", first.collectionDate().toString());
                x.writeStartElement("Cdtr");
                text(x, "Nm", SepaRules.sepaText(creditor.name(), 70));
                x.writeEndElement();
                account(x, "CdtrAcct", creditor.iban());
                agent(x, "CdtrAgt", creditor.bic());
                text(x, "ChrgBr", "SLEV");
                creditorScheme(x, creditor.ics());
                for (Transaction t : block) {
                    x.writeStartElement("DrctDbtTxInf");
                    x.writeStartElement("PmtId");
                    text(x, "EndToEndId", SepaRules.sepaText(t.endToEndId(), 35));
                    x.writeEndElement();
                    x.writeStartElement("InstdAmt");
                    x.writeAttribute("Ccy", "EUR");
                    x.writeCharacters(euros(t.amountCents()));
                    x.writeEndElement();
                    x.writeStartElement("DrctDbtTx");
                    x.writeStartElement("MndtRltdInf");
                    text(x, "MndtId", t.rum());
                    text(x, "DtOfSgntr", t.signedOn().toString());
                    x.writeEndElement();
                    x.writeEndElement();
                    agent(x, "DbtrAgt", t.debtorBic());
                    x.writeStartElement("Dbtr");
                    text(x, "Nm", SepaRules.sepaText(t.debtorName(), 70));
                    x.writeEndElement();
                    account(x, "DbtrAcct", t.debtorIban());
                    x.writeStartElement("RmtInf");
                    text(x, "Ustrd", SepaRules.sepaText(t.remittance(), 140));
                    x.writeEndElement();
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The file as text (UTF-8). */
    public static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }

    private static void creditorScheme(XMLStreamWriter x, String ics) throws XMLStreamException {
        x.writeStartElement("CdtrSchmeId");
        x.writeStartElement("Id");
        x.writeStartElement("PrvtId");
        x.writeStartElement("Othr");
        text(x, "Id", ics);
        x.writeStartElement("SchmeNm");
        text(x, "Prtry", "SEPA");
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void account(XMLStreamWriter x, String name, String iban) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeStartElement("Id");
        text(x, "IBAN", SepaRules.normalizeIban(iban));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void agent(XMLStreamWriter x, String name, String bic) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeStartElement("FinInstnId");
        String value = SepaRules.normalizeBic(bic);
        if (value == null) {
            x.writeStartElement("Othr");
            text(x, "Id", "NOTPROVIDED");
            x.writeEndElement();
        } else {
            text(x, "BIC", value);
        }
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value);
        x.writeEndElement();
    }

    private static String amount(List<Transaction> transactions) {
        return euros(transactions.stream().mapToLong(Transaction::amountCents).reduce(0, Math::addExact));
    }

    /** Cents as the schema's decimal euros, e.g. {@code 1234.50}. */
    static String euros(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }
}
