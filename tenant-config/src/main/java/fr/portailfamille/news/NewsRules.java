package fr.portailfamille.news;

import fr.portailfamille.problems.FieldError;
import fr.portailfamille.problems.Problems;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The limits of a news and the checks an agent's news must pass before it is saved or published, each refusal
 * (bundle {@code problems}, {@code news.*}) with the field it concerns ({@code title}, {@code body}, {@code publishAt}, {@code endAt},
 * {@code activities}, {@code imageAlt}). The numbers are the columns' of migration V22.
 */
public final class NewsRules {

    /** {@code news.title varchar(200)}. */
    public static final int TITLE_MAX = 200;
    /** {@code news.body}, checked by {@code news_body_length}. */
    public static final int BODY_MAX = 4000;
    /** {@code news.image_alt varchar(250)}. */
    public static final int ALT_MAX = 250;
    /** An image's size: 2 Mo. */
    public static final int IMAGE_MAX_BYTES = 2 * 1024 * 1024;
    /** An image's longest side in pixels. */
    public static final int IMAGE_MAX_SIDE = 5000;
    /** How many characters of the body a tile shows. */
    public static final int EXCERPT = 180;

    private NewsRules() {
    }

    /**
     * What an agent submits. Dates are instants (the page's local date-times read in the commune's time zone);
     * {@code activityIds} matter for {@link NewsAudience#ACTIVITIES} only; {@code withImage}: the news keeps or
     * receives an image.
     */
    public record Draft(String title, String body, Instant publishAt, Instant endAt, NewsAudience audience,
                        Set<Long> activityIds, boolean withImage, String imageAlt) {
    }

    /**
     * The problems of a draft, all at once; {@code publishing} adds what a published news needs (an end still to
     * come). An empty list: it may be stored.
     */
    public static List<FieldError> check(Draft d, boolean publishing, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        String title = strip(d.title());
        if (title.isEmpty()) {
            errors.add(Problems.error("title", "news.title.required"));
        } else if (title.length() > TITLE_MAX) {
            errors.add(Problems.error("title", "news.title.tooLong", TITLE_MAX));
        }
        String body = body(d.body());
        if (body.isEmpty()) {
            errors.add(Problems.error("body", "news.body.required"));
        } else if (body.length() > BODY_MAX) {
            errors.add(Problems.error("body", "news.body.tooLong", BODY_MAX, body.length()));
        }
        if (d.endAt() != null && d.publishAt() != null && !d.endAt().isAfter(d.publishAt())) {
            errors.add(Problems.error("endAt", "news.end.beforeStart"));
        } else if (publishing && d.endAt() != null && !d.endAt().isAfter(now)) {
            errors.add(Problems.error("endAt", "news.end.past"));
        }
        if (d.audience() == null) {
            errors.add(Problems.error("audience", "news.audience.required"));
        } else if (d.audience() == NewsAudience.ACTIVITIES && (d.activityIds() == null || d.activityIds().isEmpty())) {
            errors.add(Problems.error("activities", "news.activities.required"));
        }
        String alt = strip(d.imageAlt());
        if (d.withImage() && alt.isEmpty()) {
            errors.add(Problems.error("imageAlt", "news.imageAlt.required"));
        } else if (alt.length() > ALT_MAX) {
            errors.add(Problems.error("imageAlt", "news.imageAlt.tooLong", ALT_MAX));
        }
        return errors;
    }

    /** The body as stored: line ends as {@code \n}, no blank lines at either end, no spaces at the ends of lines. */
    public static String body(String text) {
        if (text == null) {
            return "";
        }
        String t = text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[ \\t\\u00a0]+\\n", "\n");
        return t.strip();
    }

    /**
     * The body as paragraphs (separated by one or more blank lines), each as its lines: a page renders them as
     * {@code <p>} with {@code <br>} between lines, every text escaped, so that no markup an agent types is ever
     * interpreted.
     */
    public static List<List<String>> paragraphs(String text) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String block : body(text).split("\\n\\s*\\n")) {
            if (!block.isBlank()) {
                paragraphs.add(block.strip().lines().map(String::strip).toList());
            }
        }
        return paragraphs;
    }

    /** The beginning of the body a tile shows: whole words, at most {@value #EXCERPT} characters, "…" if cut. */
    public static String excerpt(String text) {
        String flat = body(text).replaceAll("\\s+", " ");
        if (flat.length() <= EXCERPT) {
            return flat;
        }
        String cut = flat.substring(0, EXCERPT);
        int space = cut.lastIndexOf(' ');
        return (space > EXCERPT / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
