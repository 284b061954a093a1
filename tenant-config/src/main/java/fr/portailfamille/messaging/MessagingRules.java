package fr.portailfamille.messaging;

import fr.portailfamille.problems.FieldError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the Boîte de réception, each broken one a French message (at its path for a commune's services,
 * {@code services[i].field}, or at the form's field for a message).
 */
public final class MessagingRules {

    public static final int CODE_MAX = 40;
    public static final int LABEL_MAX = 120;
    public static final int EMAIL_MAX = 254;
    public static final int SUBJECT_MAX = 150;
    public static final int BODY_MAX = 5000;
    /** Files joined to one message. */
    public static final int ATTACHMENTS_MAX = 3;
    /** The realm group naming a service an agent belongs to: {@code service-enfance}. */
    public static final String GROUP_PREFIX = "service-";
    /** Families one broadcast may reach at most (the commune's largest target stays far below). */
    public static final int BROADCAST_MAX = 20_000;

    private static final Pattern CODE = Pattern.compile("^[a-z0-9-]{1,40}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> LEVELS = Set.of("TPS", "PS", "MS", "GS", "CP", "CE1", "CE2", "CM1", "CM2");

    private MessagingRules() {
    }

    // ---- the commune's services ----------------------------------------------------------------

    /** Every problem of these services, at once (empty: valid); a commune needs at least one. */
    public static List<FieldError> validate(List<InboxService> services) {
        List<FieldError> errors = new ArrayList<>();
        if (services.isEmpty()) {
            errors.add(new FieldError("services", "Gardez au moins un service : les familles doivent pouvoir écrire à la commune."));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            InboxService s = services.get(i);
            String at = "services[" + i + "]";
            if (s.code() == null || !CODE.matcher(s.code()).matches()) {
                errors.add(new FieldError(at + ".code", "Le code « " + s.code()
                        + " » doit faire de 1 à 40 caractères parmi a-z, 0-9 et -."));
            } else if (!codes.add(s.code())) {
                errors.add(new FieldError(at + ".code", "Le code « " + s.code() + " » est déjà utilisé par un autre service."));
            }
            if (s.label() == null || s.label().isBlank()) {
                errors.add(new FieldError(at + ".label", "Le nom du service est obligatoire."));
            } else if (s.label().length() > LABEL_MAX) {
                errors.add(new FieldError(at + ".label", "Le nom du service ne doit pas dépasser " + LABEL_MAX + " caractères."));
            }
            if (s.email() != null && (s.email().length() > EMAIL_MAX || !EMAIL.matcher(s.email()).matches())) {
                errors.add(new FieldError(at + ".email", "Adresse e-mail invalide : « " + s.email() + " »."));
            }
        }
        return errors;
    }

    /** The services a new commune starts with. */
    public static List<InboxService> defaults() {
        return List.of(new InboxService("enfance", "Service enfance", null),
                new InboxService("education", "Service éducation", null),
                new InboxService("regie", "Régie", null));
    }

    // ---- agents ----------------------------------------------------------------------------------

    /**
     * The services an agent belongs to: those its realm groups name ({@code service-enfance}, or a path ending
     * with it, {@code /service-enfance}) among the commune's; every service when no group names one (until the
     * commune's administrator manages groups).
     */
    public static Set<String> servicesOf(Collection<String> groups, Collection<String> communeServices) {
        Set<String> named = new HashSet<>();
        for (String g : groups == null ? List.<String>of() : groups) {
            String name = g == null ? "" : g.substring(g.lastIndexOf('/') + 1);
            if (name.startsWith(GROUP_PREFIX) && communeServices.contains(name.substring(GROUP_PREFIX.length()))) {
                named.add(name.substring(GROUP_PREFIX.length()));
            }
        }
        return named.isEmpty() ? Set.copyOf(communeServices) : Set.copyOf(named);
    }

    // ---- threads ---------------------------------------------------------------------------------

    /** Why {@code side} may not write in a thread in {@code state}; {@code null} when it may. */
    public static String writeRefusal(Side side, ThreadState state) {
        if (state == ThreadState.CLOSED) {
            return side == Side.FAMILY
                    ? "Cette conversation est close : écrivez un nouveau message au service."
                    : "Cette conversation est close : rouvrez-la pour y répondre.";
        }
        return null;
    }

    /** The state of a thread once {@code side} has written in it. */
    public static ThreadState afterMessage(Side side, ThreadState state) {
        String refusal = writeRefusal(side, state);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
        return side == Side.FAMILY ? ThreadState.OPEN : ThreadState.ANSWERED;
    }

    /** Whether an agent may close a thread in this state (any not closed). */
    public static boolean mayClose(ThreadState state) {
        return state != ThreadState.CLOSED;
    }

    /** The state a reopened thread takes: waiting for the service, as a thread the family wrote last. */
    public static ThreadState reopened(ThreadState state) {
        if (state != ThreadState.CLOSED) {
            throw new IllegalStateException("Cette conversation n'est pas close.");
        }
        return ThreadState.OPEN;
    }

    /**
     * Whether a thread is unread by {@code reader}: a message of the other side arrived after {@code reader} last
     * opened it (never opened: unread as soon as the other side wrote).
     *
     * @param lastOtherSide when the other side last wrote ({@code null}: never), epoch milliseconds
     * @param readAt when {@code reader} last opened the thread ({@code null}: never), epoch milliseconds
     */
    public static boolean unread(Long lastOtherSide, Long readAt) {
        return lastOtherSide != null && (readAt == null || readAt < lastOtherSide);
    }

    /**
     * The problems of a new message (subject only for a new thread; body always), at the form's fields
     * {@code subject}, {@code body}, {@code files}.
     */
    public static List<FieldError> validateMessage(boolean newThread, String subject, String body, int files) {
        List<FieldError> errors = new ArrayList<>();
        if (newThread) {
            if (subject == null || subject.isBlank()) {
                errors.add(new FieldError("subject", "Indiquez l'objet du message."));
            } else if (subject.strip().length() > SUBJECT_MAX) {
                errors.add(new FieldError("subject", "L'objet ne doit pas dépasser " + SUBJECT_MAX + " caractères."));
            }
        }
        if (body == null || body.isBlank()) {
            errors.add(new FieldError("body", "Écrivez votre message."));
        } else if (body.strip().length() > BODY_MAX) {
            errors.add(new FieldError("body", "Le message ne doit pas dépasser " + BODY_MAX + " caractères."));
        }
        if (files > ATTACHMENTS_MAX) {
            errors.add(new FieldError("files", "Joignez au plus " + ATTACHMENTS_MAX + " fichiers à un message."));
        }
        return errors;
    }

    // ---- broadcasts ------------------------------------------------------------------------------

    /** Why this target is incomplete ({@code target}); {@code null} when it names whom to write to. */
    public static String targetRefusal(BroadcastTarget target) {
        if (target == null || target.kind() == null) {
            return "Choisissez à qui écrire.";
        }
        String ref = target.ref() == null ? "" : target.ref().strip();
        return switch (target.kind()) {
            case COMMUNE -> null;
            case FAMILY -> ref.matches("\\d{1,18}") ? null : "Choisissez la famille.";
            case ACTIVITY -> ref.isEmpty() ? "Choisissez l'activité." : null;
            case SCHOOL -> ref.isEmpty() ? "Choisissez l'école." : null;
            case CLASS -> target.establishment().isBlank() || target.level() == null || !LEVELS.contains(target.level())
                    ? "Choisissez l'école et la classe (TPS à CM2)." : null;
        };
    }

    /** Whether a broadcast reaching {@code families} may be sent (at least one, at most {@value #BROADCAST_MAX}). */
    public static String countRefusal(long families) {
        if (families == 0) {
            return "Aucune famille ne correspond à ce choix : rien n'est envoyé.";
        }
        return families > BROADCAST_MAX ? "Plus de " + BROADCAST_MAX + " familles : choisissez un groupe plus petit." : null;
    }
}
