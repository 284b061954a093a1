package fr.portailfamille.platform.billing.payment;

import fr.portailfamille.platform.kernel.Refused;
import fr.portailfamille.problems.FieldError;
import java.util.List;

/** A money action refused for several reasons at once, each on its field (the first one is the message). */
public class MoneyRefused extends Refused {

    private final transient List<FieldError> errors;

    public MoneyRefused(List<FieldError> errors) {
        super(errors.get(0).field(), errors.get(0).text());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
