package fr.portailfamille.platform.family.web;

import fr.portailfamille.billing.QfBracket;
import fr.portailfamille.platform.configuration.CommuneSettings;
import fr.portailfamille.platform.family.FamilyDesk;
import fr.portailfamille.platform.family.FamilyFilter;
import fr.portailfamille.platform.family.FamilyRow;
import fr.portailfamille.platform.family.FamilySort;
import fr.portailfamille.platform.family.FamilyStatus;
import fr.portailfamille.platform.family.QfRange;
import fr.portailfamille.platform.kernel.SpreadsheetCells;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.component.export.CSVOptions;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The families list of the commune for agents ({@code agent/familles.xhtml}): a lazy table over
 * {@link FamilyDesk}, which counts and reads each page in SQL; filters on household, child, status, school
 * and quotient familial bracket (the commune's own, as its tariffs price them); the filtered list exported to CSV
 * (French Excel: {@code ;}, UTF-8 with BOM) and XLSX, every text cell neutralised ({@link SpreadsheetCells}).
 */
@Named
@ViewScoped
public class FamillesView implements Serializable {

    /** The filter's value for the families without a quotient familial. */
    public static final String UNKNOWN_QF = "UNKNOWN";

    /** French Excel: fields separated by semicolons, quoted with double quotes. */
    public static final CSVOptions CSV_FR = new CSVOptions('"', ';', "\r\n");

    @Inject
    FamilyDesk desk;

    @Inject
    UserView user;

    @Inject
    CommuneSettings settings;

    /** The commune's quotient familial brackets (Tarification), read once for the page. */
    private List<QfBracket> brackets;

    private final LazyDataModel<FamilyRow> families = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(desk().count(user().require(), filterOf(filterBy, getQfBrackets())));
        }

        @Override
        public List<FamilyRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                    .filter(s -> !s.getOrder().isUnsorted()).findFirst().orElse(null);
            return desk().page(user().require(), filterOf(filterBy, getQfBrackets()), sortOf(sort == null ? null : sort.getField()),
                    sort != null && sort.getOrder().isDescending(), first, pageSize);
        }

        @Override
        public String getRowKey(FamilyRow row) {
            return Long.toString(row.id());
        }

        @Override
        public FamilyRow getRowData(String rowKey) {
            return null; // no selection on this table
        }
    };

    /** The desk, found again after the view was restored from the session. */
    FamilyDesk desk() {
        if (desk == null) {
            desk = jakarta.enterprise.inject.spi.CDI.current().select(FamilyDesk.class).get();
        }
        return desk;
    }

    UserView user() {
        if (user == null) {
            user = jakarta.enterprise.inject.spi.CDI.current().select(UserView.class).get();
        }
        return user;
    }

    /**
     * The table's filters (by column field) as the desk's filter, the quotient familial's by one of the commune's
     * {@code brackets} (its code) or {@code UNKNOWN}; unknown values are ignored.
     */
    static FamilyFilter filterOf(Map<String, FilterMeta> filterBy, List<QfBracket> brackets) {
        if (filterBy == null || filterBy.isEmpty()) {
            return FamilyFilter.NONE;
        }
        return new FamilyFilter(text(filterBy, "label"), text(filterBy, "childNames"),
                constant(FamilyStatus.class, text(filterBy, "status")), text(filterBy, "schools"),
                qf(text(filterBy, "qf"), brackets));
    }

    private static QfRange qf(String value, List<QfBracket> brackets) {
        if (value == null) {
            return null;
        }
        if (value.equals(UNKNOWN_QF)) {
            return QfRange.UNKNOWN;
        }
        return brackets.stream().filter(b -> b.code().equals(value)).findFirst().map(QfRange::of).orElse(null);
    }

    static FamilySort sortOf(String field) {
        if (field == null) {
            return FamilySort.LABEL;
        }
        return switch (field) {
            case "status" -> FamilySort.STATUS;
            case "childNames" -> FamilySort.CHILDREN;
            case "schools" -> FamilySort.SCHOOL;
            case "qf" -> FamilySort.QF;
            default -> FamilySort.LABEL;
        };
    }

    private static String text(Map<String, FilterMeta> filterBy, String field) {
        FilterMeta m = filterBy.get(field);
        Object v = m == null ? null : m.getFilterValue();
        return v == null || v.toString().isBlank() ? null : v.toString();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public LazyDataModel<FamilyRow> getFamilies() {
        return families;
    }

    public CSVOptions getCsvOptions() {
        return CSV_FR;
    }

    public FamilyStatus[] getStatuses() {
        return FamilyStatus.values();
    }

    /** The commune's quotient familial brackets, the filter's choices after « Non communiqué ». */
    public List<QfBracket> getQfBrackets() {
        if (brackets == null) {
            if (settings == null) {
                settings = jakarta.enterprise.inject.spi.CDI.current().select(CommuneSettings.class).get();
            }
            brackets = List.copyOf(settings.billing().settings().brackets());
        }
        return brackets;
    }

    /** A bracket as the filter offers it: its label and its range (« Tranche 2 (QF de 451 à 700) »). */
    public String qfLabel(QfBracket b) {
        int min = b.min() == null ? 0 : b.min();
        return b.max() == null ? Texts.of("agent.familles.qf.from", b.label(), min)
                : Texts.of("agent.familles.qf.range", b.label(), min, b.max());
    }

    /** A cell of the exports, as text that no spreadsheet runs as a formula. */
    public String cell(Object value) {
        return SpreadsheetCells.text(value);
    }

    /** A code in words, from the page's bundle ({@code prefix + code}). */
    public String words(String prefix, Object code) {
        if (code == null) {
            return "";
        }
        FacesContext ctx = FacesContext.getCurrentInstance();
        try {
            return ctx.getApplication().getResourceBundle(ctx, "msg").getString(prefix + code);
        } catch (java.util.MissingResourceException e) {
            return code.toString();
        }
    }
}
