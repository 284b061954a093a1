package fr.portailfamille.platform.booking.api;

import fr.portailfamille.billing.Money;
import fr.portailfamille.booking.BookingStatus;
import fr.portailfamille.platform.api.ApiApplication;
import fr.portailfamille.platform.api.ApiError;
import fr.portailfamille.platform.api.ApiException;
import fr.portailfamille.platform.api.FamilyApi;
import fr.portailfamille.platform.api.FamilyCallerFilter;
import fr.portailfamille.platform.billing.FamilyPricing;
import fr.portailfamille.platform.billing.SelectionEstimate;
import fr.portailfamille.platform.booking.ActivityCatalog;
import fr.portailfamille.platform.booking.ActivityUnit;
import fr.portailfamille.platform.booking.Booking;
import fr.portailfamille.platform.booking.BookingRefused;
import fr.portailfamille.platform.booking.ChangeOutcome;
import fr.portailfamille.platform.booking.PlannedChange;
import fr.portailfamille.platform.booking.PlanningService;
import fr.portailfamille.platform.booking.SelectionReview;
import fr.portailfamille.platform.family.FamilyFileService;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.SignedInUser;
import fr.portailfamille.platform.tenancy.CommuneRequired;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/famille/v1/reservations}: books and cancels a selection of unit-days of the family's children, as
 * Mon planning's "Confirmer" does and by the same service ({@link PlanningService#applyFamilySelection}), in one
 * transaction: the input is checked first (400, 404 for another family's child, nothing done), then the summary's
 * review and prices are computed ({@link PlanningService#reviewSelection}, {@link FamilyPricing#estimate}: what the page
 * shows before "Confirmer"), then every change gets the commune's decision. The answer gives each change's outcome in
 * the page's words and the price of the bookings recorded.
 */
@Path("famille/v1/reservations")
@RequestScoped
@Transactional
@CommuneRequired
@FamilyApi
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Planning")
@SecurityRequirement(name = ApiApplication.BEARER)
public class ReservationsResource {

    static final String BOOK = "reserver";
    static final String CANCEL = "annuler";
    /**
     * Withdraw a request (a day on the waiting list, or awaiting validation) — or cancel a booking while it is free —,
     * never billed: granted since and no longer free, nothing is done (Mon planning's withdrawal, {@code PlannedChange}
     * as a request).
     */
    static final String WITHDRAW = "retirer";
    static final int MAX = 400;
    private static final Set<BookingStatus> LIVE = Set.of(BookingStatus.BOOKED, BookingStatus.BOOKED_LATE,
            BookingStatus.WAITING, BookingStatus.PENDING_VALIDATION);

    @Schema(name = "Selection", description = "La sélection à appliquer (au plus 400 éléments)")
    public record Selection(List<Element> elements) {
    }

    @Schema(name = "ElementSelection")
    public record Element(@Schema(description = "Identifiant de l'enfant") long enfant,
                          @Schema(description = "Identifiant de l'unité (matin, midi…) d'une activité") long unite,
                          @Schema(description = "Le jour, AAAA-MM-JJ") LocalDate date,
                          @Schema(description = "reserver, annuler, ou retirer (une demande en attente, jamais facturé)",
                                  enumeration = {BOOK, CANCEL, WITHDRAW}) String action) {
    }

    @Schema(name = "ResultatSelection")
    public record Result(int enregistres, int nonEnregistres, long totalCentimes, String total, boolean tarifIncomplet,
                         List<ElementResult> elements) {
    }

    /**
     * One change: {@code fait} whether it was recorded (booked, waiting list, awaiting validation, cancelled),
     * {@code message} the commune's answer, {@code avis} what the summary said before, the price of a booking recorded
     * ({@code listeAttente}: put on the waiting list, its price billed only if a seat frees, not in the total).
     */
    @Schema(name = "ResultatElement")
    public record ElementResult(long enfant, long unite, LocalDate date, String action, boolean fait, String message,
                                String avis, Long prixCentimes, String prix, long majorationCentimes, String tarif,
                                @Schema(description = "Mise en liste d'attente : facturée seulement si une place se libère,"
                                        + " hors du total") boolean listeAttente) {
    }

    @Inject
    PlanningService bookings;

    @Inject
    ActivityCatalog catalog;

    @Inject
    FamilyFileService files;

    @Inject
    FamilyPricing pricing;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Réserver ou annuler une sélection de journées",
            description = "Les mêmes règles et le même service que « Confirmer » de Mon planning, en une transaction :"
                    + " délais, majorations, validation, liste d'attente, places jamais survendues. Réponse : le sort de"
                    + " chaque élément et le prix des réservations enregistrées, comme le récapitulatif de la page.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Selection.class)))
    @APIResponse(responseCode = "200", description = "La sélection a été traitée (voir chaque élément)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Result.class)))
    @APIResponse(responseCode = "400", description = "Entrée invalide : json_invalide, selection_vide,"
            + " selection_trop_longue, element_invalide, date_invalide, action_invalide, unite_inconnue, element_en_double;"
            + " rien n'est enregistré",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Un enfant inconnu ou d'une autre famille (enfant_inconnu) ; rien n'est"
            + " enregistré", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "Dossier non validé (dossier_non_valide) ou sélection refusée par la"
            + " commune, p. ex. enfant non inscrit à l'activité (reservation_refusee) ; rien n'est enregistré",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Result reserver(String body) {
        SignedInUser user = FamilyCallerFilter.caller(request);
        List<Element> elements = parse(body);
        Set<Long> childIds = new LinkedHashSet<>();
        elements.forEach(e -> childIds.add(e.enfant()));
        FamilyChildren.requireOwn(files.fileOf(user), childIds);
        Map<Long, ActivityUnit> units = catalog.unitsById(elements.stream().map(Element::unite).toList());
        for (int i = 0; i < elements.size(); i++) {
            if (!units.containsKey(elements.get(i).unite())) {
                throw ApiException.badInput("unite_inconnue", "elements[" + i + "].unite", "Cette unité d'activité n'existe pas.");
            }
        }
        try {
            return apply(user, elements, units);
        } catch (BookingRefused e) {
            throw new ApiException(Response.Status.CONFLICT, "reservation_refusee", e.getMessage(), List.of());
        }
    }

    private Result apply(SignedInUser user, List<Element> elements, Map<Long, ActivityUnit> units) {
        Map<Long, Map<String, Booking>> live = liveBookings(user, elements);
        // each element's change (null: a cancellation of a unit-day without a booking), by child
        List<PlanningService.ChildChange> changes = new ArrayList<>();
        Map<Integer, PlanningService.ChildChange> byElement = new HashMap<>();
        Map<Long, List<PlannedChange>> byChild = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            ActivityUnit unit = units.get(e.unite());
            Booking booking = null;
            if (!BOOK.equals(e.action())) {
                booking = live.getOrDefault(e.enfant(), Map.of()).get(e.unite() + "|" + e.date());
                if (booking == null) {
                    continue;
                }
            }
            // a request (waiting list, awaiting validation) is withdrawn, never billed: granted between this call's read
            // and its write, or since the app read it (« retirer »), it is kept and said so — as Mon planning does
            boolean request = booking != null && (WITHDRAW.equals(e.action())
                    || booking.getStatus() == BookingStatus.WAITING || booking.getStatus() == BookingStatus.PENDING_VALIDATION);
            PlanningService.ChildChange change = new PlanningService.ChildChange(e.enfant(),
                    new PlannedChange(e.unite(), e.date(), booking == null ? null : booking.getId(), unit.getLabel(), request));
            changes.add(change);
            byElement.put(i, change);
            byChild.computeIfAbsent(e.enfant(), k -> new ArrayList<>()).add(change.change());
        }
        // the summary before "Confirmer": notices, and the prices of the bookings it does not refuse
        Map<Long, SelectionReview> reviews = new HashMap<>();
        Map<Long, Map<String, List<SelectionEstimate.Item>>> booked = new LinkedHashMap<>();
        byChild.forEach((childId, childChanges) -> {
            SelectionReview review = bookings.reviewSelection(user, childId, childChanges);
            reviews.put(childId, review);
            Map<String, List<SelectionEstimate.Item>> byActivity = new LinkedHashMap<>();
            for (PlannedChange c : childChanges) {
                if (!c.isCancellation() && !review.refused().contains(c.getKey())) {
                    ActivityUnit u = units.get(c.getUnitId());
                    byActivity.computeIfAbsent(u.getActivity().getCode(), k -> new ArrayList<>()).add(new SelectionEstimate.Item(
                            c.getKey(), u.getActivity().getCode(), u.getCode(), c.getDay(), review.surcharged().contains(c.getKey())));
                }
            }
            booked.put(childId, byActivity);
        });
        Map<PlanningService.ChildChange, ChangeOutcome> outcomes = changes.isEmpty() ? Map.of()
                : bookings.applyFamilySelection(user, changes);
        // priced once the selection is recorded: brothers and sisters rank as the invoice will rank them, with the
        // days booked here and without those this very request cancelled (a sibling's only day of the month cancelled
        // takes its reduction away)
        Map<Long, Map<String, SelectionEstimate.Line>> prices = new HashMap<>();
        booked.forEach((childId, byActivity) -> {
            Map<String, SelectionEstimate.Line> lines = new HashMap<>();
            byActivity.forEach((code, items) -> pricing.estimate(user, childId, code, items, Map.of()).lines()
                    .forEach(l -> lines.put(l.key(), l)));
            prices.put(childId, lines);
        });
        List<ElementResult> results = new ArrayList<>();
        int done = 0;
        long total = 0;
        boolean incomplete = false;
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            PlanningService.ChildChange change = byElement.get(i);
            if (change == null) {
                results.add(new ElementResult(e.enfant(), e.unite(), e.date(), e.action(), false,
                        "Aucune réservation à annuler ce jour-là.", null, null, null, 0, null, false));
                continue;
            }
            ChangeOutcome outcome = outcomes.get(change);
            String key = change.change().getKey();
            String notice = reviews.get(e.enfant()).notices().get(key);
            SelectionEstimate.Line line = outcome.isDone() && !change.change().isCancellation()
                    ? prices.get(e.enfant()).get(key) : null;
            if (outcome.isDone()) {
                done++;
            }
            if (line != null && line.priceCents() != null && !outcome.isWaitingList()) {
                total = Math.addExact(total, line.priceCents());
            } else if (line != null && line.priceCents() == null) {
                incomplete = true;
            }
            results.add(new ElementResult(e.enfant(), e.unite(), e.date(), e.action(), outcome.isDone(), outcome.getMessage(),
                    notice == null || notice.isBlank() ? null : notice, line == null ? null : line.priceCents(),
                    line == null || line.priceCents() == null ? null : Money.format(line.priceCents()),
                    line == null ? 0 : line.surchargeCents(), line == null ? null : line.label(), outcome.isWaitingList()));
        }
        return new Result(done, elements.size() - done, total, Money.format(total), incomplete, results);
    }

    /** For each child with cancellations, its live bookings by "unitId|day" over the days concerned (one query each). */
    private Map<Long, Map<String, Booking>> liveBookings(SignedInUser user, List<Element> elements) {
        Map<Long, List<Element>> cancels = new LinkedHashMap<>();
        elements.stream().filter(e -> !BOOK.equals(e.action()))
                .forEach(e -> cancels.computeIfAbsent(e.enfant(), k -> new ArrayList<>()).add(e));
        Map<Long, Map<String, Booking>> live = new HashMap<>();
        cancels.forEach((childId, list) -> {
            LocalDate from = list.stream().map(Element::date).min(Comparator.naturalOrder()).orElseThrow();
            LocalDate to = list.stream().map(Element::date).max(Comparator.naturalOrder()).orElseThrow();
            Map<String, Booking> ofChild = new HashMap<>();
            for (Booking b : bookings.bookingsOf(user, childId, from, to)) {
                if (LIVE.contains(b.getStatus())) {
                    ofChild.put(b.getUnit().getId() + "|" + b.getDay(), b);
                }
            }
            live.put(childId, ofChild);
        });
        return live;
    }

    /**
     * The selection posted: {@code {"elements": [...]}} or the array alone; every element checked, the first fault
     * answered as 400 with its path ({@code elements[2].date}).
     */
    static List<Element> parse(String body) {
        JsonValue root;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            root = reader.readValue();
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw ApiException.badInput("json_invalide", "", "Le corps de la requête n'est pas un JSON valide.");
        }
        JsonArray array;
        if (root instanceof JsonArray a) {
            array = a;
        } else if (root instanceof JsonObject o && o.get("elements") instanceof JsonArray a) {
            array = a;
        } else {
            throw ApiException.badInput("json_invalide", "elements",
                    "Envoyez {\"elements\": [{\"enfant\", \"unite\", \"date\", \"action\"}, …]}.");
        }
        if (array.isEmpty()) {
            throw ApiException.badInput("selection_vide", "elements", "Sélectionnez au moins une journée à réserver ou à annuler.");
        }
        if (array.size() > MAX) {
            throw ApiException.badInput("selection_trop_longue", "elements",
                    "Une sélection ne peut pas dépasser " + MAX + " journées : envoyez-la en plusieurs fois.");
        }
        LocalDate today = PlatformTime.today();
        List<Element> elements = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "elements[" + i + "]";
            if (!(array.get(i) instanceof JsonObject o)) {
                throw ApiException.badInput("element_invalide", at, "Chaque élément est un objet {enfant, unite, date, action}.");
            }
            long child = JsonFields.id(o.get("enfant")).orElseThrow(() -> ApiException.badInput("element_invalide", at + ".enfant",
                    "Indiquez l'identifiant numérique de l'enfant."));
            long unit = JsonFields.id(o.get("unite")).orElseThrow(() -> ApiException.badInput("element_invalide", at + ".unite",
                    "Indiquez l'identifiant numérique de l'unité."));
            LocalDate day = JsonFields.date(o.get("date")).orElseThrow(() -> ApiException.badInput("date_invalide", at + ".date",
                    "Indiquez la date sous la forme AAAA-MM-JJ."));
            if (day.isBefore(today)) {
                throw ApiException.badInput("date_invalide", at + ".date", "Cette date est passée : elle ne peut plus être"
                        + " réservée ni annulée.");
            }
            if (fr.portailfamille.booking.BookingRules.beyondHorizon(day, today)) {
                throw ApiException.badInput("date_invalide", at + ".date", "Cette date est trop lointaine.");
            }
            String action = o.get("action") instanceof JsonString s ? s.getString() : null;
            if (!BOOK.equals(action) && !CANCEL.equals(action) && !WITHDRAW.equals(action)) {
                throw ApiException.badInput("action_invalide", at + ".action",
                        "L'action est « reserver », « annuler » ou « retirer ».");
            }
            if (!seen.add(child + "|" + unit + "|" + day)) {
                throw ApiException.badInput("element_en_double", at, "Cette journée figure deux fois dans la sélection.");
            }
            elements.add(new Element(child, unit, day, action));
        }
        return elements;
    }

    /** A positive numeric id in a path or a query ("12"), else empty. */
    static Optional<Long> parseId(String text) {
        if (text == null || !text.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        long id = Long.parseLong(text);
        return id > 0 ? Optional.of(id) : Optional.empty();
    }
}
