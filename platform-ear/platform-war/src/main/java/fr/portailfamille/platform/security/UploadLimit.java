package fr.portailfamille.platform.security;

import java.util.Locale;

/**
 * The size limit of an upload's whole request, checked on its declared length before anything reads the body (the
 * pure rule of {@link UploadLimitFilter}, unit-tested): a form with files ({@code multipart/form-data}) or a file as
 * the body ({@code application/octet-stream}, the operators' archive import) may not exceed the host's limit — the
 * operator host's (commune archives) or the communes' hosts' (families' and agents' documents, images, configuration
 * files); without a declared length such a request is refused too (411). Other requests are not concerned. The pages'
 * own limits per file (5 Mo a document…) stay, with their messages next to the field.
 */
public final class UploadLimit {

    /** Allowed. */
    public static final int OK = 0;

    private UploadLimit() {
    }

    /**
     * The status refusing this request, or {@link #OK}.
     *
     * @param contentLength the declared length, {@code -1} when none (chunked)
     * @param maxBytes      the limit of this request's host
     * @return {@link #OK}, 413 (declared longer than the limit) or 411 (an upload without a declared length)
     */
    public static int refusal(String contentType, long contentLength, long maxBytes) {
        if (!isUpload(contentType)) {
            return OK;
        }
        if (contentLength < 0) {
            return 411;
        }
        return contentLength > maxBytes ? 413 : OK;
    }

    static boolean isUpload(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).strip();
        return type.startsWith("multipart/form-data") || type.startsWith("application/octet-stream");
    }

    /** Mebibytes in bytes, a limit below 1 read as 1. */
    public static long megabytes(long mb) {
        return Math.max(1, mb) * 1024L * 1024L;
    }
}
