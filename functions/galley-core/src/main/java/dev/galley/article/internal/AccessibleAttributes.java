package dev.galley.article.internal;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.renderer.html.AttributeProvider;

import java.util.Map;

/**
 * What keyboard and screen-reader users need from the body HTML: code blocks and tables, which scroll
 * sideways on a phone, take focus so the keyboard can scroll them; a task-list checkbox is named by its item.
 */
final class AccessibleAttributes implements AttributeProvider {

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (tagName.equals("pre") || node instanceof TableBlock) {
            attributes.put("tabindex", "0");
        } else if (node instanceof TaskListItemMarker && node.getNext() instanceof Paragraph item) {
            attributes.put("aria-label", PlainText.of(item));
        }
    }
}
