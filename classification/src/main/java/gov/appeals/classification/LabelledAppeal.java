package gov.appeals.classification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An appeal whose category a person decided: a line of the training set ({@code {category, title, content}}) or of
 * the reference samples ({@code {title, content, expected: {category}}}).
 */
public record LabelledAppeal(String category, String title, String content) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every labelled line of the {@code .jsonl} files of {@code dir}, files in name order. */
    public static List<LabelledAppeal> readDirectory(Path dir) throws IOException {
        List<LabelledAppeal> all = new ArrayList<>();
        for (Path file : files(dir)) {
            all.addAll(readFile(file));
        }
        return all;
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    /** The lines of {@code file} that carry a category; a line without one (nothing to learn or score) is skipped. */
    public static List<LabelledAppeal> readFile(Path file) throws IOException {
        List<LabelledAppeal> appeals = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (RuntimeException e) {
                throw new IOException(file + ":" + number + " is not JSON: " + e.getMessage(), e);
            }
            String category = node.path("category").asString(node.path("expected").path("category").asString(""));
            if (!category.isEmpty()) {
                appeals.add(new LabelledAppeal(category, node.path("title").asString(""),
                        node.path("content").asString("")));
            }
        }
        return appeals;
    }
}
