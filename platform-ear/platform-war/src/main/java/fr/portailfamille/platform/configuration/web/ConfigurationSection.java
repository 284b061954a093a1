package fr.portailfamille.platform.configuration.web;

import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.configuration.CommuneConfiguration;
import fr.portailfamille.configuration.ConfigurationException;
import fr.portailfamille.platform.configuration.ConfigurationService;
import fr.portailfamille.platform.configuration.web.form.FormValues;
import fr.portailfamille.platform.web.FormErrors;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.problems.FieldError;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What every section of the configuration screens shares: it loads its part of the configuration, and
 * saves it as a change of the whole configuration, validated by tenant-config's rules and written in one
 * transaction; on refusal, what was typed stays and every problem shows next to its field.
 */
public abstract class ConfigurationSection implements Serializable {

    @Inject
    ConfigurationService configuration;

    @Inject
    UserView user;

    /** Reads the section from the configuration as it is now (the page's view action, and after a save). */
    public abstract void load();

    /** A digest of this screen's part of the configuration as the screen read it ({@link #opened}); null: not kept. */
    private String openedAs;

    /**
     * This screen's part of {@code c} — a list the screen saves whole —, so that a save refuses what another agent saved
     * since the screen opened instead of putting the older list back (a closure added, then gone again, its day
     * bookable while its bookings stay cancelled); {@code null}, the default: not checked (a screen that merges).
     */
    protected Object part(CommuneConfiguration c) {
        return null;
    }

    /** The configuration as it is now, for a screen's {@link #load}: its part, as read, kept to be checked at saving. */
    protected CommuneConfiguration opened() {
        CommuneConfiguration c = configuration.current();
        openedAs = digest(part(c));
        return c;
    }

    private static String digest(Object part) {
        if (part == null) {
            return null;
        }
        String text = String.valueOf(part);
        return Integer.toHexString(text.hashCode()) + ":" + text.length();
    }

    /**
     * Saves {@code change} of the configuration; says {@code done} when saved, or shows every problem in
     * form {@code form} (rule paths mapped to its fields) and keeps what was typed.
     *
     * @return whether it was saved
     */
    protected boolean save(String form, String done, UnaryOperator<CommuneConfiguration> change) {
        return save(form, done, change, FormValues::componentPath);
    }

    /**
     * {@link #save(String, String, UnaryOperator)} with the section's own mapping of the rules' paths to its
     * fields ({@code paths} gives "" for a problem shown only in the summary).
     */
    protected boolean save(String form, String done, UnaryOperator<CommuneConfiguration> change, UnaryOperator<String> paths) {
        String expected = openedAs;
        UnaryOperator<CommuneConfiguration> checked = expected == null ? change : c -> {
            // under the configuration's lock: the part as it is now, against what the screen showed
            if (!expected.equals(digest(part(c)))) {
                throw new ConfigurationException(List.of(new FieldError("",
                        fr.portailfamille.platform.kernel.Refused.text("configuration.changedMeanwhile"))));
            }
            return change.apply(c);
        };
        try {
            configuration.update(user.require(), checked);
            load();
            FormErrors.info(done);
            return true;
        } catch (ConfigurationException e) {
            refused(e.errors());
            showAll(form, e.errors().stream().map(x -> new FieldError(paths.apply(x.field()), x.text())).toList());
            return false;
        }
    }

    /** A save refused with {@code errors} (the rules' paths): what the screen puts back before they are shown. */
    protected void refused(List<FieldError> errors) {
    }

    /**
     * The configuration the agent was told undoes families' bookings ({@link #saveOnceConfirmed}), as the file writes
     * it: saving it again, unchanged, confirms.
     */
    private String confirmed;

    /**
     * {@link #save(String, String, UnaryOperator)}, but a change that would undo families' bookings (closure days
     * added, days that no longer run) is first told with how many ({@code confirm}, its argument the count) and saved
     * only when the agent saves the same again.
     *
     * @return whether it was saved
     */
    protected boolean saveOnceConfirmed(String form, String done, String confirm, UnaryOperator<CommuneConfiguration> change,
                                        String focus) {
        String proposed;
        ConfigurationService.Impact impact;
        try {
            proposed = fr.portailfamille.configuration.ConfigurationJson.write(change.apply(configuration.current()));
            impact = proposed.equals(confirmed) ? ConfigurationService.Impact.NONE
                    : configuration.bookingsUndoneBy(user.require(), change);
        } catch (ConfigurationException e) {
            refused(e.errors());
            showAll(form, e.errors().stream().map(x -> new FieldError(FormValues.componentPath(x.field()), x.text())).toList());
            return false;
        }
        if (impact.any()) {
            confirmed = proposed;
            told(impact, confirm, "agent.config.undo.billedLeft");
            fr.portailfamille.platform.web.NextFocus.on(focus);
            return false;
        }
        if (save(form, done, change)) {
            confirmed = null;
            return true;
        }
        return false;
    }

    /**
     * What a save or an import would do to families' bookings, in the summary: those it undoes ({@code confirm}, its
     * argument the count), those it leaves on their invoice ({@code billed}); the agent saves again to confirm.
     */
    public static void told(ConfigurationService.Impact impact, String confirm, String billed) {
        if (impact.undone() > 0) {
            FormErrors.error(Texts.of(confirm, impact.undone()));
        }
        if (impact.billedLeft() > 0) {
            FormErrors.error(Texts.of(billed, impact.billedLeft()));
        }
    }

    /** Every problem in the summary at the top, and next to its field when it has one. */
    protected static void showAll(String form, List<FieldError> errors) {
        FormErrors.show(form, errors);
        errors.stream().filter(e -> !e.field().isEmpty()).forEach(e -> FormErrors.error(Texts.of(e.text())));
    }
}
