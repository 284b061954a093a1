package fr.portailfamille.platform.news;

import fr.portailfamille.news.NewsRules;
import fr.portailfamille.platform.kernel.PlatformTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A news as tiles and its "lire la suite" page show it, without the image's bytes (its address is
 * {@code /actualites/image?id=}); {@code body} is plain text, shown by {@link #getParagraphs()} or
 * {@link #getExcerpt()}, always escaped.
 */
public record NewsTile(long id, String title, String body, OffsetDateTime publishAt, boolean targeted, boolean image,
                       String imageAlt, Integer imageWidth, Integer imageHeight) {

    // JavaBean getters: Jakarta EL 5 does not read record components
    public long getId() { return id; }
    public String getTitle() { return title; }
    public boolean isTargeted() { return targeted; }
    public boolean isImage() { return image; }
    public String getImageAlt() { return imageAlt; }
    public Integer getImageWidth() { return imageWidth; }
    public Integer getImageHeight() { return imageHeight; }

    /** When it was published (its day in words in the page's language: {@code newsDates.day}). */
    public OffsetDateTime getPublishAt() { return publishAt; }

    /** The publication instant as a machine-readable date for {@code <time datetime>}. */
    public String getIsoDate() {
        return publishAt == null ? "" : PlatformTime.day(publishAt).toString();
    }

    public String getExcerpt() {
        return NewsRules.excerpt(body);
    }

    public List<List<String>> getParagraphs() {
        return NewsRules.paragraphs(body);
    }
}
