package fr.portailfamille.platform.web;

import fr.portailfamille.platform.kernel.PlatformTime;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An instant as the pages write it, in the platform's zone ({@link PlatformTime#ZONE}, Europe/Paris) whatever offset it
 * was read with: {@code <f:converter converterId="platformDateTime"/>} writes "04/12/2026 21:59" for 20:59 UTC. Not
 * {@code <f:convertDateTime type="offsetDateTime" timeZone="…">}: Faces applies its {@code timeZone} to
 * {@code java.util.Date} only, and an {@code OffsetDateTime} read from PostgreSQL by JDBC carries UTC's offset. A
 * {@code LocalDateTime} is taken as already local. Output only ({@code h:outputText}).
 */
@FacesConverter("platformDateTime")
public class PlatformDateTimeConverter implements Converter<Object> {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The day alone, in the platform's zone: {@code <f:converter converterId="platformDate"/>} ("04/12/2026"). */
    @FacesConverter("platformDate")
    public static class DateOnly extends PlatformDateTimeConverter {
        public DateOnly() {
            super(DATE);
        }
    }

    private final DateTimeFormatter format;

    public PlatformDateTimeConverter() {
        this(DATE_TIME);
    }

    PlatformDateTimeConverter(DateTimeFormatter format) {
        this.format = format;
    }

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String value) {
        throw new ConverterException("output only");
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, Object value) {
        return value == null ? "" : format.format(local(value));
    }

    /** {@code value} as a date and time in the platform's zone. */
    static LocalDateTime local(Object value) {
        if (value instanceof OffsetDateTime o) {
            return PlatformTime.local(o);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(PlatformTime.ZONE).toLocalDateTime();
        }
        if (value instanceof Instant i) {
            return LocalDateTime.ofInstant(i, PlatformTime.ZONE);
        }
        if (value instanceof LocalDateTime l) {
            return l;
        }
        throw new ConverterException("not an instant: " + value.getClass().getName());
    }
}
