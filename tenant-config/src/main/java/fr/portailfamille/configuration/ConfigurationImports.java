package fr.portailfamille.configuration;

import fr.portailfamille.billing.BillingConfiguration;
import fr.portailfamille.billing.BillingSettings;
import fr.portailfamille.billing.Regie;
import fr.portailfamille.messaging.InboxService;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What an imported configuration file may change. A file is often another commune's, taken to copy its activities and
 * tariffs: its régies' accounts (PayFiP client number, SEPA creditor, porte-monnaie and how it collects), their
 * régisseurs' contacts and payment instructions, and its services' mailboxes are that commune's. Imported as they were,
 * a neighbour's file sent this commune's card payments to the neighbour's treasury, its direct debits under the
 * neighbour's creditor and its families' messages to the neighbour's mailboxes. They stay this commune's: a régie or
 * a service it already has (same code) keeps its own; one it did not have comes without them, to be set on the Régies
 * and Services screens. Its resident postcodes are the commune's too (the neighbour's made every family of this one
 * non-resident: priced so at the next run, last in the opening windows): kept as they were, set on Tarification.
 */
public final class ConfigurationImports {

    private ConfigurationImports() {
    }

    /** {@code imported} with {@code current}'s own accounts, contacts and mailboxes, as said above. */
    public static CommuneConfiguration keepOwnAccounts(CommuneConfiguration current, CommuneConfiguration imported) {
        CommuneConfiguration result = imported;
        if (imported.billing() != null) {
            Map<String, Regie> own = byCode(current.billing() == null ? List.of() : current.billing().regies(), Regie::code);
            List<Regie> regies = imported.billing().regies().stream().map(r -> regie(own.get(r.code()), r)).toList();
            BillingSettings file = imported.billing().settings();
            List<String> postcodes = current.billing() == null ? List.of() : current.billing().settings().residentPostcodes();
            result = result.withBilling(new BillingConfiguration(new BillingSettings(file.qfValidityMonths(), postcodes,
                    file.brackets(), file.reminderDays(), file.certificateDays()), regies, imported.billing().tariffs()));
        }
        if (imported.services() != null) {
            Map<String, InboxService> own = byCode(current.services() == null ? List.of() : current.services(),
                    InboxService::code);
            result = result.withServices(imported.services().stream().map(s -> new InboxService(s.code(), s.label(),
                    own.containsKey(s.code()) ? own.get(s.code()).email() : null)).toList());
        }
        return result;
    }

    /** The file's régie with the commune's own accounts and contacts, or without any when the commune had none of it. */
    private static Regie regie(Regie own, Regie file) {
        if (own == null) {
            return new Regie(file.code(), file.label(), file.invoicePrefix(), null, null, null, file.activities(), null,
                    null, Regie.Collection.INVOICE, 0, null);
        }
        // its numbering too: the prefix of the invoices it already issued
        return new Regie(file.code(), file.label(), own.invoicePrefix(), own.managerName(), own.managerEmail(),
                own.managerPhone(), file.activities(), own.paymentInstructions(), own.payfipNumcli(), own.collection(),
                own.walletFloorCents(), own.sepa());
    }

    private static <T> Map<String, T> byCode(List<T> items, Function<T, String> code) {
        return items.stream().collect(Collectors.toMap(code, t -> t, (a, b) -> a));
    }
}
