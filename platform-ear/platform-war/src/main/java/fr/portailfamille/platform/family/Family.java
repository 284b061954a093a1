package fr.portailfamille.platform.family;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Version;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A household (foyer) of the commune. */
@Entity
@Table(name = "family")
public class Family implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String label;

    private String email;

    /** Keycloak user id of the responsable who signed in for this household. */
    private String subject;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private FamilyStatus status = FamilyStatus.DRAFT;

    private String situation;
    @Column(name = "address_line")
    private String addressLine;
    private String postcode;
    private String city;
    @Column(name = "home_phone")
    private String homePhone;
    @Column(name = "caf_number")
    private String cafNumber;
    @Column(name = "quotient_familial")
    private Integer quotientFamilial;
    /** Who attests the quotient familial: CAF, MSA or AVIS_IMPOSITION (the tariffs read it with its date). */
    @Column(name = "qf_source")
    private String qfSource;
    /** The date of the QF proof: older than the commune's validity, the maximum tariff applies. */
    @Column(name = "qf_proof_date")
    private java.time.LocalDate qfProofDate;
    /** Monthly resources, where the commune prices by effort rate (taux d'effort). */
    @Column(name = "monthly_resources_cents")
    private Long monthlyResourcesCents;
    /** Residency set by an agent (null: from the address's postcode and the commune's resident postcodes). */
    @Column(name = "resident_override")
    private Boolean residentOverride;
    private String iban;
    @Column(name = "account_holder")
    private String accountHolder;
    @Column(name = "draft_expires_at")
    private OffsetDateTime draftExpiresAt;
    @Column(name = "submitted_at")
    private OffsetDateTime submittedAt;
    @Column(name = "validated_at")
    private OffsetDateTime validatedAt;

    @Version
    private int version;

    @OneToMany(mappedBy = "family", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Child> children = new ArrayList<>();

    @OneToMany(mappedBy = "family", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("rank")
    private List<Responsable> responsables = new ArrayList<>();

    protected Family() {
    }

    public Family(String label, String email) {
        this.label = fitLabel(label);
        this.email = email;
    }

    public Child addChild(String firstName, String lastName, java.time.LocalDate birthDate) {
        Child child = new Child(this, firstName, lastName, birthDate);
        children.add(child);
        return child;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getEmail() {
        return email;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public List<Child> getChildren() {
        return children;
    }

    /** Responsable of rank 1 or 2, created on demand. */
    public Responsable responsable(int rank) {
        return findResponsable(rank).orElseGet(() -> {
            Responsable r = new Responsable(this, rank);
            responsables.add(r);
            return r;
        });
    }

    public java.util.Optional<Responsable> findResponsable(int rank) {
        return responsables.stream().filter(r -> r.getRank() == rank).findFirst();
    }

    public void removeResponsable(int rank) {
        responsables.removeIf(r -> r.getRank() == rank);
    }

    public Child addChild() {
        Child child = new Child(this, null, null, null);
        children.add(child);
        return child;
    }

    public void setLabel(String label) { this.label = fitLabel(label); }

    /** "Foyer " + two names of 100 characters may exceed the label's column ({@code varchar(200)}). */
    static String fitLabel(String label) {
        return label == null || label.length() <= 200 ? label : label.substring(0, 199).strip() + "…";
    }
    public void setEmail(String email) { this.email = email; }
    public FamilyStatus getStatus() { return status; }
    public void setStatus(FamilyStatus status) { this.status = status; }
    public String getSituation() { return situation; }
    public void setSituation(String situation) { this.situation = situation; }
    public String getAddressLine() { return addressLine; }
    public void setAddressLine(String addressLine) { this.addressLine = addressLine; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getHomePhone() { return homePhone; }
    public void setHomePhone(String homePhone) { this.homePhone = homePhone; }
    public String getCafNumber() { return cafNumber; }
    public void setCafNumber(String cafNumber) { this.cafNumber = cafNumber; }
    public Integer getQuotientFamilial() { return quotientFamilial; }
    public void setQuotientFamilial(Integer quotientFamilial) { this.quotientFamilial = quotientFamilial; }
    public String getQfSource() { return qfSource; }
    public void setQfSource(String qfSource) { this.qfSource = qfSource; }
    public java.time.LocalDate getQfProofDate() { return qfProofDate; }
    public void setQfProofDate(java.time.LocalDate qfProofDate) { this.qfProofDate = qfProofDate; }
    public Long getMonthlyResourcesCents() { return monthlyResourcesCents; }
    public void setMonthlyResourcesCents(Long monthlyResourcesCents) { this.monthlyResourcesCents = monthlyResourcesCents; }
    public Boolean getResidentOverride() { return residentOverride; }
    void setResidentOverride(Boolean residentOverride) { this.residentOverride = residentOverride; }
    public String getIban() { return iban; }
    public void setIban(String iban) { this.iban = iban; }
    public String getAccountHolder() { return accountHolder; }
    public void setAccountHolder(String accountHolder) { this.accountHolder = accountHolder; }
    public OffsetDateTime getDraftExpiresAt() { return draftExpiresAt; }
    public void setDraftExpiresAt(OffsetDateTime draftExpiresAt) { this.draftExpiresAt = draftExpiresAt; }
    public OffsetDateTime getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(OffsetDateTime submittedAt) { this.submittedAt = submittedAt; }
    public OffsetDateTime getValidatedAt() { return validatedAt; }
    public void setValidatedAt(OffsetDateTime validatedAt) { this.validatedAt = validatedAt; }
    public List<Responsable> getResponsables() { return responsables; }
    public OffsetDateTime getCreatedAt() { return createdAt; }
}
