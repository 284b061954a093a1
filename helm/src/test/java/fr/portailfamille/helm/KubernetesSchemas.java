package fr.portailfamille.helm;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Kubernetes JSON schemas that fabric8's kubernetes-model jars shipped up to 6.13
 * ({@code schema/validation-schema.json} of kubernetes-model-core, -apps, -policy, -autoscaling,
 * -networking, -rbac, -batch: JSON Schema draft-07 generated from the Kubernetes 1.30 Go types), unpacked
 * from Maven Central by the build, and validated with networknt's json-schema-validator.
 *
 * <p>Those schemas describe the Go structs, so four things are adjusted when they are loaded, and
 * only those: {@code IntOrString} becomes "integer or string" and {@code Quantity} "string or number" (their
 * JSON forms, instead of the structs' fields); the draft-03 style {@code "required": true} on a property
 * becomes the draft-07 {@code required} list of its object; every object that lists its properties gets
 * {@code additionalProperties: false} (the files allow anything else, which would let a misspelt field
 * through); fabric8's code-generation keywords ({@code javaType}, ...) are removed. Each rendered object is
 * validated against the definition whose {@code javaType} is the class fabric8 unmarshalled it into.
 */
final class KubernetesSchemas {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    /** javaType → the module's (normalised) definitions and the definition's name. */
    private final Map<String, Map.Entry<Map<String, Object>, String>> byJavaType = new LinkedHashMap<>();
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

    private KubernetesSchemas() {
    }

    /** Loads every {@code <module>/schema/validation-schema.json} under {@code dir}. */
    static KubernetesSchemas load(Path dir) {
        KubernetesSchemas schemas = new KubernetesSchemas();
        try (Stream<Path> modules = Files.list(dir)) {
            List<Path> files = modules.map(m -> m.resolve("schema/validation-schema.json")).filter(Files::isRegularFile)
                    .sorted().collect(Collectors.toList());
            if (files.isEmpty()) {
                throw new IllegalStateException("no Kubernetes schema under " + dir);
            }
            for (Path file : files) {
                schemas.index(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    @SuppressWarnings("unchecked")
    private void index(Path file) throws IOException {
        Map<String, Object> root = SERIALIZATION.unmarshal(Files.readString(file), Map.class);
        Map<String, Object> definitions = (Map<String, Object>) root.get("definitions");
        Map<String, String> javaTypes = new LinkedHashMap<>();
        definitions.forEach((name, def) -> {
            Object javaType = ((Map<String, Object>) def).get("javaType");
            if (javaType != null) {
                javaTypes.put(javaType.toString(), name);
            }
        });
        Map<String, Object> normalised = new LinkedHashMap<>();
        definitions.forEach((name, def) -> normalised.put(name, normaliseDefinition(name, (Map<String, Object>) def)));
        // every module's file repeats the core definitions it refers to: the first file that defines a class wins
        javaTypes.forEach((javaType, name) -> byJavaType.putIfAbsent(javaType, Map.entry(normalised, name)));
    }

    private static Object normaliseDefinition(String name, Map<String, Object> def) {
        if (name.endsWith("IntOrString")) {
            return Map.of("type", List.of("integer", "string"));
        }
        if (name.endsWith("_Quantity")) {
            return Map.of("type", List.of("string", "number"));
        }
        if (name.endsWith("_Time") || name.endsWith("_MicroTime")) {
            return Map.of("type", "string");
        }
        return normalise(def);
    }

    @SuppressWarnings("unchecked")
    private static Object normalise(Object node) {
        if (node instanceof List) {
            List<Object> list = new ArrayList<>();
            for (Object item : (List<Object>) node) {
                list.add(normalise(item));
            }
            return list;
        }
        if (!(node instanceof Map)) {
            return node;
        }
        Map<String, Object> map = new LinkedHashMap<>((Map<String, Object>) node);
        for (Iterator<String> keys = map.keySet().iterator(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.startsWith("java") || key.equals("existingJavaType")) {
                keys.remove();
            }
        }
        if (map.get("properties") instanceof Map) {
            Map<String, Object> properties = new LinkedHashMap<>();
            List<String> required = new ArrayList<>();
            ((Map<String, Object>) map.get("properties")).forEach((property, schema) -> {
                if (schema instanceof Map && Boolean.TRUE.equals(((Map<String, Object>) schema).get("required"))) {
                    required.add(property);
                }
                properties.put(property, normalise(schema));
            });
            map.put("properties", properties);
            if (!required.isEmpty()) {
                map.put("required", required);
            }
            if (map.get("additionalProperties") == null || Boolean.TRUE.equals(map.get("additionalProperties"))) {
                map.put("additionalProperties", false);
            }
        } else if (map.get("additionalProperties") instanceof Map) {
            map.put("additionalProperties", normalise(map.get("additionalProperties")));
        }
        if (map.get("items") != null) {
            map.put("items", normalise(map.get("items")));
        }
        if (map.get("required") instanceof Boolean) {
            map.remove("required");
        }
        return map;
    }

    /** Whether a schema describes objects of that class. */
    boolean covers(Class<?> type) {
        return byJavaType.containsKey(type.getName());
    }

    /** The name of the definition an object of that class is validated against. */
    String definitionOf(Class<?> type) {
        Map.Entry<Map<String, Object>, String> entry = byJavaType.get(type.getName());
        return entry == null ? null : entry.getValue();
    }

    /** The schema errors of one object (its JSON as rendered), validated as an object of {@code type}. */
    List<String> validate(Class<? extends HasMetadata> type, String json) {
        Schema schema = schemas.computeIfAbsent(type.getName(), t -> {
            Map.Entry<Map<String, Object>, String> entry = byJavaType.get(t);
            if (entry == null) {
                throw new IllegalArgumentException("no Kubernetes schema for " + t);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("$schema", DRAFT_07);
            root.put("definitions", entry.getKey());
            root.put("allOf", List.of(Map.of("$ref", "#/definitions/" + entry.getValue())));
            return registry.getSchema(SERIALIZATION.asJson(root), InputFormat.JSON);
        });
        return schema.validate(json, InputFormat.JSON).stream().map(Error::toString).collect(Collectors.toList());
    }
}
