package fr.portailfamille.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.portailfamille.platform.security.OidcAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.flow.FlowScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The WAR is {@code <distributable/>}: Payara Micro replicates each HTTP session in its Hazelcast cluster, so what a
 * session holds must serialize — the {@code @SessionScoped}, {@code @ViewScoped}, {@code @ConversationScoped} and
 * {@code @FlowScoped} beans (Mojarra keeps the view-scoped ones in the session) and every field they keep. This scans
 * the WAR's classes and names each bean or field type that would not survive the trip to another instance.
 */
class SessionStateSerializableTest {

    private static final List<Class<? extends Annotation>> PASSIVATING = List.of(SessionScoped.class, ViewScoped.class,
            ConversationScoped.class, FlowScoped.class);
    /** Normal scopes: an injected bean of these is a serializable client proxy, whatever its class. */
    private static final List<Class<? extends Annotation>> NORMAL = List.of(ApplicationScoped.class, RequestScoped.class,
            SessionScoped.class, ViewScoped.class, ConversationScoped.class, FlowScoped.class);

    @Test
    void everySessionAndViewScopedBeanAndWhatItKeepsIsSerializable() throws Exception {
        List<Class<?>> classes = warClasses();
        List<Class<?>> beans = classes.stream().filter(c -> PASSIVATING.stream().anyMatch(c::isAnnotationPresent)).toList();
        assertTrue(beans.size() >= 40, "les vues de la plateforme sont trouvées : " + beans.size());
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " n'est pas Serializable");
            }
            for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    String where = c.getName() + "." + f.getName();
                    if (Modifier.isTransient(f.getModifiers()) && f.isAnnotationPresent(Inject.class)) {
                        // Weld injects once: on the instance that reads a replicated session the field stays null
                        problems.add(where + " : injecté mais transient, null sur l'instance qui reprend la session");
                    }
                    if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
                        continue;
                    }
                    if (f.isAnnotationPresent(Inject.class)) {
                        checkInjected(where, f.getGenericType(), classes, problems);
                    } else {
                        checkKept(where, f.getGenericType(), new HashSet<>(), problems);
                    }
                }
            }
        }
        assertEquals("", String.join("\n", problems), "état de session non sérialisable");
    }

    /**
     * A child's file holds its health (allergies, PAI, doctor, medical notes): a view that keeps {@code Child} entities
     * keeps them in the replicated session of whoever opens it — the pointage sheet did, for every agent. The views keep
     * rows with the names they show instead ({@code PointageView.Row}, {@code AgentDossiersView.Found}); the ones listed
     * here are a parent's own pages, keeping the parent's own child.
     */
    @Test
    void noViewKeepsAChildsFileWithItsHealthInTheSession() throws Exception {
        Set<String> ownFile = Set.of("InscriptionsView", "AbsenceView");
        List<String> keeping = new ArrayList<>();
        for (Class<?> bean : warClasses().stream().filter(c -> PASSIVATING.stream().anyMatch(c::isAnnotationPresent)).toList()) {
            for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())
                            && !f.isAnnotationPresent(Inject.class) && !ownFile.contains(bean.getSimpleName())
                            && reaches(f.getGenericType(), fr.portailfamille.platform.family.Child.class, new HashSet<>())) {
                        keeping.add(c.getSimpleName() + "." + f.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), keeping, "des vues gardent en session la fiche d'un enfant, santé comprise");
    }

    /** Whether a value of {@code type} may hold a {@code target}: itself, a type argument, or a field of the platform's. */
    private static boolean reaches(Type type, Class<?> target, Set<Type> seen) {
        if (!seen.add(type)) {
            return false;
        }
        if (type instanceof ParameterizedType p) {
            return reaches(p.getRawType(), target, seen)
                    || Stream.of(p.getActualTypeArguments()).anyMatch(a -> reaches(a, target, seen));
        }
        if (type instanceof WildcardType w) {
            return Stream.of(w.getUpperBounds()).anyMatch(b -> reaches(b, target, seen));
        }
        if (!(type instanceof Class<?> c)) {
            return false;
        }
        if (c.isArray()) {
            return reaches(c.getComponentType(), target, seen);
        }
        if (target.isAssignableFrom(c)) {
            return true;
        }
        if (!c.getName().startsWith("fr.portailfamille.")) {
            return false;
        }
        for (Class<?> k = c; k != null && k.getName().startsWith("fr.portailfamille."); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())
                        && reaches(f.getGenericType(), target, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theScanCatchesAFieldThatWouldNotReplicate() {
        List<String> problems = new ArrayList<>();
        checkKept("exemple", Holder.class, new HashSet<>(), problems);
        assertEquals(2, problems.size(), String.join("\n", problems));
        assertTrue(problems.get(0).contains("java.util.Optional"), problems.get(0));
        assertTrue(problems.get(1).contains("java.lang.Thread"), problems.get(1));
        problems.clear();
        checkKept("exemple", Kept.class, new HashSet<>(), problems);
        assertEquals(List.of(), problems);
    }

    /** A record a view could keep: an Optional and a Thread among its components never reach the other instance. */
    record Holder(String fine, java.util.Optional<String> notSerializable, List<Thread> threads) implements Serializable {
    }

    record Kept(String name, List<Map<String, java.time.LocalDate>> days, int[] counts) implements Serializable {
    }

    /**
     * An injected field: a normal-scoped bean or an interface is a client proxy (serializable); a {@code @Dependent}
     * bean is serialized with its holder, so it must be Serializable itself.
     */
    private static void checkInjected(String where, Type type, List<Class<?>> classes, List<String> problems) {
        Class<?> raw = raw(type);
        if (raw == Instance.class || raw == Event.class || raw.isPrimitive() || raw.getName().startsWith("java.lang.")
                || Serializable.class.isAssignableFrom(raw) || NORMAL.stream().anyMatch(raw::isAnnotationPresent)) {
            return;
        }
        if (raw.isInterface()) {
            boolean proxied = raw.getName().startsWith("jakarta.") || classes.stream().anyMatch(c -> raw.isAssignableFrom(c)
                    && !c.isInterface() && NORMAL.stream().anyMatch(c::isAnnotationPresent));
            if (proxied) {
                return;
            }
        }
        problems.add(where + " : bean injecté " + raw.getName() + " ni Serializable ni d'une portée normale (proxy)");
    }

    /** A field kept by value: its type, its type arguments and (for the platform's own types) their fields. */
    private static void checkKept(String where, Type type, Set<Type> seen, List<String> problems) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType p) {
            checkKept(where, p.getRawType(), seen, problems);
            for (Type arg : p.getActualTypeArguments()) {
                checkKept(where, arg, seen, problems);
            }
            return;
        }
        if (type instanceof GenericArrayType a) {
            checkKept(where, a.getGenericComponentType(), seen, problems);
            return;
        }
        if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                checkKept(where, bound, seen, problems);
            }
            return;
        }
        if (type instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                checkKept(where, bound, seen, problems);
            }
            return;
        }
        Class<?> c = (Class<?>) type;
        if (c.isArray()) {
            checkKept(where, c.getComponentType(), seen, problems);
            return;
        }
        // the collection interfaces: every implementation the code builds (ArrayList, List.of, HashMap…) serializes;
        // their elements were checked above as type arguments
        if (c.isPrimitive() || c == Object.class || c == Collection.class || c == List.class || c == Set.class
                || c == Map.class || c == java.util.SortedMap.class || c == java.util.NavigableMap.class
                || c == java.util.SortedSet.class || c == java.util.Deque.class || c == java.util.Queue.class) {
            return;
        }
        if (!Serializable.class.isAssignableFrom(c)) {
            problems.add(where + " : " + c.getName() + " n'est pas Serializable");
            return;
        }
        if (c.getName().startsWith("fr.portailfamille.")) {
            // Java serialization writes the fields of the Serializable classes of the hierarchy; a library's class (a
            // PrimeFaces LazyDataModel) answers for its own fields
            for (Class<?> k = c; k != null && k.getName().startsWith("fr.portailfamille.")
                    && Serializable.class.isAssignableFrom(k); k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                        checkKept(where + " → " + k.getSimpleName() + "." + f.getName(), f.getGenericType(), seen, problems);
                    }
                }
            }
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return type instanceof Class<?> c ? c : Object.class;
    }

    /** Every class compiled into the WAR (target/classes), loaded without being initialised. */
    static List<Class<?>> warClasses() throws IOException, ClassNotFoundException, java.net.URISyntaxException {
        Path root = Path.of(OidcAuthenticationMechanism.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(root), "classes de la WAR : " + root);
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String name = root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.endsWith("package-info")) {
                    classes.add(Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader()));
                }
            }
        }
        assertFalse(classes.isEmpty());
        return classes;
    }
}
