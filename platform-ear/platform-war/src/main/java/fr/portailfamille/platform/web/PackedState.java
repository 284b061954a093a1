package fr.portailfamille.platform.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/**
 * A view-scoped bean's state as one byte array, for the session store. Payara's replicated session store writes and
 * reads the whole session at the end of every request with GlassFish's object streams, which look up a service for
 * every object they meet (bench 4's profile: most of a signed-in request's CPU, the 404 page's included). A bean that
 * keeps its state packed writes one array instead of its object graph, and a bean of another view, untouched by the
 * request, is neither unpacked nor packed again: it writes back the array it read.
 */
public final class PackedState {

    private PackedState() {
    }

    /** {@code state} serialized with the JDK's plain object stream. */
    public static byte[] pack(Serializable state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        return bytes.toByteArray();
    }

    /** What {@link #pack} wrote, its classes resolved by {@code type}'s class loader (the application's). */
    public static <T> T unpack(byte[] packed, Class<T> type) {
        ClassLoader loader = type.getClassLoader();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(packed)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                }
            }
        }) {
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("État de la page illisible", e);
        }
    }
}
