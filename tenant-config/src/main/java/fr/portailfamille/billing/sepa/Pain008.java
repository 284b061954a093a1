package fr.portailfamille.billing.sepa;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
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
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.AccountIdentificationSEPA;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.ActiveOrHistoricCurrencyAndAmountSEPA;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.ActiveOrHistoricCurrencyCodeEUR;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.BranchAndFinancialInstitutionIdentificationSEPA3;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.CashAccountSEPA1;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.CashAccountSEPA2;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.ChargeBearerTypeSEPACode;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.CustomerDirectDebitInitiationV02;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.DirectDebitTransactionInformationSDD;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.DirectDebitTransactionSDD;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.Document;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.FinancialInstitutionIdentificationSEPA3;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.GroupHeaderSDD;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.IdentificationSchemeNameSEPA;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.LocalInstrumentSEPA;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.MandateRelatedInformationSDD;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.ObjectFactory;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.OthrIdentification;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.OthrIdentificationCode;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PartyIdentificationSEPA1;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PartyIdentificationSEPA2;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PartyIdentificationSEPA3;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PartyIdentificationSEPA5;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PartySEPA2;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PaymentIdentificationSEPA;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PaymentInstructionInformationSDD;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PaymentMethod2Code;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PaymentTypeInformationSDD;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.PersonIdentificationSEPA2;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.RemittanceInformationSEPA1Choice;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.RestrictedPersonIdentificationSEPA;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.RestrictedPersonIdentificationSchemeNameSEPA;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.SequenceType1Code;
import org.kapott.hbci.sepa.jaxb.pain_008_001_02.ServiceLevel;

/**
 * A SEPA Core direct debit initiation file, ISO 20022 {@code pain.008.001.02} (the version French banks take):
 * one group header, one payment information block per sequence (FRST, RCUR) and collection date, one transaction
 * per invoice (end-to-end id = the invoice number, the mandate's RUM and signature date, the debtor's IBAN and
 * BIC — {@code NOTPROVIDED} without one). Built with the JAXB classes hbci4j generates from the schema (package
 * {@code org.kapott.hbci.sepa.jaxb.pain_008_001_02}) and marshalled by JAXB; the tests validate it against the
 * schema in the same jar ({@code /pain.008.001.02.xsd}).
 */
public final class Pain008 {

    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02";

