package fr.portailfamille.archive;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The encryption of a commune archive, with the JDK only: a key derived from the administrator's passphrase by
 * PBKDF2-HMAC-SHA256 (600,000 iterations, random 16-byte salt), then the archive cut in chunks of 64 KiB, each sealed
 * by AES-256-GCM (the "STREAM" construction: a random 7-byte nonce prefix, the chunk's 4-byte counter and a last-chunk
 * flag make each chunk's nonce, and the header is every chunk's associated data), so that an archive of any size is
 * encrypted and checked with 64 KiB in memory, and a chunk changed, moved, dropped or added, or a truncated file, is
 * refused.
 *
 * <p>Header (big-endian), 72 bytes: the magic {@code PFARCHIV} (8 bytes), the format version (1 byte, {@code 1}), the
 * PBKDF2 iterations (4 bytes), the salt (16 bytes), the nonce prefix (7 bytes), the plain chunk size (4 bytes), then a
 * 32-byte key check: HMAC-SHA256 of the 40 bytes before it under a key derived from the passphrase's key, so a wrong
 * passphrase is told apart from a damaged archive before any chunk is read. The chunks follow, each its ciphertext and
 * 16-byte tag; only the last one may be shorter than the chunk size (it may be empty).
 */
public final class ArchiveCipher {

    /** The passphrase's minimum length, in characters. */
    public static final int MIN_PASSPHRASE = 12;
    public static final int MAX_PASSPHRASE = 200;
    public static final int ITERATIONS = 600_000;
    /** Iterations beyond this in a header are refused (a crafted file must not keep a server busy for hours). */
    static final int MAX_ITERATIONS = 10_000_000;
    static final int CHUNK = 64 * 1024;
    static final int MAX_CHUNK = 8 * 1024 * 1024;
    static final byte[] MAGIC = "PFARCHIV".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int HEADER_BEFORE_CHECK = 8 + 1 + 4 + 16 + 7 + 4;
    static final int HEADER = HEADER_BEFORE_CHECK + 32;
    private static final int TAG = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    public static final String SHORT_PASSPHRASE = "La phrase secrète doit compter au moins " + MIN_PASSPHRASE + " caractères.";
    public static final String LONG_PASSPHRASE = "La phrase secrète doit compter au plus " + MAX_PASSPHRASE + " caractères.";
    public static final String WRONG_PASSPHRASE = "Phrase secrète incorrecte : l'archive ne peut pas être ouverte (ou son"
            + " en-tête a été modifié). Rien n'a été importé.";
    public static final String TAMPERED = "L'archive a été modifiée ou est incomplète : elle ne peut pas être importée."
            + " Rien n'a été importé.";
    public static final String NOT_AN_ARCHIVE = "Ce fichier n'est pas une archive chiffrée du Portail Famille.";

    private ArchiveCipher() {
    }

    /** The French refusal of this passphrase, or {@code null} when it may be used. */
    public static String passphraseProblem(char[] passphrase) {
        if (passphrase == null) {
            return SHORT_PASSPHRASE;
        }
        int length = Character.codePointCount(passphrase, 0, passphrase.length);
        if (new String(passphrase).isBlank() || length < MIN_PASSPHRASE) {
            return SHORT_PASSPHRASE;
        }
        return length > MAX_PASSPHRASE ? LONG_PASSPHRASE : null;
    }

    /**
     * A stream that encrypts what is written to it onto {@code out}; closing it writes the last chunk and closes
     * {@code out}.
     *
     * @throws ArchiveException when the passphrase is refused ({@link #passphraseProblem})
     */
    public static OutputStream encrypt(OutputStream out, char[] passphrase) throws IOException {
        String problem = passphraseProblem(passphrase);
        if (problem != null) {
            throw new ArchiveException(problem);
        }
        byte[] salt = random(16);
        byte[] prefix = random(7);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(head);
        h.write(MAGIC);
        h.writeByte(VERSION);
        h.writeInt(ITERATIONS);
        h.write(salt);
        h.write(prefix);
        h.writeInt(CHUNK);
        byte[] before = head.toByteArray();
        Keys keys = Keys.derive(passphrase, salt, ITERATIONS);
        byte[] header = concat(before, keys.check(before));
        out.write(header);
        return new Sealer(out, keys.aes(), prefix, header);
    }

