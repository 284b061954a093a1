package fr.portailfamille.platform.operator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The console's jobs — onboardings and archive imports ({@link OnboardingJob#getKind()}) — in the platform schema
 * ({@code platform.onboarding_job}, {@code onboarding_job_step}): a job is written when it starts, at each step and when
 * it ends (each write its own short statement, outside any transaction), so the console of any replica reads its steps
 * as they run, and a failed onboarding is resumed from any replica with what the operator gave (kept as JSON; an
 * import's passphrase is never written: a failed import is given again). A job still running whose row has not moved
 * for {@link #STALE} lost its replica: it reads as failed, "interrompu". Jobs older than 30 days are dropped when a new
 * one starts.
 */
public final class OnboardingJobs implements OnboardingJob.Sink {

    /** How long a running job may go without a change before it reads as interrupted (a step takes seconds). */
    static final Duration STALE = Duration.ofMinutes(5);
    static final String INTERRUPTED = "Provisionnement interrompu : l'instance qui le menait ne répond plus"
            + " (redémarrée ou arrêtée). Reprenez-le.";
    static final String INTERRUPTED_IMPORT = "Import interrompu : l'instance qui le menait ne répond plus (redémarrée ou"
            + " arrêtée). Si la commune figure dans la liste des communes, supprimez-la ; relancez"
            + " ensuite l'import avec l'archive et sa phrase secrète.";
    private static final Logger LOG = Logger.getLogger(OnboardingJobs.class.getName());

    private final DataSource dataSource;

    public OnboardingJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes a new job with its steps, all waiting, and makes it write each change here. */
    public OnboardingJob create(OnboardingJob job, String startedBy) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(
                        "delete from platform.onboarding_job where created_at < now() - interval '30 days'")) {
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into platform.onboarding_job"
                        + " (id, kind, slug, name, onboarding, state, started_by) values (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setObject(1, UUID.fromString(job.getId()));
                    ps.setString(2, job.getKind());
                    ps.setString(3, job.getSlug());
                    ps.setString(4, cut(job.getCommuneName(), 120));
                    ps.setString(5, json(job.onboarding()));
                    ps.setString(6, job.getState());
                    ps.setString(7, cut(startedBy, 120));
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into platform.onboarding_job_step"
                        + " (job_id, seq, code, label, state, detail) values (?, ?, ?, ?, ?, ?)")) {
                    int seq = 0;
                    for (OnboardingJob.Step s : job.getSteps()) {
                        ps.setObject(1, UUID.fromString(job.getId()));
                        ps.setInt(2, seq++);
                        ps.setString(3, s.getCode());
                        ps.setString(4, s.getLabel());
                        ps.setString(5, s.getState());
                        ps.setString(6, cut(s.getDetail(), 2000));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Écriture du provisionnement impossible", e);
        }
        return job.writingTo(this);
    }

    @Override
    public void changed(OnboardingJob job, OnboardingJob.Step step) {
        write("update platform.onboarding_job_step set state = ?, detail = ? where job_id = ? and code = ?",
                step.getState(), cut(step.getDetail(), 2000), UUID.fromString(job.getId()), step.getCode());
        write("update platform.onboarding_job set failed_step = ?, error = ?, updated_at = now() where id = ?",
                job.getFailedStep(), cut(job.getError(), 2000), UUID.fromString(job.getId()));
    }

    @Override
    public void finished(OnboardingJob job) {
        write("update platform.onboarding_job set state = ?, failed_step = ?, error = ?, millis = ?, updated_at = now()"
                + " where id = ?", job.getState(), job.getFailedStep(), cut(job.getError(), 2000), job.getMillis(),
                UUID.fromString(job.getId()));
    }

    /** The latest job of commune {@code slug} (onboarding or import), as {@link #find} reads it, if any. */
    public Optional<OnboardingJob> latest(String slug) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select id from platform.onboarding_job where slug = ?"
                     + " order by created_at desc limit 1")) {
            ps.setString(1, slug);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? find(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Tâches de la commune " + slug + " illisibles", e);
        }
    }

    /** The job with this id as the platform schema holds it now (a snapshot), if any. */
    public Optional<OnboardingJob> find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            Onboarding onboarding;
            String kind;
            String state;
            String failedStep;
            String error;
            long millis;
            boolean interrupted;
            try (PreparedStatement ps = c.prepareStatement("select onboarding, state, failed_step, error, millis,"
                    + " state = 'EN_COURS' and updated_at < now() - make_interval(secs => ?), kind"
                    + " from platform.onboarding_job where id = ?")) {
                ps.setLong(1, STALE.toSeconds());
                ps.setObject(2, uuid);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    onboarding = onboarding(rs.getString(1));
                    state = rs.getString(2);
                    failedStep = rs.getString(3);
                    error = rs.getString(4);
                    millis = rs.getLong(5);
                    interrupted = rs.getBoolean(6);
                    kind = rs.getString(7);
                    if (interrupted) {
                        state = "ECHEC";
                        error = OnboardingJob.IMPORT.equals(kind) ? INTERRUPTED_IMPORT : INTERRUPTED;
                    }
                }
            }
            List<OnboardingJob.Step> steps = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select code, label, state, detail"
                    + " from platform.onboarding_job_step where job_id = ? order by seq")) {
                ps.setObject(1, uuid);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.add(new OnboardingJob.Step(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4)));
                    }
                }
            }
            if (interrupted && failedStep == null) {
                failedStep = steps.stream().filter(s -> "EN_COURS".equals(s.getState())).map(OnboardingJob.Step::getCode)
                        .findFirst().or(() -> steps.stream().filter(s -> !"FAITE".equals(s.getState()))
                                .map(OnboardingJob.Step::getCode).findFirst()).orElse("VALIDATION");
            }
            return Optional.of(new OnboardingJob(id, kind, onboarding, steps, state, failedStep, error, millis));
        } catch (SQLException e) {
            throw new IllegalStateException("Lecture du provisionnement impossible", e);
        }
    }

    /** A write of a running job; a failure is logged, not thrown: the job goes on, only its display lags. */
    private void write(String sql, Object... values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Progression du provisionnement non écrite", e);
        }
    }

    static String json(Onboarding o) {
        JsonArrayBuilder domains = Json.createArrayBuilder();
        o.domains().forEach(domains::add);
        JsonObjectBuilder b = Json.createObjectBuilder().add("domains", domains);
        add(b, "slug", o.slug());
        add(b, "name", o.name());
        add(b, "websiteUrl", o.websiteUrl());
        add(b, "primaryColor", o.primaryColor());
        add(b, "accentColor", o.accentColor());
        add(b, "logoSvg", o.logoSvg());
        add(b, "administratorEmail", o.administratorEmail());
        add(b, "administratorFirstName", o.administratorFirstName());
        add(b, "administratorLastName", o.administratorLastName());
        return b.build().toString();
    }

    static Onboarding onboarding(String json) {
        JsonObject o = Json.createReader(new StringReader(json)).readObject();
        List<String> domains = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("domains")) {
            domains.add(((JsonString) v).getString());
        }
        return new Onboarding(o.getString("slug", null), o.getString("name", null), o.getString("websiteUrl", null),
                o.getString("primaryColor", null), o.getString("accentColor", null), o.getString("logoSvg", null),
                domains, o.getString("administratorEmail", null), o.getString("administratorFirstName", null),
                o.getString("administratorLastName", null));
    }

    private static void add(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
