package fr.portailfamille.tenancy;

import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Provisioning refused (bad input: {@link #errors()}) or failed (a step broke; what was done has been undone:
 * {@link #text()}). {@link #getMessage()} is French (the operators' API, the logs); a page reads {@link #text()} and
 * the errors' texts in its language.
 */
public class ProvisioningException extends RuntimeException {
    private final transient List<FieldError> errors;
    private final transient Message text;

    public ProvisioningException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
        this.text = null;
    }

    public ProvisioningException(String message, Throwable cause) {
        this(Message.literal(message), cause);
    }

    public ProvisioningException(Message text, Throwable cause) {
        super(text.french(), cause);
        this.errors = List.of();
        this.text = text;
    }

    /** The refused fields; empty when a step failed rather than the input. */
    public List<FieldError> errors() {
        return errors;
    }

    /** Why, to be read in any language: the failure, or the refused fields' texts (its French is {@link #getMessage()}). */
    public Message text() {
        return text != null ? text : Message.literal(getMessage());
    }

    /** No commune has the slug asked for (its field error says so, on {@code slug}). */
    public static final class NoSuchCommune extends ProvisioningException {
        public NoSuchCommune(String slug) {
            super(List.of(Problems.error("slug", "tenancy.commune.unknown", slug)));
        }
    }

    /** The commune is active where the action needs it suspended first (deleting it). */
    public static final class NotSuspended extends ProvisioningException {
        public NotSuspended(String slug) {
            super(List.of(Problems.error("slug", "tenancy.delete.notSuspended", slug)));
        }
    }

    /**
     * A deletion refused: the commune holds money records (invoices, payments, porte-monnaie movements), which the
     * public accounting rules keep 10 years, and no archive of it was made since the last of them.
     */
    public static final class Unarchived extends ProvisioningException {
        public Unarchived(String slug) {
            super(List.of(Problems.error("typedSlug", "tenancy.delete.unarchived", slug)));
        }
    }
}
