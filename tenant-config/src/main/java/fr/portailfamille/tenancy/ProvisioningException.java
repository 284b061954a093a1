package fr.portailfamille.tenancy;

import fr.portailfamille.problems.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/** Provisioning refused (bad input) or failed (a step broke; what was done has been undone). */
public class ProvisioningException extends RuntimeException {
    private final transient List<FieldError> errors;

    public ProvisioningException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public ProvisioningException(String message, Throwable cause) {
        super(message, cause);
        this.errors = List.of();
    }

    /** The refused fields; empty when a step failed rather than the input. */
    public List<FieldError> errors() {
        return errors;
    }

    /** No commune has the slug asked for (its field error says so, on {@code slug}). */
    public static final class NoSuchCommune extends ProvisioningException {
        public NoSuchCommune(String slug) {
            super(List.of(new FieldError("slug", "Aucune commune n'a l'identifiant « " + slug + " ».")));
        }
    }

    /** The commune is active where the action needs it suspended first (deleting it). */
    public static final class NotSuspended extends ProvisioningException {
        public NotSuspended(String slug) {
            super(List.of(new FieldError("slug",
                    "La commune « " + slug + " » doit être suspendue avant d'être supprimée : suspendez-la d'abord.")));
        }
    }
}
