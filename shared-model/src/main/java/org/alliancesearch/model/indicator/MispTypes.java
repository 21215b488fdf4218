package org.alliancesearch.model.indicator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The MISP attribute types and categories, as MISP describes them ({@code misp/describeTypes.json}, loaded once on
 * first use), and the family each type is matched in.
 */
public final class MispTypes {
    private MispTypes() {
    }

    private static final class Table {
        static final Table INSTANCE = load();

        final List<String> types;
        final List<String> categories;
        final Map<String, String> defaultCategory;
        final Map<String, Boolean> toIds;
        final Map<String, List<String>> categoryTypes;
        final Map<String, String> typeByLowerCase;
        final Map<String, String> categoryByLowerCase;

        private Table(List<String> types, List<String> categories, Map<String, String> defaultCategory,
                Map<String, Boolean> toIds, Map<String, List<String>> categoryTypes) {
            this.types = List.copyOf(types);
            this.categories = List.copyOf(categories);
            this.defaultCategory = Map.copyOf(defaultCategory);
            this.toIds = Map.copyOf(toIds);
            this.categoryTypes = Collections.unmodifiableMap(categoryTypes);
            Map<String, String> lowerTypes = new HashMap<>();
            types.forEach(type -> lowerTypes.putIfAbsent(type.toLowerCase(Locale.ROOT), type));
            this.typeByLowerCase = Map.copyOf(lowerTypes);
            Map<String, String> lowerCategories = new HashMap<>();
            categories.forEach(category -> lowerCategories.putIfAbsent(category.toLowerCase(Locale.ROOT), category));
            this.categoryByLowerCase = Map.copyOf(lowerCategories);
        }

        private static Table load() {
            try (InputStream in = MispTypes.class.getResourceAsStream("/misp/describeTypes.json")) {
                if (in == null) {
                    throw new IllegalStateException("misp/describeTypes.json missing from the class path");
                }
                JsonNode root = new ObjectMapper().readTree(in);
                JsonNode result = root.has("result") ? root.get("result") : root;
                List<String> types = new ArrayList<>();
                result.path("types").forEach(node -> types.add(node.asText()));
                List<String> categories = new ArrayList<>();
                result.path("categories").forEach(node -> categories.add(node.asText()));
                Map<String, String> defaultCategory = new HashMap<>();
                Map<String, Boolean> toIds = new HashMap<>();
                result.path("sane_defaults").fields().forEachRemaining(entry -> {
                    defaultCategory.put(entry.getKey(), entry.getValue().path("default_category").asText());
                    toIds.put(entry.getKey(), entry.getValue().path("to_ids").asInt() == 1);
                });
                Map<String, List<String>> categoryTypes = new LinkedHashMap<>();
                result.path("category_type_mappings").fields().forEachRemaining(entry -> {
                    List<String> mapped = new ArrayList<>();
                    entry.getValue().forEach(node -> mapped.add(node.asText()));
                    categoryTypes.put(entry.getKey(), List.copyOf(mapped));
                });
                return new Table(types, categories, defaultCategory, toIds, categoryTypes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Every MISP attribute type, in MISP's order. */
    public static List<String> types() {
        return Table.INSTANCE.types;
    }

    /** Every MISP category, in MISP's order. */
    public static List<String> categories() {
        return Table.INSTANCE.categories;
    }

    /** Whether MISP knows this attribute type (exact spelling, e.g. {@code ip-dst}, {@code AS}). */
    public static boolean isKnownType(String type) {
        return type != null && Table.INSTANCE.defaultCategory.containsKey(type);
    }

    /** Whether MISP knows this category (exact spelling, e.g. {@code Network activity}). */
    public static boolean isKnownCategory(String category) {
        return category != null && Table.INSTANCE.categoryTypes.containsKey(category);
    }

    /** MISP's spelling of a type given in any case and with surrounding white space, if it is one. */
    public static Optional<String> canonicalType(String type) {
        return type == null
                ? Optional.empty()
                : Optional.ofNullable(Table.INSTANCE.typeByLowerCase.get(type.strip().toLowerCase(Locale.ROOT)));
    }

    /** MISP's spelling of a category given in any case and with surrounding white space, if it is one. */
    public static Optional<String> canonicalCategory(String category) {
        return category == null
                ? Optional.empty()
                : Optional.ofNullable(
                        Table.INSTANCE.categoryByLowerCase.get(category.strip().toLowerCase(Locale.ROOT)));
    }

    /** The category MISP gives a new attribute of this type, if the type is known. */
    public static Optional<String> defaultCategory(String type) {
        return type == null ? Optional.empty() : Optional.ofNullable(Table.INSTANCE.defaultCategory.get(type));
    }

    /** Whether MISP flags a new attribute of this type for IDS by default (false for unknown types). */
    public static boolean toIdsByDefault(String type) {
        return type != null && Table.INSTANCE.toIds.getOrDefault(type, Boolean.FALSE);
    }

    /** The types allowed in a category (empty for an unknown category). */
    public static List<String> typesOfCategory(String category) {
        return category == null ? List.of() : Table.INSTANCE.categoryTypes.getOrDefault(category, List.of());
    }

    /**
     * The family attributes of this type are matched in: {@code ip}, {@code domain}, {@code url}, {@code email},
     * {@code md5}, {@code sha1}, {@code sha256}, {@code sha512}, {@code filename}, {@code cve} (see {@link Families}),
     * the digest's own type for {@code filename|<digest>} types, or the type itself.
     */
    public static String family(String type) {
        TypeRule rule = TypeRule.of(type);
        return rule != null ? rule.family() : type;
    }
}
