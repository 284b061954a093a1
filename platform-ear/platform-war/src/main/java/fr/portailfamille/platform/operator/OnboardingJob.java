package fr.portailfamille.platform.operator;

import fr.portailfamille.archive.ImportListener;
import fr.portailfamille.archive.ImportStep;
import fr.portailfamille.tenancy.CommuneSpec;
import fr.portailfamille.tenancy.ProvisioningStep;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One job of the operators' console as it runs, of one of two kinds: an onboarding ({@link #ONBOARDING}: the steps of
 * the provisioner, then the first administrator's invitation) or an archive's import into a new commune
 * ({@link #IMPORT}: the archive received, decrypted and checked, the provisioner's steps, the accounts, the data);
 * each step waiting, running, done or failed with its detail; returned by the API. It is its provisioner's (and
 * importer's) listener, and writes each change through to the platform schema ({@link OnboardingJobs}), where the
 * console of any replica reads it (a job read back from there is a snapshot). Thread-safe: written by the job's thread.
 */
public final class OnboardingJob implements ImportListener, Serializable {

    /** The kind of an onboarding. */
    public static final String ONBOARDING = "EMBARQUEMENT";
    /** The kind of an archive's import into a new commune. */
    public static final String IMPORT = "IMPORT";

    /** The step after the provisioner's: the invitation of the commune's first administrator. */
    public static final String ADMINISTRATOR = "ADMINISTRATOR";
    /** An import's first step: the uploaded archive kept in a temporary file, done before the job starts. */
    public static final String ARCHIVE = "ARCHIVE";

    /** Where each change of a running job is written (the platform schema); not kept when a job is serialized. */
    interface Sink {
        void changed(OnboardingJob job, Step step);

        void finished(OnboardingJob job);
    }

    /** One step's row. */
    public static final class Step implements Serializable {
        private final String code;
        private final String label;
        private volatile String state = "EN_ATTENTE";
        private volatile String detail;

        Step(String code, String label) {
            this.code = code;
            this.label = label;
        }

        Step(String code, String label, String state, String detail) {
            this(code, label);
            this.state = state;
            this.detail = detail;
        }

        public String getCode() {
            return code;
        }

        public String getLabel() {
            return label;
        }

        /** {@code EN_ATTENTE}, {@code EN_COURS}, {@code FAITE} or {@code ECHEC}. */
        public String getState() {
            return state;
        }

        public String getDetail() {
            return detail;
        }
    }

    private final String id;
    private final String kind;
    private final Onboarding onboarding;
    private final List<Step> steps = new ArrayList<>();
    private volatile String state = "EN_COURS";
    private volatile String failedStep;
    private volatile String error;
    private volatile long millis;
    private transient volatile Sink sink;

    /** A new onboarding, all its steps waiting. */
    public OnboardingJob(Onboarding onboarding) {
        this(ONBOARDING, onboarding);
        for (ProvisioningStep s : ProvisioningStep.values()) {
            steps.add(new Step(s.name(), s.label()));
        }
        steps.add(new Step(ADMINISTRATOR, "Invitation du premier administrateur"));
    }

    private OnboardingJob(String kind, Onboarding onboarding) {
        this.id = UUID.randomUUID().toString();
        this.kind = kind;
        this.onboarding = onboarding;
    }

    /**
     * A new import of an archive into the new commune {@code spec} (kept as an onboarding without administrator: the
     * accounts come from the archive), all its steps waiting: {@link #ARCHIVE}, {@link ImportStep#DECRYPTION}, the
     * provisioner's, {@link ImportStep#ACCOUNTS}, {@link ImportStep#DATA}.
     */
    public static OnboardingJob importing(CommuneSpec spec) {
        OnboardingJob job = new OnboardingJob(IMPORT, new Onboarding(spec.slug(), spec.name(), spec.websiteUrl(),
                spec.primaryColor(), spec.accentColor(), spec.logoSvg(), spec.domains(), null));
        job.steps.add(new Step(ARCHIVE, "Archive reçue"));
        job.steps.add(new Step(ImportStep.DECRYPTION.name(), ImportStep.DECRYPTION.label()));
        for (ProvisioningStep s : ProvisioningStep.values()) {
            job.steps.add(new Step(s.name(), s.label()));
        }
        job.steps.add(new Step(ImportStep.ACCOUNTS.name(), ImportStep.ACCOUNTS.label()));
        job.steps.add(new Step(ImportStep.DATA.name(), ImportStep.DATA.label()));
        return job;
    }

    /** A job as the platform schema holds it. */
    OnboardingJob(String id, String kind, Onboarding onboarding, List<Step> steps, String state, String failedStep,
                  String error, long millis) {
        this.id = id;
        this.kind = kind;
        this.onboarding = onboarding;
        this.steps.addAll(steps);
        this.state = state;
        this.failedStep = failedStep;
        this.error = error;
        this.millis = millis;
    }

    /** From now on each change is written to {@code sink}. */
    OnboardingJob writingTo(Sink sink) {
        this.sink = sink;
        return this;
    }

    @Override
    public void started(ProvisioningStep step) {
        started(step.name());
    }

    @Override
    public void done(ProvisioningStep step, String detail) {
        done(step.name(), detail);
    }

    @Override
    public void failed(ProvisioningStep step, String why) {
        failed(step.name(), why);
    }

    @Override
    public void started(ImportStep step) {
        started(step.name());
    }

    @Override
    public void done(ImportStep step, String detail) {
        done(step.name(), detail);
    }

    @Override
    public void progress(ImportStep step, String detail) {
        Step s = step(step.name());
        s.detail = detail;
        tell(s);
    }

    @Override
    public void failed(ImportStep step, String why) {
        failed(step.name(), why);
    }

    void started(String code) {
        Step s = step(code);
        s.state = "EN_COURS";
        tell(s);
    }

    void done(String code, String detail) {
        Step s = step(code);
        s.detail = detail;
        s.state = "FAITE";
        tell(s);
    }

    void failed(String code, String why) {
        Step s = step(code);
        s.detail = why;
        s.state = "ECHEC";
        failedStep = code;
        error = why;
        tell(s);
    }

    private void tell(Step s) {
        Sink to = sink;
        if (to != null) {
            to.changed(this, s);
        }
    }

    /** The onboarding ended: {@code FAITE} or {@code ECHEC}, after {@code millis}. */
    void finished(boolean ok, String why, long millis) {
        this.millis = millis;
        if (!ok) {
            error = error == null ? why : error;
            if (failedStep == null) { // refused before any step (input, duplicate slug)
                failedStep = "VALIDATION";
            }
        }
        state = ok ? "FAITE" : "ECHEC";
        Sink to = sink;
        if (to != null) {
            to.finished(this);
        }
    }

    private Step step(String code) {
        return steps.stream().filter(s -> s.code.equals(code)).findFirst().orElseThrow();
    }

    public String getId() {
        return id;
    }

    /** {@link #ONBOARDING} or {@link #IMPORT}. */
    public String getKind() {
        return kind;
    }

    /** An archive's import (resumed only by giving the archive and its passphrase again: neither is kept). */
    public boolean isImport() {
        return IMPORT.equals(kind);
    }

    public Onboarding onboarding() {
        return onboarding;
    }

    public String getCommuneName() {
        return onboarding.name();
    }

    public String getSlug() {
        return onboarding.slug();
    }

    public List<Step> getSteps() {
        return List.copyOf(steps);
    }

    /** {@code EN_COURS}, {@code FAITE} or {@code ECHEC}. */
    public String getState() {
        return state;
    }

    public boolean isRunning() {
        return "EN_COURS".equals(state);
    }

    public boolean isFailed() {
        return "ECHEC".equals(state);
    }

    public boolean isDone() {
        return "FAITE".equals(state);
    }

    public String getFailedStep() {
        return failedStep;
    }

    public String getError() {
        return error;
    }

    public long getMillis() {
        return millis;
    }
}
