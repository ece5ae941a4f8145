package dev.galley.infrastructure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Small read helpers over a template loaded by {@link CfnYaml}. */
final class Template {

    static Path infrastructureDir() {
        String dir = System.getProperty("galley.infrastructure.dir");
        return dir != null ? Path.of(dir) : Path.of("").toAbsolutePath();
    }

    static Path buildDir() {
        String dir = System.getProperty("galley.build.dir");
        return dir != null ? Path.of(dir) : infrastructureDir().resolve("target");
    }

    static Path templateFile() {
        return infrastructureDir().resolve("template.yaml");
    }

    static Map<String, Object> loadMain() {
        return CfnYaml.load(templateFile());
    }

    private Template() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new AssertionError("expected a mapping, got " + value);
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new AssertionError("expected a list, got " + value);
    }

    /** A value that may be one item or a list of items, as a list. */
    @SuppressWarnings("unchecked")
    static List<Object> oneOrMany(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        return List.of(value);
    }

    static Map<String, Object> resources(Map<String, Object> template) {
        return map(template.get("Resources"));
    }

    static Map<String, Object> resource(Map<String, Object> template, String logicalId) {
        Object r = resources(template).get(logicalId);
        if (r == null) {
            throw new AssertionError("template has no resource " + logicalId);
        }
        return map(r);
    }

    static Map<String, Object> props(Map<String, Object> template, String logicalId) {
        Object p = resource(template, logicalId).get("Properties");
        return p == null ? new LinkedHashMap<>() : map(p);
    }

    static String type(Map<String, Object> resource) {
        return (String) resource.get("Type");
    }

    /** Logical ids of the resources of one type, in template order. */
    static List<String> idsOfType(Map<String, Object> template, String type) {
        List<String> ids = new ArrayList<>();
        resources(template).forEach((id, r) -> {
            if (type.equals(type(map(r)))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Follows a path of mapping keys and list indexes; null when absent. */
    static Object at(Object root, Object... path) {
        Object current = root;
        for (Object step : path) {
            if (current == null) {
                return null;
            }
            if (step instanceof Integer i) {
                if (!(current instanceof List<?> l)) {
                    return null;
                }
                current = i < l.size() ? l.get(i) : null;
            } else {
                if (!(current instanceof Map<?, ?> m)) {
                    return null;
                }
                current = m.get(step);
            }
        }
        return current;
    }

    /**
     * A readable text for a value that may hold intrinsics: {@code Fn::Sub} gives its
     * template string, {@code Ref X} gives {@code ${X}}, {@code GetAtt A.B} gives
     * {@code ${A.B}}, {@code Fn::Join} joins its rendered parts. Rules match on this text.
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            Map.Entry<?, ?> e = m.entrySet().iterator().next();
            Object arg = e.getValue();
            switch ((String) e.getKey()) {
                case "Ref":
                    return "${" + arg + "}";
                case "Fn::GetAtt":
                    return "${" + (arg instanceof List<?> l
                            ? l.stream().map(Object::toString).collect(Collectors.joining("."))
                            : arg) + "}";
                case "Fn::Sub":
                    return arg instanceof List<?> l ? text(l.get(0)) : text(arg);
                case "Fn::Join": {
                    List<Object> parts = list(arg);
                    String sep = (String) parts.get(0);
                    return list(parts.get(1)).stream().map(Template::text).collect(Collectors.joining(sep));
                }
                default:
                    return value.toString();
            }
        }
        return value.toString();
    }
}
