package fr.portailfamille.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The archive's encryption: round trips of several sizes, a wrong passphrase, every kind of tampering, the rules. */
class ArchiveCipherTest {

    static final char[] PASS = "correct horse battery".toCharArray();

    static byte[] encrypt(byte[] plain, char[] pass) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream enc = ArchiveCipher.encrypt(out, pass)) {
            // written in odd pieces, across chunk boundaries
            int off = 0;
            while (off < plain.length) {
                int n = Math.min(7_777, plain.length - off);
                enc.write(plain, off, n);
                off += n;
            }
        }
        return out.toByteArray();
    }

    static byte[] decrypt(byte[] sealed, char[] pass) throws IOException {
        try (InputStream in = ArchiveCipher.decrypt(new ByteArrayInputStream(sealed), pass)) {
            return in.readAllBytes();
        }
    }

    @Test
    void roundTripsEmptySmallExactAndLargeArchives() throws IOException {
        Random random = new Random(42);
        for (int size : new int[] {0, 1, ArchiveCipher.CHUNK, 2 * ArchiveCipher.CHUNK, 3 * ArchiveCipher.CHUNK + 5}) {
            byte[] plain = new byte[size];
            random.nextBytes(plain);
            byte[] sealed = encrypt(plain, PASS);
            int chunks = size / ArchiveCipher.CHUNK + (size % ArchiveCipher.CHUNK == 0 && size > 0 ? 0 : 1);
            assertEquals(ArchiveCipher.HEADER + size + 16L * chunks, sealed.length, "size " + size);
            assertArrayEquals(plain, decrypt(sealed, PASS), "size " + size);
        }
    }

    @Test
    void theHeaderIsDocumentedAndTheContentIsNotReadable() throws IOException {
        byte[] plain = "famille Martin, 12 rue des Lilas".repeat(100).getBytes();
        byte[] sealed = encrypt(plain, PASS);
        assertArrayEquals("PFARCHIV".getBytes(), Arrays.copyOf(sealed, 8));
        ByteBuffer b = ByteBuffer.wrap(sealed, 8, 64);
        assertEquals(1, b.get());
        assertEquals(600_000, b.getInt());
        b.position(b.position() + 16 + 7);
        assertEquals(64 * 1024, b.getInt());
        assertTrue(!new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1).contains("Martin"));
        // two archives of the same content differ (random salt and nonce)
        assertTrue(!Arrays.equals(sealed, encrypt(plain, PASS)));
    }

    @Test
    void aWrongPassphraseIsToldAtOnce() throws IOException {
        byte[] sealed = encrypt(new byte[1000], PASS);
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> ArchiveCipher.decrypt(new ByteArrayInputStream(sealed), "correct horse battery!".toCharArray()));
        assertEquals(ArchiveCipher.WRONG_PASSPHRASE, e.getMessage());
    }

    @Test
    void aChangedByteAnywhereInTheChunksIsRefused() throws IOException {
        byte[] plain = new byte[2 * ArchiveCipher.CHUNK + 100];
        new Random(7).nextBytes(plain);
        byte[] sealed = encrypt(plain, PASS);
        for (int at : new int[] {ArchiveCipher.HEADER, ArchiveCipher.HEADER + ArchiveCipher.CHUNK + 3, sealed.length - 1}) {
            byte[] changed = sealed.clone();
            changed[at] ^= 0x01;
            ArchiveException e = assertThrows(ArchiveException.class, () -> decrypt(changed, PASS), "byte " + at);
            assertEquals(ArchiveCipher.TAMPERED, e.getMessage());
        }
    }

    @Test
    void aChangedHeaderIsRefused() throws IOException {
        byte[] sealed = encrypt(new byte[10], PASS);
        byte[] salt = sealed.clone();
        salt[20] ^= 0x01;
        assertEquals(ArchiveCipher.WRONG_PASSPHRASE,
                assertThrows(ArchiveException.class, () -> decrypt(salt, PASS)).getMessage());
        byte[] prefix = sealed.clone();
        prefix[31] ^= 0x01;
        assertThrows(ArchiveException.class, () -> decrypt(prefix, PASS));
        byte[] magic = sealed.clone();
        magic[0] = 'X';
        assertEquals(ArchiveCipher.NOT_AN_ARCHIVE,
                assertThrows(ArchiveException.class, () -> decrypt(magic, PASS)).getMessage());
        assertEquals(ArchiveCipher.NOT_AN_ARCHIVE,
                assertThrows(ArchiveException.class, () -> decrypt(new byte[5], PASS)).getMessage());
    }

    @Test
    void aTruncatedReorderedOrExtendedArchiveIsRefused() throws IOException {
        byte[] plain = new byte[3 * ArchiveCipher.CHUNK];
        new Random(3).nextBytes(plain);
        byte[] sealed = encrypt(plain, PASS);
        int sealedChunk = ArchiveCipher.CHUNK + 16;
        // cut at a chunk boundary: the chunk now last was not sealed as the last one
        byte[] cut = Arrays.copyOf(sealed, ArchiveCipher.HEADER + 2 * sealedChunk);
        assertEquals(ArchiveCipher.TAMPERED, assertThrows(ArchiveException.class, () -> decrypt(cut, PASS)).getMessage());
        // cut inside a chunk
        assertThrows(ArchiveException.class, () -> decrypt(Arrays.copyOf(sealed, sealed.length - 5), PASS));
        // the first two chunks swapped
        byte[] swapped = sealed.clone();
        System.arraycopy(sealed, ArchiveCipher.HEADER, swapped, ArchiveCipher.HEADER + sealedChunk, sealedChunk);
        System.arraycopy(sealed, ArchiveCipher.HEADER + sealedChunk, swapped, ArchiveCipher.HEADER, sealedChunk);
        assertThrows(ArchiveException.class, () -> decrypt(swapped, PASS));
        // bytes added after the last chunk
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 20);
        assertThrows(ArchiveException.class, () -> decrypt(longer, PASS));
    }

    @Test
    void passphrasesShorterThanTwelveCharactersAreRefused() {
        assertEquals(ArchiveCipher.SHORT_PASSPHRASE, ArchiveCipher.passphraseProblem("onze-caract".toCharArray()));
        assertEquals(ArchiveCipher.SHORT_PASSPHRASE, ArchiveCipher.passphraseProblem("            ".toCharArray()));
        assertEquals(ArchiveCipher.SHORT_PASSPHRASE, ArchiveCipher.passphraseProblem(null));
        assertNull(ArchiveCipher.passphraseProblem("douze-caract".toCharArray()));
        assertNull(ArchiveCipher.passphraseProblem("éléphant-été".toCharArray()));
        assertEquals(ArchiveCipher.LONG_PASSPHRASE, ArchiveCipher.passphraseProblem("x".repeat(201).toCharArray()));
        ArchiveException e = assertThrows(ArchiveException.class,
                () -> ArchiveCipher.encrypt(new ByteArrayOutputStream(), "court".toCharArray()));
        assertEquals("La phrase secrète doit compter au moins 12 caractères.", e.getMessage());
    }
}
