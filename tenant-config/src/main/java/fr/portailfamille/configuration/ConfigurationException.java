package fr.portailfamille.configuration;

import fr.portailfamille.problems.FieldError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file or value refused: every problem found, each with the path of the field it
 * concerns (e.g. {@code activities[2].units[0].capacity}) and a message in French.
 */
public class ConfigurationException extends RuntimeException {
    private final transient List<FieldError> errors;

    public ConfigurationException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
