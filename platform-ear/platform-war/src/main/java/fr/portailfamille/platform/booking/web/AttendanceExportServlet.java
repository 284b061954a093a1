package fr.portailfamille.platform.booking.web;

import fr.portailfamille.platform.kernel.FileResponses;
import fr.portailfamille.platform.booking.OccupancyQueries;
import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.platform.security.SignedInUser;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The attendance of an activity over a period, downloaded as CSV (French Excel) or XLSX:
 * {@code /agent/presences?activite=…&du=…&au=…&format=csv|xlsx}. Streamed from one query
 * ({@link OccupancyQueries#attendance}), which also checks that the caller is an agent of this commune.
 */
@WebServlet("/agent/presences")
public class AttendanceExportServlet extends HttpServlet {

    @Inject
    OccupancyQueries queries;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long activity;
        LocalDate from;
        LocalDate to;
        try {
            activity = Long.parseLong(req.getParameter("activite"));
            from = LocalDate.parse(req.getParameter("du"));
            to = LocalDate.parse(req.getParameter("au"));
        } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
            resp.sendError(400, "Choisissez une activité et une période (du … au …).");
            return;
        }
        boolean xlsx = "xlsx".equals(req.getParameter("format"));
        SignedInUser user = SignedInUser.of(req);
        String name = "presences-" + from + "-" + to + (xlsx ? ".xlsx" : ".csv");
        FileResponses.attachment(resp, xlsx ? FileResponses.XLSX : "text/csv; charset=UTF-8", name);
        try {
            if (xlsx) {
                // the workbook starts with the first row, so that a refusal still gets its error page
                AttendanceXlsx[] out = new AttendanceXlsx[1];
                queries.attendance(user, activity, from, to, row -> {
                    try {
                        if (out[0] == null) {
                            out[0] = new AttendanceXlsx(resp.getOutputStream());
                        }
                        out[0].write(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                (out[0] == null ? new AttendanceXlsx(resp.getOutputStream()) : out[0]).close();
            } else {
                Writer w = new BufferedWriter(new OutputStreamWriter(resp.getOutputStream(), StandardCharsets.UTF_8));
                AttendanceCsv csv = new AttendanceCsv(w);
                queries.attendance(user, activity, from, to, row -> {
                    try {
                        csv.write(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                w.flush();
            }
        } catch (Refused e) {
            if (!resp.isCommitted()) {
                resp.reset();
                resp.sendError(OccupancyQueries.isAgentsOnly(e) ? 403 : 400, e.getMessage());
            }
        }
    }
}
