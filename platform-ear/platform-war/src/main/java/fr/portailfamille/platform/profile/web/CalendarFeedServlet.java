package fr.portailfamille.platform.profile.web;

import fr.portailfamille.platform.profile.ChildCalendarIcs;
import fr.portailfamille.platform.profile.ChildCalendars;
import fr.portailfamille.platform.tenancy.TenantContext;
import fr.portailfamille.tenancy.Commune;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A child's iCal feed, {@code /calendrier/<token>.ics}: no session (calendar apps fetch it), the token looked up in
 * the commune of the Host only; an unknown, revoked or other commune's token answers 404 alike, so nothing leaks.
 * Calendar apps poll: the answer may be kept 15 minutes by the client and carries an ETag for a cheap 304.
 */
@WebServlet("/calendrier/*")
public class CalendarFeedServlet extends HttpServlet {

    static final String SUFFIX = ".ics";

    @Inject
    ChildCalendars calendars;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path == null || !path.startsWith("/") || !path.endsWith(SUFFIX)) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<ChildCalendars.Opened> feed = calendars.open(path.substring(1, path.length() - SUFFIX.length()));
        if (feed.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Commune commune = TenantContext.require();
        // DTSTAMP of the day: the same bookings give the same document (and ETag) all day long
        String ics = ChildCalendarIcs.write(commune.slug(), commune.name(), feed.get(),
                Instant.now().truncatedTo(ChronoUnit.DAYS));
        byte[] body = ics.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + sha256(body) + "\"";
        resp.setHeader("Cache-Control", "private, max-age=900");
        resp.setHeader("ETag", etag);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "no-referrer");
        if (matches(req.getHeader("If-None-Match"), etag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentType("text/calendar;charset=UTF-8");
        resp.setHeader("Content-Disposition", "inline; filename=\"calendrier.ics\"");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** Whether {@code If-None-Match} names this ETag (weak or strong) or any ({@code *}). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