    /** The schema's location on the class path (hbci4j's jar). */
    public static final String SCHEMA = "/pain.008.001.02.xsd";

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
        GroupHeaderSDD header = new GroupHeaderSDD();
        header.setMsgId(SepaRules.sepaText(messageId, 35));
        header.setCreDtTm(xml(createdAt.withNano(0).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)));
        header.setNbOfTxs(String.valueOf(transactions.size()));
        header.setCtrlSum(amount(transactions));
        PartyIdentificationSEPA1 initiator = new PartyIdentificationSEPA1();
        initiator.setNm(SepaRules.sepaText(creditor.name(), 70));
        header.setInitgPty(initiator);
        CustomerDirectDebitInitiationV02 initiation = new CustomerDirectDebitInitiationV02();
        initiation.setGrpHdr(header);
        int n = 0;
        for (List<Transaction> block : blocks.values()) {
            initiation.getPmtInf().add(block(SepaRules.sepaText(messageId, 30) + "-" + (++n), creditor, block));
        }
        Document document = new Document();
        document.setCstmrDrctDbtInitn(initiation);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            marshaller.marshal(new ObjectFactory().createDocument(document), out);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static final JAXBContext CONTEXT = context();

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(Document.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PaymentInstructionInformationSDD block(String id, Creditor creditor, List<Transaction> block) {
        Transaction first = block.get(0);
        PaymentInstructionInformationSDD p = new PaymentInstructionInformationSDD();
        p.setPmtInfId(id);
        p.setPmtMtd(PaymentMethod2Code.DD);
        p.setBtchBookg(Boolean.TRUE);
        p.setNbOfTxs(String.valueOf(block.size()));
        p.setCtrlSum(amount(block));
        PaymentTypeInformationSDD type = new PaymentTypeInformationSDD();
        ServiceLevel level = new ServiceLevel();
        level.setCd("SEPA");
        type.setSvcLvl(level);
        LocalInstrumentSEPA instrument = new LocalInstrumentSEPA();
        instrument.setCd("CORE");
        type.setLclInstrm(instrument);
        type.setSeqTp(SequenceType1Code.valueOf(first.sequence().name()));
        p.setPmtTpInf(type);
        p.setReqdColltnDt(xml(first.collectionDate().toString()));
        PartyIdentificationSEPA5 creditorParty = new PartyIdentificationSEPA5();
        creditorParty.setNm(SepaRules.sepaText(creditor.name(), 70));
        p.setCdtr(creditorParty);
        CashAccountSEPA1 creditorAccount = new CashAccountSEPA1();
        creditorAccount.setId(iban(creditor.iban()));
        p.setCdtrAcct(creditorAccount);
        p.setCdtrAgt(agent(creditor.bic()));
        p.setChrgBr(ChargeBearerTypeSEPACode.SLEV);
        p.setCdtrSchmeId(creditorScheme(creditor.ics()));
        for (Transaction t : block) {
            p.getDrctDbtTxInf().add(transaction(t));
        }
        return p;
    }

    private static DirectDebitTransactionInformationSDD transaction(Transaction t) {
        DirectDebitTransactionInformationSDD d = new DirectDebitTransactionInformationSDD();
        PaymentIdentificationSEPA id = new PaymentIdentificationSEPA();
        id.setEndToEndId(SepaRules.sepaText(t.endToEndId(), 35));
        d.setPmtId(id);
        ActiveOrHistoricCurrencyAndAmountSEPA amount = new ActiveOrHistoricCurrencyAndAmountSEPA();
        amount.setCcy(ActiveOrHistoricCurrencyCodeEUR.EUR);
        amount.setValue(euros(t.amountCents()));
        d.setInstdAmt(amount);
        MandateRelatedInformationSDD mandate = new MandateRelatedInformationSDD();
        mandate.setMndtId(t.rum());
        mandate.setDtOfSgntr(xml(t.signedOn().toString()));
        DirectDebitTransactionSDD debit = new DirectDebitTransactionSDD();
        debit.setMndtRltdInf(mandate);
        d.setDrctDbtTx(debit);
        d.setDbtrAgt(agent(t.debtorBic()));
        PartyIdentificationSEPA2 debtor = new PartyIdentificationSEPA2();
        debtor.setNm(SepaRules.sepaText(t.debtorName(), 70));
        d.setDbtr(debtor);
        CashAccountSEPA2 debtorAccount = new CashAccountSEPA2();
        debtorAccount.setId(iban(t.debtorIban()));
        d.setDbtrAcct(debtorAccount);
        RemittanceInformationSEPA1Choice remittance = new RemittanceInformationSEPA1Choice();
        remittance.setUstrd(SepaRules.sepaText(t.remittance(), 140));
        d.setRmtInf(remittance);
        return d;
    }

    /** The file as text (UTF-8). */
    public static String text(byte[] file) {
        return new String(file, StandardCharsets.UTF_8);
    }

    private static PartyIdentificationSEPA3 creditorScheme(String ics) {
        RestrictedPersonIdentificationSchemeNameSEPA scheme = new RestrictedPersonIdentificationSchemeNameSEPA();
        scheme.setPrtry(IdentificationSchemeNameSEPA.SEPA);
        RestrictedPersonIdentificationSEPA other = new RestrictedPersonIdentificationSEPA();
        other.setId(ics);
        other.setSchmeNm(scheme);
        PersonIdentificationSEPA2 person = new PersonIdentificationSEPA2();
        person.setOthr(other);
        PartySEPA2 party = new PartySEPA2();
        party.setPrvtId(person);
        PartyIdentificationSEPA3 id = new PartyIdentificationSEPA3();
        id.setId(party);
        return id;
    }

    private static AccountIdentificationSEPA iban(String iban) {
        AccountIdentificationSEPA id = new AccountIdentificationSEPA();
        id.setIBAN(SepaRules.normalizeIban(iban));
        return id;
    }

    private static BranchAndFinancialInstitutionIdentificationSEPA3 agent(String bic) {
        FinancialInstitutionIdentificationSEPA3 institution = new FinancialInstitutionIdentificationSEPA3();
        String value = SepaRules.normalizeBic(bic);
        if (value == null) {
            OthrIdentification other = new OthrIdentification();
            other.setId(OthrIdentificationCode.NOTPROVIDED);
            institution.setOthr(other);
        } else {
            institution.setBIC(value);
        }
        BranchAndFinancialInstitutionIdentificationSEPA3 agent = new BranchAndFinancialInstitutionIdentificationSEPA3();
        agent.setFinInstnId(institution);
        return agent;
    }

    /** A schema date or date-time from its lexical form ({@code 2026-11-10}, {@code 2026-11-02T09:30:12}). */
    private static XMLGregorianCalendar xml(String lexical) {
        return DATATYPES.newXMLGregorianCalendar(lexical);
    }

    private static final DatatypeFactory DATATYPES = datatypes();

    private static DatatypeFactory datatypes() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal amount(List<Transaction> transactions) {
        return euros(transactions.stream().mapToLong(Transaction::amountCents).reduce(0, Math::addExact));
    }

    /** Cents as the schema's decimal euros, e.g. {@code 1234.50} (scale 2: JAXB writes it as is). */
    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
