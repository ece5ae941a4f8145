package dev.galley.benchmarks;

import dev.galley.article.internal.HighlightedCode;
import org.commonmark.renderer.html.HtmlWriter;

import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;

/**
 * Runs in a fresh JVM: highlights one block of a blog post's size in the language given, and prints the classes
 * that loaded and the microseconds it took, which is what the first article with that language pays in a
 * Lambda's cold start. commonmark's writer is loaded before, as the renderer has it by then.
 */
public final class HighlightFirstBlockChild {

    static final String JAVA = """
            @Service
            public class OrderService {
                private final OrderRepository orders;

                public Order place(String customerId, List<Item> items) {
                    if (items.isEmpty()) {
                        throw new IllegalArgumentException("an order needs items");
                    }
                    return orders.save(new Order(customerId, items, Instant.now()));
                }
            }
            """;

    static final String TOML = """
            [package]
            name = "galley-cli"
            version = "0.3.1"
            edition = "2021"

            [dependencies]
            serde = { version = "1.0", features = ["derive"] }
            tokio = { version = "1", features = ["full"] } # async runtime
            """;

    private HighlightFirstBlockChild() {
    }

    public static void main(String[] args) {
        String language = args[0];
        String code = language.equals("toml") ? TOML : JAVA;
        ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
        StringBuilder html = new StringBuilder();
        HtmlWriter writer = new HtmlWriter(html);
        writer.text("");
        long loadedBefore = classes.getTotalLoadedClassCount();
        long started = System.nanoTime();
        HighlightedCode.write(language, code, writer);
        long micros = (System.nanoTime() - started) / 1_000;
        long loaded = classes.getTotalLoadedClassCount() - loadedBefore;
        System.out.println("HIGHLIGHT classes=" + loaded + " micros=" + micros + " spans=" + html.toString().split("<span", -1).length);
    }
}
