package fr.portailfamille.messaging;

import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Message;
import fr.portailfamille.problems.Problems;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the Boîte de réception, each broken one a text (bundle {@code problems}, {@code messaging.*}) at its
 * path for a commune's services, {@code services[i].field}, or at the form's field for a message.
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
            errors.add(Problems.error("services", "messaging.services.required"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            InboxService s = services.get(i);
            String at = "services[" + i + "]";
            if (s.code() == null || !CODE.matcher(s.code()).matches()) {
                errors.add(Problems.error(at + ".code", "messaging.service.code.invalid", s.code()));
            } else if (!codes.add(s.code())) {
                errors.add(Problems.error(at + ".code", "messaging.service.code.taken", s.code()));
            }
            if (s.label() == null || s.label().isBlank()) {
                errors.add(Problems.error(at + ".label", "messaging.service.label.required"));
            } else if (s.label().length() > LABEL_MAX) {
                errors.add(Problems.error(at + ".label", "messaging.service.label.tooLong", LABEL_MAX));
            }
            if (s.email() != null && (s.email().length() > EMAIL_MAX || !EMAIL.matcher(s.email()).matches())) {
                errors.add(Problems.error(at + ".email", "messaging.service.email.invalid", s.email()));
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
     * with it, {@code /service-enfance}) among the commune's; every service when it is in no service group at all
     * (until the commune's administrator manages groups). An agent whose service groups name none of the commune's
     * services (one removed or recoded since) has none: never every family's threads of every service.
     */
    public static Set<String> servicesOf(Collection<String> groups, Collection<String> communeServices) {
        Set<String> named = new HashSet<>();
        boolean inServiceGroup = false;
        for (String g : groups == null ? List.<String>of() : groups) {
            String name = g == null ? "" : g.substring(g.lastIndexOf('/') + 1);
            if (name.startsWith(GROUP_PREFIX)) {
                inServiceGroup = true;
                if (communeServices.contains(name.substring(GROUP_PREFIX.length()))) {
                    named.add(name.substring(GROUP_PREFIX.length()));
                }
            }
        }
        return inServiceGroup ? Set.copyOf(named) : Set.copyOf(communeServices);
    }

    // ---- threads ---------------------------------------------------------------------------------

    /** Why {@code side} may not write in a thread in {@code state}; {@code null} when it may. */
    public static Message writeProblem(Side side, ThreadState state) {
        if (state == ThreadState.CLOSED) {
            return Problems.of(side == Side.FAMILY ? "messaging.thread.closed.family" : "messaging.thread.closed.service");
        }
        return null;
    }

    /** The state of a thread once {@code side} has written in it. */
    public static ThreadState afterMessage(Side side, ThreadState state) {
        Message refusal = writeProblem(side, state);
        if (refusal != null) {
            throw new IllegalStateException(refusal.french());
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
                errors.add(Problems.error("subject", "messaging.subject.required"));
            } else if (subject.strip().length() > SUBJECT_MAX) {
                errors.add(Problems.error("subject", "messaging.subject.tooLong", SUBJECT_MAX));
            }
        }
        if (body == null || body.isBlank()) {
            errors.add(Problems.error("body", "messaging.body.required"));
        } else if (body.strip().length() > BODY_MAX) {
            errors.add(Problems.error("body", "messaging.body.tooLong", BODY_MAX));
        }
        if (files > ATTACHMENTS_MAX) {
            errors.add(Problems.error("files", "messaging.files.tooMany", ATTACHMENTS_MAX));
        }
        return errors;
    }

    // ---- broadcasts ------------------------------------------------------------------------------

    /** Why this target is incomplete ({@code target}); {@code null} when it names whom to write to. */
    public static Message targetProblem(BroadcastTarget target) {
        if (target == null || target.kind() == null) {
            return Problems.of("messaging.target.required");
        }
        String ref = target.ref() == null ? "" : target.ref().strip();
        String key = switch (target.kind()) {
            case COMMUNE -> null;
            case FAMILY -> ref.matches("\\d{1,18}") ? null : "messaging.target.family";
            case ACTIVITY -> ref.isEmpty() ? "messaging.target.activity" : null;
            case SCHOOL -> ref.isEmpty() ? "messaging.target.school" : null;
            case CLASS -> target.establishment() == null || target.establishment().isBlank() || target.level() == null || !LEVELS.contains(target.level())
                    ? "messaging.target.class" : null;
        };
        return key == null ? null : Problems.of(key);
    }

    /**
     * Why a broadcast reaching {@code families} may not be sent; {@code null} when it may (at least one, at most
     * {@value #BROADCAST_MAX}).
     */
    public static Message countProblem(long families) {
        if (families == 0) {
            return Problems.of("messaging.broadcast.none");
        }
        return families > BROADCAST_MAX ? Problems.of("messaging.broadcast.tooMany", BROADCAST_MAX) : null;
    }
}
