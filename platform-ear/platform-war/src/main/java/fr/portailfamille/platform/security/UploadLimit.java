package fr.portailfamille.platform.security;

import java.util.Locale;

/**
 * The size limit of an upload's whole request, checked on its declared length before anything reads the body (the
 * pure rule of {@link UploadLimitFilter}, unit-tested): a form with files ({@code multipart/form-data}) or a file as
 * the body ({@code application/octet-stream}, the operators' archive import) may not exceed the host's limit — the
 * operator host's (commune archives) or the communes' hosts' (families' and agents' documents, images, configuration
 * files); a JSON body (the APIs') may not exceed {@link #JSON_MAX_BYTES}; without a declared length such a request is
 * refused too (411). Other requests are not concerned. The pages'
 * own limits per file (5 Mo a document…) stay, with their messages next to the field.
 */
public final class UploadLimit {

    /** Allowed. */
    public static final int OK = 0;

    private UploadLimit() {
    }

    /**
     * The largest JSON body an API takes (1 Mio: a selection of 400 days is some 40 Kio, an onboarding with its logo
     * some 300 Kio), whatever the host: the resources read a body whole before checking it.
     */
    public static final long JSON_MAX_BYTES = 1024L * 1024L;

    /**
     * The status refusing this request, or {@link #OK}.
     *
     * @param contentLength the declared length, {@code -1} when none (chunked)
     * @param maxBytes      the limit of this request's host for uploads
     * @return {@link #OK}, 413 (declared longer than the limit) or 411 (an upload or a JSON body without a declared
     *         length)
     */
    public static int refusal(String contentType, long contentLength, long maxBytes) {
        return refusal(contentType, contentLength, maxBytes, false);
    }

    /**
     * {@link #refusal(String, long, long)}, where {@code apiBody} says the request carries a body to an API: whatever
     * type it declares — none, a wildcard, {@code text/plain} — what is not an upload is read whole as JSON by the
     * resources, so it is held to {@link #JSON_MAX_BYTES}.
     */
    public static int refusal(String contentType, long contentLength, long maxBytes, boolean apiBody) {
        long limit = apiBody && !isUpload(contentType) ? JSON_MAX_BYTES : limit(contentType, maxBytes);
        if (limit < 0) {
            return OK;
        }
        if (contentLength < 0) {
            return 411;
        }
        return contentLength > limit ? 413 : OK;
    }

    /** The limit of a request of this type: the host's for an upload, {@link #JSON_MAX_BYTES} for JSON, none (-1) else. */
    public static long limit(String contentType, long maxBytes) {
        if (isUpload(contentType)) {
            return maxBytes;
        }
        return isJson(contentType) ? JSON_MAX_BYTES : -1;
    }

    static boolean isUpload(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        return type.startsWith("multipart/form-data") || type.startsWith("application/octet-stream");
    }

    static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).strip().startsWith("application/json");
    }

    /** Mebibytes in bytes, a limit below 1 read as 1. */
    public static long megabytes(long mb) {
        return Math.max(1, mb) * 1024L * 1024L;
    }
}
