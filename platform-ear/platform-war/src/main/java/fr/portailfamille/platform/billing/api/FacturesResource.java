package fr.portailfamille.platform.billing.api;

import fr.portailfamille.platform.api.ApiApplication;
import fr.portailfamille.platform.api.ApiError;
import fr.portailfamille.platform.api.ApiException;
import fr.portailfamille.platform.api.FamilyApi;
import fr.portailfamille.platform.api.FamilyCallerFilter;
import fr.portailfamille.platform.billing.AccountInvoice;
import fr.portailfamille.platform.billing.FamilyAccount;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/famille/v1/factures}, {@code /factures/{id}} and {@code /factures/{id}/pdf}: Mes factures through the
 * API, read by the one reader of a family's account ({@link FamilyAccount}) and the invoice PDF of
 * {@link BillingDocuments}; another family's invoice is unknown (404), like an id that exists nowhere.
 */
@Path("famille/v1/factures")
@RequestScoped
@Transactional
@CommuneRequired
@FamilyApi
@Tag(name = "Factures", description = "Les factures et avoirs de la famille")
@SecurityRequirement(name = ApiApplication.BEARER)
public class FacturesResource {

    static final String UNKNOWN = "facture_inconnue";

    /**
     * An invoice or credit note: amounts in cents, {@code etat} where it stands (PAID, PARTLY_PAID, UNPAID, TITRE,
     * CREDIT_NOTE, CANCELLED…), {@code resteAPayerCentimes} what the family still owes on it.
     */
    @Schema(name = "Facture")
    public record Facture(long id, String numero, String type, String regie, LocalDate periodeDebut, LocalDate periodeFin,
                          LocalDate emiseLe, LocalDate echeance, long totalCentimes, long regleCentimes,
                          long resteAPayerCentimes, String etat, String numeroTitre, String avoirDe) {
    }

    /** {@code prestation}: what the line bills ("Restauration scolaire – Midi"; null for a line of no activity). */
    @Schema(name = "LigneFacture")
    public record Ligne(String enfant, String prestation, String libelle, int quantite, long prixUnitaireCentimes,
                        long montantCentimes) {
    }

    @Schema(name = "FactureDetaillee")
    public record FactureDetaillee(Facture facture, List<Ligne> lignes) {
    }

    @Inject
    FamilyAccount account;

    @Inject
    BillingDocuments documents;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Les factures et avoirs de la famille, les plus récents d'abord")
    @APIResponse(responseCode = "200", description = "Les factures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Facture.class)))
    public List<Facture> factures() {
        return account.invoices(FamilyCallerFilter.caller(request), null).stream().map(FacturesResource::facture).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Une facture ou un avoir de la famille, avec ses lignes")
    @APIResponse(responseCode = "200", description = "La facture et ses lignes",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FactureDetaillee.class)))
    @APIResponse(responseCode = "404", description = "Facture inconnue ou d'une autre famille (facture_inconnue)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public FactureDetaillee facture(@PathParam("id") String id) {
        long invoiceId = invoiceId(id);
        try {
            BillingDocuments.InvoiceWithLines found = documents.invoiceWithLines(FamilyCallerFilter.caller(request), invoiceId);
            return new FactureDetaillee(facture(found.invoice()), found.lines().stream().map(l -> new Ligne(l.childName(),
                    l.service(), l.label(), l.quantity(), l.unitPriceCents(), l.amountCents())).toList());
        } catch (SecurityException e) {
            throw unknown();
        }
    }

    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    @Operation(summary = "Le PDF d'une facture ou d'un avoir, aux couleurs de la commune")
    @APIResponse(responseCode = "200", description = "Le PDF", content = @Content(mediaType = "application/pdf"))
    @APIResponse(responseCode = "404", description = "Facture inconnue ou d'une autre famille (facture_inconnue)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response pdf(@PathParam("id") String id) {
        long invoiceId = invoiceId(id);
        BillingDocuments.Pdf pdf;
        try {
            pdf = documents.invoice(FamilyCallerFilter.caller(request), invoiceId);
        } catch (SecurityException e) {
            throw unknown();
        }
        return Response.ok(pdf.content(), "application/pdf")
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", FileResponses.disposition("attachment", pdf.fileName()))
                .build();
    }

    private static long invoiceId(String id) {
        if (id == null || !id.matches("[0-9]{1,18}")) {
            throw unknown();
        }
        return Long.parseLong(id);
    }

    private static ApiException unknown() {
        return ApiException.notFound(UNKNOWN, "Cette facture n'existe pas dans votre dossier.");
    }

    private static Facture facture(AccountInvoice i) {
        return new Facture(i.id(), i.number(), i.kind(), i.regieLabel(), i.periodStart(), i.periodEnd(), i.issuedOn(),
                i.dueDate(), i.totalCents(), i.settledCents(), i.outstandingCents(),
                i.settlement() == null ? null : i.settlement().name(), i.titreNumber(), i.creditNoteOf());
    }
}
