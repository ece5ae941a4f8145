package dev.galley.article.internal;

import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;

import java.util.Map;

/** A Markdown link's {@code rel}, as {@link LinkRel} has it, instead of the {@code nofollow} commonmark puts on every link. */
final class LinkAttributes implements AttributeProvider {

    private final LinkRel rel;

    LinkAttributes(LinkRel rel) {
        this.rel = rel;
    }

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (node instanceof Link && tagName.equals("a")) {
            String value = rel.of(attributes.getOrDefault("href", ""));
            if (value == null) {
                attributes.remove("rel");
            } else {
                attributes.put("rel", value);
            }
        }
    }
}
