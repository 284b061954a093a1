package fr.portailfamille.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An upload's whole request against its host's limit, on its declared length; other requests are not concerned. */
class UploadLimitTest {

    static final long MAX = UploadLimit.megabytes(40);

    @Test
    void aFormWithFilesOrAFileBodyIsRefusedAboveTheLimitOrWithoutALength() {
        assertEquals(UploadLimit.OK, UploadLimit.refusal("multipart/form-data; boundary=x", MAX, MAX));
        assertEquals(413, UploadLimit.refusal("multipart/form-data; boundary=x", MAX + 1, MAX));
        assertEquals(413, UploadLimit.refusal("Multipart/Form-Data;boundary=y", 3L << 30, MAX));
        assertEquals(411, UploadLimit.refusal("multipart/form-data; boundary=x", -1, MAX));
        assertEquals(413, UploadLimit.refusal("application/octet-stream", MAX + 1, MAX));
        assertEquals(UploadLimit.OK, UploadLimit.refusal("application/octet-stream", 10, MAX));
    }

    @Test
    void aBodySentToAnApiIsHeldToTheJsonLimitWhateverTypeItDeclares() {
        long json = UploadLimit.JSON_MAX_BYTES;
        assertEquals(413, UploadLimit.refusal(null, json + 1, MAX, true), "no Content-Type");
        assertEquals(413, UploadLimit.refusal("*/*", json + 1, MAX, true));
        assertEquals(413, UploadLimit.refusal("text/plain", json + 1, MAX, true));
        assertEquals(411, UploadLimit.refusal(null, -1, MAX, true), "chunked, no length");
        assertEquals(UploadLimit.OK, UploadLimit.refusal(null, json, MAX, true));
        // an upload to an API keeps its host's limit
        assertEquals(UploadLimit.OK, UploadLimit.refusal("multipart/form-data; boundary=x", json + 1, MAX, true));
    }

    @Test
    void otherRequestsAreNotConcerned() {
        assertEquals(UploadLimit.OK, UploadLimit.refusal("application/x-www-form-urlencoded", MAX + 1, MAX));
        assertEquals(UploadLimit.OK, UploadLimit.refusal(null, -1, MAX));
    }

    @Test
    void limitsAreInMebibytesAtLeastOne() {
        assertEquals(40L * 1024 * 1024, UploadLimit.megabytes(40));
        assertEquals(1024L * 1024, UploadLimit.megabytes(0));
        assertEquals(2048L * 1024 * 1024, UploadLimit.megabytes(2048));
    }

    @Test
    void aJsonBodyIsCappedAtOneMebibyteWhateverTheHost() {
        assertEquals(UploadLimit.OK, UploadLimit.refusal("application/json", UploadLimit.JSON_MAX_BYTES, MAX));
        assertEquals(413, UploadLimit.refusal("application/json; charset=UTF-8", UploadLimit.JSON_MAX_BYTES + 1, MAX));
        assertEquals(411, UploadLimit.refusal("application/json", -1, MAX));
        assertEquals(UploadLimit.JSON_MAX_BYTES, UploadLimit.limit("Application/JSON", MAX));
        assertEquals(-1, UploadLimit.limit("application/x-www-form-urlencoded", MAX));
        assertEquals(UploadLimit.OK, UploadLimit.refusal("application/x-www-form-urlencoded", -1, MAX));
    }
}
