package fr.portailfamille.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream served one chunk at a time: subclasses give the next chunk ({@link #nextChunk}), or null when
 * there is none left; the reads in between come from the current chunk. Used by the decryption of an archive
 * (chunk = one sealed block checked before its bytes are served) and by the reading of a stored archive (chunk =
 * one row of {@code platform.commune_archive_chunk}).
 */
abstract class ChunkedInputStream extends InputStream {

    private byte[] chunk = new byte[0];
    private int position;
    private boolean done;

    /** The next chunk (possibly empty), or null at the end. */
    protected abstract byte[] nextChunk() throws IOException;

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (done) {
                return -1;
            }
            byte[] next = nextChunk();
            if (next == null) {
                done = true;
                return -1;
            }
            chunk = next;
            position = 0;
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }
}
