package gov.appeals.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import gov.appeals.events.Urgency;
import gov.appeals.reference.calendar.WorkingCalendar;

/**
 * The platform's default configuration from {@code reference/}: departments, streets/towns, categories with their
 * routing and keywords, and the holiday calendar. The codes here are the ones events carry. Loaded from a
 * directory when one is given (a deployment's own copy), otherwise from the copy bundled in this jar.
 */
public final class ReferenceData {

    private final String district;
    private final Map<String, Department> units;
    private final List<Street> streets;
    private final Map<String, Category> categories;
    private final List<String> urgentKeywords;
    private final WorkingCalendar calendar;

    public record Street(String code, String name) {
    }

    private ReferenceData(String district, Map<String, Department> units, List<Street> streets,
                          Map<String, Category> categories, List<String> urgentKeywords, WorkingCalendar calendar) {
        this.district = district;
        this.units = units;
        this.streets = streets;
        this.categories = categories;
        this.urgentKeywords = urgentKeywords;
        this.calendar = calendar;
    }

    public static ReferenceData bundled() {
        return load(null);
    }

    /** @param dir a directory holding some or all of the reference files; null or missing files fall back to bundled */
    public static ReferenceData load(Path dir) {
        Map<?, ?> departments = yaml(dir, "departments.yaml");
        Map<?, ?> categories = yaml(dir, "categories.yaml");
        WorkingCalendar calendar;
        try (InputStream in = open(dir, "holidays-cn.yaml")) {
            calendar = WorkingCalendar.fromYaml(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        Map<String, Department> units = new LinkedHashMap<>();
        for (Map<?, ?> d : maps(departments.get("departments"))) {
            Department dept = new Department(str(d, "code"), str(d, "name"),
                    Department.Level.valueOf(String.valueOf(d.get("level"))), str(d, "role"));
            units.put(dept.code(), dept);
        }
        List<Street> streets = new ArrayList<>();
        for (Map<?, ?> s : maps(departments.get("streets"))) {
            Street street = new Street(str(s, "code"), str(s, "name"));
            streets.add(street);
            units.put(street.code(), new Department(street.code(), street.name(), Department.Level.STREET, null));
        }
        Map<String, Category> cats = new LinkedHashMap<>();
        for (Map<?, ?> c : maps(categories.get("categories"))) {
            Object urgency = c.get("urgency");
            Category category = new Category(str(c, "code"), str(c, "name"), str(c, "lead"),
                    strings(c.get("coHandlers")), urgency == null ? null : Urgency.valueOf(urgency.toString()),
                    strings(c.get("keywords")));
            cats.put(category.code(), category);
        }
        Map<?, ?> districtNode = (Map<?, ?>) departments.get("district");
        String district = districtNode == null ? null : str(districtNode, "code");
        return new ReferenceData(district, Map.copyOf(units), List.copyOf(streets), Collections.unmodifiableMap(cats),
                strings(categories.get("urgentKeywords")), calendar);
    }

    public String district() {
        return district;
    }

    /** Every unit that can own an appeal: departments and streets/towns, by code. */
    public Optional<Department> unit(String code) {
        return Optional.ofNullable(code == null ? null : units.get(code));
    }

    public List<Department> units() {
        return List.copyOf(units.values());
    }

    public List<Street> streets() {
        return streets;
    }

    public Optional<Street> street(String code) {
        return streets.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    /** Categories in file order (which is also the tie-break order for classification). */
    public List<Category> categories() {
        return List.copyOf(categories.values());
    }

    public Optional<Category> category(String code) {
        return Optional.ofNullable(code == null ? null : categories.get(code));
    }

    public List<String> urgentKeywords() {
        return urgentKeywords;
    }

    /** The unit that decides what no rule routes (兜底): the one with role TRIAGE. */
    public Department triageUnit() {
        return units.values().stream().filter(Department::isTriage).findFirst()
                .orElseThrow(() -> new IllegalStateException("departments.yaml names no TRIAGE department"));
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    private static Map<?, ?> yaml(Path dir, String file) {
        try (InputStream in = open(dir, file)) {
            Map<?, ?> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return root == null ? Map.of() : root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(Path dir, String file) throws IOException {
        if (dir != null && Files.isRegularFile(dir.resolve(file))) {
            return Files.newInputStream(dir.resolve(file));
        }
        InputStream in = ReferenceData.class.getResourceAsStream("/reference/" + file);
        if (in == null) {
            throw new IOException("Reference file " + file + " is neither in " + dir + " nor bundled");
        }
        return in;
    }

    private static List<Map<?, ?>> maps(Object node) {
        List<Map<?, ?>> result = new ArrayList<>();
        if (node instanceof List<?> list) {
            list.forEach(item -> result.add((Map<?, ?>) item));
        }
        return result;
    }

    private static List<String> strings(Object node) {
        List<String> result = new ArrayList<>();
        if (node instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        }
        return List.copyOf(result);
    }

    private static String str(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }
}
