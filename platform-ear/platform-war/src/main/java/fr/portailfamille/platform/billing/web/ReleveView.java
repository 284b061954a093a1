package fr.portailfamille.platform.billing.web;

import fr.portailfamille.billing.Statement;
import fr.portailfamille.platform.billing.BillingDates;
import fr.portailfamille.platform.billing.documents.BillingDocuments;
import fr.portailfamille.platform.kernel.PlatformTime;
import fr.portailfamille.platform.security.StaffRoles;
import fr.portailfamille.platform.web.Texts;
import fr.portailfamille.platform.web.UserView;
import fr.portailfamille.platform.billing.wallet.Wallets;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;

/**
 * Relevé de compte ({@code espace/releve.xhtml?annee=2026}): the school year chosen among those with
 * movements (the current one by default), the old balance, each movement with the balance after it,
 * the totals and the closing balance; the same as PDF.
 */
@Named
@RequestScoped
public class ReleveView {

    @Inject
    BillingDocuments documents;

    @Inject
    UserView user;

    @Inject
    Wallets wallets;

    private List<Wallets.Year> walletYears;

    /**
     * The family's porte-monnaie over the chosen school year, beside the relevé of invoices: balance on 1 September,
     * every movement of the year, balance on 31 August.
     */
    public List<Wallets.Year> getWallets() {
        if (walletYears == null) {
            walletYears = StaffRoles.isStaff(user.require()) ? List.of() : wallets.year(user.require(), null, getYear());
        }
        return walletYears;
    }

    private String annee;
    private List<Integer> years;
    private Statement statement;

    public List<Integer> getYears() {
        if (years == null) {
            years = StaffRoles.isStaff(user.require()) ? List.of(Statement.schoolYearStart(today()).getYear())
                    : documents.statementYears(user.require(), null, today());
        }
        return years;
    }

    /** The chosen school year (its first calendar year): the parameter when it is one of the list, else the latest. */
    public int getYear() {
        List<Integer> all = getYears();
        try {
            int asked = Integer.parseInt(annee == null ? "" : annee.strip());
            if (all.contains(asked)) {
                return asked;
            }
        } catch (NumberFormatException e) {
            // not a year: the default below
        }
        int current = Statement.schoolYearStart(today()).getYear();
        return all.contains(current) ? current : all.get(0);
    }

    public Statement getStatement() {
        if (statement == null) {
            statement = StaffRoles.isStaff(user.require())
                    ? Statement.of(List.of(), LocalDate.of(getYear(), 9, 1), LocalDate.of(getYear() + 1, 8, 31))
                    : documents.statement(user.require(), null, getYear());
        }
        return statement;
    }

    public String label(int year) {
        return year + "-" + (year + 1);
    }

    public String amount(long cents) {
        return cents == 0 ? "" : Texts.amount(cents);
    }

    /** A balance in words, as the relevé's PDF says it ({@code StatementPdf.balance}) in the page's language. */
    public String balance(long cents) {
        return cents < 0 ? Texts.of("releve.balance.credit", Texts.amount(-cents)) : Texts.amount(cents);
    }

    /** What movement {@code m} is, in the page's language. */
    public String label(Statement.Movement m) {
        return Texts.of(m.text());
    }

    public String date(LocalDate day) {
        return BillingDates.text(day);
    }

    public String getAnnee() { return annee; }
    public void setAnnee(String annee) { this.annee = annee; }

    /** Today in France: the school year of an invoice issued late on 31 August is the next one there. */
    private static LocalDate today() {
        return PlatformTime.today();
    }
}