    /**
     * A stream of the plain archive read from the encrypted {@code in}: every chunk is checked before its bytes are
     * given, and the end of the archive only once its last chunk was read whole.
     *
     * @throws ArchiveException (at once) for a file that is not an archive, a wrong passphrase or a damaged header;
     *                          (while reading) for a changed, reordered, missing or added chunk
     */
    public static InputStream decrypt(InputStream in, char[] passphrase) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] header = new byte[HEADER];
        try {
            d.readFully(header);
        } catch (EOFException e) {
            throw new ArchiveException(NOT_AN_ARCHIVE);
        }
        if (!Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
            throw new ArchiveException(NOT_AN_ARCHIVE);
        }
        ByteBuffer b = ByteBuffer.wrap(header, MAGIC.length, HEADER - MAGIC.length);
        int version = b.get();
        if (version != VERSION) {
            throw new ArchiveException("Version de chiffrement " + version + " inconnue de cette plateforme.");
        }
        int iterations = b.getInt();
        byte[] salt = new byte[16];
        b.get(salt);
        byte[] prefix = new byte[7];
        b.get(prefix);
        int chunk = b.getInt();
        if (iterations < ITERATIONS || iterations > MAX_ITERATIONS || chunk < 1 || chunk > MAX_CHUNK) {
            throw new ArchiveException(TAMPERED);
        }
        byte[] before = Arrays.copyOf(header, HEADER_BEFORE_CHECK);
        Keys keys = Keys.derive(passphrase == null ? new char[0] : passphrase, salt, iterations);
        if (!MessageDigest.isEqual(keys.check(before), Arrays.copyOfRange(header, HEADER_BEFORE_CHECK, HEADER))) {
            throw new ArchiveException(WRONG_PASSPHRASE);
        }
        return new Opener(in, keys.aes(), prefix, header, chunk);
    }

    private record Keys(SecretKeySpec aes, byte[] checkKey) {

        static Keys derive(char[] passphrase, byte[] salt, int iterations) {
            try {
                PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
                byte[] master = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
                spec.clearPassword();
                byte[] aes = hmac(master, "portail-famille archive aes-256-gcm");
                byte[] check = hmac(master, "portail-famille archive key check");
                Arrays.fill(master, (byte) 0);
                return new Keys(new SecretKeySpec(aes, "AES"), check);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("PBKDF2-HMAC-SHA256 indisponible", e);
            }
        }

        byte[] check(byte[] headerBeforeCheck) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(checkKey, "HmacSHA256"));
                return mac.doFinal(headerBeforeCheck);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static byte[] hmac(byte[] key, String label) throws GeneralSecurityException {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static byte[] nonce(byte[] prefix, int counter, boolean last) {
        return ByteBuffer.allocate(12).put(prefix).putInt(counter).put((byte) (last ? 1 : 0)).array();
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] prefix, int counter, boolean last, byte[] header)
            throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(mode, key, new GCMParameterSpec(TAG * 8, nonce(prefix, counter, last)));
        c.updateAAD(header);
        return c;
    }

    /** Encrypts chunk after chunk; the last one (flagged) is written by {@link #close}. */
    private static final class Sealer extends FilterOutputStream {
        private final SecretKeySpec key;
        private final byte[] prefix;
        private final byte[] header;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private int counter;
        private boolean closed;

        Sealer(OutputStream out, SecretKeySpec key, byte[] prefix, byte[] header) {
            super(out);
            this.key = key;
            this.prefix = prefix;
            this.header = header;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (closed) {
                throw new IOException("archive déjà fermée");
            }
            while (len > 0) {
                if (filled == CHUNK) {
                    // a full chunk is sealed only when more comes: the last chunk must carry the flag
                    seal(false);
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            if (counter == Integer.MAX_VALUE) {
                throw new IOException("archive trop grande");
            }
            try {
                out.write(cipher(Cipher.ENCRYPT_MODE, key, prefix, counter++, last, header).doFinal(buffer, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IOException("chiffrement impossible", e);
            }
            filled = 0;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                seal(true);
                closed = true;
                out.close();
            }
        }
    }

    /** Reads and checks chunk after chunk; one byte is read ahead to know whether a chunk is the last. */
    private static final class Opener extends ChunkedInputStream {
        private final InputStream in;
        private final SecretKeySpec key;
        private final byte[] prefix;
        private final byte[] header;
        private final byte[] sealed;
        private boolean finished;
        private int counter;
        private int lookahead = -2;

        Opener(InputStream in, SecretKeySpec key, byte[] prefix, byte[] header, int chunk) {
            this.in = in;
            this.key = key;
            this.prefix = prefix;
            this.header = header;
            this.sealed = new byte[chunk + TAG];
        }

        @Override
        protected byte[] nextChunk() throws IOException {
            if (finished) {
                return null;
            }
            int n = 0;
            if (lookahead >= 0) {
                sealed[n++] = (byte) lookahead;
            }
            while (n < sealed.length) {
                int r = in.read(sealed, n, sealed.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
            lookahead = n == sealed.length ? in.read() : -1;
            boolean last = lookahead < 0;
            if (n < TAG) {
                throw new ArchiveException(TAMPERED);
            }
            byte[] plain;
            try {
                plain = cipher(Cipher.DECRYPT_MODE, key, prefix, counter++, last, header).doFinal(sealed, 0, n);
            } catch (AEADBadTagException e) {
                throw new ArchiveException(TAMPERED);
            } catch (GeneralSecurityException e) {
                throw new IOException("déchiffrement impossible", e);
            }
            finished = last;
            return plain;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
