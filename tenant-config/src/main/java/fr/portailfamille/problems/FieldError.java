package fr.portailfamille.problems;

/** A refused input, with the field it concerns and a message in French for the operator. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + " : " + message;
    }
}
