package fr.portailfamille.platform.news;

import fr.portailfamille.news.NewsAudience;
import fr.portailfamille.platform.kernel.PlatformTime;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/**
 * One news item of the commune, as agents write it (migration V22): its texts, whether it is published, from when
 * until when, for whom (everyone, or the families of {@link #getActivityIds() activities}) and its optional image.
 * Lists and tiles read rows without the image ({@link NewsService}, {@link NewsDesk}); only edits load the entity.
 */
@Entity
@Table(name = "news")
public class News {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "publish_at")
    private OffsetDateTime publishAt;

    @Column(name = "end_at")
    private OffsetDateTime endAt;

    @Column(nullable = false)
    private String audience = NewsAudience.EVERYONE.name();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "news_activity", joinColumns = @JoinColumn(name = "news_id"))
    @Column(name = "activity_id")
    private Set<Long> activityIds = new HashSet<>();

    private byte[] image;

    @Column(name = "image_type")
    private String imageType;

    @Column(name = "image_alt")
    private String imageAlt;

    @Column(name = "image_width")
    private Integer imageWidth;

    @Column(name = "image_height")
    private Integer imageHeight;

    private String author;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    /** The one-time token of the form that created it (tenant V52): the same form sent again creates nothing. */
    @Column(name = "form_token")
    private String formToken;

    protected News() {
    }

    /** A new draft written by {@code author} at {@code now}. */
    News(String author, OffsetDateTime now, String formToken) {
        this.author = author;
        this.createdAt = now;
        this.updatedAt = now;
        this.formToken = formToken;
    }

    /** A news for everyone, published from the start of {@code publishedOn} in Paris (demo data and tests). */
    public News(String title, String body, LocalDate publishedOn) {
        this.title = title;
        this.body = body;
        this.published = true;
        this.publishAt = publishedOn.atStartOfDay(PlatformTime.ZONE).toOffsetDateTime();
        this.createdAt = publishAt;
        this.updatedAt = publishAt;
        this.author = "reprise";
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getBody() { return body; }
    public boolean isPublished() { return published; }
    public OffsetDateTime getPublishAt() { return publishAt; }
    public OffsetDateTime getEndAt() { return endAt; }
    public NewsAudience getAudience() { return NewsAudience.valueOf(audience); }
    public Set<Long> getActivityIds() { return activityIds; }
    public boolean hasImage() { return image != null; }
    public String getImageAlt() { return imageAlt; }
    public String getAuthor() { return author; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }

    void write(String title, String body, OffsetDateTime publishAt, OffsetDateTime endAt, NewsAudience audience,
               Set<Long> activityIds, String imageAlt, String author, OffsetDateTime now) {
        this.title = title;
        this.body = body;
        this.publishAt = publishAt;
        this.endAt = endAt;
        this.audience = audience.name();
        this.activityIds.clear();
        if (audience == NewsAudience.ACTIVITIES) {
            this.activityIds.addAll(activityIds);
        }
        this.imageAlt = imageAlt;
        if (this.author == null) {
            this.author = author; // who wrote it first: a colleague's later save or « Retirer » does not take it over
        }
        this.updatedAt = now;
    }

    void image(NewsImages.Checked checked) {
        this.image = checked.content();
        this.imageType = checked.contentType();
        this.imageWidth = checked.width();
        this.imageHeight = checked.height();
    }

    void removeImage() {
        this.image = null;
        this.imageType = null;
        this.imageWidth = null;
        this.imageHeight = null;
        this.imageAlt = null;
    }

    void publish(boolean published) {
        this.published = published;
    }
}
