package fr.portailfamille.platform.api;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A request the API refuses, with its HTTP status and its {@link ApiError}; thrown by resources and answered by
 * {@link ApiExceptionMapper}. Nothing was changed (the call's transaction rolls back).
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final List<ApiError.Field> fields;

    public ApiException(Response.Status status, String code, String message, List<ApiError.Field> fields) {
        super(message);
        this.status = status.getStatusCode();
        this.code = code;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** 400 about one input. */
    public static ApiException badInput(String code, String field, String message) {
        return new ApiException(Response.Status.BAD_REQUEST, code, message, List.of(new ApiError.Field(field, message)));
    }

    /** 404: unknown, or another family's (the same answer: an id tells nothing). */
    public static ApiException notFound(String code, String message) {
        return new ApiException(Response.Status.NOT_FOUND, code, message, List.of());
    }

    public int status() {
        return status;
    }

    public ApiError error() {
        return new ApiError(code, getMessage(), fields);
    }
}
